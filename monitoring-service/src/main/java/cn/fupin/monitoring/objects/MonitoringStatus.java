package cn.fupin.monitoring.objects;

/** Where a monitoring object stands; the first three are "open" (one per household). */
public enum MonitoringStatus {
    PROPOSED, MONITORED, ELIMINATION_REQUESTED, RISK_CLEARED, REJECTED
}
