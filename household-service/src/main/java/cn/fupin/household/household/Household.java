package cn.fupin.household.household;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.household.privacy.PersonalText;
import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.Ids;
import cn.fupin.platform.domain.RuleViolation;

/**
 * 扶贫对象户: a household the policy serves, with its members. State changes go through methods with business
 * names that guard the invariants and register the events other services learn from.
 */
@Table("household")
public class Household extends AbstractAggregateRoot<Household> {

    @Id
    private final UUID id;
    private final Category category;
    private PovertyStatus status;
    private final String divisionCode;
    private String naturalVillage;
    private PersonalText phone;
    private String identificationStandard;
    private Boolean militaryFamily;
    private String bankName;
    private PersonalText bankAccount;
    private List<String> causes;
    private boolean notEnjoyingPolicy;
    private String policyVerification;
    private int size;
    @MappedCollection(idColumn = "household_id", keyColumn = "ordinal")
    private final List<FiledMember> members;
    @MappedCollection(idColumn = "household_id", keyColumn = "ordinal")
    private List<Helper> helpers;
    @Version
    private Long version;
    private final Instant createdAt;
    private Instant updatedAt;
    /** 申请日期: the day the household applied (form 1 or 4 signed); null for households registered before it was kept. */
    private final LocalDate appliedOn;

