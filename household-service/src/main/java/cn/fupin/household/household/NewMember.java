package cn.fupin.household.household;

import java.time.LocalDate;

/** A member as entered on form 1, 2 or 4, before the rules have passed it. */
public record NewMember(String name, String gender, String idType, String idNumber, String relation,
        String ethnicity, LocalDate birthDate, MemberIndicators indicators) {

    public NewMember {
        indicators = indicators == null ? MemberIndicators.NONE : indicators;
    }
}
