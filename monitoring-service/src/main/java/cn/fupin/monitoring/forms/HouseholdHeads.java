package cn.fupin.monitoring.forms;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import cn.fupin.platform.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * The heads' ID numbers a printed 表 5 carries, which monitoring-service does not keep (it holds their keyed hashes):
 * asked of household-service, the owner, with the caller's own token, so that it shows them as the caller's role may
 * see them and records the view. An owner that does not answer makes the form unavailable, never one with gaps.
 */
@Component
class HouseholdHeads {

    /** Households asked for in one request (household-service takes up to 500). */
    static final int AT_ONCE = 500;

    private final RestClient http;
    private final String household;

    HouseholdHeads(@Value("${fupin.owners.household:${FUPIN_HOUSEHOLD_URL:http://localhost:8081}}") String household) {
        this.household = household;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /**
     * The ID numbers of the households' living heads as household-service shows them to the caller, by household, in
     * one request for every {@value #AT_ONCE} households; a household out of the caller's reach or without a living
     * head is not in the answer.
     */
    Map<UUID, String> idNumbers(List<UUID> householdIds) {
        String token = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken()
                .getTokenValue();
        Map<UUID, String> numbers = new HashMap<>();
        for (int from = 0; from < householdIds.size(); from += AT_ONCE) {
            List<UUID> some = householdIds.subList(from, Math.min(from + AT_ONCE, householdIds.size()));
            try {
                JsonNode heads = http.post().uri(household + "/api/v1/households/heads")
                        .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                        .body(Map.of("householdIds", some)).retrieve().body(JsonNode.class);
                for (JsonNode head : heads) {
                    numbers.put(UUID.fromString(head.get("householdId").asString()), head.get("idNumber").asString());
                }
            }
            catch (RestClientException ex) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "household-service-unavailable", "户籍服务暂不可用",
                        "取不到户主证件号码（household-service 未应答），表 5 暂不能打印，请稍后再试");
            }
        }
        return numbers;
    }
}
