package cn.fupin.household.household.web;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RestController;

import cn.fupin.contracts.household.api.HouseholdsApi;
import cn.fupin.contracts.household.model.HeadChange;
import cn.fupin.contracts.household.model.HelperAssignment;
import cn.fupin.contracts.household.model.Household;
import cn.fupin.contracts.household.model.HouseholdCategory;
import cn.fupin.contracts.household.model.HouseholdHead;
import cn.fupin.contracts.household.model.HouseholdHeadsRequest;
import cn.fupin.contracts.household.model.HouseholdPage;
import cn.fupin.contracts.household.model.HouseholdStatus;
import cn.fupin.contracts.household.model.MemberCorrection;
import cn.fupin.contracts.household.model.MemberCorrectionRecord;
import cn.fupin.contracts.household.model.MemberIdentityCorrection;
import cn.fupin.contracts.household.model.MemberIncrease;
import cn.fupin.contracts.household.model.MemberRemoval;
import cn.fupin.contracts.household.model.RegisterHouseholdRequest;
import cn.fupin.contracts.household.model.UpdateHouseholdRequest;
import cn.fupin.household.household.BaseDataChanges;
import cn.fupin.household.household.Category;
import cn.fupin.household.household.CorrectionHistory;
import cn.fupin.household.household.HouseholdQueries;
import cn.fupin.household.household.MemberChanges;
import cn.fupin.household.household.PovertyStatus;
import cn.fupin.household.household.Registrations;
import cn.fupin.platform.pii.Masking;
import cn.fupin.platform.security.Caller;
import cn.fupin.platform.security.Role;
import cn.fupin.platform.web.ApiException;
import cn.fupin.platform.web.ETags;

/** Households over HTTP, as the contract {@code openapi/household.yaml} defines them. */
@RestController
class HouseholdController implements HouseholdsApi {

    private final Registrations registrations;
    private final BaseDataChanges baseDataChanges;
    private final MemberChanges memberChanges;
    private final HouseholdQueries queries;
    private final HouseholdWebMapper mapper;
    private final cn.fupin.household.privacy.PersonalDataViews views;
    private final CorrectionHistory corrections;

