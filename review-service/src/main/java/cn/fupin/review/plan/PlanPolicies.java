package cn.fupin.review.plan;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;

/** The yearly policy figures as review-service owns them: those of each year's published work plan. */
@Component
class PlanPolicies implements YearlyPolicies {

    private final WorkPlans plans;

    PlanPolicies(WorkPlans plans) {
        this.plans = plans;
    }

    @Override
    public Optional<YearlyPolicy> find(int year) {
        return plans.find(year).map(WorkPlan::policy);
    }

    @Override
    public Optional<YearlyPolicy> latestUpTo(int year) {
        return plans.latestUpTo(year).map(WorkPlan::policy);
    }
}
