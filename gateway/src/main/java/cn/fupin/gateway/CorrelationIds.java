package cn.fupin.gateway;

import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;

/**
 * Every request gets a correlation id at the edge (the caller's, if well-formed, or a new one): it goes to the
 * service, comes back in the response and follows the request into logs and events.
 */
@Configuration(proxyBeanMethods = false)
class CorrelationIds {

    static final String HEADER = "X-Correlation-Id";
    private static final Pattern ACCEPTED = Pattern.compile("^[A-Za-z0-9._:-]{1,64}$");

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter correlationId() {
        return (exchange, chain) -> {
            String given = exchange.getRequest().getHeaders().getFirst(HEADER);
            String id = given != null && ACCEPTED.matcher(given).matches() ? given : UUID.randomUUID().toString();
            exchange.getResponse().getHeaders().set(HEADER, id);
            return chain.filter(exchange.mutate()
                    .request(request -> request.headers(headers -> headers.set(HEADER, id))).build());
        };
    }
}
