package cn.fupin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import cn.fupin.platform.config.PlatformSecurityConfiguration;

/** Tokens expired, or not yet valid, by more than five seconds are refused (Spring's default would allow sixty). */
class TokenClockTests {

    final org.springframework.security.oauth2.core.OAuth2TokenValidator<Jwt> validator =
            new PlatformSecurityConfiguration().tightTokenClock(Duration.ofSeconds(5));

    static Jwt token(Instant issued, Instant notBefore, Instant expires) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u").issuedAt(issued).notBefore(notBefore)
                .expiresAt(expires).build();
    }

    @Test
    void expiredBeyondTheSkewOrNotYetValidIsRefused() {
        Instant now = Instant.now();
        assertThat(validator.validate(token(now.minusSeconds(60), now.minusSeconds(60), now.plusSeconds(60)))
                .hasErrors()).isFalse();
        assertThat(validator.validate(token(now.minusSeconds(60), now.minusSeconds(60), now.minusSeconds(3)))
                .hasErrors()).as("within the skew").isFalse();
        assertThat(validator.validate(token(now.minusSeconds(60), now.minusSeconds(60), now.minusSeconds(10)))
                .hasErrors()).as("expired ten seconds ago").isTrue();
        assertThat(validator.validate(token(now, now.plusSeconds(30), now.plusSeconds(300))).hasErrors())
                .as("not yet valid").isTrue();
    }
}
