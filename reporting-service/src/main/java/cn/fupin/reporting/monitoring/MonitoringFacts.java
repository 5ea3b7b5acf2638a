package cn.fupin.reporting.monitoring;

import java.util.List;
import java.util.UUID;

import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.fupin.platform.events.EventCodec;
import cn.fupin.platform.events.EventEnvelope;
import cn.fupin.reporting.Projection;

/** The monitoring read model: each object's latest state and how many assistance measures it received. */
@Repository
class MonitoringFacts implements Projection {

    private final JdbcClient jdbc;
    private final EventCodec codec;

    MonitoringFacts(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return "monitoring.events";
    }

    @Override
    public Set<String> events() {
        return Set.of("MonitoringObjectProposed", "MonitoringObjectIdentified", "MonitoringObjectImported",
                "AssistanceRecorded", "RiskAssessed", "RiskEliminationRequested", "RiskCleared", "RiskReopened");
    }

    @Override
    public void apply(EventEnvelope event) {
        apply(codec.data(event, ObjectState.class), event.eventName().equals("AssistanceRecorded"), event.sequence());
    }

    /** What every monitoring event says of its object. */
    record ObjectState(UUID monitoringObjectId, UUID householdId, String divisionCode, String objectType, int year,
            String status, List<String> risks) {
    }

    /**
     * Stores the object's state as of an event; an event older than what is stored changes nothing. An
     * assistance event counts one measure (each event applies once: the inbox and the sequence guard both hold).
     */
    void apply(ObjectState state, boolean assistance, long sequence) {
        jdbc.sql("""
                insert into monitoring_fact (object_id, household_id, division_code, object_type, year, status, risks,
                    assistance_count, last_sequence)
                values (:id, :household, :division, :type, :year, :status, :risks, :assistance, :sequence)
                on conflict (object_id) do update set division_code = excluded.division_code,
                    status = excluded.status,
                    risks = case when excluded.risks = '' then monitoring_fact.risks else excluded.risks end,
                    assistance_count = monitoring_fact.assistance_count + excluded.assistance_count,
                    last_sequence = excluded.last_sequence
                where monitoring_fact.last_sequence < excluded.last_sequence""")
                .param("id", state.monitoringObjectId()).param("household", state.householdId())
                .param("division", state.divisionCode()).param("type", state.objectType())
                .param("year", state.year()).param("status", state.status())
                .param("risks", state.risks() == null ? "" : String.join(",", state.risks()))
                .param("assistance", assistance ? 1 : 0).param("sequence", sequence).update();
    }
}
