package cn.fupin.household.household;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.FieldError;

/** Registers households (forms 1 and 4) inside the caller's area. */
@Service
public class Registrations {

    private final HouseholdRepository households;
    private final RegistrationRules rules;
    private final Clock clock;

    Registrations(HouseholdRepository households, RegistrationRules rules, Clock clock) {
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
        List<FieldError> errors = rules.check(request);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        List<Member> members = request.members().stream().map(Registrations::member).toList();
        try {
            return households.save(Household.register(request.category(), request.divisionCode(),
                    request.naturalVillage(), request.phone(), members, clock.instant()));
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("duplicate-id-number", "证件号码已属于登记在册的另一名成员 (A4)");
        }
    }

    private static Member member(NewMember given) {
        String idNumber = RegistrationRules.RESIDENT_ID.equals(given.idType())
                ? ResidentId.parse(given.idNumber()).map(ResidentId::value).orElseThrow()
                : given.idNumber().trim().toUpperCase(Locale.ROOT);
        return new Member(UUID.randomUUID(), given.name().trim(), given.gender(), given.idType(), idNumber,
                given.relation(), given.ethnicity(), given.birthDate(), true);
    }
}
