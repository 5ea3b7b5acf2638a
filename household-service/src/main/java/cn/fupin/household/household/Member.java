package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import cn.fupin.contracts.identifiers.DisabilityCertificate;
import cn.fupin.contracts.identifiers.ResidentId;
import cn.fupin.household.privacy.IdNumber;
import cn.fupin.platform.domain.Ids;

/**
 * A household member (家庭成员) with the form indicators.
 *
 * @param memberId stable id of the member
 * @param name A1 姓名
 * @param gender A2 性别 code
 * @param idType A3 证件类型 code
 * @param idNumber A4 证件号码, stored encrypted
 * @param relation A5 与户主关系 code
 * @param ethnicity A6 民族 code
 * @param birthDate 出生日期
 * @param indicators A7–A20, A51
 * @param workLocation 务工地点 (form 2)
 * @param active false once removed (natural decrease); removed members stay in the history
 * @param joinedOn date of a natural increase (form 2); null for members registered with the household
 * @param increaseReason natural increase reason 1–6
 * @param leftOn date of the natural decrease (form 3)
 * @param decreaseReason natural decrease reason 1–8
 */
@Table("member")
public record Member(UUID memberId, String name, String gender, String idType, IdNumber idNumber, String relation,
        String ethnicity, LocalDate birthDate, @Embedded.Empty MemberIndicators indicators, String workLocation,
        boolean active, LocalDate joinedOn, String increaseReason, LocalDate leftOn, String decreaseReason) {

    /** 户主. */
    public static final String HEAD = "01";

    public boolean isHead() {
        return active && HEAD.equals(relation);
    }

    /** A member as the form gives it, once the rules have passed it. */
    static Member fromForm(NewMember given, String workLocation) {
        return new Member(Ids.next(), given.name().trim(), given.gender(), given.idType(),
                normalisedIdNumber(given.idType(), given.idNumber()), given.relation(), given.ethnicity(),
                given.birthDate(), given.indicators(), workLocation, true, null, null, null, null);
    }

    /** An ID number as stored (GB 11643: upper-case {@code X}, certificates too); the rules have passed it. */
    static IdNumber normalisedIdNumber(String idType, String idNumber) {
        return new IdNumber(switch (idType) {
            case RegistrationRules.RESIDENT_ID -> ResidentId.parse(idNumber).map(ResidentId::value).orElseThrow();
            case RegistrationRules.DISABILITY_CERTIFICATE -> DisabilityCertificate.parse(idNumber)
                    .map(DisabilityCertificate::value).orElseThrow();
            default -> idNumber.trim().toUpperCase(Locale.ROOT);
        });
    }

    /** The member as a checked identity correction leaves him (A1–A5, birth date); the rest stays. */
    Member withIdentity(NewMember corrected) {
        return new Member(memberId, corrected.name().trim(), corrected.gender(), corrected.idType(),
                normalisedIdNumber(corrected.idType(), corrected.idNumber()), corrected.relation(), ethnicity,
                corrected.birthDate(), indicators, workLocation, active, joinedOn, increaseReason, leftOn,
                decreaseReason);
    }

    Member removed(String reason, LocalDate date) {
        return new Member(memberId, name, gender, idType, idNumber, relation, ethnicity, birthDate, indicators,
                workLocation, false, joinedOn, increaseReason, date, reason);
    }

    Member withRelation(String code) {
        return new Member(memberId, name, gender, idType, idNumber, code, ethnicity, birthDate, indicators,
                workLocation, active, joinedOn, increaseReason, leftOn, decreaseReason);
    }

    Integer birthYear() {
        return birthDate == null ? null : birthDate.getYear();
    }
}
