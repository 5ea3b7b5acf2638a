package cn.fupin.contracts.reconciliation;

/**
 * 账账相符: the names under which each owning service counts its records ({@code GET /internal/counts}) and
 * reporting counts its read model of them, compared key by key by the reconciliation report. Defined once here,
 * so the two sides cannot drift apart.
 */
public final class CountKeys {

    /** Annual records by year: {@code annualRecords.2020}. */
    public static final String ANNUAL_RECORDS = "annualRecords";
    /** Problem data, {@code OPEN} or {@code CLOSED}: {@code dataIssues.OPEN}. */
    public static final String DATA_ISSUES = "dataIssues";
    /** Monitoring objects by status: {@code objects.MONITORED}. */
    public static final String MONITORING_OBJECTS = "objects";
    /** Review cases by state: {@code cases.IN_REVIEW}. */
    public static final String REVIEW_CASES = "cases";

    private CountKeys() {
    }

    /** Households of a category and status: {@code households.REGISTERED.POOR}. */
    public static String households(String category, String status) {
        return "households." + category + "." + status;
    }

    /** The people of those households (their size summed): {@code persons.REGISTERED.POOR}. */
    public static String persons(String category, String status) {
        return "persons." + category + "." + status;
    }
}
