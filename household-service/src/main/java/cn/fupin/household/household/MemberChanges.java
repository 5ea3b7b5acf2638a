package cn.fupin.household.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.workplan.WorkWindows;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.household.privacy.IdNumber;

/**
 * Natural increase (form 2) and decrease (form 3) of the members of households in the caller's area, corrections of
 * their indicators and identity, and the change of head.
 */
@Service
public class MemberChanges {

    private final HouseholdRepository households;
    private final RegistrationRules rules;
    private final WorkWindows windows;
    private final Clock clock;

    MemberChanges(HouseholdRepository households, RegistrationRules rules, WorkWindows windows, Clock clock) {
        this.windows = windows;
        this.households = households;
        this.rules = rules;
        this.clock = clock;
    }

    /** Adds a member for a reason 1–6; {@code expectedVersion} (from If-Match) guards against lost updates. */
    @Transactional
    public Household add(UUID householdId, NewMember member, String reason, LocalDate date, String workLocation,
            Long expectedVersion, Caller caller) {
        Household household = load(householdId, expectedVersion, caller);
        List<FieldError> errors = rules.checkMember("member.", member, household.getMembers().stream()
                .filter(Member::active).map(Member::idNumber).map(IdNumber::value).toList());
        errors.addAll(rules.notInFuture("date", date, clock));
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.addMember(Member.fromForm(member, workLocation), reason, date, clock.instant());
        return save(household);
    }

    /** Removes a member for a reason 1–8, naming the new head when the head leaves. */
    @Transactional
    public Household remove(UUID householdId, UUID memberId, String reason, LocalDate date, UUID newHeadId,
            Long expectedVersion, Caller caller) {
        Household household = load(householdId, expectedVersion, caller);
        List<FieldError> errors = rules.notInFuture("date", date, clock);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.removeMember(memberId, reason, date, newHeadId, clock.instant());
        return save(household);
    }

    /** Corrects a living member's indicators; the version it was made on (If-Match) is required. */
    @Transactional
    public Household correct(UUID householdId, UUID memberId, String ethnicity, MemberIndicators indicators,
            Long expectedVersion, Caller caller) {
        Household household = load(householdId, required(expectedVersion), caller);
        List<FieldError> errors = rules.checkCorrection(ethnicity, indicators);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.correctMember(memberId, ethnicity, indicators, clock.instant());
        return save(household);
    }

    /**
     * Corrects who a living member is (A1–A5, birth date), checked as a registration is; If-Match required. A new
     * ID number held by an active member anywhere in the registry is a conflict (the unique index decides).
     */
    @Transactional
    public Household correctIdentity(UUID householdId, UUID memberId, IdentityCorrection correction,
            Long expectedVersion, Caller caller) {
        Household household = load(householdId, required(expectedVersion), caller);
        Member member = household.getMembers().stream()
                .filter(found -> found.active() && found.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("成员", memberId));
        NewMember corrected = correction.appliedTo(member);
        List<String> others = household.getMembers().stream()
                .filter(other -> other.active() && !other.memberId().equals(memberId))
                .map(other -> other.idNumber().value()).toList();
        List<FieldError> errors = rules.checkIdentity(corrected, correction.reason(), others);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.correctMemberIdentity(memberId, corrected, correction.reason(), clock.instant());
        return save(household);
    }

    /** 户主变更: one request names the new head and the present head's relation to him; If-Match required. */
    @Transactional
    public Household changeHead(UUID householdId, HeadChange change, Long expectedVersion, Caller caller) {
        Household household = load(householdId, required(expectedVersion), caller);
        List<FieldError> errors = rules.checkHeadChange(change);
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        household.changeHead(change, clock.instant());
        return save(household);
    }

    /** Corrections name the version they were made on. */
    private static Long required(Long expectedVersion) {
        if (expectedVersion == null) {
            throw new ApiException(HttpStatus.PRECONDITION_REQUIRED, "if-match-required", "缺少版本条件",
                    "更正须带 If-Match（读取时得到的 ETag），以免覆盖他人的修改");
        }
        return expectedVersion;
    }

    private Household load(UUID householdId, Long expectedVersion, Caller caller) {
        Household household = households.findById(householdId)
                .filter(found -> caller.scope().covers(found.getDivisionCode()))
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        windows.requireOpen(household.getDivisionCode());
        if (expectedVersion != null && !expectedVersion.equals(household.getVersion())) {
            throw ApiException.versionMismatch("户", household.getVersion());
        }
        return household;
    }

    private Household save(Household household) {
        try {
            return households.save(household);
        }
        catch (DuplicateKeyException ex) {
            throw DuplicateIdNumber.conflict();
        }
    }
}
