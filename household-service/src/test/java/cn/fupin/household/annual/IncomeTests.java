package cn.fupin.household.annual;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class IncomeTests {

    static Income income(String wage, String transfer, String production, String property, String expenses) {
        return new Income(amount(wage), amount(transfer), null, null, null, null, null, null, amount(production),
                amount(property), null, null, amount(expenses));
    }

    static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    @Test
    void netIncomeIsWagePlusProductionPlusPropertyPlusTransferLessExpenses() {
        Income income = income("12000.50", "1000", "3000", "250.25", "500.75");

        assertThat(income.netIncome()).isEqualByComparingTo("15750.00");
    }

    @Test
    void perCapitaIsRoundedHalfUpToTheFen() {
        Income income = income("10000", null, null, null, null);

        assertThat(income.perCapita(3)).isEqualTo(new BigDecimal("3333.33"));
        assertThat(income("10000.01", null, null, null, null).perCapita(2)).isEqualTo(new BigDecimal("5000.01"));
        assertThat(income("0.05", null, null, null, null).perCapita(2)).isEqualTo(new BigDecimal("0.03"));
    }

    @Test
    void unfilledItemsCountAsZeroAndExpensesCanMakeItNegative() {
        assertThat(income(null, null, null, null, null).netIncome()).isEqualByComparingTo("0");
        assertThat(income("100", null, null, null, "300").perCapita(1)).isEqualByComparingTo("-200.00");
    }

    @Test
    void aHouseholdWithoutMembersHasNoPerCapitaIncome() {
        assertThatThrownBy(() -> income("1", null, null, null, null).perCapita(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
