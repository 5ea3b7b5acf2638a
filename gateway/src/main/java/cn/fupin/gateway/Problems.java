package cn.fupin.gateway;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers an error the gateway produces itself as RFC 9457 problem details, in the services' shape: {@code type}
 * {@value #TYPE_BASE} plus the stable kebab-case {@code code}, a Chinese {@code title} and {@code detail},
 * {@code status}, {@code instance} (the request path) and the {@code correlationId}. A twin of the platform's
 * {@code Problems}, which the gateway cannot use: the platform is built on servlets, the gateway on WebFlux.
 */
@Component
class Problems {

    static final String TYPE_BASE = "https://fupin.cn/problems/";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(title);
        problem.setInstance(URI.create(exchange.getRequest().getURI().getRawPath()));
        problem.setProperty("code", code);
        ServerHttpResponse response = exchange.getResponse();
        String correlationId = response.getHeaders().getFirst(CorrelationIds.HEADER);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }

    /** A status with nothing more to say than its number (the platform's fallback code, {@code http-<status>}). */
    Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status) {
        return write(exchange, status, "http-" + status.value(),
                status.is5xxServerError() ? "请求处理失败" : "请求无法处理",
                "网关无法处理该请求（HTTP " + status.value() + "）");
    }
}
