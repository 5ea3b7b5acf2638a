package cn.fupin.household.annual;

/**
 * A household's income and conditions of a year (A28–A48) as the national registry's export states them, amounts to
 * the fen.
 */
public record ImportedYear(int year, Income income, Conditions conditions) {
}
