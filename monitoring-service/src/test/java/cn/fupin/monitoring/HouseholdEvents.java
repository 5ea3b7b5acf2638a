package cn.fupin.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.kafka.core.KafkaTemplate;

/** household.events and review.events as the owning services write them, for feeding monitoring in tests. */
public final class HouseholdEvents {

    /** ID numbers given so far in this JVM: the tests share one database, so a head is never someone else's. */
    private static final AtomicInteger HEADS = new AtomicInteger();

    private final KafkaTemplate<String, String> kafka;
    private final UUID household;
    private final String village;
    private long sequence;
    private String last;

    public HouseholdEvents(KafkaTemplate<String, String> kafka, UUID household, String village) {
        this.kafka = kafka;
        this.household = household;
        this.village = village;
    }

    /**
     * A head's ID number no other test of this JVM holds (drawn at random, five tests' heads met one day in a
     * hundred: the second was found by the first one's number).
     */
    public static String headId() {
        int n = HEADS.getAndIncrement();
        return cn.fupin.contracts.identifiers.ResidentId.of("350481", LocalDate.of(1968, 3, 3).plusDays(n / 499),
                n % 499 * 2 + 1).value();
    }

    public UUID household() {
        return household;
    }

    /** Sends the next event of the household (its sequence counts up); returns the event id. */
    public String send(String name, String data) {
        return send(name, 1, data);
    }

    /** Sends the next event of the household in a version of its schema; returns the event id. */
    public String send(String name, int version, String data) {
        sequence++;
        String id = "household:household:" + household + ":" + sequence;
        last = """
                {"specversion":"1.0","id":"%s","source":"/fupin/household-service",
                 "type":"fupin.household.%s.v%d","subject":"%s","time":"2020-11-01T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"%s","actor":"clerk-a","correlationid":"c1",
                 "aggregatetype":"household","sequence":%d,"data":%s}"""
                .formatted(id, name, version, household, village, sequence, data);
        kafka.send("household.events", household.toString(), last);
        return id;
    }

    /** The last event sent again, as a redelivery brings it: the same id and sequence. */
    public void redeliver() {
        kafka.send("household.events", household.toString(), last);
    }

    /** A household of the category and status, head with the ID hash, members able to work or not. */
    public void registered(String category, String status, String headIdHash, boolean canWork) {
        String labour = canWork ? "01" : "03";
        send("HouseholdRegistered", """
                {"householdId":"%s","category":"%s","status":"%s","divisionCode":"%s","size":2,"headName":"陈大山",
                 "members":[{"memberId":"%s","relation":"01","gender":"1","birthYear":1968,"active":true,
                   "idNumberHash":"%s","health":["01"],"labourSkill":"%s"},
                  {"memberId":"%s","relation":"02","gender":"2","birthYear":1970,"active":true,"health":["01"],
                   "labourSkill":"%s"}]}"""
                .formatted(household, category, status, village, UUID.randomUUID(), headIdHash, labour,
                        UUID.randomUUID(), labour));
    }

    /** A marginal household registered by form 4 with the risks it declares (A52a–c). */
    public void registeredMarginalWithRisks(String risks) {
        send("HouseholdRegistered", """
                {"householdId":"%s","category":"MARGINAL","status":"MARGINAL","divisionCode":"%s","size":1,
                 "headName":"林秀","appliedOn":"2020-10-20","risks":%s,
                 "members":[{"memberId":"%s","relation":"01","gender":"2","birthYear":1975,"active":true}]}"""
                .formatted(household, village, risks, UUID.randomUUID()));
    }

    /** A household loaded from the national registry, exited there, head with the ID hash. */
    public void importedExited(String headIdHash) {
        importedExited(headIdHash, "null");
    }

    /**
     * A household loaded from the national registry, exited there, head with the ID hash, with the registry's
     * monitoring object of it (JSON, or {@code null}).
     */
    public void importedExited(String headIdHash, String monitoring) {
        importedExited(headIdHash, monitoring, "null");
    }

    /** ... and the year's record the export states (JSON, or {@code null}). */
    public void importedExited(String headIdHash, String monitoring, String annualRecord) {
        send("HouseholdImported", """
                {"householdId":"%s","registryNumber":"R-%s","category":"REGISTERED","status":"EXITED",
                 "divisionCode":"%s","size":1,"headName":"邱大水","causes":["01"],
                 "history":{"identifiedYear":2014,"exitedYear":2018,"returnedYear":null},"monitoring":%s,
                 "members":[{"memberId":"%s","relation":"01","gender":"1","birthYear":1960,"active":true,
                   "idNumberHash":"%s","health":["02"],"labourSkill":"01"}],
                 "origin":{"source":"NATIONAL_REGISTRY","importId":"%s","importedAt":"2020-10-01T00:00:00Z"},
                 "annualRecord":%s}"""
                .formatted(household, household, village, monitoring, UUID.randomUUID(), headIdHash,
                        UUID.randomUUID(), annualRecord));
    }

    public void status(String name, String status) {
        send(name, """
                {"householdId":"%s","divisionCode":"%s","category":"REGISTERED","previousStatus":"POOR",
                 "status":"%s","size":2,"year":2020,"effectiveDate":"2020-11-20","caseId":"%s"}"""
                .formatted(household, village, status, UUID.randomUUID()));
    }

    public String annualRecord(String category, String status, String perCapita, boolean basicNeedsMet) {
        return annualRecord(category, status, perCapita, basicNeedsMet, "null");
    }

    /** A year's record taken over from the national registry's export by an import. */
    public String annualRecordOfRegistry(String category, String status, String perCapita) {
        return annualRecord(category, status, perCapita, true, """
                {"source":"NATIONAL_REGISTRY","importId":"%s","importedAt":"2020-10-01T00:00:00Z"}"""
                .formatted(UUID.randomUUID()));
    }

    private String annualRecord(String category, String status, String perCapita, boolean basicNeedsMet,
            String origin) {
        return send("AnnualRecordSubmitted", """
                {"householdId":"%s","divisionCode":"%s","category":"%s","status":"%s","year":2020,"size":2,
                 "netIncome":"%s","perCapitaIncome":"%s",
                 "conditions":{"noCompulsoryEducationDropout":true,"basicMedicalInsurance":true,
                  "safeHousing":%s,"safeDrinkingWater":true,"dangerousHouseGrade":"1"},"origin":%s}"""
                .formatted(household, village, category, status,
                        new java.math.BigDecimal(perCapita).multiply(java.math.BigDecimal.TWO).toPlainString(),
                        perCapita, basicNeedsMet, origin));
    }

    /** review-service's outcome for a monitoring object's request. */
    public static void review(KafkaTemplate<String, String> kafka, String name, UUID object, UUID request,
            String caseType, String village, String extra) {
        UUID caseId = UUID.randomUUID();
        kafka.send("review.events", caseId.toString(), """
                {"specversion":"1.0","id":"review:review-case:%1$s:9","source":"/fupin/review-service",
                 "type":"fupin.review.%2$s.v1","subject":"%1$s","time":"2020-11-25T00:00:00Z",
                 "datacontenttype":"application/json","areacode":"%3$s","actor":"city-1","correlationid":"c2",
                 "aggregatetype":"review-case","sequence":9,
                 "data":{"caseId":"%1$s","caseType":"%4$s","subjectType":"MONITORING_OBJECT","subjectId":"%5$s",
                  "areaCode":"%3$s","year":2020,"requestId":"%6$s"%7$s}}"""
                .formatted(caseId, name, village, caseType, object, request, extra));
    }
}
