package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.HouseholdRegistered;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;

/**
 * 新识别: every registered (form 1) candidate goes to review in the transaction that registered it; marginal
 * households (form 4) do not, they are monitored instead. A candidate whose request review returned for correction
 * is sent again by the clerk once corrected, under the same request id and with its corrected data.
 */
@Service
public class IdentificationRequests {

    private final RequestSubjects subjects;
    private final LifecycleRequests requests;
    private final HouseholdQueries households;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdentificationRequests(RequestSubjects subjects, LifecycleRequests requests, HouseholdQueries households,
            ApplicationEventPublisher events, Clock clock) {
        this.subjects = subjects;
        this.requests = requests;
        this.households = households;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdRegistered registered) {
        if (registered.category() != Category.REGISTERED) {
            return;
        }
        send(households.find(registered.householdId(), AreaScope.ALL).orElseThrow(),
                Caller.currentOrSystem().userId());
    }

    /**
     * Sends a form-1 candidate (still 待识别) to review from the clerk: the request review returned for correction,
     * resubmitted, or a new one when none is open.
     */
    @Transactional
    public LifecycleRequest request(UUID householdId, Caller caller) {
        Household household = subjects.load(householdId, caller);
        if (household.getCategory() != Category.REGISTERED || household.getStatus() != PovertyStatus.CANDIDATE) {
            throw ApiException.conflict("not-candidate", "只有待识别的建档立卡户可以报审新识别，该户当前状态为 "
                    + household.getStatus());
        }
        return send(household, caller.userId());
    }

    private LifecycleRequest send(Household household, String requestedBy) {
        int year = WorkYear.of(clock);
        LifecycleRequest request = requests.submit(new LifecycleRequest(UUID.randomUUID(),
                RequestType.NEW_IDENTIFICATION, household.getId(), year, LifecycleRequest.PENDING, null, requestedBy,
                clock.instant()));
        events.publishEvent(new HouseholdIdentificationRequested(request.id(), request.type().name(), household.getId(),
                        household.getDivisionCode(), household.getCategory().name(), household.getStatus().name(),
                        household.getSize(), year, household.headName(), household.getIdentificationStandard(),
                        household.getCauses(), household.getAppliedOn() != null ? household.getAppliedOn()
                                : ApplicationDates.of(null, clock)));
        return request;
    }
}
