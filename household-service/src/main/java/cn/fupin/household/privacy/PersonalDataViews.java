package cn.fupin.household.privacy;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.fupin.platform.security.Caller;

/**
 * 个人信息查看记录 (PIPL): each answer that shows ID numbers in full is recorded — who, when, which household, how
 * many numbers, by which operation — in its own transaction, so a read records too and a failed write's answer
 * does not. The record is append-only; auditors and the city office read it.
 */
@Service
public class PersonalDataViews {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    PersonalDataViews(JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    public record View(long id, String viewer, String viewerName, UUID householdId, int idNumbers, String operation,
            Instant at) {
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Caller caller, UUID householdId, int idNumbers, String operation) {
        if (idNumbers == 0) {
            return;
        }
        jdbc.sql("""
                insert into personal_data_view (viewer, viewer_name, household_id, id_numbers, operation, at)
                values (:viewer, :name, :household, :count, :operation, :at)""")
                .param("viewer", caller.userId()).param("name", caller.username()).param("household", householdId)
                .param("count", idNumbers).param("operation", operation).param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Views of many households at once (an export): ID numbers shown by household, one statement. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordAll(Caller caller, Map<UUID, Integer> idNumbersByHousehold, String operation) {
        Timestamp at = Timestamp.from(clock.instant());
        List<Object[]> rows = idNumbersByHousehold.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> new Object[] { caller.userId(), caller.username(), entry.getKey(), entry.getValue(),
                        operation, at })
                .toList();
        if (!rows.isEmpty()) {
            batch.batchUpdate("""
                    insert into personal_data_view (viewer, viewer_name, household_id, id_numbers, operation, at)
                    values (?, ?, ?, ?, ?, ?)""", rows);
        }
    }

    /** The views of households inside the area, newest first, optionally of one household or one viewer. */
    @Transactional(readOnly = true)
    public List<View> list(String areaPrefix, UUID householdId, String viewer, int page, int size) {
        return jdbc.sql("""
                select v.id, v.viewer, v.viewer_name, v.household_id, v.id_numbers, v.operation, v.at
                from personal_data_view v join household h on h.id = v.household_id
                where h.division_code like :prefix and (cast(:household as uuid) is null or v.household_id = :household)
                  and (cast(:viewer as text) is null or v.viewer = :viewer)
                order by v.id desc limit :limit offset :offset""")
                .param("prefix", areaPrefix + "%").param("household", householdId).param("viewer", viewer)
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> new View(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getInt(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
