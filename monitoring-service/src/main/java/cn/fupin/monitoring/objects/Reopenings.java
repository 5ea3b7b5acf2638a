package cn.fupin.monitoring.objects;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.workplan.WorkWindows;

/** A cleared object at risk again is monitored again, with its new risks and the reason (RiskReopened). */
@Service
public class Reopenings {

    private final MonitoringObjectStore store;
    private final ApplicationEventPublisher events;
    private final Codes codes;
    private final WorkWindows windows;
    private final Clock clock;

    Reopenings(MonitoringObjectStore store, ApplicationEventPublisher events, Codes codes, WorkWindows windows,
            Clock clock) {
        this.windows = windows;
        this.store = store;
        this.events = events;
        this.codes = codes;
        this.clock = clock;
    }

    @Transactional
    public MonitoringObject reopen(UUID id, List<String> risks, String reason, Caller caller) {
        MonitoringObject object = store.findForUpdate(id, caller.scope())
                .orElseThrow(() -> ApiException.notFound("监测对象", id));
        windows.requireOpen(object.divisionCode());
        codes.requireRisks("risks", risks);
        object.reopen(risks);
        store.update(object);
        store.addStatusChange(id, new MonitoringObjectStore.StatusChange(object.status(), clock.instant(),
                caller.userId(), null, reason));
        events.publishEvent(MonitoringObjectEvent.reopened(object, LocalDate.now(clock.withZone(WorkYear.ZONE)), reason));
        return object;
    }
}
