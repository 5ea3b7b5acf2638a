package cn.fupin.e2e;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import tools.jackson.databind.JsonNode;

/** The national registry's export as the imports take it, and an import job followed to its end. */
final class Imports {

    static final DivisionTree COUNTY = DivisionTree.ofCounty("350481");
    /** Consecutive seeds: a household's number holds its generator's seed modulo 10,000, so no two share one. */
    private static final AtomicLong SEEDS = new AtomicLong(System.nanoTime());

    private Imports() {
    }

    /** The export's rows of {@code households} new households spread over a township's villages. */
    static List<List<String>> township(String township, int households) {
        List<String> villages = COUNTY.find(township).orElseThrow().children().stream()
                .map(DivisionTree.Division::code).toList();
        SyntheticRegistry registry = registry();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < households; i++) {
            rows.addAll(registry.nextHousehold(villages.get(i % villages.size())));
        }
        return rows;
    }

    /** A generator sharing no ID number and no household number with the tests' others. */
    static SyntheticRegistry registry() {
        return new SyntheticRegistry(SEEDS.incrementAndGet(), WorkPlanFixture.SYNTHETIC, COUNTY, Codebook.forYear(2020));
    }

    /** The rows as the export's file: UTF-8 CSV under the registry's headers. */
    static byte[] csv(List<List<String>> rows) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            SyntheticRegistry.line(out, SyntheticRegistry.HEADERS);
            for (List<String> row : rows) {
                SyntheticRegistry.line(out, row);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return bytes.toByteArray();
    }

    /** Reads the job every 100 ms until it has finished, keeping every state seen; the last. */
    static JsonNode follow(Api caller, String job, List<JsonNode> seen) {
        return await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode state = Api.json(caller.get(job));
            seen.add(state);
            return state;
        }, state -> Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(state.get("state").asString()));
    }
}
