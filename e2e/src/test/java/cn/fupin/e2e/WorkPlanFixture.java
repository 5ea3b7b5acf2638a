package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import cn.fupin.contracts.rules.WorkYear;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.local.DemoWorkPlan;

/**
 * The work plan every end-to-end test runs under, set up once as the offices would: the city publishes this
 * year's plan (data entry from today) with the policy figures its template proposes, 西洋镇 applies in writing to open its functions and the city approves. From
 * then on only 西洋镇 writes; 贡川镇 stays closed until a test opens it.
 */
final class WorkPlanFixture {

    static final String XIYANG = "350481100";
    /** This year, by the city's calendar: the year the tests' plan is published for and assesses. */
    static final int YEAR = LocalDate.now(WorkYear.ZONE).getYear();
    /**
     * The day the tests' households applied (申请日期), a month ago: the village's appraisal and notice, which
     * {@link Reviewers#notice} dates in the days before today, may not precede it.
     */
    static final String APPLIED = LocalDate.now(WorkYear.ZONE).minusDays(30).toString();
    /** An exit request on this year's record, as the household applied a month ago. */
    static final Map<String, Object> EXIT_REQUEST = Map.of("year", YEAR, "appliedOn", APPLIED);
    /**
     * The one generator of every test's households: one generator never issues an ID number twice, several
     * independent ones may, and the registry refuses a number it holds.
     */
    static final SyntheticHouseholds SYNTHETIC = new SyntheticHouseholds(System.nanoTime());
    private static boolean ready;

    private WorkPlanFixture() {
    }

    static synchronized void xiyangOpen() {
        if (ready) {
            return;
        }
        Api city = Api.as("city.officer");
        LocalDate today = LocalDate.now(WorkYear.ZONE);
        int year = today.getYear();
        var template = city.get("/api/v1/work-plans/" + year + "/template");
        assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
        var plan = city.put("/api/v1/work-plans/" + year, Map.of("phases", DemoWorkPlan.schedule(today),
                "policy", DemoWorkPlan.proposedPolicy(template.body())));
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
        openTownship(Api.as("xiyang.officer"), city, year);
        Api clerk = Api.as("xiyang.clerk");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> clerk
                .post("/api/v1/households", SYNTHETIC.next(XIYANG + "201")).statusCode() == 201);
        ready = true;
    }

    /** The township's officer applies with its completion report, the city office approves. */
    static void openTownship(Api officer, Api city, int year) {
        var requested = officer.post("/api/v1/function-requests", Map.of("year", year, "report", Map.of(
                "title", "入户调整和信息采集完成情况报告", "content", "各村已完成入户调整和信息采集，申请开通系统功能。")));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        String id = Api.json(requested).get("id").asString();
        var approved = city.post("/api/v1/function-requests/" + id + "/decisions",
                Map.of("decision", "APPROVE", "comment", "同意开通"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(Api.json(approved).get("state").asString()).isEqualTo("APPROVED");
    }
}
