package cn.fupin.household.household;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/** Updates of a household's base data (naming the version they were made on, If-Match) and of its helpers. */
@Service
public class BaseDataChanges {

    private final HouseholdRepository households;
    private final CodeCheck codes;
    private final RegistrationRules rules;
    private final WorkWindows windows;
    private final Clock clock;

    BaseDataChanges(HouseholdRepository households, CodeCheck codes, RegistrationRules rules, WorkWindows windows,
            Clock clock) {
        this.windows = windows;
        this.households = households;
        this.codes = codes;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Household update(UUID householdId, BaseDataChange change, Long expectedVersion, Caller caller) {
        Household household = load(householdId, caller);
        if (expectedVersion == null) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                    "更新须带 If-Match（读取时得到的 ETag），以免覆盖他人的修改");
        }
        if (!expectedVersion.equals(household.getVersion())) {
            throw ApiException.versionMismatch("户", household.getVersion());
        }
        List<FieldError> errors = check(change);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.updateBaseData(change, clock.instant());
        return households.save(household);
    }

    /** Replaces the helpers; {@code expectedVersion} (If-Match, optional here) guards against lost updates. */
    @Transactional
    public Household assignHelpers(UUID householdId, List<Helper> helpers, Long expectedVersion, Caller caller) {
        Household household = load(householdId, caller);
        if (expectedVersion != null && !expectedVersion.equals(household.getVersion())) {
            throw ApiException.versionMismatch("户", household.getVersion());
        }
        List<FieldError> errors = rules.checkHelpers(helpers);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.assignHelpers(helpers, clock.instant());
        return households.save(household);
    }

    private Household load(UUID householdId, Caller caller) {
        Household household = households.findById(householdId)
                .filter(found -> caller.scope().covers(found.getDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        windows.requireOpen(household.getDivisionCode());
        return household;
    }

    private List<FieldError> check(BaseDataChange change) {
        List<FieldError> errors = new ArrayList<>();
        codes.optional("identificationStandard", "A23", "A23_identification_standard", change.identificationStandard(),
                errors);
        codes.each("causes", "A27", "A27_poverty_cause", change.causes() == null ? List.of() : change.causes(), errors);
        return errors;
    }
}
