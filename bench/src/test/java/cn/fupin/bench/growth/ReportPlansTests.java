package cn.fupin.bench.growth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Plans read from a real PostgreSQL log that auto_explain wrote while the province scenario asked two reports. */
class ReportPlansTests {

    @Test
    void eachPlanBelongsToTheReportAskedBetweenItsMarkers() throws Exception {
        List<String> log = Files.readAllLines(Path.of(getClass().getResource("/postgres-auto-explain-log.txt").toURI()));

        Map<String, List<ReportPlans.Plan>> plans = ReportPlans.parse(log);

        assertThat(plans).containsOnlyKeys("overview", "dynamic-adjustment");
        List<ReportPlans.Plan> overview = plans.get("overview");
        assertThat(overview).hasSize(5).allSatisfy(plan -> assertThat(plan.application()).isEqualTo("reporting-service"));
        assertThat(overview).extracting(ReportPlans.Plan::millis).containsExactly(0.273, 0.162, 0.279, 0.269, 0.401);
        assertThat(overview.getFirst().text())
                .startsWith("Query Text: select coalesce(sum(households), 0), coalesce(sum(persons), 0) from household_count")
                .contains("Query Parameters: $1 = '350481%'", "  ->  Seq Scan on household_count")
                .endsWith("        Buffers: shared hit=22");
        assertThat(plans.get("dynamic-adjustment")).singleElement()
                .satisfies(plan -> assertThat(plan.millis()).isEqualTo(0.035));
    }

    @Test
    void theRelaysPollsAndWhatCameBeforeTheFirstMarkerAreNoReportsPlans() throws Exception {
        List<String> log = Files.readAllLines(Path.of(getClass().getResource("/postgres-auto-explain-log.txt").toURI()));
        String relay = "2026-12-04 12:04:07.900 UTC [12643] household-service: LOG:  duration: 0.016 ms  plan:";
        int overview = log.indexOf(log.stream().filter(line -> line.contains("'fupin-bench-plans: overview'"))
                .findFirst().orElseThrow());
        List<String> withRelay = new java.util.ArrayList<>(log.subList(0, overview + 2));
        withRelay.addAll(List.of(relay, "\tQuery Text: select pg_try_advisory_xact_lock($1)",
                "\tResult  (cost=0.00..0.01 rows=1 width=1) (actual time=0.012..0.013 rows=1.00 loops=1)"));
        withRelay.addAll(log.subList(overview + 2, log.size()));

        assertThat(ReportPlans.parse(withRelay).get("overview")).hasSize(5)
                .noneMatch(plan -> plan.text().contains("advisory"));
        assertThat(log.getFirst()).startsWith("\t").as("the excerpt starts inside an earlier entry");
        assertThat(log.stream().filter(line -> line.contains("household-service: LOG:")).count()).isPositive();
    }
}