    @PersistenceCreator
    Household(UUID id, Category category, PovertyStatus status, String divisionCode, String naturalVillage,
            PersonalText phone, String identificationStandard, Boolean militaryFamily, String bankName,
            PersonalText bankAccount,
            List<String> causes, boolean notEnjoyingPolicy, String policyVerification, int size,
            List<FiledMember> members, List<Helper> helpers, Long version, Instant createdAt, Instant updatedAt,
            LocalDate appliedOn) {
        this.appliedOn = appliedOn;
        this.id = id;
        this.category = category;
        this.status = status;
        this.divisionCode = divisionCode;
        this.naturalVillage = naturalVillage;
        this.phone = phone;
        this.identificationStandard = identificationStandard;
        this.militaryFamily = militaryFamily;
        this.bankName = bankName;
        this.bankAccount = bankAccount;
        this.causes = causes == null ? List.of() : List.copyOf(causes);
        this.notEnjoyingPolicy = notEnjoyingPolicy;
        this.policyVerification = policyVerification;
        this.size = size;
        this.members = new ArrayList<>(members);
        this.helpers = helpers == null ? List.of() : List.copyOf(helpers);
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /**
     * Registers a household (form 1 candidate or form 4 marginal household) with its first members; the
     * caller has validated the data ({@link RegistrationRules}).
     */
    public static Household register(NewHousehold form, List<Member> members, Instant now) {
        Household household = new Household(Ids.next(), form.category(),
                PovertyStatus.initialFor(form.category()), form.divisionCode(), form.naturalVillage(),
                PersonalText.of(form.phone()), form.identificationStandard(), form.militaryFamily(), form.bankName(),
                PersonalText.of(form.bankAccount()),
                form.causes(), false, null, 0, filed(form.divisionCode(), members), List.of(), null, now, now,
                form.appliedOn());
        household.size = household.countActive();
        household.registerEvent(HouseholdRegistered.of(household, form.risks()));
        return household;
    }

    /**
     * A household loaded from the national registry, in the state it has there; the caller has validated it
     * ({@link RegistrationRules#checkImported}).
     */
    static Household imported(ImportedHousehold form, List<Member> members, HouseholdImported.Origin origin) {
        Household household = new Household(Ids.next(), form.category(), form.status(), form.divisionCode(),
                form.naturalVillage(), PersonalText.of(form.phone()), null, null, null, null, form.causes(), false,
                null, 0, filed(form.divisionCode(), members), form.helpersUnderNewIds(), null, origin.importedAt(),
                origin.importedAt(), null);
        household.size = household.countActive();
        household.registerEvent(HouseholdImported.of(household, form, origin));
        return household;
    }

    /**
     * A newer export of the national registry corrects the household: its base data, its status there (only when it
     * has not changed here since the last import: {@code statusAtLastImport}), the indicators of the members it
     * knows ({@code knownMembers}: the index of each imported member in this household's members, or -1 for one
     * new here, who is added without a reason, as 补录), its helpers when the export names others. Each change
     * registers its event; what it does not apply is returned, in words.
     */
    List<String> correctFromRegistry(ImportedHousehold form, PovertyStatus statusAtLastImport, List<Integer> knownMembers,
            Instant now) {
        List<String> notApplied = new ArrayList<>();
        updateBaseData(new BaseDataChange(form.naturalVillage(), form.phone(), null, null, null, null,
                form.causes().isEmpty() ? null : form.causes(), null), now);
        if (form.status() != status) {
            if (status == statusAtLastImport) {
                status = form.status();
                updatedAt = now;
                registerEvent(new HouseholdUpdated(id, divisionCode, naturalVillage, category, status, size,
                        List.of("status"), headName(), null, null));
            }
            else {
                notApplied.add("本系统中该户状态已由 " + statusAtLastImport + " 变为 " + status + "，未按导出改为 " + form.status());
            }
        }
        for (int m = 0; m < form.members().size(); m++) {
            NewMember given = form.members().get(m).member();
            int index = knownMembers.get(m);
            if (index < 0) {
                try {
                    addMember(Member.fromForm(given, null), null, LocalDate.ofInstant(now, WorkYear.ZONE), now);
                }
                catch (RuleViolation refused) {
                    notApplied.add("新成员 " + given.name() + " 未加入：" + refused.getMessage());
                }
                continue;
            }
            Member known = member(index);
            if (!known.name().equals(given.name().trim()) || !known.gender().equals(given.gender())
                    || !known.relation().equals(given.relation())) {
                notApplied.add("成员 " + known.name() + " 的姓名、性别或与户主关系与导出不同：须经成员信息更正（附依据）办理");
            }
            correctMember(known.memberId(), given.ethnicity(), given.indicators(), now);
        }
        if (!form.helpers().isEmpty()
                && !form.helpers().equals(helpers.stream().map(ImportedHousehold.ImportedHelper::of).toList())) {
            assignHelpers(form.helpersUnderNewIds(), now);
        }
        return notApplied;
    }

    /**
     * 家庭成员自然增加 (form 2): the member joins for a reason 1–6 on a date. A second 户主 is refused: the head
     * changes only when the present one leaves.
     */
    public void addMember(Member member, String reason, LocalDate date, Instant now) {
        if (member.isHead() && everyMember().anyMatch(Member::isHead)) {
            throw RuleViolation.invalid(List.of(new FieldError("member.relation", "A5", "户内已有户主，新增成员不能为户主")));
        }
        Member joined = new Member(member.memberId(), member.name(), member.gender(), member.idType(),
                member.idNumber(), member.relation(), member.ethnicity(), member.birthDate(), member.indicators(),
                member.workLocation(), true, date, reason, null, null);
        members.add(new FiledMember(divisionCode, joined));
        size = countActive();
        updatedAt = now;
        MemberIndicators indicators = joined.indicators();
        registerEvent(new MemberAdded(id, divisionCode, category, status, joined.memberId(), joined.relation(),
                joined.gender(), joined.idNumber().value(), joined.birthYear(), joined.ethnicity(), indicators.education(),
                indicators.studentStatus(), indicators.health(), indicators.labourSkill(), reason, date, size));
    }

    /**
     * 更正成员指标: replaces a living member's indicators (and ethnicity, when given), as problem-data correction
     * needs; registers which fields changed, if any.
     */
    public void correctMember(UUID memberId, String ethnicity, MemberIndicators indicators, Instant now) {
        int index = indexOfActive(memberId);
        if (index < 0) {
            throw RuleViolation.notFound("成员", memberId);
        }
        Member before = member(index);
        Member after = new Member(before.memberId(), before.name(), before.gender(), before.idType(),
                before.idNumber(), before.relation(), ethnicity == null ? before.ethnicity() : ethnicity,
                before.birthDate(), indicators, before.workLocation(), true, before.joinedOn(),
                before.increaseReason(), before.leftOn(), before.decreaseReason());
        List<String> changed = new ArrayList<>();
        String path = "members[" + memberId + "].";
        if (!java.util.Objects.equals(before.ethnicity(), after.ethnicity())) {
            changed.add(path + "ethnicity");
        }
        before.indicators().differencesTo(indicators).forEach(field -> changed.add(path + "indicators." + field));
        if (!changed.isEmpty()) {
            replace(index, after);
            updatedAt = now;
            registerEvent(new HouseholdUpdated(id, divisionCode, naturalVillage, category, status, size, changed,
                    headName(), null, memberSummaries()));
        }
    }

    /**
     * 更正成员基本信息: replaces who a living member is (A1–A5, birth date) by the checked correction. The 户主 stays
     * who he is — a relation to or from 01 is refused, the head changes through {@link #changeHead} — so the household
     * keeps exactly one. Registers which fields changed and, for the history, their old and new values.
     */
    public void correctMemberIdentity(UUID memberId, NewMember corrected, String reason, Instant now) {
        int index = indexOfActive(memberId);
        if (index < 0) {
            throw RuleViolation.notFound("成员", memberId);
        }
        Member before = member(index);
        if (before.isHead() != Member.HEAD.equals(corrected.relation())) {
            throw HeadRequired.refused(before.isHead() ? "户主的与户主关系（A5）只能是 01；更换户主请用户主变更"
                    : "户内已有户主，成员不能改为户主；更换户主请用户主变更");
        }
        Member after = before.withIdentity(corrected);
        replace(index, after);
        recordCorrections(IdentityCorrected.between(before, after), reason, now);
    }

    /**
     * 户主变更: the named living member becomes 户主 and the members named take their relation to him. The present
     * head must be among them and nobody else may become 户主: exactly one head results, or the change is refused.
     */
    public void changeHead(HeadChange change, Instant now) {
        int newHead = indexOfActive(change.newHeadMemberId());
        List<FieldError> errors = new ArrayList<>();
        if (newHead < 0) {
            errors.add(new FieldError("newHeadMemberId", "A5", "不是本户的在户成员"));
        }
        List<UUID> named = new ArrayList<>();
        for (int i = 0; i < change.relations().size(); i++) {
            UUID memberId = change.relations().get(i).memberId();
            if (indexOfActive(memberId) < 0) {
                errors.add(new FieldError("relations[" + i + "].memberId", "A5", "不是本户的在户成员"));
            }
            else if (named.contains(memberId)) {
                errors.add(new FieldError("relations[" + i + "].memberId", "A5", "同一成员的关系给出了两次"));
            }
            named.add(memberId);
        }
        if (!errors.isEmpty()) {
            throw RuleViolation.invalid(errors);
        }
        if (member(newHead).isHead() && everyMember().filter(Member::isHead).count() == 1) {
            throw HeadRequired.refused("所指定的新户主已是户主");
        }
        if (named.contains(change.newHeadMemberId())) {
            throw HeadRequired.refused("新户主本人与户主的关系即为户主（01），不能在成员关系中给出");
        }
        List<Member> result = new ArrayList<>(everyMember().toList());
        result.set(newHead, result.get(newHead).withRelation(Member.HEAD));
        change.relations().forEach(relation -> {
            int index = indexOfActive(relation.memberId());
            result.set(index, result.get(index).withRelation(relation.relation()));
        });
        long heads = result.stream().filter(Member::isHead).count();
        if (heads != 1) {
            throw HeadRequired.refused("变更后将有 " + heads + " 名户主：须给出原户主与新户主的关系，其他成员的关系不能为 01");
        }
        List<IdentityCorrected.FieldCorrection> corrections = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            corrections.addAll(IdentityCorrected.between(member(i), result.get(i)));
            replace(i, result.get(i));
        }
        recordCorrections(corrections, change.reason(), now);
    }

