package cn.fupin.reporting.progress;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/** The year's work plan (latest revision, with its policy figures) and each area's latest window change, from review.events. */
@Repository
class WorkPlanFacts implements Projection {

    private final JdbcClient jdbc;

    WorkPlanFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "review.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("WorkPlanPublished", "FunctionsOpened", "FunctionsClosed");
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode data = event.data();
        if (event.eventName().equals("WorkPlanPublished")) {
            jdbc.sql("""
                    insert into work_plan_fact (year, phases, close_at, revision, policy)
                    values (:year, cast(:phases as jsonb), :close, :revision, cast(:policy as jsonb))
                    on conflict (year) do update set phases = excluded.phases, close_at = excluded.close_at,
                        revision = excluded.revision, policy = excluded.policy
                    where work_plan_fact.revision < excluded.revision""")
                    .param("year", data.required("year").asInt()).param("phases", data.required("phases").toString())
                    .param("policy", data.has("policy") ? data.get("policy").toString() : null)
                    .param("close", at(data.required("closeAt").asString()))
                    .param("revision", data.required("revision").asInt()).update();
            return;
        }
        boolean opened = event.eventName().equals("FunctionsOpened");
        jdbc.sql("""
                insert into function_window_fact (area_code, year, open, reason, at)
                values (:area, :year, :open, :reason, :at)
                on conflict (area_code, year) do update set open = excluded.open, reason = excluded.reason,
                    at = excluded.at where function_window_fact.at <= excluded.at""")
                .param("area", data.required("areaCode").asString()).param("year", data.required("year").asInt())
                .param("open", opened).param("reason", data.required("reason").asString())
                .param("at", Timestamp.from(event.time() != null ? event.time().toInstant()
                        : java.time.Instant.now()))
                .update();
    }

    private static Timestamp at(String time) {
        return Timestamp.from(OffsetDateTime.parse(time).toInstant());
    }
}
