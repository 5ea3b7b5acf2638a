package cn.fupin.gateway;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * The first wall: every API call needs a valid Keycloak token (signature, issuer, audience {@code fupin-api},
 * expiry). Roles and area scope are checked again by each service. The token travels on unchanged.
 */
@Configuration(proxyBeanMethods = false)
class EdgeSecurity {

    /** Expiry and not-before with five seconds of clock skew (Spring's default is sixty); added to Boot's checks. */
    @Bean
    org.springframework.security.oauth2.core.OAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> tightTokenClock(
            @org.springframework.beans.factory.annotation.Value("${fupin.security.clock-skew:PT5S}") java.time.Duration skew) {
        return new org.springframework.security.oauth2.jwt.JwtTimestampValidator(skew);
    }

    @Bean
    SecurityWebFilterChain edge(ServerHttpSecurity http) {
        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        // the dashboard's page, scripts and Keycloak's discovery document hold no data
                        .pathMatchers(HttpMethod.GET, "/dashboard/**").permitAll()
                        .pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus", "/openapi/**",
                                "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                        .permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> { }))
                // besides Spring Security's defaults (nosniff, DENY framing, no caching of API answers)
                .headers(headers -> headers
                        .referrerPolicy(referrer -> referrer.policy(
                                org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter
                                        .ReferrerPolicy.NO_REFERRER))
                        .contentSecurityPolicy(csp -> csp.policyDirectives("frame-ancestors 'none'")))
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .build();
    }
}
