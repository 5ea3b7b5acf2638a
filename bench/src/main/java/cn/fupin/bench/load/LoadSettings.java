package cn.fupin.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * What a simulation is told by the benchmark that runs it (Gatling instantiates simulations itself, so they are
 * told through system properties, {@code bench.*}): where the stack is and how hard and how long to load it.
 *
 * @param issuer     the realm's issuer URI (tokens)
 * @param gateway    the gateway's base URL
 * @param household  household-service's own base URL
 * @param reporting  reporting-service's own base URL
 * @param seed       the synthetic households' seed: runs against one stack must differ modulo 8 (ID numbers)
 * @param warmup     seconds of load before anything is measured
 * @param step       seconds each measured step lasts
 * @param rates      offered registrations per second, one step each (open model)
 * @param closedUsers virtual users that each send the next request as soon as the last one is answered
 * @param memberRate offered member additions and annual records per second
 * @param lagRates   background writes per second under which the event lag is measured
 */
public record LoadSettings(String issuer, String gateway, String household, String reporting, long seed, int warmup,
        int step, List<Integer> rates, int closedUsers, int memberRate, List<Integer> lagRates) {

    public static LoadSettings fromSystemProperties() {
        return new LoadSettings(required("bench.issuer"), required("bench.gateway"), required("bench.household"),
                required("bench.reporting"), Long.getLong("bench.seed", 1), Integer.getInteger("bench.warmup", 60),
                Integer.getInteger("bench.step", 30), numbers("bench.rates", "50,100,200,400"),
                Integer.getInteger("bench.closedUsers", 16), Integer.getInteger("bench.memberRate", 100),
                numbers("bench.lagRates", "20,100,200"));
    }

    /** The services' own addresses or the gateway's, as each step asks. */
    public String household(Target target) {
        return target == Target.GATEWAY ? gateway : household;
    }

    public String reporting(Target target) {
        return target == Target.GATEWAY ? gateway : reporting;
    }

    private static String required(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("the simulation needs -D" + key + " (run it with bench/run)");
        }
        return value;
    }

    private static List<Integer> numbers(String key, String fallback) {
        return Arrays.stream(System.getProperty(key, fallback).split(",")).map(String::strip).map(Integer::valueOf)
                .toList();
    }
}
