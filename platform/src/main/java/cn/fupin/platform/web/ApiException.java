package cn.fupin.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A refusal with a stable machine-readable {@code code}, a Chinese title and detail, and optionally the
 * fields at fault: rendered as RFC 9457 problem details.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public ApiException(HttpStatus status, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
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

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
