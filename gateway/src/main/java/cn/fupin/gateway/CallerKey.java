package cn.fupin.gateway;

import java.net.InetSocketAddress;
import java.util.Optional;

import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Who a request counts against for rate limiting: the token's client ({@code azp}) and subject — one bucket per
 * user of a front end, one per system using client credentials — or, without a token (public pages), the remote
 * address.
 */
@Component
class CallerKey implements KeyResolver {

    @Override
    public Mono<String> resolve(ServerWebExchange exchange) {
        return exchange.getPrincipal().filter(JwtAuthenticationToken.class::isInstance)
                .cast(JwtAuthenticationToken.class)
                .map(token -> "client:" + Optional.ofNullable(token.getToken().getClaimAsString("azp")).orElse("-")
                        + ":" + token.getName())
                .switchIfEmpty(Mono.fromSupplier(() -> "address:" + Optional
                        .ofNullable(exchange.getRequest().getRemoteAddress()).map(InetSocketAddress::getHostString)
                        .orElse("unknown")));
    }
}
