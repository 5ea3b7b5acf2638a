package cn.fupin.monitoring.households;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

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

    HouseholdSummaries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<HouseholdSummary> find(UUID householdId, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from household_summary where household_id = :id"
                + " and division_code like :scope").param("id", householdId).param("scope", scope.prefix() + "%")
                .query(this::row).optional();
    }

    /** Households whose head holds the ID number with this keyed hash, inside the scope. */
    public List<HouseholdSummary> byHead(String idHash, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from household_summary where head_id_hash = :hash"
                + " and division_code like :scope").param("hash", idHash).param("scope", scope.prefix() + "%")
                .query(this::row).list();
    }

    Optional<HouseholdSummary> findForUpdate(UUID householdId) {
        return jdbc.sql("select " + COLUMNS + " from household_summary where household_id = :id for update")
                .param("id", householdId).query(this::row).optional();
    }

    void save(HouseholdSummary summary, Instant at) {
        jdbc.sql("""
                insert into household_summary (household_id, division_code, category, status, size, head_name,
                    head_id_hash, members, causes, income_year, per_capita_income, basic_needs, last_sequence,
                    updated_at)
                values (:id, :division, :category, :status, :size, :head, :hash, cast(:members as jsonb),
                    cast(:causes as jsonb), :incomeYear, :income, cast(:needs as jsonb), :sequence, :at)
                on conflict (household_id) do update set division_code = excluded.division_code,
                    category = excluded.category, status = excluded.status, size = excluded.size,
                    head_name = excluded.head_name, head_id_hash = excluded.head_id_hash, members = excluded.members,
                    causes = excluded.causes, income_year = excluded.income_year,
                    per_capita_income = excluded.per_capita_income, basic_needs = excluded.basic_needs,
                    last_sequence = excluded.last_sequence, updated_at = excluded.updated_at""")
                .param("id", summary.householdId()).param("division", summary.divisionCode())
                .param("category", summary.category()).param("status", summary.status())
                .param("size", summary.size()).param("head", summary.headName()).param("hash", summary.headIdHash())
                .param("members", json.writeValueAsString(summary.members()))
                .param("causes", json.writeValueAsString(summary.causes()))
                .param("incomeYear", summary.incomeYear()).param("income", summary.perCapitaIncome())
                .param("needs", summary.basicNeeds() == null ? null : json.writeValueAsString(summary.basicNeeds()))
                .param("sequence", summary.lastSequence()).param("at", Timestamp.from(at)).update();
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
