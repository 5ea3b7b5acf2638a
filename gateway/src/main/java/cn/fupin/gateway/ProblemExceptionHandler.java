package cn.fupin.gateway;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.stereotype.Component;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Errors raised while the gateway handles a request, as problem details instead of Boot's JSON error page (which
 * it replaces): a path no route serves (404), a method one of the gateway's own endpoints does not take (405), a
 * service that cannot be reached (503) or breaks off its answer (502), Keycloak's keys out of reach (503), anything
 * else a 500 that says only that it failed. The cause goes to the log, never into the answer: the correlation id
 * in the body finds the log line.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final Problems problems;

    ProblemExceptionHandler(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        return switch (ex) {
            case ResponseStatusException status -> statusOf(exchange, status);
            case IOException io when unreachable(io) -> {
                log.warn("Service unreachable for {}: {}", exchange.getRequest().getPath(), io.toString());
                yield problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "服务暂不可用",
                        "后端服务暂时无法连接，请稍后重试");
            }
            case IOException io -> {
                log.warn("Service answer broken off for {}: {}", exchange.getRequest().getPath(), io.toString());
                yield problems.write(exchange, HttpStatus.BAD_GATEWAY, "bad-gateway", "服务应答异常",
                        "后端服务未能完整应答，请稍后重试");
            }
            case AuthenticationServiceException keys -> {
                log.warn("Token could not be checked: {}", keys.toString());
                yield problems.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "authentication-unavailable",
                        "认证服务暂不可用", "暂时无法校验访问令牌，请稍后重试");
            }
            default -> {
                log.error("Unexpected error at the gateway", ex);
                yield problems.write(exchange, HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "服务内部错误",
                        "处理请求时发生内部错误，请凭关联编号联系管理员");
            }
        };
    }

    private Mono<Void> statusOf(ServerWebExchange exchange, ResponseStatusException ex) {
        exchange.getResponse().getHeaders().addAll(ex.getHeaders());
        if (ex instanceof MethodNotAllowedException notAllowed) {
            return problems.write(exchange, ex.getStatusCode(), "method-not-allowed", "不支持的请求方法",
                    "该资源不支持 " + notAllowed.getHttpMethod() + " 方法");
        }
        if (ex.getStatusCode().value() == 404) {
            return problems.write(exchange, ex.getStatusCode(), "not-found", "资源不存在",
                    "路径 " + exchange.getRequest().getPath() + " 不存在");
        }
        return problems.write(exchange, ex.getStatusCode());
    }

    private static boolean unreachable(IOException ex) {
        return ex instanceof ConnectException || ex instanceof UnknownHostException;
    }
}
