package cn.fupin.reporting.households;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.events.NewestVersions;
import cn.fupin.platform.inbox.WriteBehind;
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
    /** The latest state of each household of a batch, written in one statement as the batch commits. */
    private final WriteBehind<UUID, Fact> facts = new WriteBehind<>(this::upsert,
            (gathered, newer) -> newer.sequence() > gathered.sequence() ? newer : gathered);

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

    /** MemberAdded v2 moved the member's fields into one object; the household's, which this reads, stayed. */
    @Override
    public NewestVersions understood() {
        return NewestVersions.of(Map.of("MemberAdded", 2));
    }

    @Override
    public void apply(EventEnvelope event) {
        HouseholdState state = codec.data(event, HouseholdState.class);
        facts.put(state.householdId(), new Fact(state, event.sequence()));
    }

    /** A household's state as of the event with this sequence. */
    private record Fact(HouseholdState state, long sequence) {
    }

    /**
     * Stores households' states; a state older than what is stored (an event redelivered or out of order) changes
     * nothing.
     */
    private void upsert(List<Fact> facts) {
        jdbc.sql("""
                insert into household_fact (household_id, division_code, category, status, size, last_sequence)
                select * from unnest(:ids, :divisions, :categories, :statuses, :sizes, :sequences)
                on conflict (household_id) do update set division_code = excluded.division_code,
                    category = excluded.category, status = excluded.status, size = excluded.size,
                    last_sequence = excluded.last_sequence
                where household_fact.last_sequence < excluded.last_sequence""")
                .param("ids", facts.stream().map(f -> f.state().householdId()).toArray(UUID[]::new))
                .param("divisions", facts.stream().map(f -> f.state().divisionCode()).toArray(String[]::new))
                .param("categories", facts.stream().map(f -> f.state().category()).toArray(String[]::new))
                .param("statuses", facts.stream().map(f -> f.state().status()).toArray(String[]::new))
                .param("sizes", facts.stream().map(f -> f.state().size()).toArray(Integer[]::new))
                .param("sequences", facts.stream().map(Fact::sequence).toArray(Long[]::new))
                .update();
    }
}
