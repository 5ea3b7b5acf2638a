package cn.fupin.reporting.households;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The household read model: the latest known state of each household. */
@Repository
class HouseholdFacts {

    private final JdbcClient jdbc;

    HouseholdFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
