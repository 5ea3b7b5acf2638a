package cn.fupin.household.household;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.relational.core.mapping.Table;

import cn.fupin.household.privacy.IdNumber;
import cn.fupin.household.privacy.PersonalText;

/**
 * 帮扶责任人: a person assigned to help the household (form 1, part 6).
 *
 * @param helperId stable id
 * @param name 姓名
 * @param idNumber 身份证号码, optional (form 1 does not ask for it): tells whether the helper is himself a registered
 *        poor person; stored encrypted as GB 11643 writes it (upper-case {@code X})
 * @param gender 性别 code
 * @param politicalStatus 政治面貌 code
 * @param unit 帮扶单位
 * @param startDate 帮扶开始时间
 * @param endDate 帮扶结束时间, null while helping
 * @param phone 联系电话, stored encrypted
 */
@Table("helper")
public record Helper(UUID helperId, String name, IdNumber idNumber, String gender, String politicalStatus, String unit,
        LocalDate startDate, LocalDate endDate, PersonalText phone) {

    public Helper {
        idNumber = idNumber == null || idNumber.value().isBlank() ? null
                : new IdNumber(idNumber.value().trim().toUpperCase(Locale.ROOT));
    }

    /** Whether the helper helps at some time in the year. */
    public boolean helpsIn(int year) {
        return startDate.getYear() <= year && (endDate == null || endDate.getYear() >= year);
    }
}
