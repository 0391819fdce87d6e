package dev.studyboard.gateway;

import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Correlation id (seed 002, 8.x): every request through the gateway carries an {@code X-Request-Id}, taken from
 * the client or made here, passed to the service and returned on the response, so one request can be found in
 * every log it touched. A web filter, not a route filter: it also covers the gateway's own endpoints.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
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
