package cn.fupin.household.lifecycle;

import cn.fupin.household.household.Household;
import cn.fupin.household.household.Member;

/** The 户主 as reviewers see a request: by name. */
final class Heads {

    private Heads() {
    }

    static String nameOf(Household household) {
        return household.getMembers().stream().filter(Member::isHead).map(Member::name).findFirst().orElse(null);
    }
}
