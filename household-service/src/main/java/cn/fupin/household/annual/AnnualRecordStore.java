package cn.fupin.household.annual;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.jdbc.CopyRows;

/** Annual records, one row per household and year; written whole, guarded by their version. */
@Repository
class AnnualRecordStore {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    AnnualRecordStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    Optional<AnnualRecord> find(UUID householdId, int year) {
        return jdbc.sql("select * from annual_record where household_id = :id and year = :year")
                .param("id", householdId).param("year", year)
                .query((rs, n) -> read(rs)).optional();
    }

    /** The stored records of the year of the given households, by household. */
    Map<UUID, AnnualRecord> findAll(List<UUID> householdIds, int year) {
        Map<UUID, AnnualRecord> records = new HashMap<>();
        if (householdIds.isEmpty()) {
            return records;
        }
        jdbc.sql("select * from annual_record where household_id = any(:ids) and year = :year")
                .param("ids", householdIds.toArray(UUID[]::new)).param("year", year)
                .query((rs, n) -> read(rs)).list().forEach(record -> records.put(record.householdId(), record));
        return records;
    }

    Map<UUID, AnnualRecord> latest(List<UUID> householdIds) {
        Map<UUID, AnnualRecord> records = new HashMap<>();
        if (householdIds.isEmpty()) {
            return records;
        }
        jdbc.sql("""
                select distinct on (household_id) * from annual_record where household_id = any(:ids)
                order by household_id, year desc""")
                .param("ids", householdIds.toArray(UUID[]::new))
                .query((rs, n) -> read(rs)).list().forEach(record -> records.put(record.householdId(), record));
        return records;
    }

    /** Records new here (version 0), copied in together in the current transaction. */
    void insertAll(List<AnnualRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows();
        for (AnnualRecord record : records) {
            columns(record).values().forEach(rows::add);
            rows.end();
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            rows.copyInto(connection, "annual_record", String.join(", ", columns(records.getFirst()).keySet()));
        }
        finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /**
     * Inserts version 0 or replaces the stored version {@code record.version() - 1}; false when somebody else
     * wrote in between.
     */
    boolean save(AnnualRecord record) {
        Map<String, Object> columns = columns(record);
        String names = String.join(", ", columns.keySet());
        String values = columns.keySet().stream().map(column -> ":" + column).collect(Collectors.joining(", "));
        String updates = columns.keySet().stream().filter(column -> !column.equals("household_id")
                && !column.equals("division_code") && !column.equals("year")).map(column -> column + " = excluded." + column)
                .collect(Collectors.joining(", "));
        return jdbc.sql("insert into annual_record (" + names + ") values (" + values + ")"
                + " on conflict (household_id, year, division_code) do update set " + updates
                + " where annual_record.version = excluded.version - 1")
                .params(columns).update() == 1;
    }

    private static Map<String, Object> columns(AnnualRecord record) {
        Income income = record.income();
        Conditions conditions = record.conditions();
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("household_id", record.householdId());
        columns.put("division_code", record.divisionCode());
        columns.put("year", record.year());
        columns.put("wage_income", income.wageIncome());
        columns.put("transfer_income", income.transferIncome());
        columns.put("family_planning_subsidy", income.familyPlanningSubsidy());
        columns.put("minimum_living_allowance", income.minimumLivingAllowance());
        columns.put("extreme_poverty_support", income.extremePovertySupport());
        columns.put("pension", income.pension());
        columns.put("ecological_compensation", income.ecologicalCompensation());
        columns.put("other_transfer_income", income.otherTransferIncome());
        columns.put("production_income", income.productionIncome());
        columns.put("property_income", income.propertyIncome());
        columns.put("asset_dividend", income.assetDividend());
        columns.put("other_property_income", income.otherPropertyIncome());
        columns.put("production_expenses", income.productionExpenses());
        columns.put("cultivated_land", conditions.cultivatedLand());
        columns.put("grassland", conditions.grassland());
        columns.put("water_surface", conditions.waterSurface());
        columns.put("forest_land", conditions.forestLand());
        columns.put("returned_farmland", conditions.returnedFarmland());
        columns.put("orchard", conditions.orchard());
        columns.put("road_type", conditions.roadType());
        columns.put("distance_to_main_road", conditions.distanceToMainRoad());
        columns.put("cooperative_member", conditions.cooperativeMember());
        columns.put("dangerous_house_grade", conditions.dangerousHouseGrade());
        columns.put("housing_area", conditions.housingArea());
        columns.put("electricity", conditions.electricity());
        columns.put("sanitary_toilet", conditions.sanitaryToilet());
        columns.put("safe_drinking_water", conditions.safeDrinkingWater());
        columns.put("fuel_type", conditions.fuelType());
        columns.put("leading_enterprise", conditions.leadingEnterprise());
        columns.put("entrepreneur_leader", conditions.entrepreneurLeader());
        columns.put("broadcast_tv", conditions.broadcastTv());
        columns.put("size", record.size());
        columns.put("net_income", record.netIncome());
        columns.put("per_capita_income", record.perCapitaIncome());
        columns.put("no_dropout", record.basicNeeds().noCompulsoryEducationDropout());
        columns.put("basic_medical_insurance", record.basicNeeds().basicMedicalInsurance());
        columns.put("safe_housing", record.basicNeeds().safeHousing());
        columns.put("version", record.version());
        columns.put("updated_at", Timestamp.from(record.updatedAt()));
        return columns;
    }

    private static AnnualRecord read(ResultSet rs) throws SQLException {
        Income income = new Income(money(rs, "wage_income"), money(rs, "transfer_income"),
                money(rs, "family_planning_subsidy"), money(rs, "minimum_living_allowance"),
                money(rs, "extreme_poverty_support"), money(rs, "pension"), money(rs, "ecological_compensation"),
                money(rs, "other_transfer_income"), money(rs, "production_income"), money(rs, "property_income"),
                money(rs, "asset_dividend"), money(rs, "other_property_income"), money(rs, "production_expenses"));
        Conditions conditions = new Conditions(money(rs, "cultivated_land"), money(rs, "grassland"),
                money(rs, "water_surface"), money(rs, "forest_land"), money(rs, "returned_farmland"),
                money(rs, "orchard"), rs.getString("road_type"), money(rs, "distance_to_main_road"),
                flag(rs, "cooperative_member"), rs.getString("dangerous_house_grade"), money(rs, "housing_area"),
                flag(rs, "electricity"), flag(rs, "sanitary_toilet"), flag(rs, "safe_drinking_water"),
                rs.getString("fuel_type"), flag(rs, "leading_enterprise"), flag(rs, "entrepreneur_leader"),
                flag(rs, "broadcast_tv"));
        BasicNeeds needs = new BasicNeeds(rs.getBoolean("no_dropout"), rs.getBoolean("basic_medical_insurance"),
                rs.getBoolean("safe_housing"), Boolean.TRUE.equals(conditions.safeDrinkingWater()));
        return new AnnualRecord(rs.getObject("household_id", UUID.class), rs.getString("division_code"),
                rs.getInt("year"), income, conditions, rs.getInt("size"), rs.getBigDecimal("net_income"),
                rs.getBigDecimal("per_capita_income"), needs, rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static BigDecimal money(ResultSet rs, String column) throws SQLException {
        return rs.getBigDecimal(column);
    }

    private static Boolean flag(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }
}
