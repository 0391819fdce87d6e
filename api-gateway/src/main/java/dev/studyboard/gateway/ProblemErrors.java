package dev.studyboard.gateway;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.channel.AbortedException;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway answers itself, as RFC 9457 problem details like the services' (404 for a path nothing
 * serves, 405 for a method its own API does not take, 400 for an id of its own API that is malformed, 503 when no
 * more sessions can be kept), in place of Spring Boot's JSON error attributes. Written directly, whatever the
 * client's {@code Accept} says. A service's answer that broke off is 502, naming the service. A failure of the
 * gateway's own (500) is logged and tells the client nothing of its cause.
 */
@Component
@Order(-2) // before Spring Boot's DefaultErrorWebExceptionHandler (-1)
class ProblemErrors implements ErrorWebExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemErrors.class);

    private final JsonMapper json;

    ProblemErrors(JsonMapper json) {
        this.json = json;
    }

    /**
     * Whether a service's answer broke off: its connection closed (also after something that was no HTTP) or was
     * reset before the answer was whole. It may have acted on the request, so this is no 503 ("nothing reached
     * it"), and not the gateway's own failure (500) either.
     */
    static boolean brokeOff(Throwable error) {
        for (var cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PrematureCloseException || AbortedException.isConnectionReset(cause)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (DisconnectedClientHelper.isClientDisconnectedException(error) && clientGone(exchange)) {
            return Mono.empty(); // the client has gone: no one to answer
        }
        if (exchange.getResponse().isCommitted()) {
            // Too late for a status: only closing the connection still tells the client that the answer is not
            // whole. (Spring would end the body as if it were, when the error reads like a client's disconnect.)
            client(exchange).ifPresent(Connection::dispose);
            return Mono.error(error);
        }
        if (brokeOff(error)) {
            return brokenAnswer(exchange, error);
        }
        if (sessionStoreFull(error)) {
            return sessionStoreFull(exchange);
        }
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = null;
        if (error instanceof ErrorResponse answer) {
            status = answer.getStatusCode();
            detail = answer.getBody().getDetail();
            exchange.getResponse().getHeaders().addAll(answer.getHeaders()); // Allow, for a 405
        }
        if (status.is5xxServerError()) {
            LOG.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error);
            detail = null;
        }
        return write(exchange, status, detail, null);
    }

    /**
     * Whether the in-memory session store is full (server.reactive.session.max-sessions): Spring's store says so
     * only with this message, when the answer that would save a new session is committed (in the chain: {@link
     * BrowserSecurity}).
     */
    private static boolean sessionStoreFull(Throwable error) {
        return error instanceof IllegalStateException
                && error.getMessage() != null
                && error.getMessage().startsWith("Max sessions limit reached");
    }

    /**
     * 503, not 500: a full store is the gateway out of room, not broken, and room comes back as sessions expire or
     * end (Retry-After: a hint, not a promise). The sign-in's redirect is dropped.
     */
    private Mono<Void> sessionStoreFull(ServerWebExchange exchange) {
        LOG.warn("{}: the session store is full", exchange.getRequest().getPath());
        var headers = exchange.getResponse().getHeaders();
        headers.remove(HttpHeaders.LOCATION);
        headers.set(HttpHeaders.RETRY_AFTER, "60");
        return write(
                exchange,
                HttpStatus.SERVICE_UNAVAILABLE,
                "Too many people are signed in to the board right now; try again in a minute",
                null);
    }

    /** 502, naming the service as the route's 503 and 504 do; for a write, saying that its outcome is unknown. */
    private Mono<Void> brokenAnswer(ServerWebExchange exchange, Throwable error) {
        var request = exchange.getRequest();
        String service = exchange.getAttribute(GATEWAY_ROUTE_ATTR) instanceof Route route
                ? route.getUri().getHost()
                : null;
        LOG.warn(
                "{} {}: the answer of {} broke off: {}",
                request.getMethod(),
                request.getPath(),
                service,
                error.toString());
        var broke = (service != null ? service : "the service") + "'s answer broke off";
        boolean safe = HttpMethod.GET.equals(request.getMethod()) || HttpMethod.HEAD.equals(request.getMethod());
        return write(
                exchange,
                HttpStatus.BAD_GATEWAY,
                safe
                        ? broke + "; try again shortly"
                        : broke + ", so whether the change was made is unknown: look before repeating it",
                service);
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, String detail, String service) {
        var known = HttpStatus.resolve(status.value());
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.getRequest().getPath().value());
        if (service != null) {
            problem.put("service", service);
        }
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }

    /**
     * Whether the client's own connection has closed. Asked because a service's connection reset reads just like
     * a client's (DisconnectedClientHelper goes by the message), and must not be taken for one: the client would
     * be answered nothing, as if all were well.
     */
    private static boolean clientGone(ServerWebExchange exchange) {
        return client(exchange).map(client -> !client.channel().isActive()).orElse(true);
    }

    /** The connection the request came on, as Reactor Netty has it. */
    private static Optional<Connection> client(ServerWebExchange exchange) {
        return ServerHttpRequestDecorator.<Object>getNativeRequest(exchange.getRequest()) instanceof Connection client
                ? Optional.of(client)
                : Optional.empty();
    }
}
