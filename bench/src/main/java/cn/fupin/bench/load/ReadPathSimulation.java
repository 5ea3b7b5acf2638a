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
 * Scenario 2, the read path: the {@link Reads} by a fixed number of clients that each send the next request once
 * answered (closed model: the throughput each read gets), through the gateway and from the service itself in turn,
 * after a warm-up of all of them through the gateway.
 */
public class ReadPathSimulation extends Simulation {

    private static final int CLIENTS = Integer.getInteger("bench.readClients", 8);

    public ReadPathSimulation() {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        Map<String, BiFunction<String, Target, ChainBuilder>> reads = Reads.of(settings,
                new Tokens(settings.issuer(), "city.officer"));
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
}
