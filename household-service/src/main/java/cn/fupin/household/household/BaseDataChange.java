package cn.fupin.household.household;

import java.util.List;

/** Changes to a household's base data; a null field stays as it is. */
public record BaseDataChange(String naturalVillage, String phone, String bankName, String bankAccount,
        String identificationStandard, Boolean militaryFamily, List<String> causes, Boolean notEnjoyingPolicy) {
}
