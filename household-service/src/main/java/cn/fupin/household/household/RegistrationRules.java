package cn.fupin.household.household;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.identifiers.DisabilityCertificate;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.domain.FieldError;

/**
 * Hard rules checked before household data is written (work plan forms 1, 2 and 4; GB 11643 for ID numbers):
 * codes from the codebook, a village of the city, exactly one 户主, valid ID numbers that agree with the
 * member's gender and birth date, no ID number twice in one household. A correction of who a member is (A1–A5)
 * and a helper's ID number pass the same rules. Every failing field is reported.
 */
@Component
class RegistrationRules {

    static final String RESIDENT_ID = "01";
    static final String DISABILITY_CERTIFICATE = "09";

    private final CodeCheck codes;
    private final DivisionTree divisions;

    RegistrationRules(CodeCheck codes, DivisionTree divisions) {
        this.codes = codes;
        this.divisions = divisions;
    }

    List<FieldError> check(NewHousehold household) {
        return check(household, household.category() == Category.REGISTERED);
    }

    /**
     * The rules of a household read from the national registry: its members pass every rule of a registration; its
     * causes are checked when given (households identified years ago may have none on record); its state is one the
     * registry holds — registered: poor, exited or returned, marginal: marginal — with the years that state needs,
     * in order and not after {@code currentYear}.
     */
    List<FieldError> checkImported(ImportedHousehold household, int currentYear) {
        List<FieldError> errors = check(household.asRegistration(), false);
        if (household.registryNumber() == null || household.registryNumber().isBlank()) {
            errors.add(new FieldError("registryNumber", null, "缺少户编号"));
        }
        checkState(household.category(), household.status(), household.history(), currentYear, errors);
        if (household.monitoring() != null) {
            checkMonitoring(household, currentYear, errors);
        }
        errors.addAll(checkHelpers(household.helpers().stream().map(helper -> helper.as(null)).toList()));
        return errors;
    }

