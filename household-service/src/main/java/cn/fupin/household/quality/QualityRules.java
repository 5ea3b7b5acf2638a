package cn.fupin.household.quality;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * 问题数据规则: the national data-quality rules the registry replicates (domain.md, "National data-quality rules"
 * and "Rules worth encoding"), run over one household for the self-check (11-21 … 12-10 in the 2020 work plan)
 * and, for the blocking ones, before a write.
 * <p>
 * Not covered yet: "a helper who is a registered poor person", because form 1 records helpers without an ID
 * number to match; and duplicate ID numbers across the registry, which need the whole registry rather than one
 * household (the database's unique index refuses them at write).
 */
@Component
public class QualityRules {

    private final List<QualityRule> rules = List.of(new OneHead(), new OneSpouse(), new EducationOrStudent(),
            new AgeVsSchoolLevel(), new LabourCapacity(), new WorkAreaVsMonths(), new WageIncomeVsWorkers(),
            new CauseWithoutMember(), new PerCapitaIncomeRange(), new IncomeBreakdown(),
            new MinimumLivingFlagVsAmount(), new ResidentIdConsistency(), new LegacyResidentId(),
            new RegisteredWithoutHelper());

    /** The rules, with their codes, titles and severities. */
    public List<QualityRule> rules() {
        return rules;
    }

    /** Every problem of the household, rule by rule; empty when its data is clean. */
    public List<Finding> evaluate(HouseholdFacts facts) {
        return rules.stream().flatMap(rule -> rule.check(facts).stream()).toList();
    }
}
