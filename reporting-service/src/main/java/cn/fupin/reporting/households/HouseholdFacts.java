package cn.fupin.reporting.households;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;

/**
 * The household read model: the latest known state of each household. The states of one transaction (a batch of
 * events) are written together just before it commits, the newest of each household only — nothing reads this table
 * while events are applied, and an import's batch of 500 households is then one statement instead of 500.
 */
@Repository
class HouseholdFacts implements Projection {

    /** Events that carry the household's state after the change: the latest one (by sequence) wins. */
    static final Set<String> STATE_EVENTS = Set.of("HouseholdRegistered", "HouseholdImported", "MemberAdded",
            "MemberRemoved", "HouseholdIdentified", "HouseholdExited", "HouseholdReturnedToPoverty",
            "HouseholdConfirmed", "HouseholdCleared", "HouseholdUpdated", "AnnualRecordSubmitted");

    /** An event older than what is stored (redelivered or out of order) changes nothing. */
    private static final String UPSERT = """
            insert into household_fact (household_id, division_code, category, status, size, last_sequence)
            values (?, ?, ?, ?, ?, ?)
            on conflict (household_id) do update set division_code = excluded.division_code,
                category = excluded.category, status = excluded.status, size = excluded.size,
                last_sequence = excluded.last_sequence
            where household_fact.last_sequence < excluded.last_sequence""";

    private final JdbcTemplate jdbc;
    private final EventCodec codec;

    HouseholdFacts(JdbcTemplate jdbc, EventCodec codec) {
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
        State state = new State(codec.data(event, HouseholdState.class), event.sequence());
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            write(List.of(state));
            return;
        }
        pending().states.merge(state.household().householdId(), state,
                (held, newer) -> newer.sequence() > held.sequence() ? newer : held);
    }

    private record State(HouseholdState household, long sequence) {
    }

    private void write(List<State> states) {
        List<Object[]> rows = new ArrayList<>(states.size());
        for (State state : states) {
            HouseholdState h = state.household();
            rows.add(new Object[] { h.householdId(), h.divisionCode(), h.category(), h.status(), h.size(),
                    state.sequence() });
        }
        jdbc.batchUpdate(UPSERT, rows);
    }

    private Pending pending() {
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Pending pending && pending.owner == this) {
                return pending;
            }
        }
        Pending pending = new Pending(this);
        TransactionSynchronizationManager.registerSynchronization(pending);
        return pending;
    }

    /** The newest state of each household of the transaction; kept in a set by identity, hence no record. */
    private static final class Pending implements TransactionSynchronization {

        private final HouseholdFacts owner;
        private final Map<UUID, State> states = new LinkedHashMap<>();

        Pending(HouseholdFacts owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            owner.write(List.copyOf(states.values()));
        }
    }
}
