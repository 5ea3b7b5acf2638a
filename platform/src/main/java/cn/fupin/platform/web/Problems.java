package cn.fupin.platform.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import cn.fupin.platform.observability.CorrelationId;

import cn.fupin.platform.domain.FieldError;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Builds Fupin's problem details: a stable {@code code}, Chinese title, field errors, the correlation id. */
public final class Problems {

    public static final String TYPE_BASE = "https://fupin.cn/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail,
            List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        String correlationId = CorrelationId.current();
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    /**
     * The database could not be reached or gave up in the middle: the caller may try again (503 with
     * {@code Retry-After}); with an {@code Idempotency-Key}, a retry of a request whose commit did happen is told its
     * answer.
     */
    public static ProblemDetail databaseUnavailable() {
        return of(HttpStatus.SERVICE_UNAVAILABLE, "database-busy", "服务繁忙", "数据库暂时无法处理请求，请稍后重试");
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String title, String detail) {
        return of(status, code, title, detail, List.of());
    }

    /** A problem written as the whole answer, by a filter or handler that answers before Spring MVC does. */
    public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json)
            throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
