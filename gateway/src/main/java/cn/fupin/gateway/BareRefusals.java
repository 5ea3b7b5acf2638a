package cn.fupin.gateway;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.reactive.CorsUtils;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Mono;

/**
 * Gives a problem body to the refusals that Spring's filters send with a bare status: the rate limit
 * ({@code RequestRateLimiter} with {@link CallerRateLimits}, 429), the request-size limit ({@code RequestSize},
 * 413) and the CORS check (403 for an origin not configured). Their headers stay ({@code Retry-After},
 * {@code X-RateLimit-Remaining}). They have no hook for a body, so the response is decorated: completing it empty
 * with an error status writes the problem instead, and a response still open when the chain ends (the CORS check
 * leaves it so) is completed the same way.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BareRefusals implements WebFilter {

    private final Problems problems;
    private final DataSize maxRequestSize;
    private final DataSize maxUploadSize;

    BareRefusals(Problems problems, @Value("${fupin.gateway.max-request-size}") DataSize maxRequestSize,
            @Value("${fupin.gateway.max-upload-size}") DataSize maxUploadSize) {
        this.problems = problems;
        this.maxRequestSize = maxRequestSize;
        this.maxUploadSize = maxUploadSize;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse response = new ServerHttpResponseDecorator(exchange.getResponse()) {

            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                return !isCommitted() && status != null && status.isError() ? problem(exchange, status)
                        : super.setComplete();
            }
        };
        return chain.filter(exchange.mutate().response(response).build()).then(Mono.defer(response::setComplete));
    }

    private Mono<Void> problem(ServerWebExchange exchange, HttpStatusCode status) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        if (status.value() == 429) {
            String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
            return problems.write(exchange, status, "too-many-requests", "请求过于频繁", "超出了每个调用方的请求速率上限，请"
                    + (retryAfter == null ? "稍后" : "在 " + retryAfter + " 秒后") + "重试");
        }
        if (status.value() == 413) {
            // RequestSize's English note in a header gives way to the body
            headers.remove("errorMessage");
            boolean upload = exchange.getRequest().getPath().value().startsWith("/api/v1/imports/");
            return problems.write(exchange, status, "payload-too-large", "请求体过大",
                    "请求体超过了 " + readable(upload ? maxUploadSize : maxRequestSize) + " 的上限");
        }
        if (status.value() == 403 && CorsUtils.isCorsRequest(exchange.getRequest())) {
            return problems.write(exchange, status, "origin-not-allowed", "跨域来源不被允许", "来源 "
                    + exchange.getRequest().getHeaders().getOrigin() + " 不在允许调用本系统的前端来源之列");
        }
        return problems.write(exchange, status);
    }

    private static String readable(DataSize size) {
        if (size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        return size.toBytes() % DataSize.ofKilobytes(1).toBytes() == 0 ? size.toKilobytes() + " KB"
                : size.toBytes() + " 字节";
    }
}