    /**
     * Its members' ID numbers stored again under the current ID-hash key — a rotation of that key: saving writes
     * them so — and the event that gives the services matching by hash the new hashes (docs/operations.md).
     */
    void rehashIdNumbers() {
        List<String> changed = everyMember().filter(member -> member.idNumber() != null)
                .map(member -> "members[" + member.memberId() + "].idNumberHash").toList();
        if (!changed.isEmpty()) {
            registerEvent(new HouseholdUpdated(id, divisionCode, naturalVillage, category, status, size, changed,
                    headName(), null, memberSummaries()));
        }
    }

    private void recordCorrections(List<IdentityCorrected.FieldCorrection> corrections, String reason, Instant now) {
        if (corrections.isEmpty()) {
            return;
        }
        updatedAt = now;
        registerEvent(new HouseholdUpdated(id, divisionCode, naturalVillage, category, status, size,
                corrections.stream().map(IdentityCorrected.FieldCorrection::path).toList(), headName(), null,
                memberSummaries()));
        registerEvent(new IdentityCorrected(id, corrections, reason, now));
    }

    /**
     * 家庭成员自然减少 (form 3): the member leaves for a reason 1–8 on a date and stays in the history. When the
     * 户主 leaves, another member still living in the household must be named as the new one.
     */
    public void removeMember(UUID memberId, String reason, LocalDate date, UUID newHeadId, Instant now) {
        int index = indexOfActive(memberId);
        if (index < 0) {
            throw RuleViolation.notFound("成员", memberId);
        }
        Member leaving = member(index);
        if (leaving.isHead()) {
            int newHead = newHeadId == null || newHeadId.equals(memberId) ? -1 : indexOfActive(newHeadId);
            if (newHead < 0) {
                throw RuleViolation.invalid(List.of(new FieldError("newHeadMemberId", "A5",
                        "减少的是户主，须指定另一名在户成员为新户主")));
            }
            replace(newHead, member(newHead).withRelation(Member.HEAD));
        }
        replace(index, leaving.removed(reason, date));
        size = countActive();
        updatedAt = now;
        registerEvent(new MemberRemoved(id, divisionCode, category, status, memberId, leaving.relation(),
                leaving.gender(), leaving.birthYear(), reason, date, size));
    }

