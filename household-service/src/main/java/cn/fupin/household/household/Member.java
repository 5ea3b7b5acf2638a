package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

/**
 * A household member (家庭成员) with the form indicators collected so far.
 *
 * @param memberId stable id of the member
 * @param name A1 姓名
 * @param gender A2 性别 code
 * @param idType A3 证件类型 code
 * @param idNumber A4 证件号码
 * @param relation A5 与户主关系 code
 * @param ethnicity A6 民族 code
 * @param birthDate 出生日期
 * @param active false once removed (natural decrease); removed members stay in the history
 */
@Table("member")
public record Member(UUID memberId, String name, String gender, String idType, String idNumber, String relation,
        String ethnicity, LocalDate birthDate, boolean active) {

    /** 户主. */
    public static final String HEAD = "01";

    public boolean isHead() {
        return active && HEAD.equals(relation);
    }
}
