package cn.fupin.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * A versioned write that lost to another request's (the end-to-end suite's fifty updates with one ETag) is the
 * caller's to retry: 412 when it named the version it read, 409 when it did not — never a 500.
 */
class ConcurrentChangeProblemsTests {

    private final ProblemAdvice advice = new ProblemAdvice(IndicatorNames.fromContract("openapi/strict-bodies-test.yaml"));

    @Test
    void aLostVersionedWriteIs412WithIfMatchAnd409Without() {
        MockHttpServletRequest named = new MockHttpServletRequest("PATCH", "/things/1");
        named.addHeader("If-Match", "\"3\"");
        MockHttpServletRequest unnamed = new MockHttpServletRequest("POST", "/things/1/parts");
        OptimisticLockingFailureException lost = new OptimisticLockingFailureException("version 3 updated concurrently");

        var withIfMatch = advice.concurrentChange(lost, new ServletWebRequest(named));
        var without = advice.concurrentChange(lost, new ServletWebRequest(unnamed));

        assertThat(withIfMatch.getStatusCode().value()).isEqualTo(412);
        assertThat(withIfMatch.getBody().getProperties()).containsEntry("code", "version-mismatch");
        assertThat(without.getStatusCode().value()).isEqualTo(409);
        assertThat(without.getBody().getProperties()).containsEntry("code", "concurrent-change");
        assertThat(without.getBody().getDetail()).contains("重新读取");
    }
}
