package cn.fupin.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakJwtConverterTests {

    @Test
    void realmRolesAndScopesBecomeAuthoritiesAndTheUserNameThePrincipal() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("5f1c")
                .claim("preferred_username", "xiyang.clerk")
                .claim("realm_access", Map.of("roles", List.of("village-clerk", "offline_access")))
                .claim("scope", "profile households:read").issuedAt(Instant.now()).build();

        var authentication = new KeycloakJwtConverter().convert(jwt);

        assertThat(authentication.getName()).isEqualTo("xiyang.clerk");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_village-clerk", "ROLE_offline_access", "SCOPE_profile",
                        "SCOPE_households:read");
    }

    @Test
    void aTokenWithoutRolesHasNone() {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("svc").issuedAt(Instant.now()).build();

        assertThat(new KeycloakJwtConverter().convert(jwt).getAuthorities()).isEmpty();
    }
}
