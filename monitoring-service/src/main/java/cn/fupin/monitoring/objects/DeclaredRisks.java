package cn.fupin.monitoring.objects;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.monitoring.households.HouseholdChanged;
import cn.fupin.monitoring.households.HouseholdSummary;
import tools.jackson.databind.JsonNode;

/**
 * 表 4 names a marginal household with its risks (A52a–c): household-service registers the household and its
 * {@code HouseholdRegistered} carries the risks, and here the household is proposed for monitoring with them, as
 * {@code POST /monitoring-objects} would (type MARGINAL, proposed by whoever registered it, reviewed like any
 * inclusion, from the day the household applied). Runs in the projection's transaction when the household is first applied, so once per household; the
 * work window was checked when the form was registered.
 */
@Component
class DeclaredRisks {

    private final MonitoringObjectStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DeclaredRisks(MonitoringObjectStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdChanged changed) {
        List<String> risks = new ArrayList<>();
        changed.event().data().path("risks").forEach(risk -> risks.add(risk.asString()));
        HouseholdSummary household = changed.after();
        if (changed.before() != null || !"HouseholdRegistered".equals(changed.event().eventName())
                || !"MARGINAL".equals(household.category()) || risks.isEmpty()) {
            return;
        }
        Instant registered = changed.event().time() != null ? changed.event().time().toInstant() : clock.instant();
        String by = changed.event().actor() != null ? changed.event().actor() : "household-service";
        MonitoringObject object = MonitoringObject.propose(household.householdId(), ObjectType.MARGINAL,
                household.divisionCode(), WorkYear.of(clock), risks, household.headName(), household.size(),
                household.perCapitaIncome(), by, clock.instant());
        store.insert(object);
        store.addStatusChange(object.id(), new MonitoringObjectStore.StatusChange(MonitoringStatus.PROPOSED,
                clock.instant(), by, null, "表 4 登记边缘易致贫户时填报的致贫风险"));
        JsonNode appliedOn = changed.event().data().path("appliedOn");
        events.publishEvent(MonitoringObjectEvent.requested(object, household.perCapitaIncome(),
                appliedOn.isString() ? LocalDate.parse(appliedOn.asString())
                        : LocalDate.ofInstant(registered, WorkYear.ZONE)));
    }
}
