package dev.studyboard.gateway;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Redirects that also work for htmx. htmx sends its requests with XMLHttpRequest, which follows a 302 itself, and
 * fails when it leads to another origin (the auth-server's sign-in or sign-out). So an htmx request ({@code
 * HX-Request: true}) is answered 200 with {@code HX-Redirect}, on which htmx sends the whole page there; any other
 * request gets the usual 302.
 */
final class HtmxRedirects implements ServerRedirectStrategy {

    static final String HX_REQUEST = "HX-Request";
    static final String HX_REDIRECT = "HX-Redirect";

    private final ServerRedirectStrategy plain = new DefaultServerRedirectStrategy();

    static boolean isHtmx(ServerWebExchange exchange) {
        return "true".equals(exchange.getRequest().getHeaders().getFirst(HX_REQUEST));
    }

    @Override
    public Mono<Void> sendRedirect(ServerWebExchange exchange, URI location) {
        if (!isHtmx(exchange)) {
            return plain.sendRedirect(exchange, location);
        }
        return Mono.fromRunnable(() -> {
            var response = exchange.getResponse();
            response.setStatusCode(HttpStatus.OK);
            response.getHeaders().set(HX_REDIRECT, location.toASCIIString());
        });
    }
}
