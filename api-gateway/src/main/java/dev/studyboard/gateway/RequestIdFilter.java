package dev.studyboard.gateway;

import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Correlation id as clients see it: every request through the gateway carries an
 * {@code X-Request-Id}, taken from the client or made here, passed to the service and returned on the response,
 * so a client can quote it. Inside the system the W3C trace id does that work (logs, audit, Zipkin). A web
 * filter, not a route filter: it also covers the gateway's own endpoints.
 */
@Component
class RequestIdFilter implements WebFilter, Ordered {

    static final String HEADER = "X-Request-Id";
    /** What a client may choose as its own id: short, and safe to echo in a header and a log line. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var given = exchange.getRequest().getHeaders().getFirst(HEADER);
        var requestId = given != null && ACCEPTED.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        var request = exchange.getRequest()
                .mutate()
                .headers(headers -> headers.set(HEADER, requestId))
                .build();
        return chain.filter(exchange.mutate().request(request).build());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
