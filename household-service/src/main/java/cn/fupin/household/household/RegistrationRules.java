package cn.fupin.household.household;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.platform.web.FieldError;

/**
 * Hard rules checked before a household is written (work plan form 1 and form 4; GB 11643 for ID numbers):
 * codes from the codebook, a village of the city, exactly one 户主, valid ID numbers that agree with the
 * member's gender and birth date, no ID number twice in one household. Every failing field is reported.
 */
@Component
class RegistrationRules {

    static final String RESIDENT_ID = "01";

    private final Codebook codebook;
    private final DivisionTree divisions;

    RegistrationRules(Codebook codebook, DivisionTree divisions) {
        this.codebook = codebook;
        this.divisions = divisions;
    }

    List<FieldError> check(NewHousehold household) {
        List<FieldError> errors = new ArrayList<>();
        if (!divisions.isVillage(household.divisionCode())) {
            errors.add(new FieldError("address.divisionCode", null, "不是本市的村级行政区划代码"));
        }
        long heads = household.members().stream().filter(member -> Member.HEAD.equals(member.relation())).count();
        if (heads != 1) {
            errors.add(new FieldError("members", "A5", "每户须有且只有一名户主，现有 " + heads + " 名"));
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < household.members().size(); i++) {
            checkMember("members[" + i + "].", household.members().get(i), seen, errors);
        }
        return errors;
    }

    private void checkMember(String path, NewMember member, List<String> seen, List<FieldError> errors) {
        code(path + "gender", "A2", "A2_gender", member.gender(), errors);
        code(path + "idType", "A3", "A3_id_type", member.idType(), errors);
        code(path + "relation", "A5", "A5_relation", member.relation(), errors);
        if (member.ethnicity() != null) {
            code(path + "ethnicity", "A6", "A6_ethnicity", member.ethnicity(), errors);
        }
        if (!RESIDENT_ID.equals(member.idType())) {
            return;
        }
        Optional<ResidentId> id = ResidentId.parse(member.idNumber());
        if (id.isEmpty()) {
            errors.add(new FieldError(path + "idNumber", "A4", "不是有效的公民身份号码（长度、出生日期或校验位错误）"));
            return;
        }
        if (seen.contains(id.get().value())) {
            errors.add(new FieldError(path + "idNumber", "A4", "同一户内证件号码重复"));
        }
        seen.add(id.get().value());
        if (!id.get().legacy() && !id.get().genderCode().equals(member.gender())) {
            errors.add(new FieldError(path + "gender", "A2", "性别与身份证号码不一致"));
        }
        if (member.birthDate() != null && !member.birthDate().equals(id.get().birthDate())) {
            errors.add(new FieldError(path + "birthDate", null, "出生日期与身份证号码不一致"));
        }
    }

    private void code(String path, String indicator, String list, String value, List<FieldError> errors) {
        if (!codebook.list(list).contains(value)) {
            errors.add(new FieldError(path, indicator, "代码 " + value + " 不在编码表 " + list + " 中"));
        }
    }
}
