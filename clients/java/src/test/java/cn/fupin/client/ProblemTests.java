package cn.fupin.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemTests {

    @Test
    void aProblemIsReadWithTheFieldsAtFault() {
        Problem problem = Problem.of("""
                {"type":"https://fupin.cn/problems/validation-failed","title":"请求数据校验失败","status":400,
                 "detail":"有 1 个字段不符合要求","instance":"/api/v1/households","code":"validation-failed",
                 "correlationId":"c0ffee","errors":[{"field":"members[0].idNumber","indicator":"A4",
                 "message":"证件号码校验位错误"}]}""").orElseThrow();

        assertThat(problem.code()).isEqualTo("validation-failed");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.correlationId()).isEqualTo("c0ffee");
        assertThat(problem.errors()).containsExactly(
                new Problem.FieldError("members[0].idNumber", "A4", "证件号码校验位错误"));
    }

    @Test
    void aBodyThatIsNoProblemIsNone() {
        assertThat(Problem.of("<html>bad gateway</html>")).isEmpty();
        assertThat(Problem.of("{\"status\":500}")).isEmpty();
        assertThat(Problem.of("")).isEmpty();
        assertThat(Problem.of(null)).isEmpty();
    }
}
