package cn.fupin.household.household;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.platform.pii.StoredIdNumbers;
import cn.fupin.platform.security.Caller;

/**
 * 更正历史: the old and new value of every corrected identity field (A1–A5, birth date), with the basis, who and
 * when, written in the transaction of the correction; rows are only ever added. ID numbers are kept encrypted
 * ({@code old_id_number}, {@code new_id_number}), like the members'.
 */
@Component
public class CorrectionHistory {

    private static final String ID_NUMBER = "idNumber";

    private final JdbcClient jdbc;
    private final StoredIdNumbers stored;

    CorrectionHistory(JdbcClient jdbc, StoredIdNumbers stored) {
        this.jdbc = jdbc;
        this.stored = stored;
    }

    @EventListener
    void on(IdentityCorrected event) {
        String by = Caller.currentOrSystem().userId();
        for (IdentityCorrected.FieldCorrection correction : event.corrections()) {
            boolean idNumber = ID_NUMBER.equals(correction.field());
            jdbc.sql("""
                    insert into member_correction (household_id, member_id, field, indicator, old_value, new_value,
                        old_id_number, new_id_number, reason, corrected_by, corrected_at)
                    values (:household, :member, :field, :indicator, :old, :new, :oldId, :newId, :reason, :by, :at)""")
                    .param("household", event.householdId()).param("member", correction.memberId())
                    .param("field", correction.field()).param("indicator", correction.indicator())
                    .param("old", idNumber ? null : correction.oldValue())
                    .param("new", idNumber ? null : correction.newValue())
                    .param("oldId", idNumber ? sealed(correction.oldValue()) : null, Types.BINARY)
                    .param("newId", idNumber ? sealed(correction.newValue()) : null, Types.BINARY)
                    .param("reason", event.reason()).param("by", by)
                    .param("at", Timestamp.from(event.correctedAt())).update();
        }
    }

    /**
     * One corrected field of one member, values as stored (ID numbers opened).
     *
     * @param indicator e.g. {@code A4}; null for the birth date
     */
    public record Entry(UUID memberId, String field, String indicator, String oldValue, String newValue,
            String reason, String correctedBy, Instant correctedAt) {

        public boolean isIdNumber() {
            return ID_NUMBER.equals(field);
        }
    }

    /** A household's corrections, oldest first; the caller has checked the household is in its area. */
    public List<Entry> of(UUID householdId) {
        return jdbc.sql("""
                select member_id, field, indicator, old_value, new_value, old_id_number, new_id_number, reason,
                    corrected_by, corrected_at
                from member_correction where household_id = :household order by corrected_at, id""")
                .param("household", householdId)
                .query((rs, n) -> new Entry(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        ID_NUMBER.equals(rs.getString(2)) ? opened(rs.getBytes(6)) : rs.getString(4),
                        ID_NUMBER.equals(rs.getString(2)) ? opened(rs.getBytes(7)) : rs.getString(5),
                        rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    private String opened(byte[] stored) {
        return stored == null ? null : this.stored.read(stored);
    }

    private byte[] sealed(String idNumber) {
        return idNumber == null ? null : stored.store(idNumber);
    }
}
