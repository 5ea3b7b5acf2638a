package cn.fupin.household.household;

import java.sql.Timestamp;
import java.sql.Types;

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
class CorrectionHistory {

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

    private byte[] sealed(String idNumber) {
        return idNumber == null ? null : stored.store(idNumber);
    }
}
