package dev.studyboard.gateway;

import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error the gateway answers itself, as RFC 9457 problem details like the services' (404 for a path nothing
 * serves, 405 for a method its own API does not take, 400 for an id of its own API that is malformed), in place of
 * Spring Boot's JSON error attributes. Written directly, whatever the client's {@code Accept} says. A failure of the
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

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        var response = exchange.getResponse();
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.empty(); // the client has gone: no one to answer
        }
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        HttpStatusCode status = HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = null;
        if (error instanceof ErrorResponse answer) {
            status = answer.getStatusCode();
            detail = answer.getBody().getDetail();
            response.getHeaders().addAll(answer.getHeaders()); // Allow, for a 405
        }
        if (status.is5xxServerError()) {
            LOG.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error);
            detail = null;
        }
        var known = HttpStatus.resolve(status.value());
        var problem = new LinkedHashMap<String, Object>();
        problem.put("type", "about:blank");
        problem.put("title", known != null ? known.getReasonPhrase() : "Error");
        problem.put("status", status.value());
        if (detail != null) {
            problem.put("detail", detail);
        }
        problem.put("instance", exchange.getRequest().getPath().value());
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json.writeValueAsBytes(problem))));
    }
}
