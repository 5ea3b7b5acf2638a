package cn.fupin.monitoring.objects;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.fupin.platform.domain.Ids;
import cn.fupin.platform.domain.RuleViolation;

/**
 * A monitoring object (监测对象): proposed, identified by review (MONITORED), followed by assistance and
 * assessments, proposed for risk elimination, cleared by review, reopened when at risk again. Each request to
 * review carries a request id that review's outcome names; a returned request is corrected and resubmitted under
 * the same id.
 */
public class MonitoringObject {

    public static final String INCLUSION = "MONITORING_INCLUSION";
    public static final String ELIMINATION = "RISK_ELIMINATION";

    private final UUID id;
    private final UUID householdId;
    private final ObjectType type;
    private final String divisionCode;
    private final int year;
    private MonitoringStatus status;
    private List<String> risks;
    private final String headName;
    private final int size;
    private final BigDecimal perCapitaIncome;
    private UUID requestId;
    private String requestType;
    private String requestState;
    private String reviewReasons;
    private UUID assessmentId;
    private Instant identifiedAt;
    private Instant clearedAt;
    private final String createdBy;
    private final Instant createdAt;
    private final int version;

    public MonitoringObject(UUID id, UUID householdId, ObjectType type, String divisionCode, int year,
            MonitoringStatus status, List<String> risks, String headName, int size, BigDecimal perCapitaIncome,
            UUID requestId, String requestType, String requestState, String reviewReasons, UUID assessmentId,
            Instant identifiedAt, Instant clearedAt, String createdBy, Instant createdAt, int version) {
        this.id = id;
        this.householdId = householdId;
        this.type = type;
        this.divisionCode = divisionCode;
        this.year = year;
        this.status = status;
        this.risks = List.copyOf(risks);
        this.headName = headName;
        this.size = size;
        this.perCapitaIncome = perCapitaIncome;
        this.requestId = requestId;
        this.requestType = requestType;
        this.requestState = requestState;
        this.reviewReasons = reviewReasons;
        this.assessmentId = assessmentId;
        this.identifiedAt = identifiedAt;
        this.clearedAt = clearedAt;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.version = version;
    }

    /** A new object, proposed for inclusion: its request goes to review. */
    public static MonitoringObject propose(UUID householdId, ObjectType type, String divisionCode, int year,
            List<String> risks, String headName, int size, BigDecimal perCapitaIncome, String by, Instant now) {
        return new MonitoringObject(Ids.next(), householdId, type, divisionCode, year,
                MonitoringStatus.PROPOSED, risks, headName, size, perCapitaIncome, UUID.randomUUID(), INCLUSION,
                "PENDING", null, null, null, null, by, now, 0);
    }

    /** Assistance and assessments belong to an object under monitoring. */
    public void requireMonitored() {
        if (status != MonitoringStatus.MONITORED && status != MonitoringStatus.ELIMINATION_REQUESTED) {
            throw RuleViolation.conflict("not-monitored", "监测对象当前状态为 " + status + "，须经审核识别标注后方可记录帮扶和评估");
        }
    }

    /** The elimination request of an assessment: a new request to review. */
    public void requestElimination(UUID assessment) {
        if (status == MonitoringStatus.ELIMINATION_REQUESTED) {
            throw RuleViolation.conflict("request-pending", "已提出风险消除，正在审核");
        }
        requireMonitored();
        status = MonitoringStatus.ELIMINATION_REQUESTED;
        requestId = UUID.randomUUID();
        requestType = ELIMINATION;
        requestState = "PENDING";
        reviewReasons = null;
        assessmentId = assessment;
    }

    /** Whether an outcome of review is about this object's current request. */
    public boolean awaits(UUID request, String caseType) {
        return request != null && request.equals(requestId) && caseType.equals(requestType)
                && ("PENDING".equals(requestState) || "RETURNED".equals(requestState));
    }

    /** Review approved the current request. */
    public void approved(Instant at) {
        requestState = "APPROVED";
        if (INCLUSION.equals(requestType)) {
            status = MonitoringStatus.MONITORED;
            identifiedAt = at;
        }
        else {
            status = MonitoringStatus.RISK_CLEARED;
            clearedAt = at;
        }
    }

    /** Review rejected the current request: an inclusion ends, an elimination goes back to monitoring. */
    public void rejected(String reasons) {
        requestState = "REJECTED";
        reviewReasons = reasons;
        status = INCLUSION.equals(requestType) ? MonitoringStatus.REJECTED : MonitoringStatus.MONITORED;
    }

    /** Review sent the current request back for correction. */
    public void returned(String reasons) {
        requestState = "RETURNED";
        reviewReasons = reasons;
    }

    /** The corrected request of a returned one, under the same id; an inclusion may change its risks. */
    public void resubmit(List<String> newRisks) {
        if (!"RETURNED".equals(requestState)) {
            throw RuleViolation.conflict("not-returned", "只有被退回修改的申请可以重新报审");
        }
        if (newRisks != null && !newRisks.isEmpty()) {
            if (!INCLUSION.equals(requestType)) {
                throw RuleViolation.conflict("risks-fixed", "风险消除申请重新报审时不能修改风险，请重新评估");
            }
            risks = List.copyOf(newRisks);
        }
        requestState = "PENDING";
    }

    /** A cleared object at risk again is monitored again. */
    public void reopen(List<String> newRisks) {
        if (status != MonitoringStatus.RISK_CLEARED) {
            throw RuleViolation.conflict("not-cleared", "只有风险已消除的监测对象可以重新纳入监测");
        }
        status = MonitoringStatus.MONITORED;
        risks = List.copyOf(newRisks);
        clearedAt = null;
    }

    public UUID id() { return id; }
    public UUID householdId() { return householdId; }
    public ObjectType type() { return type; }
    public String divisionCode() { return divisionCode; }
    public int year() { return year; }
    public MonitoringStatus status() { return status; }
    public List<String> risks() { return risks; }
    public String headName() { return headName; }
    public int size() { return size; }
    public BigDecimal perCapitaIncome() { return perCapitaIncome; }
    public UUID requestId() { return requestId; }
    public String requestType() { return requestType; }
    public String requestState() { return requestState; }
    public String reviewReasons() { return reviewReasons; }
    public UUID assessmentId() { return assessmentId; }
    public Instant identifiedAt() { return identifiedAt; }
    public Instant clearedAt() { return clearedAt; }
    public String createdBy() { return createdBy; }
    public Instant createdAt() { return createdAt; }
    public int version() { return version; }
}
