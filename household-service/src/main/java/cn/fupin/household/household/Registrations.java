package cn.fupin.household.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.WorkWindows;
import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;

/** Registers households (forms 1 and 4) inside the caller's area. */
@Service
public class Registrations {

    private final HouseholdRepository households;
    private final RegistrationRules rules;
    private final WorkWindows windows;
    private final Clock clock;

    Registrations(HouseholdRepository households, RegistrationRules rules, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.households = households;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * Validates and stores a household with its members and its {@link HouseholdRegistered} event, in one
     * transaction. An ID number already held by an active member anywhere in the registry is a conflict, also
     * when two registrations race (the database's unique index decides).
     */
    @Transactional
    public Household register(NewHousehold request, Caller caller) {
        caller.scope().narrow(request.divisionCode());
        windows.requireOpen(request.divisionCode());
        List<FieldError> errors = rules.check(request);
        LocalDate today = LocalDate.now(clock.withZone(WorkYear.ZONE));
        if (request.appliedOn() != null && request.appliedOn().isAfter(today)) {
            errors.add(new FieldError("appliedOn", null, "申请日期不能晚于今天"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (request.appliedOn() == null) {
            request = new NewHousehold(request.category(), request.divisionCode(), request.naturalVillage(),
                    request.phone(), request.identificationStandard(), request.militaryFamily(), request.bankName(),
                    request.bankAccount(), request.causes(), request.risks(), request.members(), today);
        }
        List<Member> members = request.members().stream().map(member -> Member.fromForm(member, null)).toList();
        try {
            return households.save(Household.register(request, members, clock.instant()));
        }
        catch (DuplicateKeyException ex) {
            throw DuplicateIdNumber.conflict();
        }
    }
}
