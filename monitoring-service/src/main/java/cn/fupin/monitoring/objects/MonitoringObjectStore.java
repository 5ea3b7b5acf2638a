package cn.fupin.monitoring.objects;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.security.AreaScope;
import cn.fupin.platform.web.ApiException;

/** Monitoring objects with their status history, assistance and assessments in PostgreSQL. */
@Repository
public class MonitoringObjectStore {

    private static final String COLUMNS = """
            id, household_id, object_type, division_code, year, status, risks, head_name, size, per_capita_income,
            request_id, request_type, request_state, review_reasons, assessment_id, identified_at, cleared_at,
            created_by, created_at, version""";

    private final JdbcClient jdbc;

    MonitoringObjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StatusChange(MonitoringStatus status, Instant at, String by, UUID caseId, String note) {
    }

    public record Assistance(UUID id, String measure, String content, BigDecimal amount, LocalDate date,
            String responsiblePerson, String recordedBy, Instant recordedAt) {
    }

    public record Assessment(UUID id, LocalDate assessedOn, List<String> risks, boolean riskEliminated,
            BigDecimal perCapitaIncome, String note, String overrideReason, String assessedBy, Instant assessedAt) {
    }

    void insert(MonitoringObject object) {
        try {
            jdbc.sql("insert into monitoring_object (" + COLUMNS + ") values (:id, :household, :type, :division,"
                    + " :year, :status, :risks, :head, :size, :income, :request, :requestType, :requestState,"
                    + " :reasons, :assessment, :identifiedAt, :clearedAt, :by, :at, 0)")
                    .paramSource(params(object)).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("already-monitored", "该户已有未销号的监测对象，一户同时只能有一个");
        }
    }

    /** Saves the object's new state; a change in between is a conflict, never a lost update. */
    void update(MonitoringObject object) {
        int updated;
        try {
            updated = jdbc.sql("""
                update monitoring_object set status = :status, risks = :risks, request_id = :request,
                    request_type = :requestType, request_state = :requestState, review_reasons = :reasons,
                    assessment_id = :assessment, identified_at = :identifiedAt, cleared_at = :clearedAt,
                    version = version + 1
                where id = :id and version = :version""").paramSource(params(object)).update();
        }
        catch (DuplicateKeyException ex) {
            throw ApiException.conflict("already-monitored", "该户已有未销号的监测对象，一户同时只能有一个");
        }
        if (updated != 1) {
            throw ApiException.conflict("concurrent-change", "监测对象刚被他人修改，请重新读取后再操作");
        }
    }

    void addStatusChange(UUID objectId, StatusChange change) {
        jdbc.sql("""
                insert into monitoring_status_change (object_id, status, at, by, case_id, note)
                values (:object, :status, :at, :by, :case, :note)""")
                .param("object", objectId).param("status", change.status().name())
                .param("at", Timestamp.from(change.at())).param("by", change.by()).param("case", change.caseId())
                .param("note", change.note()).update();
    }

    void addAssistance(UUID objectId, Assistance a) {
        jdbc.sql("""
                insert into monitoring_assistance (id, object_id, measure, content, amount, date, responsible_person,
                    recorded_by, recorded_at)
                values (:id, :object, :measure, :content, :amount, :date, :person, :by, :at)""")
                .param("id", a.id()).param("object", objectId).param("measure", a.measure())
                .param("content", a.content()).param("amount", a.amount()).param("date", a.date())
                .param("person", a.responsiblePerson()).param("by", a.recordedBy())
                .param("at", Timestamp.from(a.recordedAt())).update();
    }

    void addAssessment(UUID objectId, Assessment a) {
        jdbc.sql("""
                insert into monitoring_assessment (id, object_id, assessed_on, risks, risk_eliminated,
                    per_capita_income, note, override_reason, assessed_by, assessed_at)
                values (:id, :object, :on, :risks, :eliminated, :income, :note, :override, :by, :at)""")
                .param("id", a.id()).param("object", objectId).param("on", a.assessedOn())
                .param("risks", String.join(",", a.risks())).param("eliminated", a.riskEliminated())
                .param("income", a.perCapitaIncome()).param("note", a.note()).param("override", a.overrideReason())
                .param("by", a.assessedBy()).param("at", Timestamp.from(a.assessedAt())).update();
    }

