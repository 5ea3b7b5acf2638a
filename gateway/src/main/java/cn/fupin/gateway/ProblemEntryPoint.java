package cn.fupin.gateway;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * 401 and 403 at the edge as problem details, with the codes, titles and {@code WWW-Authenticate} challenge the
 * services give (the platform's {@code ProblemAuthenticationEntryPoint}). A refused token also names its RFC 6750
 * error ({@code error="invalid_token"}), so a client knows to fetch a new one rather than to log in for the first
 * time.
 */
@Component
class ProblemEntryPoint implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final Problems problems;

    ProblemEntryPoint(Problems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
        String challenge = "Bearer realm=\"fupin\"";
        String detail = "缺少访问令牌，请登录后以 Authorization: Bearer 携带令牌调用";
        if (ex instanceof OAuth2AuthenticationException refused) {
            challenge += ", error=\"" + refused.getError().getErrorCode() + "\"";
            detail = "访问令牌无效或已过期（签名、签发者、受众或有效期不符），请重新登录";
        }
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        return problems.write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "未认证", detail);
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return problems.write(exchange, HttpStatus.FORBIDDEN, "forbidden", "无权执行此操作", "您的角色不允许执行此操作");
    }
}
