package cn.fupin.gateway;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.JwkSetUriReactiveJwtDecoderBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import reactor.netty.http.client.HttpClient;

/**
 * The first wall: every API call needs a valid Keycloak token (signature, issuer, audience {@code fupin-api},
 * expiry). Roles and area scope are checked again by each service. The token travels on unchanged. A refusal is a
 * problem details body ({@link ProblemEntryPoint}), as the services give.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    /** Expiry and not-before with five seconds of clock skew (Spring's default is sixty); added to Boot's checks. */
    @Bean
    OAuth2TokenValidator<Jwt> tightTokenClock(@Value("${fupin.security.clock-skew:PT5S}") Duration skew) {
        return new JwtTimestampValidator(skew);
    }

    /**
     * Keycloak's discovery document and keys are fetched with bounded waits: a token with a key id Keycloak never
     * issued makes the decoder fetch the keys again, and a Keycloak that does not answer must fail that request (401)
     * within the bound, not hold it open as long as the client waits.
     */
    @Bean
    JwkSetUriReactiveJwtDecoderBuilderCustomizer boundedKeyFetches(
            @Value("${fupin.security.keys-timeout:PT5S}") Duration timeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(timeout.toMillis(), 2_000))
                .responseTimeout(timeout);
        WebClient keys = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
        return builder -> builder.webClient(keys);
    }

    /**
     * A decoder on the realm's key set (jwk-set-uri) reports keys it could not fetch as an IllegalStateException, which
     * Spring Security lets through as an unexpected error (a 500); as a JwtException it is what it is — the token could
     * not be checked now — and answered 503 {@code authentication-unavailable}.
     */
    private static ReactiveJwtDecoder keysUnavailableIsAJwtFailure(ReactiveJwtDecoder verifier) {
        return token -> verifier.decode(token).onErrorMap(ex -> !(ex instanceof JwtException),
                ex -> new JwtException("the realm's keys could not be fetched: " + ex.getMessage(), ex));
    }

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http, ProblemEntryPoint refusals, ReactiveJwtDecoder verifier,
            @Value("${fupin.security.verified-tokens.longest:PT5M}") Duration longest,
            @Value("${fupin.security.verified-tokens.capacity:10000}") long capacity) {
        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        // the dashboard's page, scripts and Keycloak's discovery document, the developer portal: no data
                        .pathMatchers(HttpMethod.GET, "/dashboard/**", "/", "/portal", "/portal/**").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/openapi/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs/swagger-config", "/webjars/**")
                        .permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals)
                        .jwt(jwt -> jwt.jwtDecoder(new VerifiedTokens(keysUnavailableIsAJwtFailure(verifier),
                                longest, capacity))))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                // besides Spring Security's defaults (nosniff, DENY framing, no caching of API answers)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                // stateless: no web session for anyone. A refused request saved into a new in-memory session (the
                // default request cache) cost memory per anonymous call, and the session store's hop to another
                // thread finished the 401 off the connection's event loop, where Reactor Netty could leave the next
                // keep-alive request of the connection unread (seen as a client timing out after a 401)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .build();
    }
}
