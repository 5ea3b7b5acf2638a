package cn.fupin.reporting.income;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.platform.inbox.WriteBehind;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/**
 * Each household's per-capita net income per year, from {@code AnnualRecordSubmitted} and from the year's record a
 * {@code HouseholdImported} carries; the latest wins.
 */
@Repository
class AnnualIncomes implements Projection {

    private final JdbcClient jdbc;
    /** Each household's latest income of a year in a batch, written in one statement as the batch commits. */
    private final WriteBehind<String, Income> incomes = new WriteBehind<>(this::upsert,
            (gathered, newer) -> newer.sequence() > gathered.sequence() ? newer : gathered);

    AnnualIncomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "household.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("AnnualRecordSubmitted", "HouseholdImported");
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode household = event.data();
        JsonNode record = "HouseholdImported".equals(event.eventName()) ? household.path("annualRecord") : household;
        if (!record.isObject()) {
            return;
        }
        Income income = new Income(UUID.fromString(household.required("householdId").asString()),
                record.required("year").asInt(), household.required("divisionCode").asString(),
                household.required("category").asString(), record.required("size").asInt(),
                new BigDecimal(record.required("perCapitaIncome").asString()), event.sequence());
        incomes.put(income.householdId() + "/" + income.year(), income);
    }

    /** A household's income of a year as of the event with this sequence. */
    private record Income(UUID householdId, int year, String divisionCode, String category, int size,
            BigDecimal perCapitaIncome, long sequence) {
    }

    /** Stores the incomes; one older than what is stored (redelivered, out of order) changes nothing. */
    private void upsert(List<Income> incomes) {
        jdbc.sql("""
                insert into annual_income (household_id, year, division_code, category, size, per_capita_income,
                    last_sequence)
                select * from unnest(:households, :years, :divisions, :categories, :sizes, :incomes, :sequences)
                on conflict (household_id, year) do update set division_code = excluded.division_code,
                    category = excluded.category, size = excluded.size,
                    per_capita_income = excluded.per_capita_income, last_sequence = excluded.last_sequence
                where annual_income.last_sequence < excluded.last_sequence""")
                .param("households", incomes.stream().map(Income::householdId).toArray(UUID[]::new))
                .param("years", incomes.stream().map(Income::year).toArray(Integer[]::new))
                .param("divisions", incomes.stream().map(Income::divisionCode).toArray(String[]::new))
                .param("categories", incomes.stream().map(Income::category).toArray(String[]::new))
                .param("sizes", incomes.stream().map(Income::size).toArray(Integer[]::new))
                .param("incomes", incomes.stream().map(Income::perCapitaIncome).toArray(BigDecimal[]::new))
                .param("sequences", incomes.stream().map(Income::sequence).toArray(Long[]::new))
                .update();
    }
}
