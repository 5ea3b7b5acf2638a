package cn.fupin.reporting.summary.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a township's written report states, read from the read models in one snapshot: the township's
 * households now, and the year's adjustments, incomes, monitoring objects, review cases, problem data, function
 * window and per-village figures. Maps are keyed by the read models' codes; a code with nothing is absent.
 */
public record TownshipFigures(String townshipCode, String townshipName, int year, LocalDate generatedOn,
        Map<String, Count> byCategory, Map<String, Count> byStatus, Map<String, Count> changes,
        Map<String, Long> increases, Map<String, Long> decreases, Income income, Monitoring monitoring,
        Map<String, Reviews> reviews, Map<String, OpenClosed> issues, Progress progress, List<Village> villages) {

    /** Households and the persons living in them. */
    public record Count(long households, long persons) {

        public static final Count NONE = new Count(0, 0);
    }

    /**
     * The year's per-capita net incomes against the poverty line and the monitoring line (codebook parameters).
     */
    public record Income(BigDecimal povertyLine, BigDecimal monitoringLine, Count belowLine, Count lineToMonitoring,
            Count monitoringAndAbove, Map<String, BigDecimal> averageByCategory) {

        public long households() {
            return belowLine.households() + lineToMonitoring.households() + monitoringAndAbove.households();
        }
    }

    /** The year's monitoring objects (rejected proposals are none); assistance counts identified objects only. */
    public record Monitoring(Map<String, Long> byType, Map<String, Long> byStatus, Map<String, Long> byRisk,
            long withAssistance) {

        public long objects() {
            return byStatus.values().stream().mapToLong(Long::longValue).sum();
        }

        public long eliminated() {
            return byStatus.getOrDefault("RISK_CLEARED", 0L);
        }

        /** Identified and not (yet) cleared: monitored, or elimination under review. */
        public long notEliminated() {
            return objects() - eliminated() - byStatus.getOrDefault("PROPOSED", 0L);
        }
    }

    /** Review cases of one type by where they stand. */
    public record Reviews(long inReview, long returned, long approved, long rejected) {

        public static final Reviews NONE = new Reviews(0, 0, 0, 0);

        public Reviews plus(Reviews other) {
            return new Reviews(inReview + other.inReview, returned + other.returned, approved + other.approved,
                    rejected + other.rejected);
        }

        public long total() {
            return inReview + returned + approved + rejected;
        }
    }

    /** Problem data not yet closed, and closed (corrected and confirmed). */
    public record OpenClosed(long open, long closed) {

        public static final OpenClosed NONE = new OpenClosed(0, 0);
    }

    /**
     * Where the year's work stands: the function window (the township's own, else the county's), the households
     * with the year's annual record, cases waiting per review stage, and the plan's phase deadlines.
     */
    public record Progress(Optional<Window> window, long annualRecords, Map<String, Long> waitingByStage,
            Map<String, LocalDate> phaseEnds) {
    }

    /** The latest opening or closing of system functions, with its reason code. */
    public record Window(boolean open, String reason) {
    }

    /** One village's line in the per-village table. */
    public record Village(String code, String name, Count households, long identified, long exited, long returned,
            long cleared, long increases, long decreases, long monitoringObjects, long belowLine,
            OpenClosed issues) {
    }
}
