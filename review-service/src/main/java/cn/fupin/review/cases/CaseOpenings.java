package cn.fupin.review.cases;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a case for a request, once: a request delivered again finds its case. The same request arriving while its
 * case is back with the submitter is the corrected resubmission: a new round with a new frozen snapshot.
 */
@Service
public class CaseOpenings {

    private final ReviewCaseStore store;
    private final ReviewStages stages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CaseOpenings(ReviewCaseStore store, ReviewStages stages, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.stages = stages;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What a request asks review for.
     *
     * @param snapshot the subject's data as the request carried it (JSON), kept unchanged for the reviewers
     */
    public record Request(CaseType type, String subjectId, String areaCode, int year, UUID requestId, String headName,
            String submittedBy, String sourceEventId, String snapshot) {
    }

    @Transactional
    public ReviewCase open(Request request) {
        if (request.requestId() != null) {
            var existing = store.findByRequest(request.requestId());
            if (existing.isPresent()) {
                ReviewCase known = existing.get();
                if (known.state() == CaseState.RETURNED) {
                    resubmit(known, request);
                }
                return known;
            }
        }
        ReviewCase reviewCase = ReviewCase.open(request.type(), request.subjectId(), request.areaCode(),
                request.year(), request.requestId(), stages.of(request.type()), request.headName(),
                request.submittedBy(), clock.instant());
        store.insert(reviewCase, new ReviewCaseStore.Submission(1, reviewCase.openedAt(), request.submittedBy(),
                request.sourceEventId(), request.snapshot()));
        events.publishEvent(ReviewCaseEvent.opened(reviewCase, request.sourceEventId()));
        return reviewCase;
    }

    /** The corrected request of a returned case: round + 1, from the first stage, with the new snapshot. */
    @Transactional
    public void resubmit(ReviewCase returned, Request request) {
        returned.resubmit(request.headName(), clock.instant());
        store.update(returned);
        store.addSubmission(returned.id(), new ReviewCaseStore.Submission(returned.round(), clock.instant(),
                request.submittedBy(), request.sourceEventId(), request.snapshot()));
        events.publishEvent(ReviewCaseEvent.resubmitted(returned, request.sourceEventId()));
    }
}
