package cn.fupin.monitoring.forms;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
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

    private static final String HEAD = "01";

    private final RestClient http;
    private final String household;

    HouseholdHeads(@Value("${fupin.owners.household:${FUPIN_HOUSEHOLD_URL:http://localhost:8081}}") String household) {
        this.household = household;
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    /** The ID number of the household's living head as household-service shows it to the caller; null when none. */
    String idNumber(UUID householdId) {
        String token = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken()
                .getTokenValue();
        try {
            JsonNode body = http.get().uri(household + "/api/v1/households/{id}", householdId)
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            for (JsonNode member : body.path("members")) {
                if (HEAD.equals(member.path("relation").asString(null)) && member.path("active").asBoolean(true)) {
                    return member.path("idNumber").asString(null);
                }
            }
            return null;
        }
        catch (HttpClientErrorException.NotFound ex) {
            return null;
        }
        catch (RestClientException ex) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "household-service-unavailable", "户籍服务暂不可用",
                    "取不到户主证件号码（household-service 未应答），表 5 暂不能打印，请稍后再试");
        }
    }
}
