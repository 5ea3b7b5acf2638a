package cn.fupin.platform.testing.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.fupin.platform.testing.Tokens;
import cn.fupin.platform.testing.contract.OpenApiOperations.Operation;
import cn.fupin.platform.testing.contract.OpenApiOperations.Parameter;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property every service's API must hold, generated from its contract: whatever is wrong with a request — a
 * null, a wrong type, a number out of range, an over-long string or list, an unknown code or field, anywhere in
 * the body or in any query parameter — the answer is a 4xx problem, never a 5xx, and nothing is written. A service
 * test extends this with {@code @RealInfrastructure @SpringBootTest @AutoConfigureMockMvc} and says which area
 * each role works in, which existing resources the paths name and, where the schema alone cannot make one, a good
 * body to spoil (an ID number with its check digit, a real village). Spring is wired by hand: jqwik runs the
 * property, not JUnit Jupiter.
 */
public abstract class BadInputProperties {

    private static final List<String> BAD_PARAMETERS = List.of("ZZ-未知", "-1", "1.5", "99999999999999999999", "",
            "长".repeat(2000), "null", "2020-13-45");

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JsonMapper json;

    private final List<Operation> operations;
    private final String village;

    /**
     * @param contract the service's contract on the classpath, e.g. {@code openapi/household.yaml}
     * @param village where the callers work: its clerk, its township's officer, the county's other roles
     */
    protected BadInputProperties(String contract, String village) {
        this.operations = OpenApiOperations.of(contract).stream()
                .filter(op -> op.body() != null || !op.in("query").isEmpty()).toList();
        this.village = village;
    }

    /** The area a caller of this role works in. */
    protected String areaOf(String role) {
        return switch (role) {
            case "village-clerk" -> village;
            case "township-officer" -> village.substring(0, 9);
            default -> village.substring(0, 6);
        };
    }

    /** A path parameter's value: an existing resource the caller may reach, so the request gets past the 404. */
    protected String pathValue(Operation operation, String name) {
        return UUID.randomUUID().toString();
    }

    /** A good body for an operation whose schema alone cannot make one the service accepts. */
    protected Optional<JsonNode> goodBody(Operation operation) {
        return Optional.empty();
    }

    /** Tables others write meanwhile (projections fed by other services' events), not watched for writes. */
    protected Set<String> tablesWrittenByOthers() {
        return Set.of();
    }

    /**
     * Operations that call a system outside the service (Keycloak's admin API): with it unreachable in the test, a
     * request the service accepts is answered 503 with a code ending in {@code -unavailable}, as it should be.
     */
    protected Set<String> operationsCallingOut() {
        return Set.of();
    }

    /** Creates what {@link #pathValue} and {@link #goodBody} name, once per run. */
    protected void prepare() throws Exception {
    }