    public Optional<MonitoringObject> find(UUID id, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_object where id = :id and division_code like :scope")
                .param("id", id).param("scope", scope.prefix() + "%").query(MonitoringObjectStore::row).optional();
    }

    Optional<MonitoringObject> findForUpdate(UUID id, AreaScope scope) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_object where id = :id and division_code like :scope"
                + " for update").param("id", id).param("scope", scope.prefix() + "%")
                .query(MonitoringObjectStore::row).optional();
    }

    public List<StatusChange> history(UUID id) {
        return jdbc.sql("select status, at, by, case_id, note from monitoring_status_change where object_id = :id"
                + " order by id").param("id", id)
                .query((rs, n) -> new StatusChange(MonitoringStatus.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getObject(4, UUID.class),
                        rs.getString(5)))
                .list();
    }

    public List<Assistance> assistance(UUID id) {
        return jdbc.sql("""
                select id, measure, content, amount, date, responsible_person, recorded_by, recorded_at
                from monitoring_assistance where object_id = :id order by recorded_at, id""").param("id", id)
                .query((rs, n) -> new Assistance(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBigDecimal(4), rs.getDate(5).toLocalDate(), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    public List<Assessment> assessments(UUID id) {
        return jdbc.sql("""
                select id, assessed_on, risks, risk_eliminated, per_capita_income, note, override_reason, assessed_by,
                    assessed_at
                from monitoring_assessment where object_id = :id order by assessed_at, id""").param("id", id)
                .query((rs, n) -> new Assessment(rs.getObject(1, UUID.class), rs.getDate(2).toLocalDate(),
                        split(rs.getString(3)), rs.getBoolean(4), rs.getBigDecimal(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
    }

    public record Page(List<MonitoringObject> items, int page, int size, long total) {
    }

    public Page search(String areaPrefix, ObjectType type, MonitoringStatus status, Integer year, int page,
            int size) {
        String where = """
                division_code like :scope and (cast(:type as text) is null or object_type = :type)
                and (cast(:status as text) is null or status = :status)
                and (cast(:year as integer) is null or year = :year)""";
        long total = bind(jdbc.sql("select count(*) from monitoring_object where " + where), areaPrefix, type, status,
                year).query(Long.class).single();
        List<MonitoringObject> items = bind(jdbc.sql("select " + COLUMNS + " from monitoring_object where " + where
                + " order by created_at desc, id limit :limit offset :offset"), areaPrefix, type, status, year)
                .param("limit", size).param("offset", (long) page * size).query(MonitoringObjectStore::row).list();
        return new Page(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String areaPrefix, ObjectType type,
            MonitoringStatus status, Integer year) {
        return spec.param("scope", areaPrefix + "%").param("type", type == null ? null : type.name())
                .param("status", status == null ? null : status.name()).param("year", year);
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(MonitoringObject o) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("id", o.id()).addValue("household", o.householdId()).addValue("type", o.type().name())
                .addValue("division", o.divisionCode()).addValue("year", o.year())
                .addValue("status", o.status().name()).addValue("risks", String.join(",", o.risks()))
                .addValue("head", o.headName()).addValue("size", o.size()).addValue("income", o.perCapitaIncome())
                .addValue("request", o.requestId()).addValue("requestType", o.requestType())
                .addValue("requestState", o.requestState()).addValue("reasons", o.reviewReasons())
                .addValue("assessment", o.assessmentId()).addValue("identifiedAt", ts(o.identifiedAt()))
                .addValue("clearedAt", ts(o.clearedAt())).addValue("by", o.createdBy())
                .addValue("at", ts(o.createdAt())).addValue("version", o.version());
    }

    private static MonitoringObject row(ResultSet rs, int n) throws SQLException {
        return new MonitoringObject(rs.getObject("id", UUID.class), rs.getObject("household_id", UUID.class),
                ObjectType.valueOf(rs.getString("object_type")), rs.getString("division_code"), rs.getInt("year"),
                MonitoringStatus.valueOf(rs.getString("status")), split(rs.getString("risks")),
                rs.getString("head_name"), rs.getInt("size"), rs.getBigDecimal("per_capita_income"),
                rs.getObject("request_id", UUID.class), rs.getString("request_type"), rs.getString("request_state"),
                rs.getString("review_reasons"), rs.getObject("assessment_id", UUID.class),
                instant(rs, "identified_at"), instant(rs, "cleared_at"), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getInt("version"));
    }

    private static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
