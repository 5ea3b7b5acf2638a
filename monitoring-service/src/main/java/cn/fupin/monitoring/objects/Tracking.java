package cn.fupin.monitoring.objects;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.monitoring.households.HouseholdSummaries;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.workplan.WorkWindows;

/**
 * Following a monitored object: assistance measures (帮扶措施) and risk assessments; an assessment that finds the
 * risk eliminated proposes elimination, accepted only when every criterion holds ({@link EliminationCriteria}),
 * else refused with each failing criterion and nothing written.
 */
@Service
public class Tracking {

    private final MonitoringObjectStore store;
    private final HouseholdSummaries households;
    private final ApplicationEventPublisher events;
    private final YearlyPolicies policies;
    private final Codes codes;
    private final WorkWindows windows;
    private final Clock clock;

    Tracking(MonitoringObjectStore store, HouseholdSummaries households, ApplicationEventPublisher events,
            YearlyPolicies policies, Codes codes, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.store = store;
        this.households = households;
        this.events = events;
        this.policies = policies;
        this.codes = codes;
        this.clock = clock;
    }

    public record AssistanceInput(String measure, String content, BigDecimal amount, LocalDate date,
            String responsiblePerson) {
    }

    public record AssessmentInput(LocalDate assessedOn, List<String> risks, boolean riskEliminated, String note,
            String overrideReason) {
    }

    @Transactional
    public MonitoringObject recordAssistance(UUID id, AssistanceInput input, Long expectedVersion, Caller caller) {
        MonitoringObject object = load(id, expectedVersion, caller);
        object.requireMonitored();
        codes.requireMeasure(input.measure());
        var assistance = new MonitoringObjectStore.Assistance(UUID.randomUUID(), input.measure(), input.content(),
                input.amount(), input.date(), input.responsiblePerson(), caller.userId(), clock.instant());
        store.addAssistance(id, assistance);
        store.update(object);
        events.publishEvent(MonitoringObjectEvent.assistance(object, assistance));
        return object;
    }

    @Transactional
    public MonitoringObject assess(UUID id, AssessmentInput input, Long expectedVersion, Caller caller) {
        MonitoringObject object = load(id, expectedVersion, caller);
        object.requireMonitored();
        codes.requireRisks("risks", input.risks());
        HouseholdSummary household = households.find(object.householdId(), caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", object.householdId()));
        var assessment = new MonitoringObjectStore.Assessment(UUID.randomUUID(), input.assessedOn(), input.risks(),
                input.riskEliminated(), household.perCapitaIncome(), input.note(), input.overrideReason(),
                caller.userId(), clock.instant());
        if (input.riskEliminated()) {
            List<FieldError> failures = EliminationCriteria.failures(household, input.risks(),
                    input.overrideReason(), policies.inForce(clock));
            if (!failures.isEmpty()) {
                throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "elimination-criteria-not-met",
                        "不符合风险消除条件", "共 " + failures.size() + " 项不符合", failures);
            }
            object.requestElimination(assessment.id());
        }
        store.addAssessment(id, assessment);
        store.update(object);
        events.publishEvent(MonitoringObjectEvent.assessed(object, assessment));
        if (input.riskEliminated()) {
            store.addStatusChange(id, new MonitoringObjectStore.StatusChange(object.status(), clock.instant(),
                    caller.userId(), null, input.note()));
            events.publishEvent(MonitoringObjectEvent.requested(object, household.perCapitaIncome(), input.assessedOn()));
        }
        return object;
    }

    private MonitoringObject load(UUID id, Long expectedVersion, Caller caller) {
        MonitoringObject object = store.findForUpdate(id, caller.scope())
                .orElseThrow(() -> ApiException.notFound("监测对象", id));
        if (expectedVersion != null && expectedVersion != object.version()) {
            throw ApiException.versionMismatch("监测对象", object.version());
        }
        windows.requireOpen(object.divisionCode());
        return object;
    }
}
