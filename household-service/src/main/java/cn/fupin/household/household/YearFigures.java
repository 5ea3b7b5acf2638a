package cn.fupin.household.household;

/**
 * A household's income and conditions of one year as events carry them: money as decimal strings with two places,
 * never binary floating point; the basic needs as reports and early warning count them.
 *
 * @param size the members the per-capita income is counted over (those living in the household that year)
 */
public record YearFigures(int year, int size, String wageIncome, String transferIncome, String productionIncome,
        String propertyIncome, String productionExpenses, String netIncome, String perCapitaIncome, Needs conditions) {

    /** 两不愁三保障 and the house's grade, as judged from the year's conditions. */
    public record Needs(boolean noCompulsoryEducationDropout, boolean basicMedicalInsurance, boolean safeHousing,
            boolean safeDrinkingWater, String dangerousHouseGrade) {
    }
}
