package cn.fupin.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.RuleViolation;

/**
 * A refusal decided at the edge of a service (an application service, a controller, a filter) where the HTTP
 * status is the point — a missing {@code If-Match}, a stale version, a payload too large — with a stable
 * machine-readable {@code code}, a Chinese title and detail, and optionally the fields at fault. The domain throws
 * {@link RuleViolation}s instead; both are rendered as RFC 9457 problem details by {@link ProblemAdvice}.
 */
public class ApiException extends RuleViolation {

    private final HttpStatus status;

    public ApiException(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        super(kindOf(status), code, title, detail, errors);
        this.status = status;
    }

    public ApiException(HttpStatus status, String code, String title, String detail) {
        this(status, code, title, detail, List.of());
    }

    /** 404: absent, or outside the caller's area (the two are not told apart). */
    public static ApiException notFound(String what, Object id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "资源不存在", what + " " + id + " 不存在或不在您的管辖范围内");
    }

    /** 400 with the fields at fault. */
    public static ApiException invalid(List<FieldError> errors) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation-failed", "请求数据校验未通过",
                "共 " + errors.size() + " 处数据不符合要求", errors);
    }

    /** 409: the request conflicts with the current state. */
    public static ApiException conflict(String code, String detail) {
        return new ApiException(HttpStatus.CONFLICT, code, "与当前数据状态冲突", detail);
    }

    /** 412: the request names a version ({@code If-Match}) that is no longer the current one. */
    public static ApiException versionMismatch(String what, Object currentVersion) {
        return new ApiException(HttpStatus.PRECONDITION_FAILED, "version-mismatch", "数据已被修改",
                what + "的当前版本为 " + currentVersion + "，请重新读取后再提交");
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The HTTP status of any refusal: an edge refusal's own, a domain refusal's by its kind — the one place the two
     * vocabularies meet.
     */
    public static HttpStatus statusOf(RuleViolation refusal) {
        if (refusal instanceof ApiException api) {
            return api.status;
        }
        return switch (refusal.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNMET -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static RuleViolation.Kind kindOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> Kind.INVALID;
            case NOT_FOUND -> Kind.NOT_FOUND;
            case FORBIDDEN -> Kind.FORBIDDEN;
            case UNPROCESSABLE_CONTENT -> Kind.UNMET;
            default -> Kind.CONFLICT;
        };
    }
}
