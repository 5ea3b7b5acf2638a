package cn.fupin.platform.domain;

import java.util.List;

/**
 * A business rule refused what was asked, said the way the domain says it — which rule ({@code code}), in Chinese
 * ({@code title}, message), the fields at fault — and of what kind, never how a transport shows it: the web layer
 * maps the kind to a status once, for every service.
 */
public class RuleViolation extends RuntimeException {

    /** What kind of refusal it is. */
    public enum Kind {
        /** the data breaks a rule of its own (a code, a date, a count). */
        INVALID,
        /** the thing is not there, or not the caller's to see. */
        NOT_FOUND,
        /** the caller's role may not do it. */
        FORBIDDEN,
        /** the current state of the data does not allow it. */
        CONFLICT,
        /** well-formed, but a criterion of the rule is not met. */
        UNMET
    }

    private final Kind kind;
    private final String code;
    private final String title;
    private final List<FieldError> errors;

    public RuleViolation(Kind kind, String code, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** Fields at fault. */
    public static RuleViolation invalid(List<FieldError> errors) {
        return new RuleViolation(Kind.INVALID, "validation-failed", "请求数据校验未通过",
                "共 " + errors.size() + " 处数据不符合要求", errors);
    }

    /** Absent, or outside the caller's area (the two are not told apart). */
    public static RuleViolation notFound(String what, Object id) {
        return new RuleViolation(Kind.NOT_FOUND, "not-found", "资源不存在", what + " " + id + " 不存在或不在您的管辖范围内",
                List.of());
    }

    /** The current state does not allow it. */
    public static RuleViolation conflict(String code, String detail) {
        return new RuleViolation(Kind.CONFLICT, code, "与当前数据状态冲突", detail, List.of());
    }

    /** The caller's role may not do it. */
    public static RuleViolation forbidden(String code, String title, String detail) {
        return new RuleViolation(Kind.FORBIDDEN, code, title, detail, List.of());
    }

    public Kind kind() {
        return kind;
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
