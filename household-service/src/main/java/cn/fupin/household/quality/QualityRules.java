package cn.fupin.household.quality;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * 问题数据规则: the national data-quality rules the registry replicates (domain.md, "National data-quality rules"
 * and "Rules worth encoding"), run over one household for the self-check (11-21 … 12-10 in the 2020 work plan)
 * and, for the blocking ones, before a write.
 * <p>
 * A rule that looks beyond one household reads what it needs of the registry from the facts, gathered by the caller
 * ({@link HouseholdFacts#helperMatches()}). Duplicate ID numbers across the registry are not a rule: the database's
 * unique index refuses them at write.
 */
@Component
public class QualityRules {

    private final List<QualityRule> rules = List.of(new OneHead(), new OneSpouse(), new EducationOrStudent(),
            new AgeVsSchoolLevel(), new LabourCapacity(), new WorkAreaVsMonths(), new WageIncomeVsWorkers(),
            new CauseWithoutMember(), new PerCapitaIncomeRange(), new IncomeBreakdown(),
            new MinimumLivingFlagVsAmount(), new ResidentIdConsistency(), new LegacyResidentId(),
            new RegisteredWithoutHelper(), new HelperRegisteredPoor());

    /** The rules, with their codes, titles and severities. */
    public List<QualityRule> rules() {
        return rules;
    }

    /** Every problem of the household, rule by rule; empty when its data is clean. */
    public List<Finding> evaluate(HouseholdFacts facts) {
        return rules.stream().flatMap(rule -> rule.check(facts).stream()).toList();
    }
}
