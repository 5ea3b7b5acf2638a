package cn.fupin.platform.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
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
}
