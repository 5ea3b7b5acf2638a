package cn.fupin.reporting.adjustment;

import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.NewestVersions;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/**
 * 动态调整 as it happened: one row per approved status change (households and persons of the household) and per
 * member change (one person, with its reason), keyed by the event's id, so a redelivery adds nothing.
 */
@Repository
class HouseholdChanges implements Projection {

    static final Map<String, String> KINDS = Map.of("HouseholdIdentified", "IDENTIFIED", "HouseholdExited",
            "EXITED", "HouseholdReturnedToPoverty", "RETURNED", "HouseholdCleared", "CLEARED", "HouseholdConfirmed",
            "CONFIRMED", "MemberAdded", "MEMBER_ADDED", "MemberRemoved", "MEMBER_REMOVED");

    private final JdbcClient jdbc;

    HouseholdChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "household.events";
    }

    @Override
    public Set<String> events() {
        return KINDS.keySet();
    }

    /** MemberAdded v2 moved the member's fields into one object; the household's, which this reads, stayed. */
    @Override
    public NewestVersions understood() {
        return NewestVersions.of(Map.of("MemberAdded", 2));
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode data = event.data();
        boolean member = event.eventName().startsWith("Member");
        int year = member ? Integer.parseInt(data.required("effectiveDate").asString().substring(0, 4))
                : data.required("year").asInt();
        jdbc.sql("""
                insert into household_change (event_id, household_id, division_code, kind, reason, year, households,
                    persons)
                values (:event, :household, :division, :kind, :reason, :year, :households, :persons)
                on conflict (event_id) do nothing""")
                .param("event", event.id()).param("household", java.util.UUID.fromString(
                        data.required("householdId").asString()))
                .param("division", data.required("divisionCode").asString())
                .param("kind", KINDS.get(event.eventName()))
                .param("reason", member ? data.required("reason").asString() : null).param("year", year)
                .param("households", member ? 0 : 1).param("persons", member ? 1 : data.required("size").asInt())
                .update();
    }
}
