package cn.fupin.review.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.web.ApiException;
import cn.fupin.review.cases.Publicity.Appraisal;
import cn.fupin.review.cases.Publicity.Objection;
import cn.fupin.review.cases.StageDecision.Reason;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Cases, their submissions, decisions and notices in PostgreSQL; only cases' current state is ever updated. */
@Repository
public class ReviewCaseStore {

    private static final String CASE_COLUMNS = """
            id, case_type, subject_id, area_code, year, request_id, stages, current_stage, state, round, head_name,
            submitted_by, opened_at, stage_entered_at, closed_at, version""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ReviewCaseStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A submission round: the subject as the request described it, frozen. */
    public record Submission(int round, Instant submittedAt, String submittedBy, String sourceEventId,
            String snapshot) {
    }

    void insert(ReviewCase reviewCase, Submission first) {
        jdbc.sql("insert into review_case (" + CASE_COLUMNS + ", subject_type) values (:id, :type, :subject, :area,"
                + " :year, :request, :stages, :stage, :state, :round, :head, :by, :openedAt, :enteredAt, :closedAt,"
                + " :version, :subjectType)")
                .param("id", reviewCase.id()).param("type", reviewCase.type().name())
                .param("subject", reviewCase.subjectId()).param("area", reviewCase.areaCode())
                .param("year", reviewCase.year()).param("request", reviewCase.requestId())
                .param("stages", String.join(",", reviewCase.stages().stream().map(Stage::name).toList()))
                .param("stage", name(reviewCase.currentStage())).param("state", reviewCase.state().name())
                .param("round", reviewCase.round()).param("head", reviewCase.headName())
                .param("by", reviewCase.submittedBy()).param("openedAt", ts(reviewCase.openedAt()))
                .param("enteredAt", ts(reviewCase.stageEnteredAt())).param("closedAt", ts(reviewCase.closedAt()))
                .param("version", reviewCase.version())
                .param("subjectType", reviewCase.type().subjectType().name()).update();
        addSubmission(reviewCase.id(), first);
    }

    void addSubmission(UUID caseId, Submission submission) {
        jdbc.sql("""
                insert into review_submission (case_id, round, submitted_at, submitted_by, source_event_id, snapshot)
                values (:case, :round, :at, :by, :event, cast(:snapshot as jsonb))""")
                .param("case", caseId).param("round", submission.round()).param("at", ts(submission.submittedAt()))
                .param("by", submission.submittedBy()).param("event", submission.sourceEventId())
                .param("snapshot", submission.snapshot()).update();
    }

    /** Saves the case's new state; a concurrent change in between is a conflict, never a lost update. */
    void update(ReviewCase reviewCase) {
        int updated = jdbc.sql("""
                update review_case set current_stage = :stage, state = :state, round = :round, head_name = :head,
                    stage_entered_at = :enteredAt, closed_at = :closedAt, version = version + 1
                where id = :id and version = :version""")
                .param("stage", name(reviewCase.currentStage())).param("state", reviewCase.state().name())
                .param("round", reviewCase.round()).param("head", reviewCase.headName())
                .param("enteredAt", ts(reviewCase.stageEnteredAt())).param("closedAt", ts(reviewCase.closedAt()))
                .param("id", reviewCase.id()).param("version", reviewCase.version()).update();
        if (updated != 1) {
            throw ApiException.conflict("concurrent-change", "案件刚被他人处理，请重新读取后再操作");
        }
    }

    void addDecision(UUID caseId, StageDecision decision) {
        jdbc.sql("""
                insert into review_decision (case_id, round, stage, decision, decided_by, decided_by_name, decided_at,
                    comment, reasons)
                values (:case, :round, :stage, :decision, :by, :name, :at, :comment, cast(:reasons as jsonb))""")
                .param("case", caseId).param("round", decision.round()).param("stage", decision.stage().name())
                .param("decision", decision.decision().name()).param("by", decision.decidedBy())
                .param("name", decision.decidedByName()).param("at", ts(decision.decidedAt()))
                .param("comment", decision.comment()).param("reasons", json.writeValueAsString(decision.reasons()))
                .update();
    }

    void addPublicity(UUID caseId, Publicity publicity) {
        jdbc.sql("""
                insert into review_publicity (case_id, round, appraisal, notice_start, notice_end, notice_place,
                    objections, recorded_by, recorded_at)
                values (:case, :round, cast(:appraisal as jsonb), :start, :end, :place, cast(:objections as jsonb),
                    :by, :at)""")
                .param("case", caseId).param("round", publicity.round())
                .param("appraisal", json.writeValueAsString(publicity.appraisal()))
                .param("start", publicity.noticeStart()).param("end", publicity.noticeEnd())
                .param("place", publicity.noticePlace())
                .param("objections", json.writeValueAsString(publicity.objections()))
                .param("by", publicity.recordedBy()).param("at", ts(publicity.recordedAt())).update();
    }

    /** The case inside the scope, locked for a decision in this transaction. */
    public Optional<ReviewCase> findForUpdate(UUID id, AreaScope scope) {
        return find(id, scope, " for update");
    }

    public Optional<ReviewCase> find(UUID id, AreaScope scope) {
        return find(id, scope, "");
    }

    Optional<ReviewCase> findByRequest(UUID requestId) {
        return jdbc.sql("select id from review_case where request_id = :request for update")
                .param("request", requestId).query(UUID.class).optional()
                .flatMap(id -> find(id, AreaScope.ALL, ""));
    }

    private Optional<ReviewCase> find(UUID id, AreaScope scope, String lock) {
        return jdbc.sql("select " + CASE_COLUMNS + " from review_case where id = :id and area_code like :scope" + lock)
                .param("id", id).param("scope", scope.prefix() + "%")
                .query((rs, n) -> row(rs, decisions(id))).optional();
    }

    public List<StageDecision> decisions(UUID caseId) {
        return jdbc.sql("""
                select round, stage, decision, decided_by, decided_by_name, decided_at, comment, reasons
                from review_decision where case_id = :case order by id""")
                .param("case", caseId)
                .query((rs, n) -> new StageDecision(rs.getInt(1), Stage.valueOf(rs.getString(2)),
                        Decision.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant(), rs.getString(7),
                        json.readValue(rs.getString(8), new TypeReference<List<Reason>>() {
                        })))
                .list();
    }

    public List<Submission> submissions(UUID caseId) {
        return jdbc.sql("""
                select round, submitted_at, submitted_by, source_event_id, snapshot::text from review_submission
                where case_id = :case order by round""")
                .param("case", caseId)
                .query((rs, n) -> new Submission(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The latest recording of the round's appraisal and notice, if any. */
    public Optional<Publicity> publicity(UUID caseId, int round) {
        return jdbc.sql("""
                select appraisal::text, notice_start, notice_end, notice_place, objections::text, recorded_by,
                    recorded_at
                from review_publicity where case_id = :case and round = :round order by id desc limit 1""")
                .param("case", caseId).param("round", round)
                .query((rs, n) -> new Publicity(round, json.readValue(rs.getString(1), Appraisal.class),
                        rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate(), rs.getString(4),
                        json.readValue(rs.getString(5), new TypeReference<List<Objection>>() {
                        }), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    private static ReviewCase row(ResultSet rs, List<StageDecision> decisions) throws SQLException {
        return new ReviewCase(rs.getObject("id", UUID.class), CaseType.valueOf(rs.getString("case_type")),
                rs.getString("subject_id"), rs.getString("area_code"), rs.getInt("year"),
                rs.getObject("request_id", UUID.class),
                Arrays.stream(rs.getString("stages").split(",")).map(Stage::valueOf).toList(),
                rs.getString("current_stage") == null ? null : Stage.valueOf(rs.getString("current_stage")),
                CaseState.valueOf(rs.getString("state")), rs.getInt("round"), rs.getString("head_name"),
                rs.getString("submitted_by"), instant(rs, "opened_at"), instant(rs, "stage_entered_at"),
                instant(rs, "closed_at"), rs.getInt("version"), decisions);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String name(Stage stage) {
        return stage == null ? null : stage.name();
    }
}
