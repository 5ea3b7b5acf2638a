package cn.fupin.bench.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import cn.fupin.bench.stack.Tokens;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Scenario 4, a province's registry: the {@link Reads} through the gateway by one client at a time (each request sent
 * once the last is answered), so that p50 and p99 are each read's own time at that size, not a queue's; a short
 * warm-up of all of them first.
 */
public class ProvinceReadSimulation extends Simulation {

    private static final int WARMUP_SECONDS = 30;

    public ProvinceReadSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Map<String, BiFunction<String, Target, ChainBuilder>> reads = Reads.of(settings,
                new Tokens(settings.issuer(), "city.officer"));
        List<PopulationBuilder> steps = new ArrayList<>();
        reads.forEach((read, chain) -> steps.add(scenario(read).exec(chain.apply(read, Target.GATEWAY))
                .injectClosed(constantConcurrentUsers(1).during(settings.step()))));
        List<ChainBuilder> warm = reads.values().stream().map(chain -> chain.apply("warm-up", Target.GATEWAY))
                .toList();
        setUp(scenario("warm-up").exec(uniformRandomSwitch().on(warm))
                .injectClosed(constantConcurrentUsers(2).during(WARMUP_SECONDS))
                .andThen(Steps.inTurn(steps)))
                .protocols(Steps.JSON_OVER_SHARED_CONNECTIONS);
    }
}
