package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 脱贫不享受政策户清理核实 (work plan, part 1.6): every household marked so is verified — rightly identified ones are
 * confirmed with the year's base data collected, wrongly identified ones are cleared out with a reason; review
 * decides either. A verification review returned for correction is checked again and resubmitted under its id.
 */
@Service
public class PolicyVerifications {

    /** The verdict of the field verification. */
    public enum Verdict {
        CONFIRM, CLEAR_OUT
    }

    private final RequestSubjects subjects;
    private final AnnualRecords annualRecords;
    private final LifecycleRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicyVerifications(RequestSubjects subjects, AnnualRecords annualRecords, LifecycleRequests requests,
            ApplicationEventPublisher events, Clock clock) {
        this.subjects = subjects;
        this.annualRecords = annualRecords;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public LifecycleRequest request(UUID householdId, Verdict verdict, int year, String reason, LocalDate appliedOn,
            Caller caller) {
        LocalDate applied = ApplicationDates.of(appliedOn, clock);
        Household household = subjects.load(householdId, caller);
        if (household.getStatus() != PovertyStatus.EXITED || !household.isNotEnjoyingPolicy()) {
            throw ApiException.conflict("not-policy-household", "只有标注为“脱贫不享受政策”的已脱贫户需要核实");
        }
        if (verdict == Verdict.CLEAR_OUT && (reason == null || reason.isBlank())) {
            throw ApiException.invalid(List.of(new FieldError("reason", null, "清退须说明原因")));
        }
        String perCapita = annualRecords.find(householdId, year, caller.scope())
                .map(AnnualRecord::perCapitaIncome).map(amount -> amount.toPlainString()).orElse(null);
        if (verdict == Verdict.CONFIRM && perCapita == null) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "year-data-missing", "缺少年度基础信息",
                    "确认标注前须录入 " + year + " 年度收入与生产生活条件",
                    List.of(new FieldError("year", null, "尚未录入 " + year + " 年度信息")));
        }
        RequestType type = verdict == Verdict.CONFIRM ? RequestType.POLICY_CONFIRMATION : RequestType.POLICY_CLEAR_OUT;
        LifecycleRequest request = requests.submit(new LifecycleRequest(UUID.randomUUID(), type, householdId, year,
                LifecycleRequest.PENDING, reason, caller.userId(), clock.instant()));
        events.publishEvent(new PolicyVerificationRequested(request.id(), type.name(), householdId, household.getDivisionCode(),
                        household.getCategory().name(), household.getStatus().name(), household.getSize(), year,
                        household.headName(), verdict.name(), reason, perCapita, applied));
        return request;
    }
}
