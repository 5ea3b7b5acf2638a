package cn.fupin.reporting.quality;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/**
 * 问题数据 by rule and area: raised OPEN, resolved CLOSED. A resolution that arrives before its raising (it
 * cannot on one partition, but a rebuild may meet either first) is kept and not reopened by the late raising.
 */
@Repository
class DataIssueFacts implements Projection {

    private final JdbcClient jdbc;

    DataIssueFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "household.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("DataIssueRaised", "DataIssueResolved");
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode data = event.data();
        boolean resolved = event.eventName().equals("DataIssueResolved");
        jdbc.sql("""
                insert into data_issue_fact (issue_id, division_code, year, rule_code, status)
                values (:id, :division, :year, :rule, :status)
                on conflict (issue_id) do update set status = case when data_issue_fact.status = 'CLOSED'
                    then 'CLOSED' else excluded.status end""")
                .param("id", java.util.UUID.fromString(data.required("issueId").asString()))
                .param("division", data.required("divisionCode").asString())
                .param("year", data.required("year").asInt()).param("rule", data.required("ruleCode").asString())
                .param("status", resolved ? "CLOSED" : "OPEN").update();
    }
}
