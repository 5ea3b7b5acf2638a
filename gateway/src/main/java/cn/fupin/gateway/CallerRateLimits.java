package cn.fupin.gateway;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import reactor.core.publisher.Mono;

/**
 * Rate limits per caller (the OAuth client and its user, see {@link CallerKey}): a token bucket of Bucket4j each,
 * {@code capacity} requests at once, refilled by {@code refill-per-second}. A refused request is a 429 with
 * {@code Retry-After} (whole seconds until a token is back); every answer tells the tokens left. Buckets of idle
 * callers are forgotten after ten minutes. Limits hold per gateway instance.
 */
@Component
class CallerRateLimits implements RateLimiter<CallerRateLimits.Config> {

    /** No per-route settings: one limit per caller across all routes. */
    static class Config {
    }

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();
    private final long capacity;
    private final long refillPerSecond;

    CallerRateLimits(@Value("${fupin.gateway.rate-limit.capacity:60}") long capacity,
            @Value("${fupin.gateway.rate-limit.refill-per-second:30}") long refillPerSecond) {
        this.capacity = capacity;
        this.refillPerSecond = refillPerSecond;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String caller) {
        Bucket bucket = buckets.get(caller, key -> Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(refillPerSecond, Duration.ofSeconds(1)).build()).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            headers.put("Retry-After", String.valueOf(seconds));
        }
        return Mono.just(new Response(probe.isConsumed(), headers));
    }

    @Override
    public Map<String, Config> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Config> getConfigClass() {
        return Config.class;
    }

    @Override
    public Config newConfig() {
        return new Config();
    }
}
