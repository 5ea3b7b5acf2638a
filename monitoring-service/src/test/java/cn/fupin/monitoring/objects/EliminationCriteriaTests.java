package cn.fupin.monitoring.objects;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.monitoring.households.HouseholdSummary.BasicNeeds;
import cn.fupin.monitoring.households.HouseholdSummary.MemberSummary;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.platform.domain.FieldError;

/** Each elimination criterion fails on its own and is named. */
class EliminationCriteriaTests {

    /** 2020: 4000 yuan × 1.5 = a monitoring line of 6000.00. */
    static final YearlyPolicy YEAR_2020 = new YearlyPolicy(2020, 1, 2020, new BigDecimal("4000"),
            new BigDecimal("1.5"), 7);
    static final BasicNeeds MET = new BasicNeeds(true, true, true, true);

    static HouseholdSummary household(String income, BasicNeeds needs, String labour) {
        return household(2020, income, needs, labour);
    }

    static HouseholdSummary household(int year, String income, BasicNeeds needs, String labour) {
        return new HouseholdSummary(UUID.randomUUID(), "350481100201", "REGISTERED", "EXITED", 1, null, null,
                List.of(new MemberSummary(UUID.randomUUID(), "01", List.of("01"), labour, null, true)), List.of(),
                income == null ? null : year, income == null ? null : new BigDecimal(income), needs, 1);
    }

    static List<String> failing(HouseholdSummary h, List<String> risks, String override) {
        return EliminationCriteria.failures(h, risks, override, YEAR_2020).stream().map(FieldError::field).toList();
    }

    @Test
    void allMetIsNoFailure() {
        assertThat(failing(household("6000.01", MET, "01"), List.of(), null)).isEmpty();
    }

    @Test
    void incomeMustBeAboveTheMonitoringLine() {
        assertThat(failing(household("6000.00", MET, "01"), List.of(), null)).containsExactly("perCapitaIncome");
        assertThat(failing(household(null, MET, "01"), List.of(), null)).containsExactly("perCapitaIncome");
    }

    /** 考核年度: a high income of another year does not show the risk gone this year. */
    @Test
    void incomeMustBeTheAssessedYears() {
        assertThat(failing(household(2019, "60000.00", MET, "01"), List.of(), null)).containsExactly("perCapitaIncome");
        assertThat(EliminationCriteria.failures(household(2019, "60000.00", MET, "01"), List.of(), null, YEAR_2020)
                .getFirst().message()).contains("2019", "考核年度（2020 年）");
    }

    @Test
    void everyUnmetBasicNeedIsNamed() {
        assertThat(failing(household("9000", new BasicNeeds(true, false, null, true), "02"), List.of(), null))
                .containsExactly("basicNeeds.basicMedicalInsurance", "basicNeeds.safeHousing");
    }

    /** 两不愁三保障: each guarantee fails on its own, unknown as well as unmet. */
    @Test
    void eachBasicNeedFailsOnItsOwn() {
        assertThat(failing(household("9000", new BasicNeeds(false, true, true, true), "01"), List.of(), null))
                .containsExactly("basicNeeds.noCompulsoryEducationDropout");
        assertThat(failing(household("9000", new BasicNeeds(true, null, true, true), "01"), List.of(), null))
                .containsExactly("basicNeeds.basicMedicalInsurance");
        assertThat(failing(household("9000", new BasicNeeds(true, true, false, true), "01"), List.of(), null))
                .containsExactly("basicNeeds.safeHousing");
        assertThat(failing(household("9000", new BasicNeeds(true, true, true, false), "01"), List.of(), null))
                .containsExactly("basicNeeds.safeDrinkingWater");
        assertThat(failing(household("9000", null, "01"), List.of(), null)).hasSize(4);
    }

    @Test
    void remainingRisksAndNoLabourWithoutReasonFail() {
        assertThat(failing(household("9000", MET, "01"), List.of("01"), null)).containsExactly("risks");
        assertThat(failing(household("9000", MET, "03"), List.of(), null)).containsExactly("overrideReason");
        assertThat(failing(household("9000", MET, "03"), List.of(), "特困供养兜底")).isEmpty();
    }
}
