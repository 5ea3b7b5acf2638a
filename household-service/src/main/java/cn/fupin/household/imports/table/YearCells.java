package cn.fupin.household.imports.table;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

import cn.fupin.household.annual.Conditions;
import cn.fupin.household.annual.Income;
import cn.fupin.household.imports.table.MemberCells.Reading;

/**
 * A household's income and conditions of a year (A28–A48) as every import reads them, by field name: amounts in
 * yuan, mu or km (separators and units allowed), yes/no and codes as codes or labels through the codebook.
 */
public final class YearCells {

    /** The fields, in the order of the forms' columns. */
    public static final List<String> FIELDS = List.of("wageIncome", "transferIncome", "familyPlanningSubsidy",
            "minimumLivingAllowance", "extremePovertySupport", "pension", "ecologicalCompensation",
            "otherTransferIncome", "productionIncome", "propertyIncome", "assetDividend", "otherPropertyIncome",
            "productionExpenses", "cultivatedLand", "grassland", "waterSurface", "forestLand", "returnedFarmland",
            "orchard", "roadType", "distanceToMainRoad", "cooperativeMember", "dangerousHouseGrade", "housingArea",
            "electricity", "sanitaryToilet", "safeDrinkingWater", "fuelType", "leadingEnterprise",
            "entrepreneurLeader", "broadcastTv");

    /** A year read: what the household earned and how it lives. */
    public record Year(Income income, Conditions conditions) {
    }

    private final CellValues values;

    public YearCells(CellValues values) {
        this.values = values;
    }

    /** Whether any of the year's cells is filled: a household without is given no record. */
    public static boolean anyFilled(Function<String, String> cell) {
        return FIELDS.stream().anyMatch(field -> !cell.apply(field).isBlank());
    }

    /** @param cell a cell of the household by field name, blank when the file has no such column */
    public Year read(Function<String, String> cell, Reading reading) {
        Income income = new Income(amount(cell, "wageIncome", reading), amount(cell, "transferIncome", reading),
                amount(cell, "familyPlanningSubsidy", reading), amount(cell, "minimumLivingAllowance", reading),
                amount(cell, "extremePovertySupport", reading), amount(cell, "pension", reading),
                amount(cell, "ecologicalCompensation", reading), amount(cell, "otherTransferIncome", reading),
                amount(cell, "productionIncome", reading), amount(cell, "propertyIncome", reading),
                amount(cell, "assetDividend", reading), amount(cell, "otherPropertyIncome", reading),
                amount(cell, "productionExpenses", reading));
        Conditions conditions = new Conditions(amount(cell, "cultivatedLand", reading),
                amount(cell, "grassland", reading), amount(cell, "waterSurface", reading),
                amount(cell, "forestLand", reading), amount(cell, "returnedFarmland", reading),
                amount(cell, "orchard", reading), code(cell, "roadType", "A37_road_type", reading),
                amount(cell, "distanceToMainRoad", reading), yesNo(cell, "cooperativeMember", reading),
                code(cell, "dangerousHouseGrade", "A40_dangerous_house_grade", reading),
                amount(cell, "housingArea", reading), yesNo(cell, "electricity", reading),
                yesNo(cell, "sanitaryToilet", reading), yesNo(cell, "safeDrinkingWater", reading),
                code(cell, "fuelType", "A45_fuel_type", reading), yesNo(cell, "leadingEnterprise", reading),
                yesNo(cell, "entrepreneurLeader", reading), yesNo(cell, "broadcastTv", reading));
        return new Year(income, conditions);
    }

    private static BigDecimal amount(Function<String, String> cell, String field, Reading reading) {
        return reading.value(field, () -> CellValues.amount(cell.apply(field)).orElse(null));
    }

    private String code(Function<String, String> cell, String field, String list, Reading reading) {
        return reading.value(field, () -> values.code(list, cell.apply(field)));
    }

    private Boolean yesNo(Function<String, String> cell, String field, Reading reading) {
        return reading.value(field, () -> values.yesNo(cell.apply(field)));
    }
}
