package cn.fupin.platform.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.web.SecurityFilterChain;

import cn.fupin.platform.security.ContractRoles;
import cn.fupin.platform.security.KeycloakJwtConverter;
import cn.fupin.platform.security.OperationAccess;
import cn.fupin.platform.security.ProblemAuthenticationEntryPoint;
import cn.fupin.platform.security.VerifiedTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service validates the Keycloak token again (defence in depth behind the gateway): issuer, audience
 * and expiry from {@code spring.security.oauth2.resourceserver.jwt.*}, once per token while it lives
 * ({@link VerifiedTokens}), realm roles as authorities, and each
 * operation's roles as its contract states them ({@link ContractRoles}). Only health, metrics, the API contract
 * and the pages a service lists in {@code fupin.security.public-pages} (static files that hold no data; GET only)
 * are open.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

    /**
     * Expiry and not-before with five seconds of clock skew instead of Spring Security's sixty: Boot adds this to
     * the issuer and audience checks, and every validator must pass.
     */
    @Bean
    public OAuth2TokenValidator<Jwt> tightTokenClock(@Value("${fupin.security.clock-skew:PT5S}") Duration skew) {
        return new JwtTimestampValidator(skew);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper mapper, JwtDecoder verifier,
            @Value("${fupin.security.public-pages:}") String[] publicPages,
            @Value("${fupin.api.contract:}") String contract,
            @Value("${fupin.security.verified-tokens.longest:PT5M}") Duration longest,
            @Value("${fupin.security.verified-tokens.capacity:10000}") long capacity) throws Exception {
        ProblemAuthenticationEntryPoint problems = new ProblemAuthenticationEntryPoint(mapper);
        ContractRoles roles = ContractRoles.fromContract(contract);
        return http
                .authorizeHttpRequests(requests -> {
                    roles.operations().forEach(operation -> requests
                            .requestMatchers(operation.method(), operation.path())
                            .access(new OperationAccess(operation)));
                    if (publicPages.length > 0) {
                        requests.requestMatchers(HttpMethod.GET, publicPages).permitAll();
                    }
                    requests.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                    "/openapi/**", "/error")
                            .permitAll()
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(new VerifiedTokens(verifier, longest, capacity))
                                .jwtAuthenticationConverter(new KeycloakJwtConverter()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
