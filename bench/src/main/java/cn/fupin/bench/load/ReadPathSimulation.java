package cn.fupin.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import cn.fupin.bench.stack.StackClient;
import cn.fupin.bench.stack.Tokens;
import cn.fupin.contracts.rules.WorkYear;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 2, the read path: a village's first page, a search by ID number and each report, by a fixed number of
 * clients that each send the next request once answered (closed model: the throughput each read gets), through
 * the gateway and from the service itself in turn, after a warm-up of all of them through the gateway. The city
 * office reads; the ID numbers searched are the demo county's, read from the village before the load starts.
 */
public class ReadPathSimulation extends Simulation {

    /** A village of the demo county (the clerk {@code xiyang.clerk}'s). */
    static final String VILLAGE = "350481100201";
    private static final int CLIENTS = Integer.getInteger("bench.readClients", 8);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Tokens city = new Tokens(settings.issuer(), "city.officer");

    public ReadPathSimulation() {
        List<Map<String, Object>> idNumbers = new StackClient(settings.household(), city).idNumbersOf(VILLAGE, 40)
                .stream().<Map<String, Object>>map(idNumber -> Map.of("idNumber", idNumber)).toList();
        // each read by its name, in the order measured; a read is made a chain for a step's name and target
        Map<String, BiFunction<String, Target, ChainBuilder>> reads = new LinkedHashMap<>();
        reads.put("village page", (name, target) -> get(name, settings.household(target)
                + "/api/v1/households?areaCode=" + VILLAGE + "&size=20"));
        reads.put("ID search", (name, target) -> feed(listFeeder(idNumbers).circular())
                .exec(get(name, settings.household(target) + "/api/v1/persons?idNumber=#{idNumber}")));
        // income and progress are of a year; the others default to the work year
        int year = WorkYear.of(Clock.systemUTC());
        for (String report : List.of("overview", "dynamic-adjustment", "monitoring", "income?year=" + year,
                "progress?year=" + year, "data-quality", "reconciliation")) {
            reads.put("report " + report.replaceFirst("\\?.*", ""),
                    (name, target) -> get(name, settings.reporting(target) + "/api/v1/reports/" + report));
        }
        List<PopulationBuilder> steps = new ArrayList<>();
        reads.forEach((read, chain) -> {
            for (Target target : Target.values()) {
                String name = read + " " + target.label();
                steps.add(scenario(name).exec(chain.apply(name, target))
                        .injectClosed(constantConcurrentUsers(CLIENTS).during(settings.step())));
            }
        });
        List<ChainBuilder> warm = reads.values().stream().map(chain -> chain.apply("warm-up", Target.GATEWAY))
                .toList();
        setUp(scenario("warm-up").exec(uniformRandomSwitch().on(warm))
                .injectClosed(constantConcurrentUsers(CLIENTS).during(settings.warmup()))
                .andThen(Steps.inTurn(steps)))
                .protocols(Steps.JSON_OVER_SHARED_CONNECTIONS);
    }

    private ChainBuilder get(String name, String url) {
        return exec(http(name).get(url).header("Authorization", session -> city.bearer()).check(status().is(200)));
    }
}
