package cn.fupin.gateway;

import java.time.Instant;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import reactor.core.publisher.Mono;

/** Tokens without Keycloak: {@code valid} is a web client's user's token, anything else a bad one. */
final class StandInTokens {

    private StandInTokens() {
    }

    static ReactiveJwtDecoder validOnly() {
        return token -> "valid".equals(token)
                ? Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("u1").claim("azp", "fupin-web")
                        .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build())
                : Mono.error(new BadJwtException("bad"));
    }
}
