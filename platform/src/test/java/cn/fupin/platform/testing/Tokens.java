package cn.fupin.platform.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;

/** Tokens as Keycloak issues them, for MockMvc: a realm role and an {@code area_code}, subject = the role. */
public final class Tokens {

    private Tokens() {
    }

    public static JwtRequestPostProcessor as(String role, String area) {
        return as("user-" + role, role, area);
    }

    /** A named user: two users of the same role and area are told apart by their subject. */
    public static JwtRequestPostProcessor as(String user, String role, String area) {
        return jwt().jwt(token -> token.subject(user).claim("preferred_username", user).claim("area_code", area))
                .authorities(new SimpleGrantedAuthority("ROLE_" + role));
    }

    /**
     * Runs work on this thread as a village clerk of the area, as a request's thread would (the security context a
     * validated token leaves), e.g. to see what row-level security lets a caller's connection do.
     */
    public static <T> T asCallerOf(String area, Supplier<T> work) {
        Jwt token = Jwt.withTokenValue("t").header("alg", "none").subject("clerk").claim("area_code", area)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(600)).build();
        SecurityContextHolder.getContext().setAuthentication(
                new JwtAuthenticationToken(token, List.of(new SimpleGrantedAuthority("ROLE_village-clerk"))));
        try {
            return work.get();
        }
        finally {
            SecurityContextHolder.clearContext();
        }
    }
}
