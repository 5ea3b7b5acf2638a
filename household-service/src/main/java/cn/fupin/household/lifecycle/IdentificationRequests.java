package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.fupin.household.WorkYear;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.HouseholdRegistered;
import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;

/**
 * 新识别: every registered (form 1) candidate goes to review in the transaction that registered it; marginal
 * households (form 4) do not, they are monitored instead.
 */
@Component
class IdentificationRequests {

    private final LifecycleRequests requests;
    private final HouseholdQueries households;
    private final Outbox outbox;
    private final Clock clock;

    IdentificationRequests(LifecycleRequests requests, HouseholdQueries households, Outbox outbox, Clock clock) {
        this.requests = requests;
        this.households = households;
        this.outbox = outbox;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdRegistered registered) {
        if (registered.category() != Category.REGISTERED) {
            return;
        }
        int year = WorkYear.of(clock);
        LifecycleRequest request = new LifecycleRequest(UUID.randomUUID(), RequestType.NEW_IDENTIFICATION,
                registered.householdId(), year, LifecycleRequest.PENDING, null, Caller.currentOrSystem().userId(),
                clock.instant());
        requests.open(request);
        Household household = households.find(registered.householdId(), AreaScope.ALL).orElseThrow();
        outbox.append(OutgoingEvent.of("household", registered.householdId().toString(), registered.divisionCode(),
                new HouseholdIdentificationRequested(request.id(), request.type().name(), registered.householdId(),
                        registered.divisionCode(), registered.category().name(), registered.status().name(),
                        registered.size(), year, Heads.nameOf(household), household.getIdentificationStandard(),
                        household.getCauses())));
    }
}