    /** Assigns the household's helpers (帮扶责任人), replacing the previous list. */
    public void assignHelpers(List<Helper> assigned, Instant now) {
        helpers = List.copyOf(assigned);
        updatedAt = now;
        registerEvent(new HelpersAssigned(id, divisionCode, category, status, helpers.size(), helpers.stream()
                .map(helper -> new HelpersAssigned.AssignedHelper(helper.helperId(), helper.unit(),
                        helper.startDate(), helper.endDate()))
                .toList()));
    }

    /** Updates the base data the change gives (form 1 header fields); registers what changed, if anything. */
    public void updateBaseData(BaseDataChange change, Instant now) {
        List<String> changed = new ArrayList<>();
        naturalVillage = changed(change.naturalVillage(), naturalVillage, "address.naturalVillage", changed);
        phone = changed(PersonalText.of(change.phone()), phone, "phone", changed);
        bankName = changed(change.bankName(), bankName, "bankName", changed);
        bankAccount = changed(PersonalText.of(change.bankAccount()), bankAccount, "bankAccount", changed);
        identificationStandard = changed(change.identificationStandard(), identificationStandard,
                "identificationStandard", changed);
        militaryFamily = changed(change.militaryFamily(), militaryFamily, "militaryFamily", changed);
        causes = changed(change.causes() == null ? null : List.copyOf(change.causes()), causes, "causes", changed);
        notEnjoyingPolicy = changed(change.notEnjoyingPolicy(), notEnjoyingPolicy, "notEnjoyingPolicy", changed);
        if (!changed.isEmpty()) {
            updatedAt = now;
            registerEvent(new HouseholdUpdated(id, divisionCode, naturalVillage, category, status, size, changed,
                    headName(), changed.contains("causes") ? causes : null, null));
        }
    }

    private static <T> T changed(T given, T current, String field, List<String> changed) {
        if (given == null || given.equals(current)) {
            return current;
        }
        changed.add(field);
        return given;
    }

