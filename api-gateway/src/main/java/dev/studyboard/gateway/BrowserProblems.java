package dev.studyboard.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The browser chain's refusals ({@link BrowserSecurity}) as RFC 9457 problem details: 401 for a script (not htmx,
 * which is sent to sign in) that sent a request without a session, 401 for a sign-in that failed, 403 for a change
 * without the CSRF token. No {@code WWW-Authenticate}: a browser signs in with a session, not with a scheme it could answer.
 */
class BrowserProblems
        implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler, ServerAuthenticationFailureHandler {

    private final JsonMapper json;

    BrowserProblems(JsonMapper json) {
        this.json = json;
    }

    /** 401: a request that needs a session, sent by a script other than htmx without one. */
    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException notSignedIn) {
        return write(exchange, HttpStatus.UNAUTHORIZED, "Sign in first: this needs a signed-in session.");
    }

    /** 403: a change without the CSRF token (the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header). */
    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        return write(
                exchange,
                HttpStatus.FORBIDDEN,
                "The request has no valid CSRF token: send the XSRF-TOKEN cookie's value as X-XSRF-TOKEN.");
    }

    /** 401: the sign-in did not complete (an unknown or used state, a refused code, an ID token not valid here). */
    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        return write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "The sign-in did not complete; sign in again.");
    }

    private Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String detail) {
        return SecurityProblems.write(json, exchange, status, detail);
    }
}
