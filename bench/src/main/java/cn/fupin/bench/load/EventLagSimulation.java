package cn.fupin.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.List;

import cn.fupin.bench.stack.Tokens;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 3, event lag: how long a registration takes to show in reporting's overview while other
 * registrations arrive at 20, 100 and 200 a second. The background load goes through the gateway to all but
 * two villages; in each of those two a probe registers a household, then reads the village's overview from
 * reporting-service every {@value #POLL_MILLIS} ms until it counts one more, and starts again. The group
 * {@code lag <rate>/s} times each probe from sending the registration to seeing it counted.
 */
public class EventLagSimulation extends Simulation {

    static final int POLL_MILLIS = 20;
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Tokens city = new Tokens(settings.issuer(), "city.officer");
    private final SyntheticLoad load = new SyntheticLoad(settings.seed());

    public EventLagSimulation() {
        // each rate's writes and probes run together; the next rate's start once that rate's probes have ended
        List<PopulationBuilder> next = List.of();
        for (int rate : settings.lagRates().reversed()) {
            PopulationBuilder probes = scenario("probes " + rate + "/s")
                    .exec(session -> session.set("village", SyntheticLoad.PROBE_VILLAGES.get(
                            (int) (session.userId() % SyntheticLoad.PROBE_VILLAGES.size()))))
                    .exec(during(settings.step()).on(probe("lag " + rate + "/s")))
                    .injectOpen(atOnceUsers(SyntheticLoad.PROBE_VILLAGES.size()));
            PopulationBuilder writes = scenario("writes " + rate + "/s").exec(register("writes " + rate + "/s"))
                    .injectOpen(constantUsersPerSec(rate).during(settings.step()));
            next = List.of(writes, next.isEmpty() ? probes : probes.andThen(next));
        }
        setUp(scenario("warm-up").exec(register("warm-up"))
                .injectOpen(constantUsersPerSec(settings.lagRates().getFirst()).during(settings.warmup()))
                .andThen(next))
                .protocols(Steps.JSON_OVER_SHARED_CONNECTIONS);
    }

    /** A registration through the gateway in any village but the probes'. */
    private ChainBuilder register(String name) {
        return exec(http(name).post(settings.gateway() + "/api/v1/households")
                .header("Authorization", session -> city.bearer())
                .body(StringBody(session -> load.registration()))
                .check(status().is(201)));
    }

    private ChainBuilder probe(String name) {
        String overview = settings.reporting() + "/api/v1/reports/overview?areaCode=#{village}";
        return exec(http("count before").get(overview).header("Authorization", session -> city.bearer())
                        .check(jsonPath("$.households").ofLong().saveAs("before")))
                .group(name).on(
                        exec(http("probe write").post(settings.gateway() + "/api/v1/households")
                                        .header("Authorization", session -> city.bearer())
                                        .body(StringBody(session -> load.registration(session.getString("village"))))
                                        .check(status().is(201)))
                        .exec(session -> session.set("seen", false)
                                .set("giveUpAt", System.nanoTime() + GIVE_UP.toNanos()))
                        .exec(asLongAs(session -> !session.getBoolean("seen")
                                && System.nanoTime() < session.getLong("giveUpAt")).on(
                                exec(http("probe read").get(overview).header("Authorization", session -> city.bearer())
                                        .check(jsonPath("$.households").ofLong().saveAs("now")))
                                .exec(session -> session.set("seen",
                                        session.getLong("now") > session.getLong("before")))
                                .pause(Duration.ofMillis(POLL_MILLIS))))
                        .exec(session -> session.getBoolean("seen") ? session : session.markAsFailed()));
    }
}
