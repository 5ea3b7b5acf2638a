package cn.fupin.household.household;

import java.time.LocalDate;

/** A member as entered on form 1 or form 4. */
public record NewMember(String name, String gender, String idType, String idNumber, String relation,
        String ethnicity, LocalDate birthDate) {
}
