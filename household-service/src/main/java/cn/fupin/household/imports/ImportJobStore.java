package cn.fupin.household.imports;

import java.sql.Array;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Import jobs as rows: each write is its own short statement, outside the import's long transaction. */
@Repository
class ImportJobStore {

    private static final String SELECT = """
            select id, kind, state, area_code, partial, file_name, media_type, size_bytes, sha256, rows_total,
                   rows_done, created, updated, unchanged, rejected, error_count, errors::text, notices::text,
                   ignored_columns,
                   failure, requested_by, requested_at, started_at, finished_at
            from import_job""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImportJobStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(ImportJob job) {
        jdbc.sql("""
                insert into import_job (id, kind, state, area_code, partial, file_name, media_type, size_bytes, sha256,
                    requested_by, requested_at)
                values (:id, :kind, :state, :area, :partial, :fileName, :mediaType, :size, :sha256, :by, :at)""")
                .param("id", job.id()).param("kind", job.kind().name()).param("state", job.state().name())
                .param("area", job.areaCode()).param("partial", job.partial()).param("fileName", job.fileName())
                .param("mediaType", job.mediaType()).param("size", job.sizeBytes()).param("sha256", job.sha256())
                .param("by", job.requestedBy()).param("at", Timestamp.from(job.requestedAt())).update();
    }

    Optional<ImportJob> find(UUID id, AreaScope scope) {
        return jdbc.sql(SELECT + " where id = :id and area_code like :prefix").param("id", id)
                .param("prefix", scope.prefix() + "%").query(this::map).optional();
    }

    void started(UUID id, Integer rowsTotal, Instant at) {
        jdbc.sql("update import_job set state = 'RUNNING', rows_total = :total, started_at = :at where id = :id")
                .param("id", id).param("total", rowsTotal).param("at", Timestamp.from(at)).update();
    }

    void progressed(UUID id, int rowsDone, ImportJob.Counts counts, int errorCount) {
        jdbc.sql("""
                update import_job set rows_done = :done, created = :created, updated = :updated,
                    unchanged = :unchanged, rejected = :rejected, error_count = :errors where id = :id""")
                .param("id", id).param("done", rowsDone).param("created", counts.created())
                .param("updated", counts.updated()).param("unchanged", counts.unchanged())
                .param("rejected", counts.rejected()).param("errors", errorCount).update();
    }

    void finished(UUID id, ImportJob.State state, int rowsDone, ImportJob.Counts counts, int errorCount,
            List<ImportJob.RowError> errors, List<ImportJob.RowError> notices, List<String> ignoredColumns,
            String failure, Instant at) {
        jdbc.sql("""
                update import_job set state = :state, rows_done = :done, rows_total = coalesce(:done, rows_total),
                    created = :created, updated = :updated, unchanged = :unchanged, rejected = :rejected,
                    error_count = :errorCount, errors = cast(:errors as jsonb), notices = cast(:notices as jsonb),
                    ignored_columns = :ignored,
                    failure = :failure, finished_at = :at
                where id = :id""")
                .param("id", id).param("state", state.name()).param("done", rowsDone)
                .param("created", counts.created()).param("updated", counts.updated())
                .param("unchanged", counts.unchanged()).param("rejected", counts.rejected())
                .param("errorCount", errorCount)
                .param("errors", json.writeValueAsString(errors.subList(0, Math.min(errors.size(),
                        ImportJob.LISTED_ERRORS))))
                .param("notices", json.writeValueAsString(notices.subList(0, Math.min(notices.size(),
                        ImportJob.LISTED_ERRORS))))
                .param("ignored", ignoredColumns.toArray(String[]::new)).param("failure", failure)
                .param("at", Timestamp.from(at)).update();
    }

    /** Jobs a stopped service left unfinished: nothing of them was kept (each runs in one transaction). */
    List<UUID> abandon(String reason, Instant at) {
        return jdbc.sql("""
                update import_job set state = 'FAILED', failure = :reason, finished_at = :at
                where state in ('QUEUED', 'RUNNING') returning id""").param("reason", reason)
                .param("at", Timestamp.from(at)).query(UUID.class).list();
    }

    private ImportJob map(ResultSet rs, int row) throws SQLException {
        Array ignored = rs.getArray("ignored_columns");
        return new ImportJob(rs.getObject("id", UUID.class), ImportJob.Kind.valueOf(rs.getString("kind")),
                ImportJob.State.valueOf(rs.getString("state")), rs.getString("area_code"), rs.getBoolean("partial"),
                rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), (Integer) rs.getObject("rows_total"), rs.getInt("rows_done"),
                new ImportJob.Counts(rs.getInt("created"), rs.getInt("updated"), rs.getInt("unchanged"),
                        rs.getInt("rejected")),
                rs.getInt("error_count"), json.readValue(rs.getString("errors"),
                        new TypeReference<List<ImportJob.RowError>>() { }),
                json.readValue(rs.getString("notices"), new TypeReference<List<ImportJob.RowError>>() { }),
                ignored == null ? List.of() : Arrays.asList((String[]) ignored.getArray()), rs.getString("failure"),
                rs.getString("requested_by"), instant(rs, "requested_at"), instant(rs, "started_at"),
                instant(rs, "finished_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
