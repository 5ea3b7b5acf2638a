package cn.fupin.household.villages;

import java.util.List;

import cn.fupin.platform.outbox.PublishedEvent;

/** A poor village's base data of a year changed; the changed fields are named. */
public record VillageUpdated(String villageCode, String name, int year, boolean poorVillage, Boolean exited,
        List<String> changedFields) implements PublishedEvent {

    @Override
    public String aggregateType() {
        return "village";
    }

    @Override
    public String aggregateId() {
        return villageCode();
    }

    @Override
    public String areaCode() {
        return villageCode();
    }
}
