package cn.fupin.household.bench;

import static cn.fupin.platform.testing.Tokens.as;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

import cn.fupin.contracts.areas.DivisionTree;
import cn.fupin.contracts.codebook.Codebook;
import cn.fupin.contracts.synthetic.SyntheticRegistry;
import cn.fupin.platform.testing.RealInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national-registry import inside household-service: a synthetic county's export (CSV) from submission to the
 * job's end — read, checked, written with its events in the outbox — against a raw PostgreSQL {@code COPY} of the
 * same file into a table of text columns, in the same run. What reaches the other services, and through the gateway,
 * is the stack's benchmark's (docs/benchmarks.md).
 *
 * <p>Run: {@code ./mvnw -pl household-service -am test -Pbench -Dtest=NationalImportBenchmark
 * -Dbench.households=100000}. Figures go to docs/benchmarks.md, not into assertions.
 */
@Tag("benchmark")
@RealInfrastructure
@SpringBootTest
@AutoConfigureMockMvc
class NationalImportBenchmark {

    static final int HOUSEHOLDS = Integer.getInteger("bench.households", 20_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @TempDir
    Path dir;

    @Test
    void aCountysExportThroughTheImportAgainstARawCopy() throws Exception {
        Path file = dir.resolve("county.csv");
        long generating = System.nanoTime();
        new SyntheticRegistry(7, DivisionTree.ofCounty("350481"), Codebook.forYear(2020))
                .writeCsv(file, StandardCharsets.UTF_8, HOUSEHOLDS);
        System.out.printf("BENCH generated %d households, %.1f MB in %.1f s%n", HOUSEHOLDS,
                Files.size(file) / 1e6, (System.nanoTime() - generating) / 1e9);

        double copy = rawCopy(file);
        statements("select pg_stat_statements_reset()");

        long start = System.nanoTime();
        String body = mvc.perform(post("/api/v1/imports/national-registry").with(as("city-officer", "350481"))
                .contentType("text/csv").content(Files.readAllBytes(file))).andExpect(status().isAccepted())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(body).get("id").asString();
        JsonNode job = await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(250)).until(
                () -> json.readTree(mvc.perform(get("/api/v1/imports/" + id).with(as("city-officer", "350481")))
                        .andReturn().getResponse().getContentAsString()),
                state -> Set.of("SUCCEEDED", "REJECTED", "FAILED").contains(state.get("state").asString()));
        double seconds = (System.nanoTime() - start) / 1e9;
        int rows = job.get("rowsDone").asInt();
        System.out.printf("BENCH import %s: %d households created, %d rows in %.1f s: %.0f households/s, %.0f rows/s;"
                + " raw COPY of the same rows %.1f s (%.0f rows/s): the import takes %.1f× the COPY%n",
                job.get("state").asString(), job.at("/households/created").asInt(), rows, seconds,
                HOUSEHOLDS / seconds, rows / seconds, copy, rows / copy, seconds / copy);
        statements(null);
        registryFloor();
        System.out.printf("BENCH peak resident memory of the test JVM (service, PostgreSQL client side): %s%n",
                peakResident());
    }

    /** A connection of the database's owner (outside row security, allowed what the service's role is not). */
    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.flyway.user"), environment.getProperty("spring.flyway.password"));
    }

    /** The file into a table of as many text columns, with PostgreSQL's own CSV reader: the floor. */
    private double rawCopy(Path file) throws Exception {
        try (Connection owner = owner()) {
            StringBuilder columns = new StringBuilder();
            for (int i = 0; i < SyntheticRegistry.HEADERS.size(); i++) {
                columns.append(i == 0 ? "" : ", ").append("c").append(i).append(" text");
            }
            owner.createStatement().execute("create temporary table raw_rows (" + columns + ")");
            long start = System.nanoTime();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                in.skip(1);
                owner.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy raw_rows from stdin with (format csv, header true)", in);
            }
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /**
     * Where PostgreSQL's time went during the import, when the server loads pg_stat_statements
     * ({@code -Dbench.statements=true}): reset before it ({@code reset}), the costliest statements after it.
     */
    private void statements(String reset) throws Exception {
        if (!Boolean.getBoolean("bench.statements")) {
            return;
        }
        try (Connection owner = owner()) {
            owner.createStatement().execute("create extension if not exists pg_stat_statements");
            if (reset != null) {
                owner.createStatement().execute(reset);
                return;
            }
            try (var result = owner.createStatement().executeQuery("""
                    select total_exec_time / 1000, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                    from pg_stat_statements order by total_exec_time desc limit 15""")) {
                while (result.next()) {
                    System.out.printf("BENCH statement %7.2f s %6d calls %8d rows  %s%n", result.getDouble(1),
                            result.getLong(2), result.getLong(3), result.getString(4));
                }
            }
        }
    }

    /**
     * The database's own share of the job, its floor: the rows the import wrote in the registry's tables, copied out
     * and back into the same tables (their indexes, keys and constraints) in one transaction, with no Java work on
     * them. The events the import staged are not in it (the relay has sent and deleted them), so the floor is low.
     */
    private void registryFloor() throws Exception {
        List<String> tables = List.of("household", "member", "helper", "household_registry", "annual_record");
        try (Connection owner = owner()) {
            owner.setSchema(environment.getProperty("spring.flyway.schemas"));
            CopyManager copy = owner.unwrap(PGConnection.class).getCopyAPI();
            Map<String, String> columns = new LinkedHashMap<>();
            Map<String, byte[]> rows = new LinkedHashMap<>();
            for (String table : tables) {
                try (var query = owner.prepareStatement("""
                        select string_agg(column_name, ', ' order by ordinal_position) from information_schema.columns
                        where table_schema = current_schema() and table_name = ? and is_generated = 'NEVER'""")) {
                    query.setString(1, table);
                    try (var result = query.executeQuery()) {
                        result.next();
                        columns.put(table, result.getString(1));
                    }
                }
                var out = new ByteArrayOutputStream();
                copy.copyOut("copy (select " + columns.get(table) + " from " + table + ") to stdout", out);
                rows.put(table, out.toByteArray());
            }
            owner.setAutoCommit(false);
            // a household is never deleted: only a benchmark's own database may be emptied, by its owner
            owner.createStatement().execute("alter table household disable trigger household_never_deleted");
            owner.createStatement().execute("truncate " + String.join(", ", tables) + " cascade");
            owner.createStatement().execute("alter table household enable trigger household_never_deleted");
            StringBuilder each = new StringBuilder();
            long start = System.nanoTime();
            for (String table : tables) {
                long started = System.nanoTime();
                long copied = copy.copyIn("copy " + table + " (" + columns.get(table) + ") from stdin",
                        new ByteArrayInputStream(rows.get(table)));
                each.append(String.format(" %s %d rows %.1f s;", table, copied, (System.nanoTime() - started) / 1e9));
            }
            owner.commit();
            System.out.printf("BENCH the registry's floor: the same rows copied into the same tables in %.1f s:%s%n",
                    (System.nanoTime() - start) / 1e9, each);
        }
    }

    private static String peakResident() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM"))
                .findFirst().orElse("unknown").replaceAll("\\s+", " ");
    }
}
