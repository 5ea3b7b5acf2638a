package cn.fupin.gateway;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** What every error the gateway answers itself looks like: problem details in the services' shape. */
final class ExpectedProblems {

    private ExpectedProblems() {
    }

    /** Status, media type, type URI, code, Chinese title, the request path; the detail and correlation id are there. */
    static WebTestClient.BodyContentSpec expectProblem(WebTestClient.ResponseSpec response, int status, String code,
            String title, String path) {
        return response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("https://fupin.cn/problems/" + code)
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.code").isEqualTo(code)
                .jsonPath("$.title").isEqualTo(title)
                .jsonPath("$.instance").isEqualTo(path)
                .jsonPath("$.detail").isNotEmpty()
                .jsonPath("$.correlationId").isNotEmpty();
    }
}
