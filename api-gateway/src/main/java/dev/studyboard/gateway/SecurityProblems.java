package dev.studyboard.gateway;

import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.access.server.BearerTokenServerAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 at the gateway as RFC 9457 problem details, answered before any route, like the services' own
 * (platform/security). Spring Security's bearer-token handlers write the {@code WWW-Authenticate} header
 * (RFC 6750) first; they would also end the response, so they get one that cannot be ended and this writes the
 * body after them. A refused token counts against its address ({@link FailedAuthenticationLimit}).
 */
class SecurityProblems implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    private final BearerTokenServerAuthenticationEntryPoint bearerEntryPoint =
            new BearerTokenServerAuthenticationEntryPoint();
    private final BearerTokenServerAccessDeniedHandler bearerDenied = new BearerTokenServerAccessDeniedHandler();
    private final JsonMapper json;
    private final FailedAuthenticationLimit failedAuthentications;

    SecurityProblems(JsonMapper json, FailedAuthenticationLimit failedAuthentications) {
        this.json = json;
        this.failedAuthentications = failedAuthentications;
    }

    /** 401: no token where one is needed, or a token that is not valid here (signature, issuer, audience, expiry). */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException failure) {
        // A token was sent and refused (a missing one is an AuthenticationCredentialsNotFoundException).
        if (failure instanceof OAuth2AuthenticationException) {
            failedAuthentications.recordFailure(exchange);
        }
        var detail = failure instanceof InvalidBearerTokenException
                ? "The bearer token is not valid here: " + failure.getMessage()
                : "Sign in: this request needs a bearer token.";
        return bearerEntryPoint
                .commence(headersOnly(exchange), failure)
                .then(write(exchange, HttpStatus.UNAUTHORIZED, detail));
    }

    /** 403: a valid token that may not do this. */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return bearerDenied
                .handle(headersOnly(exchange), denied)
                .then(write(exchange, HttpStatus.FORBIDDEN, "Your roles or scopes do not allow this request."));
    }

    /** The exchange with a response whose status and headers can be set but which cannot be completed yet. */
    private static ServerWebExchange headersOnly(ServerWebExchange exchange) {
        var response = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return Mono.empty();
            }
        };
        return exchange.mutate().response(response).build();
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return write(json, exchange, status, detail);
    }

    /** A refusal as problem details, written before any route: shared with the browser chain's {@link BrowserProblems}. */
    static Mono<Void> write(JsonMapper json, ServerWebExchange exchange, HttpStatus status, String detail) {
        return Mono.defer(() -> {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("type", "about:blank");
            problem.put("title", status.getReasonPhrase());
            problem.put("status", status.value());
            problem.put("detail", detail);
            problem.put("instance", exchange.getRequest().getPath().value());
            var response = exchange.getResponse();
            response.setStatusCode(status);
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            var body = response.bufferFactory().wrap(json.writeValueAsBytes(problem));
            return response.writeWith(Mono.just(body));
        });
    }
}
