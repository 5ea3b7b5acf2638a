package cn.fupin.review.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.outbox.PublishedEvent;
import cn.fupin.workplan.YearlyPolicy;

/**
 * The work plan's events on {@code review.events} (schemas in contracts): the plan published, an area's functions
 * opened or closed. Keyed by the plan; times in the plan's zone.
 */
sealed interface WorkPlanEvent extends PublishedEvent {

    UUID workPlanId();

    @Override
    default String aggregateType() {
        return "work-plan";
    }

    @Override
    default String aggregateId() {
        return workPlanId().toString();
    }

    static WorkPlanEvent published(WorkPlan plan) {
        return new WorkPlanPublished(plan.id(), plan.year(), plan.areaCode(), plan.revision(), plan.timezone(),
                local(plan.closeAt()), plan.phases().stream()
                        .map(p -> new PhaseData(p.code().name(), p.name(), p.startDate(), p.endDate())).toList(),
                plan.policy().published());
    }

    static WorkPlanEvent opened(WorkPlan plan, String area, Instant opensAt, Instant closesAt, String reason,
            UUID caseId, UUID requestId, String comment) {
        return new FunctionsOpened(plan.id(), plan.year(), area, local(opensAt), local(closesAt), reason, caseId,
                requestId, comment);
    }

    static WorkPlanEvent closed(WorkPlan plan, String area, Instant closedAt, String reason, String comment) {
        return new FunctionsClosed(plan.id(), plan.year(), area, local(closedAt), reason, comment);
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(WorkYear.ZONE).toOffsetDateTime();
    }

    record PhaseData(String code, String name, LocalDate startDate, LocalDate endDate) {
    }

    record WorkPlanPublished(UUID workPlanId, int year, String areaCode, int revision, String timezone,
            OffsetDateTime closeAt, List<PhaseData> phases, YearlyPolicy.Published policy) implements WorkPlanEvent {
    }

    record FunctionsOpened(UUID workPlanId, int year, String areaCode, OffsetDateTime opensAt,
            OffsetDateTime closesAt, String reason, UUID caseId, UUID requestId, String comment)
            implements WorkPlanEvent {
    }

    record FunctionsClosed(UUID workPlanId, int year, String areaCode, OffsetDateTime closedAt, String reason,
            String comment) implements WorkPlanEvent {
    }
}
