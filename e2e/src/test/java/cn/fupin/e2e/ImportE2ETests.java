package cn.fupin.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import tools.jackson.databind.JsonNode;

/**
 * A county's data in bulk, through the gateway with real tokens: a township officer loads his township's households
 * from the national registry's export; the same file's household of another township is refused by its row; the
 * job's progress is read while it runs; reporting counts what was loaded; another township's officer cannot see the
 * job.
 */
class ImportE2ETests {

    static final String XIYANG = "350481100";
    static final int HOUSEHOLDS = 1500;

    @Test
    void aTownshipOfficerLoadsHisTownshipFromTheNationalExportAndWatchesItRun() throws IOException {
        DivisionTree divisions = DivisionTree.ofCounty("350481");
        List<String> villages = divisions.find(XIYANG).orElseThrow().children().stream()
                .map(DivisionTree.Division::code).toList();
        SyntheticRegistry registry = new SyntheticRegistry(System.nanoTime(), WorkPlanFixture.SYNTHETIC, divisions,
                Codebook.forYear(2020));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            rows.addAll(registry.nextHousehold(villages.get(i % villages.size())));
        }
        List<List<String>> elsewhere = registry.nextHousehold("350481101201");
        rows.addAll(elsewhere);
        Api officer = Api.as("xiyang.officer");
        long before = Api.json(officer.get("/api/v1/reports/overview?areaCode=" + XIYANG)).get("households")
                .asLong();

        HttpResponse<String> accepted = officer.upload("/api/v1/imports/national-registry?partial=true", "text/csv",
                csv(rows));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String job = accepted.headers().firstValue("Location").orElseThrow();
        List<JsonNode> seen = new ArrayList<>();
        JsonNode done = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode state = Api.json(officer.get(job));
            seen.add(state);
            return state;
        }, state -> Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(state.get("state").asString()));

        assertThat(done.get("state").asString()).as(done.toString()).isEqualTo("SUCCEEDED");
        assertThat(done.at("/households/created").asInt()).isEqualTo(HOUSEHOLDS);
        assertThat(done.at("/households/rejected").asInt()).isEqualTo(1);
        assertThat(done.get("errors").get(0).get("householdNumber").asString()).isEqualTo(elsewhere.get(0).get(4));
        assertThat(done.get("errors").get(0).get("message").asString()).contains("不在导入人的区划范围内");
        assertThat(seen).as("progress read while it ran").anyMatch(state -> state.get("state").asString()
                .equals("RUNNING") && state.get("rowsDone").asInt() > 0
                && state.get("rowsDone").asInt() < rows.size() + 1);

        assertThat(Api.as("gongchuan.officer").get(job).statusCode()).isEqualTo(404);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> Api.json(
                officer.get("/api/v1/reports/overview?areaCode=" + XIYANG)).get("households").asLong()
                == before + HOUSEHOLDS);
    }

    private static byte[] csv(List<List<String>> rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            SyntheticRegistry.line(out, SyntheticRegistry.HEADERS);
            for (List<String> row : rows) {
                SyntheticRegistry.line(out, row);
            }
        }
        return bytes.toByteArray();
    }
}
