package cn.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import jakarta.servlet.http.HttpServlet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class InFlightLimitTests {

    /** As Spring's converters write a problem: its properties beside its fields. */
    private final JsonMapper json = JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
            .build();
    private final InFlightLimit limit = new InFlightLimit(1, Duration.ofMillis(50), json);
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @Test
    void aRequestBeyondTheLimitIsRefusedWith503AndAProblemAfterItsWait() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(this::heldRequest);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = request("/api/v1/households");

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(refused.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo("service-busy");
        assertThat(problem.get("detail").asString()).contains("上限 (1)");

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
        assertThat(request("/api/v1/households").getStatus()).as("the place is free again").isEqualTo(200);
    }

    @Test
    void healthAndMetricsAreAnsweredHoweverBusyTheServiceIs() throws Exception {
        CompletableFuture<MockHttpServletResponse> first = CompletableFuture.supplyAsync(this::heldRequest);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(request("/actuator/health/readiness").getStatus()).isEqualTo(200);

        release.countDown();
        first.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRequestThatFailsGivesItsPlaceBack() throws Exception {
        MockFilterChain failing = new MockFilterChain(new HttpServlet() {
        }, (request, response, chain) -> {
            throw new IllegalStateException("boom");
        });
        try {
            limit.doFilter(new MockHttpServletRequest("POST", "/api/v1/households"), new MockHttpServletResponse(),
                    failing);
        }
        catch (IllegalStateException expected) {
            // the service's own error handling answers it
        }

        assertThat(request("/api/v1/households").getStatus()).isEqualTo(200);
    }

    private MockHttpServletResponse heldRequest() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            limit.doFilter(new MockHttpServletRequest("POST", "/api/v1/households"), response,
                    (request, ignored) -> {
                        entered.countDown();
                        try {
                            release.await(5, TimeUnit.SECONDS);
                        }
                        catch (InterruptedException ex) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return response;
    }

    private MockHttpServletResponse request(String uri) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(new MockHttpServletRequest("GET", uri), response, new MockFilterChain());
        return response;
    }
}