    @BeforeProperty
    void wireSpringAndPrepare() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this);
        prepare();
    }

    @Property(tries = 400, shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    void badInputIsRefusedWithAProblemAndWritesNothing(@ForAll("badRequests") BadRequest bad) throws Exception {
        Statistics.collect(bad.operation().id());
        Map<String, Long> before = fingerprint();
        MockHttpServletResponse response = mvc.perform(build(bad)).andReturn().getResponse();
        int status = response.getStatus();
        JsonNode problem = status >= 400 ? json.readTree(response.getContentAsString()) : null;
        boolean outsideDown = status == 503 && operationsCallingOut().contains(bad.operation().id())
                && problem.path("code").asString("").endsWith("-unavailable");
        assertThat(status < 500 || outsideDown).as("%s answered %d: %s", bad, status, response.getContentAsString())
                .isTrue();
        if (status >= 400) {
            assertThat(problem.path("code").asString("")).as("a problem with a code for %s", bad).isNotBlank();
            if (problem.path("code").asString().equals("validation-failed")) {
                assertThat(problem.path("errors")).as("the fields named for %s", bad).isNotEmpty();
            }
            assertThat(fingerprint()).as("nothing written by a refused %s", bad).isEqualTo(before);
        }
        Statistics.coverage(coverage -> operations
                .forEach(op -> coverage.check(op.id()).count(n -> n > 0)));
    }

    /**
     * The operations in turn, each try the next, so that every one is tried {@code tries / operations} times (no edge
     * cases mixed in: they would repeat the first). Drawn at random, one of household's thirty went untried in a run
     * of four hundred once.
     */
    @Provide
    Arbitrary<BadRequest> badRequests() {
        AtomicInteger tried = new AtomicInteger();
        return Arbitraries.create(() -> operations.get(tried.getAndIncrement() % operations.size()))
                .flatMap(this::badRequestsOf);
    }

    private Arbitrary<BadRequest> badRequestsOf(Operation operation) {
        Map<String, String> path = new LinkedHashMap<>();
        operation.in("path").forEach(p -> path.put(p.name(), pathValue(operation, p.name())));
        Arbitrary<Map<String, String>> query = goodQuery(operation);
        List<Arbitrary<BadRequest>> ways = new ArrayList<>();
        if (operation.body() != null) {
            Arbitrary<JsonNode> good = goodBody(operation).map(Arbitraries::just)
                    .orElseGet(() -> JsonSamples.of(operation.body()));
            ways.add(good.flatMap(body -> BadInputs.of(operation.body(), body)).flatMap(mutant -> query
                    .map(q -> new BadRequest(operation, mutant.what(), path, q, mutant.body()))));
        }
        if (!operation.in("query").isEmpty()) {
            Arbitrary<JsonNode> body = operation.body() == null ? Arbitraries.just(JsonSamples.NODES.nullNode())
                    : goodBody(operation).map(Arbitraries::just).orElseGet(() -> JsonSamples.of(operation.body()));
            ways.add(query.flatMap(q -> Arbitraries.of(operation.in("query")).flatMap(p -> Arbitraries
                    .of(BAD_PARAMETERS).flatMap(value -> body.map(b -> {
                        Map<String, String> bad = new LinkedHashMap<>(q);
                        bad.put(p.name(), value);
                        return new BadRequest(operation, "query " + p.name() + " = " + abbreviated(value), path, bad,
                                b.isNull() ? null : b);
                    })))));
        }
        return Arbitraries.oneOf(ways);
    }

    private static Arbitrary<Map<String, String>> goodQuery(Operation operation) {
        Arbitrary<Map<String, String>> query = Arbitraries.just(Map.of());
        for (Parameter parameter : operation.in("query")) {
            Arbitrary<Optional<String>> value = JsonSamples.of(parameter.schema())
                    .map(node -> Optional.of(node.isString() ? node.asString() : node.toString()));
            Arbitrary<Optional<String>> maybe = parameter.required() ? value
                    : Arbitraries.oneOf(value, Arbitraries.just(Optional.empty()));
            query = query.flatMap(so -> maybe.map(v -> {
                Map<String, String> more = new LinkedHashMap<>(so);
                v.ifPresent(text -> more.put(parameter.name(), text));
                return more;
            }));
        }
        return query;
    }

    private MockHttpServletRequestBuilder build(BadRequest bad) {
        String uri = bad.operation().path();
        for (var value : bad.pathValues().entrySet()) {
            uri = uri.replace("{" + value.getKey() + "}", value.getValue());
        }
        MockHttpServletRequestBuilder builder = request(HttpMethod.valueOf(bad.operation().method().toUpperCase()),
                java.net.URI.create(uri));
        bad.query().forEach(builder::queryParam);
        String role = bad.operation().roles().getFirst();
        builder.with(Tokens.as(role, areaOf(role))).accept(MediaType.APPLICATION_JSON);
        if (bad.body() != null) {
            builder.contentType(MediaType.APPLICATION_JSON).content(bad.body().toString());
        }
        return builder;
    }

    /**
     * Every watched table's rows as a count and a hash of their contents: not the platform's own, which its background
     * parts write whatever the request (the relay's outbox, the inboxes, the checkpointer's audit_checkpoint).
     */
    private Map<String, Long> fingerprint() {
        Map<String, Long> tables = new LinkedHashMap<>();
        for (String table : jdbc.queryForList("""
                select table_name from information_schema.tables
                where table_schema = any(current_schemas(false)) and table_type = 'BASE TABLE'
                  and table_name not like 'flyway%' and table_name not like 'outbox%' and table_name not like 'inbox%'
                  and table_name not like '%dead_letter%' and table_name not like 'idempotent%'
                  and table_name not like 'audit%'
                order by table_name""", String.class)) {
            if (!tablesWrittenByOthers().contains(table)) {
                tables.put(table, jdbc.queryForObject("select count(*) * 1000003 + coalesce(sum(hashtext(t::text)), 0)"
                        + " from \"" + table + "\" t", Long.class));
            }
        }
        return tables;
    }

    private static String abbreviated(String value) {
        return value.length() > 20 ? value.substring(0, 8) + "…(" + value.length() + " chars)" : value;
    }
}
