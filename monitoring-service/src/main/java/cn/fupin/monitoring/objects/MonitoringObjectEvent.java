package cn.fupin.monitoring.objects;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import cn.fupin.platform.outbox.PublishedEvent;

/**
 * What happened to a monitoring object, as monitoring publishes it on {@code monitoring.events} (schemas in
 * contracts): raised by the feature's services, keyed by the object, in its village. Money goes out as a decimal
 * string with two places.
 */
sealed interface MonitoringObjectEvent extends PublishedEvent {

    UUID monitoringObjectId();

    String divisionCode();

    @Override
    default String aggregateType() {
        return "monitoring-object";
    }

    @Override
    default String aggregateId() {
        return monitoringObjectId().toString();
    }

    @Override
    default String areaCode() {
        return divisionCode();
    }

    /**
     * The object's current request to review, sent again unchanged in id when resubmitted.
     *
     * @param appliedOn the day the household applied or the risk was assessed gone; null on a resubmission, whose
     *        case keeps the first one
     */
    static MonitoringObjectEvent requested(MonitoringObject o, BigDecimal perCapitaIncome, LocalDate appliedOn) {
        if (MonitoringObject.INCLUSION.equals(o.requestType())) {
            return new MonitoringObjectProposed(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                    MonitoringStatus.PROPOSED, o.requestId(), o.requestType(), o.risks(), o.size(),
                    money(perCapitaIncome), o.headName(), appliedOn);
        }
        return new RiskEliminationRequested(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                MonitoringStatus.ELIMINATION_REQUESTED, o.requestId(), o.requestType(), o.assessmentId(), o.risks(),
                money(perCapitaIncome), o.headName(), appliedOn);
    }

    /** Review's approval applied: identified (MONITORED) or its risk cleared. */
    static MonitoringObjectEvent approved(MonitoringObject o, UUID caseId, LocalDate effective) {
        return o.status() == MonitoringStatus.MONITORED
                ? new MonitoringObjectIdentified(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                        o.status(), caseId, o.risks(), o.size(), money(o.perCapitaIncome()), effective)
                : new RiskCleared(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(), caseId,
                        o.risks(), effective);
    }

    /** Taken over from the national registry, as it stands there. */
    static MonitoringObjectEvent imported(MonitoringObject o, Integer clearedYear, String householdEventId,
            UUID importId) {
        return new MonitoringObjectImported(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(),
                o.status(), o.risks(), o.size(), clearedYear,
                new MonitoringObjectImported.Origin("NATIONAL_REGISTRY", householdEventId, importId));
    }

    static MonitoringObjectEvent assistance(MonitoringObject o, MonitoringObjectStore.Assistance a) {
        return new AssistanceRecorded(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(),
                a.id(), a.measure(), money(a.amount()), a.date(), null);
    }

    static MonitoringObjectEvent assessed(MonitoringObject o, MonitoringObjectStore.Assessment a) {
        return new RiskAssessed(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(), a.id(),
                a.assessedOn(), a.risks(), a.riskEliminated(), money(a.perCapitaIncome()));
    }

    static MonitoringObjectEvent reopened(MonitoringObject o, LocalDate effective, String reason) {
        return new RiskReopened(o.id(), o.type(), o.householdId(), o.divisionCode(), o.year(), o.status(), o.risks(),
                effective, reason);
    }

    private static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    record MonitoringObjectProposed(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID requestId, String caseType,
            List<String> risks, int size, String perCapitaIncome, String headName, LocalDate appliedOn)
            implements MonitoringObjectEvent {
    }

    record MonitoringObjectIdentified(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID caseId, List<String> risks, Integer size,
            String perCapitaIncome, LocalDate effectiveDate) implements MonitoringObjectEvent {
    }

    record MonitoringObjectImported(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, List<String> risks, int size, Integer clearedYear,
            Origin origin) implements MonitoringObjectEvent {

        record Origin(String source, String householdEventId, UUID importId) {
        }
    }

    record AssistanceRecorded(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID assistanceId, String measure, String amount, LocalDate date,
            String helperId) implements MonitoringObjectEvent {
    }

    record RiskAssessed(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID assessmentId, LocalDate assessedOn, List<String> risks,
            boolean riskEliminated, String perCapitaIncome) implements MonitoringObjectEvent {
    }

    record RiskEliminationRequested(UUID monitoringObjectId, ObjectType objectType, UUID householdId,
            String divisionCode, int year, MonitoringStatus status, UUID requestId, String caseType,
            UUID assessmentId, List<String> risks, String perCapitaIncome, String headName, LocalDate appliedOn)
            implements MonitoringObjectEvent {
    }

    record RiskCleared(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, UUID caseId, List<String> risks, LocalDate effectiveDate)
            implements MonitoringObjectEvent {
    }

    record RiskReopened(UUID monitoringObjectId, ObjectType objectType, UUID householdId, String divisionCode,
            int year, MonitoringStatus status, List<String> risks, LocalDate effectiveDate, String reason)
            implements MonitoringObjectEvent {
    }
}
