package cn.fupin.household.household;

import java.sql.Timestamp;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.platform.security.Caller;

/**
 * 更正历史: the old and new value of every corrected identity field (A1–A5, birth date), with the basis, who and
 * when, written in the transaction of the correction; rows are only ever added.
 */
@Component
class CorrectionHistory {

    private final JdbcClient jdbc;

    CorrectionHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(IdentityCorrected event) {
        String by = Caller.currentOrSystem().userId();
        for (IdentityCorrected.FieldCorrection correction : event.corrections()) {
            jdbc.sql("""
                    insert into member_correction (household_id, member_id, field, indicator, old_value, new_value,
                        reason, corrected_by, corrected_at)
                    values (:household, :member, :field, :indicator, :old, :new, :reason, :by, :at)""")
                    .param("household", event.householdId()).param("member", correction.memberId())
                    .param("field", correction.field()).param("indicator", correction.indicator())
                    .param("old", correction.oldValue()).param("new", correction.newValue())
                    .param("reason", event.reason()).param("by", by)
                    .param("at", Timestamp.from(event.correctedAt())).update();
        }
    }
}
