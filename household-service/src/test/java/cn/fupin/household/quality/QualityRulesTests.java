package cn.fupin.household.quality;

import static cn.fupin.household.quality.HouseholdFactsMother.head;
import static cn.fupin.household.quality.HouseholdFactsMother.household;
import static cn.fupin.household.quality.HouseholdFactsMother.income;
import static cn.fupin.household.quality.HouseholdFactsMother.son;
import static cn.fupin.household.quality.HouseholdFactsMother.spouse;
import static cn.fupin.household.quality.HouseholdFactsMother.withRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class QualityRulesTests {

    private final QualityRules rules = new QualityRules();

    @Test
    void everyRuleHasItsOwnCodeATitleAndASeverity() {
        assertThat(rules.rules()).hasSize(15).extracting(QualityRule::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("[a-z]+(-[a-z]+)*"));
        assertThat(rules.rules()).allSatisfy(rule -> {
            assertThat(rule.title()).isNotBlank();
            assertThat(rule.severity()).isNotNull();
        });
        assertThat(rules.rules()).filteredOn(rule -> rule.severity() == Severity.BLOCKING)
                .extracting(QualityRule::code).containsExactlyInAnyOrder("one-head", "resident-id");
    }

    /** Reports name problem data by the codebook: every rule is listed there under its own title, and only rules. */
    @Test
    void theCodebookNamesEveryRuleByItsTitle() {
        var listed = cn.fupin.contracts.codebook.Codebook.forYear(2020).list("data_quality_rule");
        assertThat(rules.rules()).allSatisfy(rule -> assertThat(listed.label(rule.code())).isEqualTo(rule.title()));
        assertThat(listed.options()).hasSameSizeAs(rules.rules());
    }

    @Test
    void aCleanHouseholdHasNoFinding() {
        HouseholdFacts facts = withRecord(household(List.of("01", "03"), head("张大山").work("03", 10).health("02"),
                spouse("李秀英").minimumLiving(), son("张小军", LocalDate.of(2008, 9, 1)).student("06")),
                income("A28", "24000", "A29", "3600", "A29b", "3600", "A30", "5000", "A32", "1200"));

        assertThat(rules.evaluate(facts)).isEmpty();
    }

    @Test
    void everyRuleReportsWithItsCodeAndSeverity() {
        HouseholdFacts facts = withRecord(household(List.of("02"), spouse("李秀英").labourSkill("04"),
                spouse("王小红").work("02", 0)), income("A28", "8000", "A29", "1200", "A29b", "1200"));

        assertThat(rules.evaluate(facts)).extracting(Finding::rule, Finding::severity).containsExactlyInAnyOrder(
                tuple("one-head", Severity.BLOCKING),
                tuple("one-spouse", Severity.FINDING),
                tuple("labour-capacity", Severity.FINDING),
                tuple("work-area-months", Severity.FINDING),
                tuple("wage-income-workers", Severity.FINDING),
                tuple("cause-without-member", Severity.FINDING),
                tuple("minimum-living", Severity.FINDING));
    }
}