    HouseholdController(Registrations registrations, BaseDataChanges baseDataChanges, MemberChanges memberChanges,
            HouseholdQueries queries, HouseholdWebMapper mapper, cn.fupin.household.privacy.PersonalDataViews views,
            CorrectionHistory corrections) {
        this.corrections = corrections;
        this.registrations = registrations;
        this.baseDataChanges = baseDataChanges;
        this.memberChanges = memberChanges;
        this.queries = queries;
        this.mapper = mapper;
        this.views = views;
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> registerHousehold(RegisterHouseholdRequest request, String idempotencyKey) {
        Caller caller = Caller.current();
        var household = registrations.register(mapper.toDomain(request), caller);
        return ResponseEntity.created(URI.create("/api/v1/households/" + household.getId()))
                .eTag(ETags.of(household.getVersion()))
                .body(shown(household, caller, "registerHousehold"));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> updateHousehold(UUID householdId, UpdateHouseholdRequest request,
            String ifMatch) {
        Caller caller = Caller.current();
        var household = baseDataChanges.update(householdId, mapper.toDomain(request), ETags.version(ifMatch), caller);
        return ok(household, caller, "updateHousehold");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> assignHelpers(UUID householdId, HelperAssignment assignment, String ifMatch) {
        Caller caller = Caller.current();
        var household = baseDataChanges.assignHelpers(householdId,
                assignment.getHelpers().stream().map(mapper::toDomain).toList(), ETags.version(ifMatch), caller);
        return ok(household, caller, "assignHelpers");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> addMember(UUID householdId, MemberIncrease increase, String ifMatch,
            String idempotencyKey) {
        Caller caller = Caller.current();
        var household = memberChanges.add(householdId, mapper.toDomain(increase.getMember()), increase.getReason(),
                increase.getDate(), increase.getWorkLocation(), ETags.version(ifMatch), caller);
        return ResponseEntity.status(HttpStatus.CREATED).eTag(ETags.of(household.getVersion()))
                .body(shown(household, caller, "addMember"));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> correctMember(UUID householdId, UUID memberId, MemberCorrection correction,
            String ifMatch) {
        Caller caller = Caller.current();
        var household = memberChanges.correct(householdId, memberId, correction.getEthnicity(),
                mapper.toDomain(correction.getIndicators()), ETags.version(ifMatch), caller);
        return ok(household, caller, "correctMember");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> correctMemberIdentity(UUID householdId, UUID memberId,
            MemberIdentityCorrection correction, String ifMatch) {
        Caller caller = Caller.current();
        var household = memberChanges.correctIdentity(householdId, memberId, mapper.toDomain(correction),
                ETags.version(ifMatch), caller);
        return ok(household, caller, "correctMemberIdentity");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> changeHead(UUID householdId, HeadChange change, String ifMatch) {
        Caller caller = Caller.current();
        var household = memberChanges.changeHead(householdId, mapper.toDomain(change), ETags.version(ifMatch), caller);
        return ok(household, caller, "changeHead");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer')")
    public ResponseEntity<Household> removeMember(UUID householdId, UUID memberId, MemberRemoval removal,
            String ifMatch) {
        Caller caller = Caller.current();
        var household = memberChanges.remove(householdId, memberId, removal.getReason(), removal.getDate(),
                removal.getNewHeadMemberId(), ETags.version(ifMatch), caller);
        return ok(household, caller, "removeMember");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<Household> getHousehold(UUID householdId) {
        Caller caller = Caller.current();
        var household = queries.find(householdId, caller.scope())
                .orElseThrow(() -> ApiException.notFound("户", householdId));
        return ok(household, caller, "getHousehold");
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<List<HouseholdHead>> findHouseholdHeads(HouseholdHeadsRequest request) {
        Caller caller = Caller.current();
        boolean full = seesPersonalData(caller);
        List<HouseholdHead> heads = new ArrayList<>();
        for (var household : queries.all(request.getHouseholdIds(), caller.scope())) {
            household.getMembers().stream().filter(member -> member.active() && member.isHead()).findFirst()
                    .ifPresent(head -> {
                        heads.add(mapper.toHead(household, head, full));
                        if (full) {
                            views.record(caller, household.getId(), 1, "findHouseholdHeads");
                        }
                    });
        }
        return ResponseEntity.ok(heads);
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<HouseholdPage> searchHouseholds(String areaCode, HouseholdCategory category,
            HouseholdStatus status, String headName, String idNumber, Integer page, Integer size) {
        String area = Caller.current().scope().narrow(areaCode);
        return ResponseEntity.ok(mapper.toDto(queries.search(new HouseholdQueries.Filter(area,
                category == null ? null : Category.valueOf(category.name()),
                status == null ? null : PovertyStatus.valueOf(status.name()), headName, idNumber), page, size)));
    }

    @Override
    @PreAuthorize("hasAnyRole('village-clerk', 'township-officer', 'city-officer', 'auditor')")
    public ResponseEntity<List<MemberCorrectionRecord>> listCorrections(UUID householdId) {
        Caller caller = Caller.current();
        queries.find(householdId, caller.scope()).orElseThrow(() -> ApiException.notFound("户", householdId));
        boolean full = seesPersonalData(caller);
        List<CorrectionHistory.Entry> entries = corrections.of(householdId);
        List<MemberCorrectionRecord> answer = entries.stream().map(entry -> new MemberCorrectionRecord(
                entry.memberId(), entry.field(), entry.reason(), entry.correctedBy(),
                entry.correctedAt().atOffset(ZoneOffset.UTC)).indicator(entry.indicator())
                .oldValue(full || !entry.isIdNumber() ? entry.oldValue() : Masking.idNumber(entry.oldValue()))
                .newValue(full || !entry.isIdNumber() ? entry.newValue() : Masking.idNumber(entry.newValue())))
                .toList();
        long numbers = entries.stream().filter(CorrectionHistory.Entry::isIdNumber).count();
        if (full && numbers > 0) {
            views.record(caller, householdId, (int) (2 * numbers), "listCorrections");
        }
        return ResponseEntity.ok(answer);
    }

    private ResponseEntity<Household> ok(cn.fupin.household.household.Household household, Caller caller,
            String operation) {
        return ResponseEntity.ok().eTag(ETags.of(household.getVersion())).body(shown(household, caller, operation));
    }

    /** The household as the caller may see it; a full view of ID numbers is recorded (PIPL). */
    private Household shown(cn.fupin.household.household.Household household, Caller caller, String operation) {
        boolean full = seesPersonalData(caller);
        Household answer = mapper.toDto(household, full);
        if (full) {
            long numbers = answer.getMembers().stream().filter(m -> m.getIdNumber() != null).count()
                    + answer.getHelpers().stream().filter(h -> h.getIdNumber() != null).count();
            views.record(caller, household.getId(), (int) numbers, operation);
        }
        return answer;
    }

    /** Those who collect and review the data see it whole; auditors and departments see it masked. */
    private static boolean seesPersonalData(Caller caller) {
        return caller.has(Role.VILLAGE_CLERK) || caller.has(Role.TOWNSHIP_OFFICER) || caller.has(Role.CITY_OFFICER);
    }
}
