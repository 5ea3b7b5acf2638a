package cn.fupin.platform.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling: the token's subject, user name, realm roles and area scope.
 *
 * @param userId the token subject (Keycloak user id)
 * @param username the user name, for audit lines
 * @param roles the Fupin realm roles held
 * @param scope the area the caller may read and write
 */
public record Caller(String userId, String username, Set<String> roles, AreaScope scope) {

    public static final String AREA_CLAIM = "area_code";

    /** The system itself: consumers of events and scheduled work act with the whole registry in scope. */
    public static final Caller SYSTEM = new Caller("system", "system", Set.of(), AreaScope.ALL);

    /** The authenticated caller of the current request; fails if there is none or it has no area. */
    public static Caller current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new IllegalStateException("no authenticated caller in this thread");
        }
        Set<String> roles = token.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith("ROLE_")).map(authority -> authority.substring(5))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(token.getToken().getSubject(), token.getName(), roles,
                AreaScope.of(token.getToken().getClaimAsString(AREA_CLAIM)));
    }

    /** The caller of the current request, or {@link #SYSTEM} outside a request (event consumers). */
    public static Caller currentOrSystem() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken
                ? current() : SYSTEM;
    }

    public boolean has(Role role) {
        return roles.contains(role.realmRole());
    }
}
