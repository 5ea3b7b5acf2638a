package cn.fupin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class OperationAccessTests {

    static final ContractRoles.Operation READ_HOUSEHOLDS = new ContractRoles.Operation(HttpMethod.GET,
            "/api/v1/households", "searchHouseholds", List.of("auditor", "city-officer"), List.of("households:read"));
    static final RequestAuthorizationContext REQUEST = new RequestAuthorizationContext(new MockHttpServletRequest());

    static boolean granted(ContractRoles.Operation operation, Jwt.Builder token) {
        var authentication = new KeycloakJwtConverter().convert(token.issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60)).header("alg", "RS256").build());
        return new OperationAccess(operation).authorize(() -> authentication, REQUEST).isGranted();
    }

    static Jwt.Builder person(String role) {
        return Jwt.withTokenValue("t").subject("u").claim("preferred_username", "city.officer")
                .claim("realm_access", java.util.Map.of("roles", List.of(role)));
    }

    static Jwt.Builder machine(String role, String scope) {
        return Jwt.withTokenValue("t").subject("s").claim("preferred_username", "service-account-gov-data-exchange")
                .claim("client_id", "gov-data-exchange").claim("scope", scope)
                .claim("realm_access", java.util.Map.of("roles", List.of(role)));
    }

    @Test
    void aPersonNeedsOneOfTheRolesOnly() {
        assertThat(granted(READ_HOUSEHOLDS, person("auditor"))).isTrue();
        assertThat(granted(READ_HOUSEHOLDS, person("village-clerk"))).isFalse();
    }

    @Test
    void aMachineClientNeedsTheRoleAndOneOfTheScopes() {
        assertThat(granted(READ_HOUSEHOLDS, machine("auditor", "profile households:read"))).isTrue();
        assertThat(granted(READ_HOUSEHOLDS, machine("auditor", "profile reports:read"))).isFalse();
        assertThat(granted(READ_HOUSEHOLDS, machine("village-clerk", "households:read"))).isFalse();
        var write = new ContractRoles.Operation(HttpMethod.POST, "/api/v1/households", "registerHousehold",
                List.of("city-officer"), List.of());
        assertThat(granted(write, machine("city-officer", "profile"))).as("no scopes listed: roles decide").isTrue();
    }
}
