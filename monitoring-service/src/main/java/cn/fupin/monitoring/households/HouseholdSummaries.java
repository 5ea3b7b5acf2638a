package cn.fupin.monitoring.households;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.inbox.ReadAhead;
import cn.fupin.platform.inbox.WriteBehind;
import cn.fupin.platform.security.AreaScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The local projection of households, read and written. */
@Repository
public class HouseholdSummaries {

    private static final String COLUMNS = """
            household_id, division_code, category, status, size, head_name, head_id_hash, members::text,
            causes::text, income_year, per_capita_income, basic_needs::text, last_sequence""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    /** The summaries a batch of events changed, written in one statement as the batch commits. */
    private final WriteBehind<UUID, HouseholdSummary> written = new WriteBehind<>(this::saveAll,
            (gathered, newer) -> newer);

    /** The summaries a batch of events will change, read (and locked) together before it takes effect. */
    private final ReadAhead<UUID, HouseholdSummary> locked = new ReadAhead<>(this::lockAll);

    HouseholdSummaries(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Optional<HouseholdSummary> find(UUID householdId, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from household_summary where household_id = :id"
                + " and division_code like :scope").param("id", householdId).param("scope", scope.prefix() + "%")
                .query(this::row).optional();
    }

    /**
     * Households whose head holds the ID number with one of these keyed hashes (the key's, and during a rotation of
     * the key the previous one's: {@code IdNumberHash.candidates}), inside the scope.
     */
    public List<HouseholdSummary> byHead(List<String> idHashes, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from household_summary where head_id_hash in (:hashes)"
                + " and division_code like :scope").param("hashes", idHashes).param("scope", scope.prefix() + "%")
                .query(this::row).list();
    }

    /** Reads and locks the households a batch's events will change, in one query ({@link #findForUpdate}). */
    void readAhead(Collection<UUID> householdIds) {
        locked.read(householdIds);
    }

    private Map<UUID, HouseholdSummary> lockAll(List<UUID> householdIds) {
        Map<UUID, HouseholdSummary> found = new HashMap<>();
        jdbc.sql("select " + COLUMNS + " from household_summary where household_id = any(:ids) for update")
                .param("ids", householdIds.toArray(UUID[]::new)).query(this::row).list()
                .forEach(summary -> found.put(summary.householdId(), summary));
        return found;
    }

    /** The household as the current batch left it, else as stored (locked for the transaction). */
    Optional<HouseholdSummary> findForUpdate(UUID householdId) {
        HouseholdSummary pending = written.pending(householdId);
        if (pending != null) {
            return Optional.of(pending);
        }
        if (locked.wasRead(householdId)) {
            return Optional.ofNullable(locked.get(householdId));
        }
        return jdbc.sql("select " + COLUMNS + " from household_summary where household_id = :id for update")
                .param("id", householdId).query(this::row).optional();
    }

    /** Keeps the household's summary, written with the rest of the batch as its transaction commits. */
    void save(HouseholdSummary summary) {
        written.put(summary.householdId(), summary);
    }

    private void saveAll(List<HouseholdSummary> summaries) {
        jdbc.sql("""
                insert into household_summary (household_id, division_code, category, status, size, head_name,
                    head_id_hash, members, causes, income_year, per_capita_income, basic_needs, last_sequence,
                    updated_at)
                select id, division, category, status, size, head, hash, cast(members as jsonb),
                    cast(causes as jsonb), income_year, income, cast(needs as jsonb), sequence, :at
                from unnest(:ids, :divisions, :categories, :statuses, :sizes, :heads, :hashes, :members, :causes,
                    :incomeYears, :incomes, :needs, :sequences)
                    as s (id, division, category, status, size, head, hash, members, causes, income_year, income,
                        needs, sequence)
                on conflict (household_id) do update set division_code = excluded.division_code,
                    category = excluded.category, status = excluded.status, size = excluded.size,
                    head_name = excluded.head_name, head_id_hash = excluded.head_id_hash, members = excluded.members,
                    causes = excluded.causes, income_year = excluded.income_year,
                    per_capita_income = excluded.per_capita_income, basic_needs = excluded.basic_needs,
                    last_sequence = excluded.last_sequence, updated_at = excluded.updated_at""")
                .param("ids", summaries.stream().map(HouseholdSummary::householdId).toArray(UUID[]::new))
                .param("divisions", summaries.stream().map(HouseholdSummary::divisionCode).toArray(String[]::new))
                .param("categories", summaries.stream().map(HouseholdSummary::category).toArray(String[]::new))
                .param("statuses", summaries.stream().map(HouseholdSummary::status).toArray(String[]::new))
                .param("sizes", summaries.stream().map(HouseholdSummary::size).toArray(Integer[]::new))
                .param("heads", summaries.stream().map(HouseholdSummary::headName).toArray(String[]::new))
                .param("hashes", summaries.stream().map(HouseholdSummary::headIdHash).toArray(String[]::new))
                .param("members", summaries.stream().map(h -> json.writeValueAsString(h.members()))
                        .toArray(String[]::new))
                .param("causes", summaries.stream().map(h -> json.writeValueAsString(h.causes()))
                        .toArray(String[]::new))
                .param("incomeYears", summaries.stream().map(HouseholdSummary::incomeYear).toArray(Integer[]::new))
                .param("incomes", summaries.stream().map(HouseholdSummary::perCapitaIncome)
                        .toArray(BigDecimal[]::new))
                .param("needs", summaries.stream().map(h -> h.basicNeeds() == null ? null
                        : json.writeValueAsString(h.basicNeeds())).toArray(String[]::new))
                .param("sequences", summaries.stream().map(HouseholdSummary::lastSequence).toArray(Long[]::new))
                .param("at", Timestamp.from(clock.instant())).update();
    }

    private HouseholdSummary row(ResultSet rs, int n) throws SQLException {
        return new HouseholdSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7),
                json.readValue(rs.getString(8), new TypeReference<List<HouseholdSummary.MemberSummary>>() {
                }),
                rs.getString(9) == null ? null : json.readValue(rs.getString(9), new TypeReference<List<String>>() {
                }),
                (Integer) rs.getObject(10), rs.getBigDecimal(11),
                rs.getString(12) == null ? null : json.readValue(rs.getString(12), HouseholdSummary.BasicNeeds.class),
                rs.getLong(13));
    }
}