    /**
     * 帮扶责任人, as {@code PUT /households/{id}/helpers} and the imports take them: a name, gender and political
     * status from the codebook, the unit and the start of help, an end not before it, an ID number that is one.
     */
    List<FieldError> checkHelpers(List<Helper> helpers) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < helpers.size(); i++) {
            Helper helper = helpers.get(i);
            String path = "helpers[" + i + "].";
            if (helper.name() == null || helper.name().isBlank()) {
                errors.add(new FieldError(path + "name", null, "帮扶责任人须有姓名"));
            }
            codes.required(path + "gender", null, "A2_gender", helper.gender(), errors);
            codes.optional(path + "politicalStatus", null, "A7_political_status", helper.politicalStatus(), errors);
            if (helper.unit() == null || helper.unit().isBlank()) {
                errors.add(new FieldError(path + "unit", null, "帮扶责任人须有帮扶单位"));
            }
            if (helper.startDate() == null) {
                errors.add(new FieldError(path + "startDate", null, "帮扶责任人须有帮扶开始时间"));
            }
            else if (helper.endDate() != null && helper.endDate().isBefore(helper.startDate())) {
                errors.add(new FieldError(path + "endDate", null, "帮扶结束时间早于开始时间"));
            }
            errors.addAll(checkHelper(path, helper));
        }
        return errors;
    }

    /**
     * A monitoring object of the registry: 脱贫不稳定户 are exited registered households, 边缘易致贫户 marginal ones;
     * risks 1–3 of A52; the risk eliminated no earlier than the household was taken into monitoring.
     */
    private void checkMonitoring(ImportedHousehold household, int currentYear, List<FieldError> errors) {
        ImportedHousehold.RegistryMonitoring monitoring = household.monitoring();
        boolean unstable = ImportedHousehold.RegistryMonitoring.UNSTABLE_EXITED.equals(monitoring.objectType());
        if (unstable && (household.category() != Category.REGISTERED || household.status() != PovertyStatus.EXITED)) {
            errors.add(new FieldError("monitoring.objectType", null, "脱贫不稳定户须为已脱贫的建档立卡户，该户贫困户状态为 "
                    + household.status()));
        }
        if (monitoring.risks().isEmpty() || monitoring.risks().size() > 3) {
            errors.add(new FieldError("monitoring.risks", "A52", "监测对象须有一至三项风险，现有 " + monitoring.risks().size()
                    + " 项"));
        }
        codes.each("monitoring.risks", "A52", "A52_risk", monitoring.risks(), errors);
        year("monitoring.year", "纳入监测年度", monitoring.year(), currentYear, errors);
        year("monitoring.clearedYear", "风险消除年度", monitoring.clearedYear(), currentYear, errors);
        if (monitoring.clearedYear() != null && !monitoring.riskCleared()) {
            errors.add(new FieldError("monitoring.clearedYear", null, "风险未消除的监测对象不应有风险消除年度"));
        }
        if (monitoring.year() != null && monitoring.clearedYear() != null
                && monitoring.clearedYear() < monitoring.year()) {
            errors.add(new FieldError("monitoring.clearedYear", null, "风险消除年度早于纳入监测年度"));
        }
    }

    private static void checkState(Category category, PovertyStatus status, ImportedHousehold.RegistryHistory history,
            int currentYear, List<FieldError> errors) {
        if (category == null || status == null) {
            errors.add(new FieldError("status", null, "缺少户类型或贫困户状态"));
            return;
        }
        boolean held = category == Category.MARGINAL ? status == PovertyStatus.MARGINAL
                : status == PovertyStatus.POOR || status == PovertyStatus.EXITED || status == PovertyStatus.RETURNED;
        if (!held) {
            errors.add(new FieldError("status", null, "国扶系统的" + (category == Category.MARGINAL ? "边缘易致贫户" : "建档立卡户")
                    + "不会处于该状态：" + status));
            return;
        }
        Integer identified = history.identifiedYear();
        Integer exited = history.exitedYear();
        Integer returned = history.returnedYear();
        if (status == PovertyStatus.EXITED && exited == null) {
            errors.add(new FieldError("history.exitedYear", null, "已脱贫户须有脱贫年度"));
        }
        if (status == PovertyStatus.RETURNED && returned == null) {
            errors.add(new FieldError("history.returnedYear", null, "返贫户须有返贫年度"));
        }
        year("history.identifiedYear", "识别年度", identified, currentYear, errors);
        year("history.exitedYear", "脱贫年度", exited, currentYear, errors);
        year("history.returnedYear", "返贫年度", returned, currentYear, errors);
        if (identified != null && exited != null && exited < identified) {
            errors.add(new FieldError("history.exitedYear", null, "脱贫年度早于识别年度"));
        }
        if (exited != null && returned != null) {
            if (status == PovertyStatus.RETURNED && returned < exited) {
                errors.add(new FieldError("history.returnedYear", null, "返贫户的返贫年度早于脱贫年度"));
            }
            if (status == PovertyStatus.EXITED && exited < returned) {
                errors.add(new FieldError("history.exitedYear", null, "返贫后再脱贫的户，脱贫年度早于返贫年度"));
            }
        }
    }

    private static void year(String field, String name, Integer year, int currentYear, List<FieldError> errors) {
        if (year != null && (year < 2013 || year > currentYear)) {
            errors.add(new FieldError(field, null, name + "须在 2013 年至今年之间，现为 " + year));
        }
    }

    private List<FieldError> check(NewHousehold household, boolean causesRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (!divisions.isVillage(household.divisionCode())) {
            errors.add(new FieldError("address.divisionCode", null, "不是本市的村级行政区划代码"));
        }
        codes.optional("identificationStandard", "A23", "A23_identification_standard",
                household.identificationStandard(), errors);
        if (causesRequired && household.causes().isEmpty()) {
            errors.add(new FieldError("causes", "A27", "新识别贫困户须填写至少一项致贫原因（A27a）"));
        }
        codes.each("causes", "A27", "A27_poverty_cause", household.causes(), errors);
        checkRisks(household, errors);
        long heads = household.members().stream().filter(member -> Member.HEAD.equals(member.relation())).count();
        if (heads != 1) {
            errors.add(new FieldError("members", "A5", "每户须有且只有一名户主，现有 " + heads + " 名"));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            NewMember member = household.members().get(i);
            errors.addAll(checkMember("members[" + i + "].", member, seen));
            ResidentId.parse(member.idNumber()).ifPresent(id -> seen.add(id.value()));
        }
        return errors;
    }

    /** 致贫风险 (A52a–c): form 4's, a marginal household's only; up to three, each once, from the codebook. */
    private void checkRisks(NewHousehold household, List<FieldError> errors) {
        if (household.risks().isEmpty()) {
            return;
        }
        if (household.category() != Category.MARGINAL) {
            errors.add(new FieldError("risks", "A52", "致贫风险（A52）只适用于边缘易致贫户（表 4）"));
        }
        if (household.risks().size() > 3) {
            errors.add(new FieldError("risks", "A52", "致贫风险至多 3 项"));
        }
        if (household.risks().stream().distinct().count() < household.risks().size()) {
            errors.add(new FieldError("risks", "A52", "致贫风险重复"));
        }
        codes.each("risks", "A52", "A52_risk", household.risks(), errors);
    }

    /** The rules of one member; {@code householdIds} are the ID numbers already in the household. */
    List<FieldError> checkMember(String path, NewMember member, List<String> householdIds) {
        List<FieldError> errors = new ArrayList<>();
        codes.required(path + "gender", "A2", "A2_gender", member.gender(), errors);
        codes.required(path + "idType", "A3", "A3_id_type", member.idType(), errors);
        codes.required(path + "relation", "A5", "A5_relation", member.relation(), errors);
        codes.optional(path + "ethnicity", "A6", "A6_ethnicity", member.ethnicity(), errors);
        checkIndicators(path + "indicators.", member.indicators(), errors);
        if (RESIDENT_ID.equals(member.idType())) {
            checkResidentId(path, member.gender(), member.birthDate(), ResidentId.parse(member.idNumber()),
                    householdIds, errors);
        }
        else if (DISABILITY_CERTIFICATE.equals(member.idType())) {
            Optional<DisabilityCertificate> certificate = DisabilityCertificate.parse(member.idNumber());
            if (certificate.isEmpty()) {
                errors.add(new FieldError(path + "idNumber", "A4",
                        "不是有效的残疾人证号（18 位身份证号 + 残疾类别 1–7 + 残疾等级 1–4）"));
            }
            else {
                checkResidentId(path, member.gender(), member.birthDate(),
                        certificate.map(DisabilityCertificate::residentId), householdIds, errors);
            }
        }
        return errors;
    }

    /** The rules of a correction of a member's indicators. */
    List<FieldError> checkCorrection(String ethnicity, MemberIndicators indicators) {
        List<FieldError> errors = new ArrayList<>();
        codes.optional("ethnicity", "A6", "A6_ethnicity", ethnicity, errors);
        checkIndicators("indicators.", indicators, errors);
        return errors;
    }

    /**
     * The rules of a correction of who a member is (A1–A5, birth date): the member as it leaves him passes the rules
     * of a new member; {@code householdIds} are the ID numbers of the household's other members.
     */
    List<FieldError> checkIdentity(NewMember corrected, String reason, List<String> householdIds) {
        List<FieldError> errors = new ArrayList<>();
        if (corrected.name() == null || corrected.name().isBlank()) {
            errors.add(new FieldError("name", "A1", "姓名不能为空"));
        }
        requireReason(reason, errors);
        errors.addAll(checkMember("", corrected, householdIds));
        return errors;
    }

    /** The rules of a change of head: codes of the relations and a basis; who may be head is the household's. */
    List<FieldError> checkHeadChange(HeadChange change) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < change.relations().size(); i++) {
            codes.required("relations[" + i + "].relation", "A5", "A5_relation", change.relations().get(i).relation(),
                    errors);
        }
        requireReason(change.reason(), errors);
        return errors;
    }

    /**
     * A helper's ID number, when given, is checked as a member's: a valid 公民身份号码 (18 digits, or the legacy 15)
     * agreeing with the helper's sex.
     */
    private List<FieldError> checkHelper(String path, Helper helper) {
        List<FieldError> errors = new ArrayList<>();
        if (helper.idNumber() != null) {
            checkResidentId(path, helper.gender(), null, ResidentId.parse(helper.idNumber().value()), List.of(),
                    errors);
        }
        return errors;
    }

    /** Dates of changes cannot lie in the future. */
    List<FieldError> notInFuture(String field, LocalDate date, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        if (date != null && date.isAfter(LocalDate.now(clock))) {
            errors.add(new FieldError(field, null, "日期不能晚于今天"));
        }
        return errors;
    }

    private void checkIndicators(String path, MemberIndicators indicators, List<FieldError> errors) {
        codes.optional(path + "politicalStatus", "A7", "A7_political_status", indicators.politicalStatus(), errors);
        codes.optional(path + "education", "A8", "A8_education", indicators.education(), errors);
        codes.optional(path + "studentStatus", "A9", "A9_student_status", indicators.studentStatus(), errors);
        codes.each(path + "health", "A10", "A10_health", indicators.health(), errors);
        codes.optional(path + "labourSkill", "A11", "A11_labour_skill", indicators.labourSkill(), errors);
        codes.optional(path + "workArea", "A12", "A12_work_area", indicators.workArea(), errors);
        codes.optional(path + "dropoutReason", "A14", "A14_dropout_reason", indicators.dropoutReason(), errors);
    }

    private static void requireReason(String reason, List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", null, "须写明依据"));
        }
    }

    private void checkResidentId(String path, String gender, LocalDate birthDate, Optional<ResidentId> id,
            List<String> householdIds, List<FieldError> errors) {
        if (id.isEmpty()) {
            errors.add(new FieldError(path + "idNumber", "A4", "不是有效的公民身份号码（长度、出生日期或校验位错误）"));
            return;
        }
        if (householdIds.contains(id.get().value())) {
            errors.add(new FieldError(path + "idNumber", "A4", "同一户内证件号码重复"));
        }
        if (!id.get().legacy() && !id.get().genderCode().equals(gender)) {
            errors.add(new FieldError(path + "gender", "A2", "性别与身份证号码不一致"));
        }
        if (birthDate != null && !birthDate.equals(id.get().birthDate())) {
            errors.add(new FieldError(path + "birthDate", null, "出生日期与身份证号码不一致"));
        }
    }
}
