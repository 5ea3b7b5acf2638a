package cn.fupin.household.villages;

import java.util.List;

/** A poor village's base data of a year changed; the changed fields are named. */
public record VillageUpdated(String villageCode, String name, int year, boolean poorVillage, Boolean exited,
        List<String> changedFields) {
}
