package cn.fupin.bench.growth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import cn.fupin.bench.stack.StackClient;
import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticHouseholds;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 5, growth, and the way to a province's registry for scenario 4: national-registry exports imported
 * through the gateway as the city office, as a county's data arrives — one of 10^4 households, then exports of 10^5
 * until the registry holds 10^6 — each timed from sending the file to the job's end, to reporting's overview counting
 * every household, and to the reconciliation (账账相符) balancing. The exports are the demo county's villages (its
 * division tree is the one the codebook has), their people from one generator so that no ID number repeats across
 * files; each file is written before its clock starts.
 */
public final class CountyImports {

    private static final String COUNTY = "350481";
    /**
     * The people's generator: an eighth of the ID numbers (7) that neither the demo county (2020: 4, its new
     * candidates 2021: 5), nor the newborns (6), nor the write and lag scenarios (1, 3) draw from.
     */
    private static final long PEOPLE_SEED = 7;
    /**
     * Where the people were born, as their ID numbers say: the counties of the city (三明市) in turn. One county's eighth
     * of the numbers has 62 a day per sex, which a province's three million people in the crowded birth years of one
     * county would use up, pushing births days and then years forward (the generator took minutes a household).
     */
    private static final List<String> BIRTHPLACES = List.of("350403", "350404", "350421", "350423", "350424",
            "350425", "350426", "350427", "350428", "350429", "350430", "350481");
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(20);

    private final StackClient city;
    private final Path work;
    private final SyntheticHouseholds people = new SyntheticHouseholds(PEOPLE_SEED, BIRTHPLACES);
    private final List<Import> done = new ArrayList<>();
    private int files;

    /**
     * @param city the city office's calls through the gateway
     * @param work where the exports are written (each deleted once imported)
     */
    public CountyImports(StackClient city, Path work) {
        this.city = city;
        this.work = work;
    }

    /**
     * One import's figures.
     *
     * @param households  the export's households
     * @param before      households in the registry (reporting's count) when it was sent
     * @param job         from sending the file to the job's end (rows checked, households written, events staged)
     * @param counted     from sending the file to reporting's overview counting all of them
     * @param balanced    from sending the file to the reconciliation balancing
     */
    public record Import(int households, long before, Duration job, Duration counted, Duration balanced) {
    }

    /** An export of {@code households} imported, and followed to the reconciliation's balance. */
    private Import next(int households) {
        Path file = work.resolve("export-" + (++files) + ".csv");
        try {
            Files.createDirectories(work);
            new SyntheticRegistry(PEOPLE_SEED * 1000 + files, people, DivisionTree.ofCounty(COUNTY),
                    Codebook.forYear(2020)).writeCsv(file, StandardCharsets.UTF_8, households);
            long before = households();
            long start = System.nanoTime();
            String job = city.postFile("/api/v1/imports/national-registry", file, "text/csv");
            JsonNode ended = awaitJob(job);
            Duration jobTime = since(start);
            if (!ended.get("state").asString().equals("SUCCEEDED")) {
                throw new IllegalStateException("import " + job + " ended " + ended.get("state").asString() + ": "
                        + ended);
            }
            await("reporting to count " + households + " more households", () -> households() >= before + households);
            Duration counted = since(start);
            await("the reconciliation to balance", () -> city.get("/api/v1/reports/reconciliation").get("balanced")
                    .asBoolean());
            return new Import(households, before, jobTime, counted, since(start));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        finally {
            file.toFile().delete();
        }
    }

    /** Imports of 10^4, then of 10^5 until the registry holds {@code total} households. */
    public void growTo(long total, Consumer<Import> each) {
        done.add(next(10_000));
        each.accept(done.getLast());
        while (households() < total) {
            done.add(next(100_000));
            each.accept(done.getLast());
        }
    }

    /** The imports that ended, in order (also when one after them failed). */
    public List<Import> done() {
        return List.copyOf(done);
    }

    private long households() {
        return city.get("/api/v1/reports/overview").get("households").asLong();
    }

    private JsonNode awaitJob(String location) {
        JsonNode[] job = new JsonNode[1];
        await("import " + location + " to end", () -> {
            job[0] = city.get(location);
            return List.of("SUCCEEDED", "REJECTED", "FAILED").contains(job[0].get("state").asString());
        });
        return job[0];
    }

    private static void await(String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + LONGEST_WAIT.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited " + LONGEST_WAIT + " for " + what);
            }
            try {
                Thread.sleep(POLL);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + what, ex);
            }
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
