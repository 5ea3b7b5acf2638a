package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.HouseholdRegistered;
import cn.fupin.household.household.PovertyStatus;
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
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdentificationRequests(RequestSubjects subjects, LifecycleRequests requests, ApplicationEventPublisher events,
            Clock clock) {
        this.subjects = subjects;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(HouseholdRegistered registered) {
        if (registered.category() != Category.REGISTERED) {
            return;
        }
        // what review needs is in the event: the household just written is not read back
        send(Candidate.of(registered), Caller.currentOrSystem().userId());
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
        return send(Candidate.of(household), caller.userId());
    }

    /** The candidate's data review shows (its case's subject snapshot). */
    private record Candidate(UUID householdId, String divisionCode, Category category, PovertyStatus status, int size,
            String headName, String identificationStandard, List<String> causes, LocalDate appliedOn) {

        static Candidate of(Household household) {
            return new Candidate(household.getId(), household.getDivisionCode(), household.getCategory(),
                    household.getStatus(), household.getSize(), household.headName(),
                    household.getIdentificationStandard(), household.getCauses(), household.getAppliedOn());
        }

        static Candidate of(HouseholdRegistered registered) {
            return new Candidate(registered.householdId(), registered.divisionCode(), registered.category(),
                    registered.status(), registered.size(), registered.headName(), registered.identificationStandard(),
                    registered.causes(), registered.appliedOn());
        }
    }

    private LifecycleRequest send(Candidate household, String requestedBy) {
        int year = WorkYear.of(clock);
        LifecycleRequest request = requests.submit(new LifecycleRequest(UUID.randomUUID(),
                RequestType.NEW_IDENTIFICATION, household.householdId(), year, LifecycleRequest.PENDING, null,
                requestedBy, clock.instant()));
        events.publishEvent(new HouseholdIdentificationRequested(request.id(), request.type().name(),
                        household.householdId(), household.divisionCode(), household.category().name(), household.status().name(),
                        household.size(), year, household.headName(), household.identificationStandard(),
                        household.causes(), household.appliedOn() != null ? household.appliedOn()
                                : ApplicationDates.of(null, clock)));
        return request;
    }
}
