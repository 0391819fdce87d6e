package dev.studyboard.gateway;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.core.Ordered;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limit on new sessions: a sign-in's first step stores a session on the gateway (its authorization request)
 * for anyone who asks, and so does a page that needs a session (the request, kept for after the sign-in). Spring
 * Security answers those paths itself, before any route's rate limit, and the sessions are in memory, a limited
 * number of them (server.reactive.session.max-sessions). So an address may start {@code limit} sessions per
 * {@code period} ({@link ClientRateLimitGatewayFilterFactory}'s limiter, by address); past that, 429 problem
 * details with {@code Retry-After}. Counted: a request without a session on such a path; a browser that has one
 * (signing in, signed in) costs nothing. Before Spring Security, like {@link FailedAuthenticationLimit}.
 */
@Component
class SignInLimit implements WebFilter, Ordered {

    private final ServerWebExchangeMatcher storesASession =
            ServerWebExchangeMatchers.pathMatchers("/oauth2/**", "/login/**", "/imports/**");
    private final GatewayFilter limit;

    SignInLimit(
            ClientRateLimitGatewayFilterFactory factory,
            @Value("${studyboard.gateway.rate-limit.sign-ins.limit}") int limit,
            @Value("${studyboard.gateway.rate-limit.sign-ins.period}") Duration period) {
        var config = new ClientRateLimitGatewayFilterFactory.Config();
        config.setLimit(limit);
        config.setPeriod(period);
        this.limit = factory.apply(config);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return startsASession(exchange)
                .flatMap(starts -> starts ? limit.filter(exchange, chain::filter) : chain.filter(exchange));
    }

    /** A request without a session, on a path where the gateway stores one for it. */
    private Mono<Boolean> startsASession(ServerWebExchange exchange) {
        return storesASession
                .matches(exchange)
                .flatMap(match -> match.isMatch()
                        ? exchange.getSession().map(session -> !session.isStarted())
                        : Mono.just(false));
    }

    @Override
    public int getOrder() {
        return FailedAuthenticationLimit.ORDER; // before Spring Security's filters (-100)
    }
}
