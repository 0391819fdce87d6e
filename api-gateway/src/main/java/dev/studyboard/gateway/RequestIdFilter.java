package dev.studyboard.gateway;

import java.util.UUID;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Correlation id (seed 002, 8.x): every request through the gateway carries an {@code X-Request-Id}, taken from
 * the client or made here, passed to the service and returned on the response, so one request can be found in
 * every log it touched.
 */
@Component
class RequestIdFilter implements GlobalFilter, Ordered {

    static final String HEADER = "X-Request-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        var requestId = given != null && given.matches("[A-Za-z0-9._-]{1,64}") ? given : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        var request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, requestId)).build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
