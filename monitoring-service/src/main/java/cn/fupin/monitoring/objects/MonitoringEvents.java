package cn.fupin.monitoring.objects;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

import cn.fupin.platform.outbox.Outbox;
import cn.fupin.platform.outbox.OutgoingEvent;

/** What monitoring publishes on {@code monitoring.events} (schemas in contracts), through the outbox. */
@Component
class MonitoringEvents {

    private static final String AGGREGATE = "monitoring-object";

    private final Outbox outbox;

    MonitoringEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    record MonitoringObjectProposed(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID requestId, String caseType,
            List<String> risks, int size, String perCapitaIncome, String headName, LocalDate appliedOn) {
    }

    record MonitoringObjectIdentified(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID caseId, List<String> risks, Integer size,
            String perCapitaIncome, LocalDate effectiveDate) {
    }

    record AssistanceRecorded(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID assistanceId, String measure, String amount, LocalDate date,
            String helperId) {
    }

    record RiskAssessed(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID assessmentId, LocalDate assessedOn, List<String> risks,
            boolean riskEliminated, String perCapitaIncome) {
    }

    record RiskEliminationRequested(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID requestId, String caseType,
            UUID assessmentId, List<String> risks, String perCapitaIncome, String headName, LocalDate appliedOn) {
    }

    record RiskCleared(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID caseId, List<String> risks, LocalDate effectiveDate) {
    }

    record RiskReopened(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, List<String> risks, LocalDate effectiveDate, String reason) {
    }

    /**
     * The object's current request to review, sent again unchanged in id when resubmitted.
     *
     * @param appliedOn the day the household applied or the risk was assessed gone; null on a resubmission, whose
     *        case keeps the first one
     */
    void requested(MonitoringObject o, String perCapitaIncome, LocalDate appliedOn) {
        if (MonitoringObject.INCLUSION.equals(o.requestType())) {
            append(o, new MonitoringObjectProposed(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                    MonitoringStatus.PROPOSED, o.requestId(), o.requestType(), o.risks(), o.size(),
                    perCapitaIncome, o.headName(), appliedOn));
        }
        else {
            append(o, new RiskEliminationRequested(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                    MonitoringStatus.ELIMINATION_REQUESTED, o.requestId(), o.requestType(), o.assessmentId(),
                    o.risks(), perCapitaIncome, o.headName(), appliedOn));
        }
    }

    void identified(MonitoringObject o, UUID caseId, LocalDate effective) {
        append(o, new MonitoringObjectIdentified(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                o.status(), caseId, o.risks(), o.size(), money(o.perCapitaIncome()), effective));
    }

    void cleared(MonitoringObject o, UUID caseId, LocalDate effective) {
        append(o, new RiskCleared(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(), caseId,
                o.risks(), effective));
    }

    void assistance(MonitoringObject o, MonitoringObjectStore.Assistance a) {
        append(o, new AssistanceRecorded(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(),
                a.id(), a.measure(), money(a.amount()), a.date(), null));
    }

    void assessed(MonitoringObject o, MonitoringObjectStore.Assessment a) {
        append(o, new RiskAssessed(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(),
                a.id(), a.assessedOn(), a.risks(), a.riskEliminated(), money(a.perCapitaIncome())));
    }

    void reopened(MonitoringObject o, LocalDate effective, String reason) {
        append(o, new RiskReopened(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(),
                o.risks(), effective, reason));
    }

    static String money(java.math.BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private void append(MonitoringObject o, Object payload) {
        outbox.append(OutgoingEvent.of(AGGREGATE, o.id().toString(), o.divisionCode(), payload));
    }
}
