package cn.fupin.household.household;

import java.time.LocalDate;

/**
 * A correction of who a member is (A1–A5 and the birth date), with its basis; a null field stays as it is.
 *
 * @param name A1 姓名
 * @param gender A2 性别 code
 * @param idType A3 证件类型 code
 * @param idNumber A4 证件号码
 * @param relation A5 与户主关系 code
 * @param birthDate 出生日期
 * @param reason 更正依据, kept in the history
 */
public record IdentityCorrection(String name, String gender, String idType, String idNumber, String relation,
        LocalDate birthDate, String reason) {

    /** The member as the correction would leave him, before the rules have passed it. */
    NewMember appliedTo(Member member) {
        return new NewMember(name == null ? member.name() : name, gender == null ? member.gender() : gender,
                idType == null ? member.idType() : idType, idNumber == null ? member.idNumber().value() : idNumber,
                relation == null ? member.relation() : relation, member.ethnicity(),
                birthDate == null ? member.birthDate() : birthDate, member.indicators());
    }
}
