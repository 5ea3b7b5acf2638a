package cn.fupin.household.household;

import java.util.List;

/** A registration as asked for, before the rules have passed it. */
public record NewHousehold(Category category, String divisionCode, String naturalVillage, String phone,
        List<NewMember> members) {
}
