package cn.fupin.household.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.household.annual.AnnualRecord;
import cn.fupin.household.annual.AnnualRecords;
import cn.fupin.household.household.CodeCheck;
import cn.fupin.household.household.Household;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/**
 * 返贫申请: an exited household with new causes of poverty goes back to review. A request review returned for
 * correction is checked again and resubmitted under its id, with the corrected causes.
 */
@Service
public class ReturnRequests {

    private final RequestSubjects subjects;
    private final AnnualRecords annualRecords;
    private final CodeCheck codes;
    private final LifecycleRequests requests;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReturnRequests(RequestSubjects subjects, AnnualRecords annualRecords, CodeCheck codes,
            LifecycleRequests requests, ApplicationEventPublisher events, Clock clock) {
        this.subjects = subjects;
        this.annualRecords = annualRecords;
        this.codes = codes;
        this.requests = requests;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public LifecycleRequest request(UUID householdId, int year, List<String> causes, LocalDate appliedOn,
            Caller caller) {
        LocalDate applied = ApplicationDates.of(appliedOn, clock);
        Household household = subjects.load(householdId, caller);
        if (household.getStatus() != PovertyStatus.EXITED) {
            throw ApiException.conflict("not-exited", "只有已脱贫户可以申请返贫，该户当前状态为 " + household.getStatus());
        }
        List<FieldError> errors = new ArrayList<>();
        codes.each("causes", "A27", "A27_poverty_cause", causes, errors);
        if (new LinkedHashSet<>(causes).size() != causes.size()) {
            errors.add(new FieldError("causes", "A27", "致贫原因不能重复"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        LifecycleRequest request = requests.submit(new LifecycleRequest(UUID.randomUUID(),
                RequestType.RETURN_TO_POVERTY, householdId, year, LifecycleRequest.PENDING, null, caller.userId(),
                clock.instant()));
        String perCapita = annualRecords.find(householdId, year, caller.scope())
                .map(AnnualRecord::perCapitaIncome).map(amount -> amount.toPlainString()).orElse(null);
        events.publishEvent(new HouseholdReturnRequested(request.id(), request.type().name(), householdId,
                        household.getDivisionCode(), household.getCategory().name(), household.getStatus().name(),
                        household.getSize(), year, household.headName(), List.copyOf(causes), perCapita, applied));
        return request;
    }
}
