package cn.fupin.reporting.households;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;

/** The household read model: the latest known state of each household. */
@Repository
class HouseholdFacts implements Projection {

    /** Events that carry the household's state after the change: the latest one (by sequence) wins. */
    static final Set<String> STATE_EVENTS = Set.of("HouseholdRegistered", "HouseholdImported", "MemberAdded",
            "MemberRemoved",
            "HouseholdIdentified", "HouseholdExited", "HouseholdReturnedToPoverty", "HouseholdConfirmed",
            "HouseholdCleared", "HouseholdUpdated", "AnnualRecordSubmitted");

    private final JdbcClient jdbc;
    private final EventCodec codec;

    HouseholdFacts(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return "household.events";
    }

    @Override
    public Set<String> events() {
        return STATE_EVENTS;
    }

    @Override
    public void apply(EventEnvelope event) {
        upsert(codec.data(event, HouseholdState.class), event.sequence());
    }

    /**
     * Stores a household's state as of an event; an event older than what is stored (redelivered or out of
     * order) changes nothing.
     */
    void upsert(HouseholdState household, long sequence) {
        jdbc.sql("""
                insert into household_fact (household_id, division_code, category, status, size, last_sequence)
                values (:id, :division, :category, :status, :size, :sequence)
                on conflict (household_id) do update set division_code = excluded.division_code,
                    category = excluded.category, status = excluded.status, size = excluded.size,
                    last_sequence = excluded.last_sequence
                where household_fact.last_sequence < excluded.last_sequence""")
                .param("id", household.householdId()).param("division", household.divisionCode())
                .param("category", household.category()).param("status", household.status())
                .param("size", household.size()).param("sequence", sequence)
                .update();
    }
}
