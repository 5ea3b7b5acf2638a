package cn.fupin.reporting.reconciliation;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import tools.jackson.databind.JsonNode;

/**
 * The owning services' own counts ({@code GET /internal/counts} of household-, monitoring- and review-service),
 * asked with the caller's token so each service applies the caller's area itself. An owner that does not answer
 * is reported as unavailable, never as zero.
 */
@Component
class OwnerCounts {

    private static final Logger log = LoggerFactory.getLogger(OwnerCounts.class);

    private final Map<String, String> owners = new LinkedHashMap<>();
    private final RestClient http;

    OwnerCounts(@Value("${fupin.owners.household:${FUPIN_HOUSEHOLD_URL:http://localhost:8081}}") String household,
            @Value("${fupin.owners.monitoring:${FUPIN_MONITORING_URL:http://localhost:8082}}") String monitoring,
            @Value("${fupin.owners.review:${FUPIN_REVIEW_URL:http://localhost:8083}}") String review) {
        owners.put("household", household);
        owners.put("monitoring", monitoring);
        owners.put("review", review);
        var factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(3)).build());
        factory.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    Iterable<String> owners() {
        return owners.keySet();
    }

    Optional<Map<String, Long>> of(String owner, String areaCode) {
        String token = ((JwtAuthenticationToken) SecurityContextHolder.getContext().getAuthentication()).getToken()
                .getTokenValue();
        try {
            JsonNode body = http.get().uri(owners.get(owner) + "/internal/counts?areaCode={area}", areaCode)
                    .header("Authorization", "Bearer " + token).retrieve().body(JsonNode.class);
            Map<String, Long> counts = new LinkedHashMap<>();
            body.path("counts").properties().forEach(entry -> counts.put(entry.getKey(), entry.getValue().asLong()));
            return Optional.of(counts);
        }
        catch (RestClientException ex) {
            log.warn("对账：{} 的计数取不到：{}", owner, ex.getMessage());
            return Optional.empty();
        }
    }
}
