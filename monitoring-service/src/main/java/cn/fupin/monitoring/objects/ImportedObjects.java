package cn.fupin.monitoring.objects;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.monitoring.households.HouseholdChanged;
import cn.fupin.monitoring.households.HouseholdSummary;
import cn.fupin.platform.domain.Ids;
import tools.jackson.databind.JsonNode;

/**
 * Takes over the monitoring objects of the national registry: a household loaded from its export that is a
 * monitoring object there ({@code HouseholdImported} with {@code monitoring}) becomes one here, under monitoring or
 * with its risk eliminated as there. Its review happened in the national system: no case is opened, and the
 * {@code MonitoringObjectImported} event names where it came from. Runs in the projection's transaction when the
 * household is first applied, so once per household.
 */
@Component
class ImportedObjects {

    static final String IMPORTED_BY = "national-registry";

    private final MonitoringObjectStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ImportedObjects(MonitoringObjectStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdChanged changed) {
        JsonNode monitoring = changed.event().data().path("monitoring");
        if (changed.before() != null || !"HouseholdImported".equals(changed.event().eventName())
                || !monitoring.isObject()) {
            return;
        }
        HouseholdSummary household = changed.after();
        List<String> risks = new ArrayList<>();
        monitoring.path("risks").forEach(risk -> risks.add(risk.asString()));
        boolean cleared = monitoring.path("riskCleared").asBoolean(false);
        MonitoringStatus status = cleared ? MonitoringStatus.RISK_CLEARED : MonitoringStatus.MONITORED;
        Instant importedAt = changed.event().time() != null ? changed.event().time().toInstant() : clock.instant();
        int year = monitoring.hasNonNull("year") ? monitoring.get("year").asInt() : WorkYear.of(clock);
        MonitoringObject object = new MonitoringObject(Ids.next(), household.householdId(),
                ObjectType.valueOf(monitoring.required("objectType").asString()), household.divisionCode(), year,
                status, risks, household.headName(), household.size(), household.perCapitaIncome(), null, null, null,
                null, null, importedAt, cleared ? importedAt : null, IMPORTED_BY, clock.instant(), 0);
        store.insert(object);
        Integer clearedYear = monitoring.hasNonNull("clearedYear") ? monitoring.get("clearedYear").asInt() : null;
        store.addStatusChange(object.id(), new MonitoringObjectStore.StatusChange(status, importedAt, IMPORTED_BY,
                null, "国扶系统导入：" + year + " 年纳入监测" + (cleared ? "，风险已消除"
                        + (clearedYear == null ? "" : "（" + clearedYear + " 年）") : "")));
        JsonNode origin = changed.event().data().path("origin");
        events.publishEvent(MonitoringObjectEvent.imported(object, clearedYear, changed.event().id(),
                origin.hasNonNull("importId") ? UUID.fromString(origin.get("importId").asString()) : null));
    }
}
