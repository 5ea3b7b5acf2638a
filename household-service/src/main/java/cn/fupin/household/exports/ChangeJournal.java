package cn.fupin.household.exports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.slf4j.MDC;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.fupin.household.household.HouseholdUpdated;
import cn.fupin.household.household.MemberAdded;
import cn.fupin.household.household.MemberRemoved;
import cn.fupin.household.household.StatusChanged;
import cn.fupin.platform.observability.CorrelationId;

/**
 * Journals, in the transaction that makes it, every change the national registry must be told of: a household
 * identified, exited or returned to poverty, a member added or removed (with the reason and date), base data or
 * indicators corrected (the fields); and, from monitoring-service's events, a monitoring object identified or its
 * risk eliminated. What came from the national registry itself (its export's import) is journalled too, under the
 * import's correlation id, and left out of every change export.
 */
@Component
class ChangeJournal {

    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeJournal(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(StatusChanged change) {
        String kind = switch (change.eventType()) {
            case "HouseholdIdentified" -> "IDENTIFIED";
            case "HouseholdExited" -> "EXITED";
            case "HouseholdReturnedToPoverty" -> "RETURNED";
            default -> null;
        };
        if (kind != null) {
            record(change.householdId(), change.divisionCode(), kind, null, change.reason(), change.effectiveDate(),
                    List.of());
        }
    }

    @EventListener
    void on(MemberAdded added) {
        record(added.householdId(), added.divisionCode(), "MEMBER_ADDED", added.memberId(), added.reason(),
                added.effectiveDate(), List.of());
    }

    @EventListener
    void on(MemberRemoved removed) {
        record(removed.householdId(), removed.divisionCode(), "MEMBER_REMOVED", removed.memberId(), removed.reason(),
                removed.effectiveDate(), List.of());
    }

    @EventListener
    void on(HouseholdUpdated updated) {
        record(updated.householdId(), updated.divisionCode(), "CORRECTED", null, null, null, updated.changedFields());
    }

    /**
     * A monitoring object identified or its risk eliminated ({@link MonitoringChanges}), for a household of the
     * registry: one that is not (any more) is passed over.
     */
    void monitoring(UUID household, String divisionCode, String kind, String objectType, List<String> risks,
            LocalDate effective) {
        jdbc.sql("""
                insert into registry_change (household_id, division_code, kind, effective_date, object_type, risks,
                    occurred_at, correlation_id)
                select id, :division, :kind, :effective, :type, :risks, :at, :correlation from household
                where id = :household""")
                .param("household", household).param("division", divisionCode).param("kind", kind)
                .param("effective", effective).param("type", objectType).param("risks", risks.toArray(String[]::new))
                .param("at", Timestamp.from(clock.instant())).param("correlation", MDC.get(CorrelationId.MDC_KEY))
                .update();
    }

    private void record(UUID household, String divisionCode, String kind, UUID member, String reason,
            LocalDate effective, List<String> fields) {
        jdbc.sql("""
                insert into registry_change (household_id, division_code, kind, member_id, reason, effective_date,
                    fields, occurred_at, correlation_id)
                values (:household, :division, :kind, :member, :reason, :effective, :fields, :at, :correlation)""")
                .param("household", household).param("division", divisionCode).param("kind", kind)
                .param("member", member).param("reason", reason).param("effective", effective)
                .param("fields", fields.toArray(String[]::new)).param("at", Timestamp.from(clock.instant()))
                .param("correlation", MDC.get(CorrelationId.MDC_KEY)).update();
    }
}
