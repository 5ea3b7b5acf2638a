package cn.fupin.household.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.BasicNeeds;
import cn.fupin.platform.domain.FieldError;

/** 贫困户退出标准: each criterion fails on its own, is named with its indicator, and all met is no failure. */
class ExitCriteriaTests {

    static final BigDecimal LINE = new BigDecimal("4000.00");
    static final BasicNeeds MET = new BasicNeeds(true, true, true, true);

    static AnnualRecord record(String perCapita, BasicNeeds needs) {
        return new AnnualRecord(UUID.randomUUID(), "350481107203", 2020, null, null, 3,
                new BigDecimal(perCapita).multiply(BigDecimal.valueOf(3)), new BigDecimal(perCapita), needs, 0, null);
    }

    static List<String> failing(AnnualRecord record) {
        return ExitCriteria.failures(record, LINE).stream().map(f -> f.field() + "/" + f.indicator()).toList();
    }

    @Test
    void allMetAboveTheLineIsNoFailure() {
        assertThat(failing(record("4000.01", MET))).isEmpty();
    }

    @Test
    void incomeMustBeAboveTheLineNotAtIt() {
        assertThat(failing(record("4000.00", MET))).containsExactly("perCapitaIncome/null");
        assertThat(ExitCriteria.failures(record("3999.99", MET), LINE).getFirst().message())
                .isEqualTo("2020 年度人均纯收入 3999.99 元未超过当年贫困线 4000.00 元");
    }

    @Test
    void eachGuaranteeFailsOnItsOwnWithItsIndicator() {
        assertThat(failing(record("9000", new BasicNeeds(false, true, true, true))))
                .containsExactly("basicNeeds.noCompulsoryEducationDropout/A14");
        assertThat(failing(record("9000", new BasicNeeds(true, false, true, true))))
                .containsExactly("basicNeeds.basicMedicalInsurance/A17");
        assertThat(failing(record("9000", new BasicNeeds(true, true, false, true))))
                .containsExactly("basicNeeds.safeHousing/A40");
        assertThat(failing(record("9000", new BasicNeeds(true, true, true, false))))
                .containsExactly("basicNeeds.safeDrinkingWater/A44");
    }

    @Test
    void everyFailingCriterionIsNamedAtOnce() {
        List<FieldError> failures = ExitCriteria.failures(record("100", new BasicNeeds(false, false, false, false)),
                LINE);
        assertThat(failures).hasSize(5);
        assertThat(failures).allSatisfy(failure -> assertThat(failure.message()).isNotBlank());
    }
}
