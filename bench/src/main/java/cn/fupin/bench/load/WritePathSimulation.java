package cn.fupin.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import cn.fupin.bench.stack.Tokens;
import cn.fupin.contracts.rules.WorkYear;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 1, the write path: registrations ({@code POST /households}) at each offered rate (open model: new
 * requests arrive at the rate whatever the answers' speed) and by a fixed number of clients that each wait for
 * their answer (closed model, the throughput the system gives), then member additions and annual records at a
 * fixed rate — each step through the gateway and to household-service itself, one after the other, after a
 * warm-up through the gateway. Requests are named by their step ({@code register 100/s gateway}).
 */
public class WritePathSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystemProperties();
    private final Tokens city = new Tokens(settings.issuer(), "city.officer");
    private final SyntheticLoad load = new SyntheticLoad(settings.seed());
    /**
     * Households registered so far (id, ETag): a member addition takes one and puts it back with its new ETag, an
     * annual record takes one and puts it back as it was (a record needs no version).
     */
    private final Queue<String[]> registered = new ConcurrentLinkedQueue<>();
    private final int year = WorkYear.of(Clock.systemUTC());

    public WritePathSimulation() {
        List<PopulationBuilder> steps = new ArrayList<>();
        for (int rate : settings.rates()) {
            for (Target target : Target.values()) {
                String name = "register " + rate + "/s " + target.label();
                steps.add(scenario(name).exec(register(name, target))
                        .injectOpen(constantUsersPerSec(rate).during(settings.step())));
            }
        }
        for (Target target : Target.values()) {
            String name = "register " + settings.closedUsers() + " clients " + target.label();
            steps.add(scenario(name).exec(register(name, target))
                    .injectClosed(constantConcurrentUsers(settings.closedUsers()).during(settings.step())));
        }
        for (Target target : Target.values()) {
            String members = "add member " + settings.memberRate() + "/s " + target.label();
            steps.add(scenario(members).exec(addMember(members, target))
                    .injectOpen(constantUsersPerSec(settings.memberRate()).during(settings.step())));
            String records = "annual record " + settings.memberRate() + "/s " + target.label();
            steps.add(scenario(records).exec(annualRecord(records, target))
                    .injectOpen(constantUsersPerSec(settings.memberRate()).during(settings.step())));
        }
        int warmup = settings.warmup();
        setUp(scenario("warm-up: register").exec(register("warm-up", Target.GATEWAY))
                        .injectOpen(constantUsersPerSec(30).during(warmup)).andThen(Steps.inTurn(steps)),
                scenario("warm-up: add member").exec(addMember("warm-up", Target.GATEWAY))
                        .injectOpen(constantUsersPerSec(10).during(warmup)),
                scenario("warm-up: annual record").exec(annualRecord("warm-up", Target.GATEWAY))
                        .injectOpen(constantUsersPerSec(10).during(warmup)))
                .protocols(Steps.JSON_OVER_SHARED_CONNECTIONS);
    }

    private ChainBuilder register(String name, Target target) {
        return exec(http(name).post(settings.household(target) + "/api/v1/households")
                        .header("Authorization", session -> city.bearer())
                        .body(StringBody(session -> load.registration()))
                        .check(status().is(201), jsonPath("$.id").saveAs("id"), header("ETag").saveAs("etag")))
                .exec(session -> {
                    if (session.contains("etag")) {
                        registered.add(new String[] { session.getString("id"), session.getString("etag") });
                    }
                    return session;
                });
    }

    private ChainBuilder addMember(String name, Target target) {
        return takeRegistered().doIf(session -> session.contains("id")).then(
                exec(http(name).post(settings.household(target) + "/api/v1/households/#{id}/members")
                        .header("Authorization", session -> city.bearer())
                        .header("If-Match", "#{etag}")
                        .body(StringBody(session -> load.newborn()))
                        .check(status().is(201), header("ETag").saveAs("etag")))
                .exitHereIfFailed().exec(WritePathSimulation.this::putBack));
    }

    private ChainBuilder annualRecord(String name, Target target) {
        return takeRegistered().doIf(session -> session.contains("id")).then(
                exec(http(name).put(settings.household(target) + "/api/v1/households/#{id}/annual-records/" + year)
                        .header("Authorization", session -> city.bearer())
                        .body(StringBody(session -> load.annualRecord()))
                        .check(status().is(200)))
                .exitHereIfFailed().exec(WritePathSimulation.this::putBack));
    }

    private Session putBack(Session session) {
        registered.add(new String[] { session.getString("id"), session.getString("etag") });
        return session;
    }

    private ChainBuilder takeRegistered() {
        return exec(session -> {
            String[] household = registered.poll();
            return household == null ? session : session.set("id", household[0]).set("etag", household[1]);
        });
    }
}
