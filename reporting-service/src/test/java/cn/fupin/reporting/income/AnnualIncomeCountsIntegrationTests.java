package cn.fupin.reporting.income;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

import cn.fupin.platform.testing.RealInfrastructure;
import cn.fupin.platform.testing.ServiceTestSupport;

/**
 * The villages' counts of annual records by category and income band ({@code annual_income_count}, migration 8)
 * follow the records as they are written, moved and taken away, and are recounted when the year's policy is
 * published or changed: at every step they equal the records grouped under the policy the work plan has then.
 */
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class AnnualIncomeCountsIntegrationTests extends ServiceTestSupport {

    static final int YEAR = 2031;
    static final String VILLAGE_A = "350481108201";
    static final String VILLAGE_B = "350481108202";

    @Test
    void countsFollowTheRecordsAndTheYearsPolicy() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        record(a, VILLAGE_A, "REGISTERED", 4, "3500.00", 1);
        record(b, VILLAGE_A, "REGISTERED", 2, "6000.00", 1);
        record(c, VILLAGE_B, "MARGINAL", 3, "9000.00", 1);

        // no policy for the year yet: every record waits in band -1
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                VILLAGE_A + " REGISTERED -1", "2 6 9500.00", VILLAGE_B + " MARGINAL -1", "1 3 9000.00"));

        // published: 4,000 yuan × 1.5 = 6,000; twice the line 8,000
        policy(1, "4000.00", "1.50");
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                VILLAGE_A + " REGISTERED 0", "1 4 3500.00", VILLAGE_A + " REGISTERED 2", "1 2 6000.00",
                VILLAGE_B + " MARGINAL 3", "1 3 9000.00"));

        // revised: 5,000 × 1.5 = 7,500; twice 10,000
        policy(2, "5000.00", "1.50");
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                VILLAGE_A + " REGISTERED 0", "1 4 3500.00", VILLAGE_A + " REGISTERED 1", "1 2 6000.00",
                VILLAGE_B + " MARGINAL 2", "1 3 9000.00"));

        // a household's record rewritten (it moved, and its income rose); an older delivery changes nothing
        record(a, VILLAGE_B, "REGISTERED", 5, "8000.00", 2);
        record(a, VILLAGE_A, "REGISTERED", 4, "100.00", 1);
        jdbc.update("delete from annual_income where household_id = ?", c);
        assertThat(counts()).containsExactlyInAnyOrderEntriesOf(Map.of(
                VILLAGE_A + " REGISTERED 1", "1 2 6000.00", VILLAGE_B + " REGISTERED 2", "1 5 8000.00"));
        assertThat(counts()).isEqualTo(recounted());
    }

    void record(UUID household, String village, String category, int size, String perCapita, long sequence) {
        jdbc.update("""
                insert into annual_income (household_id, year, division_code, category, size, per_capita_income,
                    last_sequence)
                values (?, ?, ?, ?, ?, cast(? as numeric), ?)
                on conflict (household_id, year) do update set division_code = excluded.division_code,
                    category = excluded.category, size = excluded.size,
                    per_capita_income = excluded.per_capita_income, last_sequence = excluded.last_sequence
                where annual_income.last_sequence < excluded.last_sequence""", household, YEAR, village, category,
                size, perCapita, sequence);
    }

    void policy(int revision, String povertyLine, String factor) {
        jdbc.update("""
                insert into work_plan_fact (year, phases, close_at, revision, policy)
                values (?, '[]', now(), ?, cast(? as jsonb))
                on conflict (year) do update set revision = excluded.revision, policy = excluded.policy
                where work_plan_fact.revision < excluded.revision""", YEAR, revision, """
                {"povertyLine":"%s","monitoringLineFactor":"%s","publicityDaysMin":7}""".formatted(povertyLine,
                factor));
    }

    /** "village category band" → "households persons income", the counts that are not zero. */
    Map<String, String> counts() {
        return grouped("""
                select division_code, category, band, households, persons, income from annual_income_count
                where year = %d and households <> 0""".formatted(YEAR));
    }

    /** The same, counted from the records under the policy the year has now. */
    Map<String, String> recounted() {
        return grouped("""
                select a.division_code, a.category, income_band(a.per_capita_income, w.policy), count(*),
                    sum(a.size), sum(a.per_capita_income)
                from annual_income a left join work_plan_fact w on w.year = a.year
                where a.year = %d group by 1, 2, 3""".formatted(YEAR));
    }

    private Map<String, String> grouped(String sql) {
        Map<String, String> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(String.join(" ", List.of(rs.getString(1), rs.getString(2), rs.getString(3))),
                    rs.getLong(4) + " " + rs.getLong(5) + " " + rs.getBigDecimal(6).toPlainString());
        });
        return counts;
    }
}
