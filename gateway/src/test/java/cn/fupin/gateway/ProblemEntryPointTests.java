package cn.fupin.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.access.AccessDeniedException;

import com.jayway.jsonpath.JsonPath;

import tools.jackson.databind.json.JsonMapper;

/**
 * No rule at the edge refuses an authenticated caller today (roles are the services' to check); should one come,
 * its 403 is the services' problem too.
 */
class ProblemEntryPointTests {

    private final ProblemEntryPoint refusals = new ProblemEntryPoint(new Problems(
            JsonMapper.builder().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()));

    @Test
    void anAccessDeniedAtTheEdgeIsAForbiddenProblem() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/households"));

        refusals.handle(exchange, new AccessDeniedException("denied")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        String problem = exchange.getResponse().getBodyAsString().block();
        assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("https://fupin.cn/problems/forbidden");
        assertThat(JsonPath.<String>read(problem, "$.code")).isEqualTo("forbidden");
        assertThat(JsonPath.<String>read(problem, "$.title")).isEqualTo("无权执行此操作");
        assertThat(JsonPath.<Integer>read(problem, "$.status")).isEqualTo(403);
        assertThat(JsonPath.<String>read(problem, "$.instance")).isEqualTo("/api/v1/households");
    }
}
