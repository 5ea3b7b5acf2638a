package cn.fupin.platform.security;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call one contract operation: a caller holding one of its roles and — when the caller is a machine client
 * (a Keycloak service account, client credentials) and the operation lists scopes — one of its scopes. People's
 * tokens carry no API scopes; their roles and area decide.
 */
public final class OperationAccess implements AuthorizationManager<RequestAuthorizationContext> {

    private static final String SCOPE = "SCOPE_";

    private final AuthorizationManager<RequestAuthorizationContext> roles;
    private final ContractRoles.Operation operation;

    public OperationAccess(ContractRoles.Operation operation) {
        this.operation = operation;
        this.roles = AuthorityAuthorizationManager.hasAnyRole(operation.roles().toArray(String[]::new));
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            RequestAuthorizationContext context) {
        AuthorizationResult byRole = roles.authorize(authentication, context);
        if (byRole == null || !byRole.isGranted() || operation.scopes().isEmpty()
                || !machineClient(authentication.get())) {
            return byRole;
        }
        return new AuthorizationDecision(authentication.get().getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authority -> authority.startsWith(SCOPE) && operation.scopes()
                        .contains(authority.substring(SCOPE.length()))));
    }

    /** A token Keycloak issued to a client for itself (client credentials), not to a person. */
    static boolean machineClient(Authentication authentication) {
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return false;
        }
        String username = token.getToken().getClaimAsString("preferred_username");
        return token.getToken().hasClaim("client_id") || token.getToken().hasClaim("clientId")
                || username != null && username.startsWith("service-account-");
    }
}
