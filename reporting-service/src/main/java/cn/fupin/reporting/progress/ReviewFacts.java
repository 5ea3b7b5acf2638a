package cn.fupin.reporting.progress;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;
import tools.jackson.databind.JsonNode;

/**
 * Review cases as review.events tell them: opened or resubmitted at a stage, moved on by each approval, returned,
 * approved or rejected. The latest event of a case (by its sequence) wins.
 */
@Repository
class ReviewFacts implements Projection {

    private final JdbcClient jdbc;

    ReviewFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String topic() {
        return "review.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("ReviewOpened", "ReviewResubmitted", "ReviewStageDecided", "ReviewApproved", "ReviewRejected");
    }

    @Override
    public void apply(EventEnvelope event) {
        JsonNode data = event.data();
        String state;
        String stage;
        switch (event.eventName()) {
            case "ReviewOpened", "ReviewResubmitted" -> {
                state = "IN_REVIEW";
                stage = data.required("currentStage").asString();
            }
            case "ReviewStageDecided" -> {
                String decision = data.required("decision").asString();
                state = decision.equals("RETURN") ? "RETURNED" : decision.equals("REJECT") ? "REJECTED" : "IN_REVIEW";
                stage = data.hasNonNull("nextStage") ? data.get("nextStage").asString() : null;
                if (state.equals("IN_REVIEW") && stage == null) {
                    state = "APPROVED";
                }
            }
            case "ReviewApproved" -> {
                state = "APPROVED";
                stage = null;
            }
            default -> {
                state = "REJECTED";
                stage = null;
            }
        }
        jdbc.sql("""
                insert into review_case_fact (case_id, case_type, area_code, year, state, current_stage, last_sequence)
                values (:id, :type, :area, :year, :state, :stage, :sequence)
                on conflict (case_id) do update set state = excluded.state, current_stage = excluded.current_stage,
                    last_sequence = excluded.last_sequence
                where review_case_fact.last_sequence < excluded.last_sequence""")
                .param("id", java.util.UUID.fromString(data.required("caseId").asString()))
                .param("type", data.required("caseType").asString())
                .param("area", data.required("areaCode").asString()).param("year", data.required("year").asInt())
                .param("state", state).param("stage", stage).param("sequence", event.sequence()).update();
    }
}
