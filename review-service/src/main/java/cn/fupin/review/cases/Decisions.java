package cn.fupin.review.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.review.cases.StageDecision.Reason;

/**
 * Stage decisions: the case is locked, the guards of {@link ReviewCase#decide} hold, and the decision, the case's
 * new state and the events (stage decided; approved or rejected when final) are written in one transaction, so an
 * outcome is published exactly once per case.
 */
@Service
public class Decisions {

    private final ReviewCaseStore store;
    private final YearlyPolicies policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Decisions(ReviewCaseStore store, YearlyPolicies policies, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    /** A decision as asked for; {@code stage} may be null (the caller's role names it). */
    public record Asked(Stage stage, Decision decision, String comment, List<Reason> reasons) {
    }

    @Transactional
    public ReviewCase decide(UUID caseId, Asked asked, Long expectedVersion, Caller caller) {
        ReviewCase reviewCase = store.findForUpdate(caseId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("审核案件", caseId));
        if (expectedVersion != null && expectedVersion != reviewCase.version()) {
            throw ApiException.versionMismatch("审核案件", reviewCase.version());
        }
        Publicity publicity = store.publicity(caseId, reviewCase.round()).orElse(null);
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        ReviewCase.Outcome outcome = reviewCase.decide(caller, asked.stage(), asked.decision(), asked.comment(),
                asked.reasons(), publicity, () -> policies.inForce(clock).publicityDaysMin(), clock.instant(),
                today);
        store.addDecision(caseId, reviewCase.lastDecision());
        store.update(reviewCase);
        ReviewCaseEvent.decided(reviewCase, outcome, publicity).forEach(events::publishEvent);
        events.publishEvent(new CaseDecided(reviewCase, outcome));
        return reviewCase;
    }
}
