package cn.fupin.review.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.contracts.rules.WorkYear;

/** The work plan's events on {@code review.events}: the plan published, an area's functions opened or closed. */
@Component
class PlanEvents {

    private static final String AGGREGATE = "work-plan";

    private final Outbox outbox;

    PlanEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    record PhaseData(String code, String name, LocalDate startDate, LocalDate endDate) {
    }

    record WorkPlanPublished(UUID workPlanId, int year, String areaCode, int revision, String timezone,
            OffsetDateTime closeAt, List<PhaseData> phases, YearlyPolicy.Published policy) {
    }

    record FunctionsOpened(UUID workPlanId, int year, String areaCode, OffsetDateTime opensAt,
            OffsetDateTime closesAt, String reason, UUID caseId, UUID requestId, String comment) {
    }

    record FunctionsClosed(UUID workPlanId, int year, String areaCode, OffsetDateTime closedAt, String reason,
            String comment) {
    }

    void published(WorkPlan plan) {
        append(plan, plan.areaCode(), new WorkPlanPublished(plan.id(), plan.year(), plan.areaCode(), plan.revision(),
                plan.timezone(), local(plan.closeAt()), plan.phases().stream()
                        .map(p -> new PhaseData(p.code().name(), p.name(), p.startDate(), p.endDate())).toList(),
                plan.policy().published()));
    }

    void opened(WorkPlan plan, String area, Instant opensAt, Instant closesAt, String reason, UUID caseId,
            UUID requestId, String comment) {
        append(plan, area, new FunctionsOpened(plan.id(), plan.year(), area, local(opensAt), local(closesAt), reason,
                caseId, requestId, comment));
    }

    void closed(WorkPlan plan, String area, Instant closedAt, String reason, String comment) {
        append(plan, area, new FunctionsClosed(plan.id(), plan.year(), area, local(closedAt), reason, comment));
    }

    private void append(WorkPlan plan, String area, Object payload) {
        outbox.append(OutgoingEvent.of(AGGREGATE, plan.id().toString(), area, payload));
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(WorkYear.ZONE).toOffsetDateTime();
    }
}
