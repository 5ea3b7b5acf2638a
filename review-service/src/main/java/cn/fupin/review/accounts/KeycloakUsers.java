package cn.fupin.review.accounts;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import cn.fupin.platform.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Users of the realm through Keycloak's admin REST API, as the confidential client {@code fupin-accounts}, whose
 * service account may manage users and nothing else. The realm is the one the services trust (the issuer).
 */
@Component
class KeycloakUsers {

    private final RestClient http;
    private final String tokenUri;
    private final String admin;
    private final String clientId;
    private final String secret;

    KeycloakUsers(@Value("${fupin.identity.internal-uri}") String issuer,
            @Value("${fupin.accounts.client-id:fupin-accounts}") String clientId,
            @Value("${fupin.accounts.client-secret:${FUPIN_ACCOUNTS_SECRET:fupin-accounts-secret}}") String secret) {
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build());
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
        this.tokenUri = issuer + "/protocol/openid-connect/token";
        this.admin = issuer.replace("/realms/", "/admin/realms/");
        this.clientId = clientId;
        this.secret = secret;
    }

    /** Creates an enabled user with the area attribute, the realm role and a password. */
    void create(String username, String displayName, String role, String areaCode, String password,
            boolean temporary) {
        String token = token();
        String name = displayName == null || displayName.isBlank() ? username : displayName.strip();
        try {
            http.post().uri(admin + "/users").header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("username", username, "enabled", true,
                            // the realm's user profile asks for both names and an e-mail address: a Chinese name
                            // splits into family name (first character) and given name; the address is internal
                            "lastName", name.substring(0, 1), "firstName", name.length() > 1 ? name.substring(1) : name,
                            "email", username + "@users.fupin.local", "emailVerified", true,
                            "attributes", Map.of("area_code", List.of(areaCode)),
                            "credentials", List.of(Map.of("type", "password", "value", password, "temporary",
                                    temporary)),
                            "requiredActions", temporary ? List.of("UPDATE_PASSWORD") : List.of()))
                    .retrieve().toBodilessEntity();
        }
        catch (HttpClientErrorException.Conflict ex) {
            throw ApiException.conflict("account-exists", "账号 " + username + " 已存在");
        }
        String id = find(username, token).orElseThrow().get("id").asString();
        try {
            JsonNode realmRole = http.get().uri(admin + "/roles/{role}", role)
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            http.post().uri(admin + "/users/{id}/role-mappings/realm", id).header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).body(List.of(realmRole)).retrieve().toBodilessEntity();
        }
        catch (RuntimeException ex) {
            // an account without its role is half an account: take it back
            http.delete().uri(admin + "/users/{id}", id).header("Authorization", "Bearer " + token).retrieve()
                    .toBodilessEntity();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "身份认证服务不可用", "账号的角色未能授予，账号已撤回：" + ex.getMessage());
        }
    }

    /** The user's realm roles and area, if the user exists. */
    Optional<Account> account(String username) {
        String token = token();
        return find(username, token).map(user -> {
            String id = user.get("id").asString();
            JsonNode roles = http.get().uri(admin + "/users/{id}/role-mappings/realm", id)
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            return new Account(id, username, roles.findValuesAsString("name"),
                    user.path("attributes").path("area_code").path(0).asString(null));
        });
    }

    void disable(String id) {
        String token = token();
        http.put().uri(admin + "/users/{id}", id).header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("enabled", false)).retrieve()
                .toBodilessEntity();
    }

    record Account(String id, String username, List<String> roles, String areaCode) {
    }

    private Optional<JsonNode> find(String username, String token) {
        JsonNode users = http.get().uri(admin + "/users?username={username}&exact=true", username)
                .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
        return users == null || users.isEmpty() ? Optional.empty() : Optional.of(users.get(0));
    }

    private String token() {
        var form = new LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("client_id", clientId);
        form.add("client_secret", secret);
        try {
            return http.post().uri(tokenUri).contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form).retrieve()
                    .body(JsonNode.class).get("access_token").asString();
        }
        catch (RuntimeException ex) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                    "身份认证服务不可用", "无法取得账号管理权限：" + ex.getMessage());
        }
    }
}
