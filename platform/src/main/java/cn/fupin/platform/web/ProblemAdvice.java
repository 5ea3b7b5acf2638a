package cn.fupin.platform.web;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import cn.fupin.platform.domain.FieldError;
import cn.fupin.platform.domain.RuleViolation;
import cn.fupin.platform.security.AreaScope;
import tools.jackson.databind.DatabindException;

/**
 * Every error leaves a service as RFC 9457 problem details in Chinese, with a stable {@code code} and, for bad
 * input, the fields (and indicator codes) at fault. Nothing unexpected leaks: a 500 says only that it failed
 * and carries the correlation id to find the log line.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE - 10)
public class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final IndicatorNames indicators;

    public ProblemAdvice(IndicatorNames indicators) {
        this.indicators = indicators;
    }

    /** A refusal of the domain ({@link RuleViolation}) or of the service's edge ({@link ApiException}). */
    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> refused(RuleViolation ex) {
        HttpStatus status = ApiException.statusOf(ex);
        return ResponseEntity.status(status)
                .body(Problems.of(status, ex.code(), ex.title(), ex.getMessage(), ex.errors()));
    }

    @ExceptionHandler(AreaScope.OutOfScopeException.class)
    ResponseEntity<ProblemDetail> outOfScope(AreaScope.OutOfScopeException ex) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "资源不存在", ex.getMessage()));
    }

    @ExceptionHandler(AreaScope.MissingAreaException.class)
    ResponseEntity<ProblemDetail> missingArea(AreaScope.MissingAreaException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(Problems.of(HttpStatus.FORBIDDEN, "no-area", "无权访问", ex.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "无权执行此操作", "您的角色不允许执行此操作"));
    }

    /**
     * A path or query parameter outside its contract (a year out of range, a code of the wrong pattern): the
     * generated interfaces are {@code @Validated}, so the check runs in a proxy and ends here, not as a 500.
     */
    @ExceptionHandler(jakarta.validation.ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> parameterOutOfContract(jakarta.validation.ConstraintViolationException ex) {
        List<FieldError> errors = ex.getConstraintViolations().stream().map(violation -> {
            String path = violation.getPropertyPath().toString();
            String name = path.substring(path.lastIndexOf('.') + 1);
            return new FieldError(name, indicators.of(name), constraintMessage(violation));
        }).toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    private static String constraintMessage(jakarta.validation.ConstraintViolation<?> violation) {
        java.util.Map<String, Object> limits = violation.getConstraintDescriptor().getAttributes();
        return switch (violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()) {
            case "NotNull" -> "必填";
            case "Pattern" -> "格式不正确";
            case "Min" -> "不能小于 " + limits.get("value");
            case "Max" -> "不能大于 " + limits.get("value");
            case "Size" -> "长度应在 " + limits.get("min") + " 至 " + limits.get("max") + " 之间";
            default -> violation.getMessage();
        };
    }

    /**
     * No database connection came within the pool's wait, or the one in use broke (a database restarting, a network
     * cut), or a commit or rollback failed on it: the service is overloaded or its database out of reach, and the
     * caller may try again (503 with {@code Retry-After}), not an error of the service's (500). Nothing was committed, or — a connection lost at the
     * commit itself — the caller cannot know: a retry with its {@code Idempotency-Key} is told the answer if it was.
     */
    @ExceptionHandler({ CannotCreateTransactionException.class, TransactionSystemException.class,
            DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
            RecoverableDataAccessException.class })
    ResponseEntity<ProblemDetail> noConnection(Exception ex) {
        log.warn("No database connection: {}", ex.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                .body(Problems.databaseUnavailable());
    }

    /**
     * Two requests changed one record at once and this one's versioned write found the other's version: nothing of it
     * was written. With {@code If-Match} the version it named is no longer the current one, as if it had come a
     * moment later (412); without, its change conflicts with another's (409). Reading again and resubmitting is the
     * remedy either way, not an error of the service's.
     */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException ex, WebRequest request) {
        log.info("Concurrent change refused: {}", ex.getMessage());
        if (request.getHeader(HttpHeaders.IF_MATCH) != null) {
            return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(Problems.of(
                    HttpStatus.PRECONDITION_FAILED, "version-mismatch", "数据已被修改",
                    "提交时该数据已被另一请求修改，请重新读取后再提交"));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "concurrent-change", "与当前数据状态冲突", "该数据正被另一请求同时修改，请重新读取后再提交"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "服务内部错误", "处理请求时发生内部错误，请凭关联编号联系管理员"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), indicators.of(error.getField()),
                        indicators.message(error)))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldError(result.getMethodParameter().getParameterName(),
                                indicators.of(result.getMethodParameter().getParameterName()),
                                indicators.message(error))))
                .toList();
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    /** A body that binds to no field is malformed; one that fails at a field names it like any invalid field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex.getCause() instanceof DatabindException databind && UnreadableFields.path(databind) != null) {
            String path = UnreadableFields.path(databind);
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldError(path, indicators.of(path), UnreadableFields.message(databind)))));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
                "请求体无法解析", "请求体缺失或不是有效的 JSON（请检查 JSON 语法与请求体的整体类型）"));
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (ex instanceof MissingRequestHeaderException missing) {
            return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "missing-header",
                    "缺少请求头", "缺少请求头 " + missing.getHeaderName()));
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "请求参数不正确",
                ex.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = ex.getParameterName();
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(name, indicators.of(name), "必填"))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex.getPropertyName();
        return ResponseEntity.badRequest()
                .body(invalid(List.of(new FieldError(name, indicators.of(name), "取值格式不正确"))));
    }

    /** Whatever else the base class handles still gets a stable code and a Chinese title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null || body instanceof ProblemDetail problem && problem.getProperties() == null) {
            body = Problems.of(status, "http-" + status.value(), "请求无法处理", ex.getMessage());
        }
        return super.handleExceptionInternal(ex, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(HttpRequestMethodNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, "method-not-allowed",
                "不支持的请求方法", "该资源不支持 " + ex.getMethod() + " 方法"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String supported = ex.getSupportedMediaTypes().isEmpty() ? "application/json"
                : String.join("、", ex.getSupportedMediaTypes().stream().map(Object::toString).toList());
        return ResponseEntity.status(status).headers(headers).body(Problems.of(status, "unsupported-media-type",
                "不支持的内容类型", "请求内容类型 " + ex.getContentType() + " 不受支持，请使用 " + supported));
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, "not-found", "资源不存在", "路径 /" + ex.getResourcePath() + " 不存在"));
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation-failed", "请求数据校验未通过",
                "共 " + errors.size() + " 处数据不符合要求", errors);
    }
}
