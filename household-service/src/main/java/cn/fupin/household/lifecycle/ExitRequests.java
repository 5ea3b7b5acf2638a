package cn.fupin.household.lifecycle;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
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
import cn.fupin.workplan.YearlyPolicies;
import cn.fupin.workplan.YearlyPolicy;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 脱贫退出申请: checks the exit criteria against the year's record and, when all are met, sends the request to
 * review ({@link HouseholdExitRequested}). The household's status changes only when review approves. A request
 * review returned for correction is checked again and resubmitted under its id, with the corrected data.
 */
@Service
public class ExitRequests {

    private static final EnumSet<PovertyStatus> MAY_EXIT = EnumSet.of(PovertyStatus.POOR, PovertyStatus.RETURNED);

    private final RequestSubjects subjects;
    private final AnnualRecords annualRecords;
    private final YearlyPolicies policies;
    private final LifecycleRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ExitRequests(RequestSubjects subjects, AnnualRecords annualRecords, YearlyPolicies policies,
            LifecycleRequests requests, ApplicationEventPublisher events, Clock clock) {
        this.subjects = subjects;
        this.annualRecords = annualRecords;
        this.policies = policies;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public LifecycleRequest request(UUID householdId, int year, LocalDate appliedOn, Caller caller) {
        LocalDate applied = ApplicationDates.of(appliedOn, clock);
        Household household = subjects.load(householdId, caller);
        if (!MAY_EXIT.contains(household.getStatus())) {
            throw ApiException.conflict("not-poor", "只有贫困户或返贫户可以申请脱贫退出，该户当前状态为 " + household.getStatus());
        }
        YearlyPolicy policy = policies.inForce(clock);
        requireAssessedYear(year, policy.assessedYear());
        BigDecimal line = policy.povertyLine();
        AnnualRecord record = annualRecords.find(householdId, year, caller.scope())
                .orElseThrow(() -> refused(List.of(new FieldError("year", null, "尚未录入 " + year + " 年度收入与生产生活条件"))));
        List<FieldError> failures = ExitCriteria.failures(record, line);
        if (!failures.isEmpty()) {
            throw refused(failures);
        }
        LifecycleRequest request = requests.submit(new LifecycleRequest(UUID.randomUUID(), RequestType.POVERTY_EXIT,
                householdId, year, LifecycleRequest.PENDING, null, caller.userId(), clock.instant()));
        events.publishEvent(new HouseholdExitRequested(request.id(), request.type().name(), householdId,
                        household.getDivisionCode(), household.getCategory().name(), household.getStatus().name(),
                        household.getSize(), year, household.headName(), record.perCapitaIncome().toPlainString(),
                        line.toPlainString(),
                        new HouseholdExitRequested.Checks(true, true, true, true, true), applied));
        return request;
    }

    /**
     * 考核年度: an exit rests on the record of the year the work plan in force assesses (normally its own year), not
     * on an older or a later year's.
     */
    private static void requireAssessedYear(int year, int assessed) {
        if (year != assessed) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "not-the-assessed-year", "不是考核年度的记录",
                    "脱贫退出须以考核年度的收入与生产生活条件为依据", List.of(new FieldError("year", null,
                            "考核年度为 " + assessed + " 年，不能以 " + year + " 年度的记录申请脱贫退出")));
        }
    }

    private static ApiException refused(List<FieldError> reasons) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "exit-criteria-not-met", "不符合脱贫退出条件",
                "共 " + reasons.size() + " 项不符合", reasons);
    }
}
