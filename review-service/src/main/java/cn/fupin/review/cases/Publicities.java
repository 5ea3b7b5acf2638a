package cn.fupin.review.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.contracts.rules.WorkYear;
import tools.jackson.databind.json.JsonMapper;

/**
 * The village clerk records the round's 民主评议 and 公示 as they happened, perhaps on paper before they are entered:
 * not before the household applied (the request's stated 申请日期), the appraisal before the notice and not in the
 * future, a notice of at least the minimum days of the work plan in force, objections received during the notice.
 * Recording again (say, to add how an objection was handled) adds a new recording; the latest one counts.
 */
@Service
public class Publicities {

    private final ReviewCaseStore store;
    private final YearlyPolicies policies;
    private final JsonMapper json;
    private final Clock clock;

    Publicities(ReviewCaseStore store, YearlyPolicies policies, JsonMapper json, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void record(UUID caseId, Publicity.Appraisal appraisal, LocalDate noticeStart, LocalDate noticeEnd,
            String place, List<Publicity.Objection> objections, Caller caller) {
        ReviewCase reviewCase = store.findForUpdate(caseId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("审核案件", caseId));
        reviewCase.requirePublicityRecordableBy(caller);
        Publicity publicity = new Publicity(reviewCase.round(), appraisal, noticeStart, noticeEnd, place, objections,
                caller.userId(), clock.instant());
        List<FieldError> errors = problems(publicity, policies.inForce(clock).publicityDaysMin(),
                LocalDate.now(clock.withZone(WorkYear.ZONE)), appliedOn(caseId));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        store.addPublicity(caseId, publicity);
        store.update(reviewCase);
    }

    /**
     * 申请日期 of a case: the earliest its request stated (requests published before they carried one state none),
     * else the day the case was first submitted.
     */
    private LocalDate appliedOn(UUID caseId) {
        List<ReviewCaseStore.Submission> submissions = store.submissions(caseId);
        return submissions.stream().map(s -> json.readTree(s.snapshot()).path("appliedOn"))
                .filter(date -> date.isString()).map(date -> LocalDate.parse(date.asString()))
                .min(LocalDate::compareTo)
                .orElseGet(() -> submissions.getFirst().submittedAt().atZone(WorkYear.ZONE).toLocalDate());
    }

    static List<FieldError> problems(Publicity publicity, int minDays, LocalDate today, LocalDate appliedOn) {
        List<FieldError> errors = new ArrayList<>();
        if (publicity.appraisal().date().isBefore(appliedOn)) {
            errors.add(new FieldError("appraisal.date", null, "民主评议不能早于户提出申请的日期（" + appliedOn + "）"));
        }
        if (publicity.noticeStart().isBefore(appliedOn)) {
            errors.add(new FieldError("notice.startDate", null, "公示不能早于户提出申请的日期（" + appliedOn + "）"));
        }
        if (publicity.noticeEnd().isBefore(publicity.noticeStart())) {
            errors.add(new FieldError("notice.endDate", null, "公示结束日期不能早于开始日期"));
        }
        else if (publicity.noticeDays() < minDays) {
            errors.add(new FieldError("notice.endDate", null,
                    "公示期为 " + publicity.noticeDays() + " 天，不少于 " + minDays + " 天"));
        }
        if (publicity.appraisal().date().isAfter(today)) {
            errors.add(new FieldError("appraisal.date", null, "民主评议日期不能晚于今天"));
        }
        if (publicity.appraisal().date().isAfter(publicity.noticeStart())) {
            errors.add(new FieldError("appraisal.date", null, "民主评议应在公示开始之前（或当天）进行"));
        }
        for (int i = 0; i < publicity.objections().size(); i++) {
            LocalDate received = publicity.objections().get(i).receivedOn();
            if (received.isBefore(publicity.noticeStart()) || received.isAfter(publicity.noticeEnd())) {
                errors.add(new FieldError("objections[" + i + "].receivedOn", null, "异议应在公示期内收到"));
            }
        }
        return errors;
    }
}
