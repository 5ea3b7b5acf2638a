package cn.fupin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTests {

    private static final Instant NOW = Instant.parse("2026-12-04T08:00:00Z");

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger verifications = new AtomicInteger();
    private Instant expiry = NOW.plusSeconds(300);

    /** Accepts tokens starting with "good", expiring at {@link #expiry}; counts each call. */
    private final JwtDecoder verifier = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("签名无效");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("clerk").issuedAt(NOW).expiresAt(expiry)
                .build();
    };

    private VerifiedTokens tokens(Duration longest) {
        return new VerifiedTokens(verifier, longest, 100, Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgainWhileItLives() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));

        Jwt first = tokens.decode("good-1");

        assertThat(tokens.decode("good-1")).isSameAs(first);
        assertThat(verifications).hasValue(1);
        assertThat(tokens.decode("good-2").getTokenValue()).isEqualTo("good-2");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpired() {
        expiry = NOW.plusSeconds(30);
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));
        tokens.decode("good");

        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        tokens.decode("good");
        assertThat(verifications).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        tokens.decode("good");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void noTokenIsHeldLongerThanTheLongestWhateverItsExpiry() {
        expiry = NOW.plus(Duration.ofHours(10));
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));
        tokens.decode("good");

        nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        tokens.decode("good");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenWithoutExpiryIsVerifiedEachTime() {
        expiry = null;
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));

        tokens.decode("good");
        tokens.decode("good");

        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRefusedTokenIsCheckedEachTimeItComes() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5));

        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verifications).hasValue(2);
    }
}
