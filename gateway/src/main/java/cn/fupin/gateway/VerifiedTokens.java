package cn.fupin.gateway;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import reactor.core.publisher.Mono;

/**
 * Remembers the tokens the verifier accepted until they expire, so a caller's next request skips the signature
 * check and the parsing of the claims (a tenth of the gateway's CPU per request under load, docs/benchmarks.md). A
 * token is held only once verified (a refused one is checked again each time it comes), matched by its whole text
 * (any change to it is a new token), never past its own expiry, and at most {@code longest}; the fewest recently used
 * go first beyond {@code capacity}.
 */
final class VerifiedTokens implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    VerifiedTokens(ReactiveJwtDecoder verifier, Duration longest, long capacity) {
        this(verifier, longest, capacity, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(ReactiveJwtDecoder verifier, Duration longest, long capacity, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifeLeft(jwt, clock.instant(), longest)))
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> verified.put(token, jwt));
    }

    private static Duration lifeLeft(Jwt jwt, Instant now, Duration longest) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(longest) < 0 ? left : longest;
    }
}