    /**
     * Applies an approved review (village → township → city): 新识别 makes a candidate poor, 脱贫 makes a poor or
     * returned household exited, 返贫 makes an exited household poor again; for a “脱贫不享受政策” household,
     * 确认标注 confirms it and 清退 clears it out. Any other starting status means the review decided on a household
     * that has changed since, and is refused.
     */
    public void applyApproved(StatusChange change, UUID caseId, int year, LocalDate effectiveDate, String reason,
            Instant now) {
        if (!change.from().contains(status) || change.verifiesPolicy() && !notEnjoyingPolicy) {
            throw new IllegalStateException("review " + caseId + " (" + change + ") does not apply to a household in "
                    + status);
        }
        PovertyStatus previous = status;
        status = change.to();
        if (change.verifiesPolicy()) {
            policyVerification = change == StatusChange.CLEAR_OUT ? "CLEARED" : "CONFIRMED";
        }
        updatedAt = now;
        registerEvent(new StatusChanged(change.eventName(), id, divisionCode, category, previous, status, size, year,
                effectiveDate, caseId, reason));
    }

    /** Events registered by state changes and not yet published (they are, when the aggregate is saved). */
    List<Object> pendingEvents() {
        return List.copyOf(domainEvents());
    }

    private static List<FiledMember> filed(String divisionCode, List<Member> members) {
        return members.stream().map(member -> new FiledMember(divisionCode, member)).toList();
    }

    private Member member(int index) {
        return members.get(index).member();
    }

    private void replace(int index, Member member) {
        members.set(index, new FiledMember(divisionCode, member));
    }

    /** Every member, those who left included, in the household's order. */
    private Stream<Member> everyMember() {
        return members.stream().map(FiledMember::member);
    }

    private int indexOfActive(UUID memberId) {
        for (int i = 0; i < members.size(); i++) {
            if (member(i).active() && member(i).memberId().equals(memberId)) {
                return i;
            }
        }
        return -1;
    }

    private int countActive() {
        return (int) everyMember().filter(Member::active).count();
    }

    public UUID getId() {
        return id;
    }

    public Category getCategory() {
        return category;
    }

    public PovertyStatus getStatus() {
        return status;
    }

    public String getDivisionCode() {
        return divisionCode;
    }

    public String getNaturalVillage() {
        return naturalVillage;
    }

    public String getPhone() {
        return PersonalText.valueOf(phone);
    }

    /** A23 识别标准. */
    public String getIdentificationStandard() {
        return identificationStandard;
    }

    /** A25 军烈属. */
    public Boolean getMilitaryFamily() {
        return militaryFamily;
    }

    public String getBankName() {
        return bankName;
    }

    public String getBankAccount() {
        return PersonalText.valueOf(bankAccount);
    }

    /** A27a–c 致贫原因. */
    public List<String> getCauses() {
        return causes;
    }

    /** Members living in the household this year (active members). */
    public int getSize() {
        return size;
    }

    /** All members, those who left included; the head first. */
    public List<Member> getMembers() {
        return everyMember().sorted((a, b) -> Boolean.compare(b.isHead(), a.isHead())).toList();
    }

    /** 脱贫不享受政策: exited households marked so since 2014, verified in the 2020 work. */
    public boolean isNotEnjoyingPolicy() {
        return notEnjoyingPolicy;
    }

    /** CONFIRMED or CLEARED once review has decided the verification; null before. */
    public String getPolicyVerification() {
        return policyVerification;
    }

    /** 帮扶责任人. */
    public List<Helper> getHelpers() {
        return helpers;
    }

    public Long getVersion() {
        return version;
    }

    public LocalDate getAppliedOn() {
        return appliedOn;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** The 户主's name (A1), or null while the household has none. */
    public String headName() {
        return everyMember().filter(Member::isHead).map(Member::name).findFirst().orElse(null);
    }

    /** Every member as other services see it, for events that carry the members after a change. */
    private List<HouseholdRegistered.RegisteredMember> memberSummaries() {
        return everyMember().map(HouseholdRegistered.RegisteredMember::of).toList();
    }
}
