package cn.fupin.reporting.income;

import java.math.BigDecimal;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/** Each household's per-capita net income per year, from {@code AnnualRecordSubmitted}; the latest wins. */
@Repository
class AnnualIncomes implements Projection {

    private final JdbcClient jdbc;

    AnnualIncomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "household.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("AnnualRecordSubmitted");
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode data = event.data();
        jdbc.sql("""
                insert into annual_income (household_id, year, division_code, category, size, per_capita_income,
                    last_sequence)
                values (:household, :year, :division, :category, :size, :income, :sequence)
                on conflict (household_id, year) do update set division_code = excluded.division_code,
                    category = excluded.category, size = excluded.size,
                    per_capita_income = excluded.per_capita_income, last_sequence = excluded.last_sequence
                where annual_income.last_sequence < excluded.last_sequence""")
                .param("household", java.util.UUID.fromString(data.required("householdId").asString()))
                .param("year", data.required("year").asInt())
                .param("division", data.required("divisionCode").asString())
                .param("category", data.required("category").asString()).param("size", data.required("size").asInt())
                .param("income", new BigDecimal(data.required("perCapitaIncome").asString()))
                .param("sequence", event.sequence()).update();
    }
}
