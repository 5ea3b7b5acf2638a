package cn.fupin.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Remembers the tokens the service's verifier accepted until they expire, so a caller's next request skips the
 * signature check and the parsing of the claims (a tenth of household-service's CPU for a village's page,
 * docs/benchmarks.md) — the gateway does the same in front. A token is held only once verified (a refused one is
 * checked again each time it comes), matched by its whole text (any change to it is a new token), never past its
 * own expiry, and at most {@code longest}; the fewest recently used go first beyond {@code capacity}.
 */
public final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder verifier, Duration longest, long capacity) {
        this(verifier, longest, capacity, Clock.systemUTC(), Ticker.systemTicker());
    }

    VerifiedTokens(JwtDecoder verifier, Duration longest, long capacity, Clock clock, Ticker ticker) {
        this.verifier = verifier;
        this.verified = Caffeine.newBuilder().maximumSize(capacity).ticker(ticker)
                .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifeLeft(jwt, clock.instant(), longest)))
                .build();
    }

    @Override
    public Jwt decode(String token) {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }

    private static Duration lifeLeft(Jwt jwt, Instant now, Duration longest) {
        if (jwt.getExpiresAt() == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, jwt.getExpiresAt());
        return left.isNegative() ? Duration.ZERO : left.compareTo(longest) < 0 ? left : longest;
    }
}
