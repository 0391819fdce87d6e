package dev.studyboard.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limit per principal (protecting services from overload), with Resilience4j's rate limiter: each principal
 * may make {@code limit} requests per {@code period}, whichever route its requests take; the next one answers 429
 * problem details with {@code Retry-After}. Every answer says where the caller stands, in the IETF draft's
 * headers ({@code RateLimit-Policy: 50;w=1}, {@code RateLimit: limit=50, remaining=12, reset=1}).
 *
 * <p>Who the principal is comes from what the gateway verified, never from a header the caller chose: the
 * token's subject for a person ({@code sub:…}; for a person signed in to the board's pages, their session's ID
 * token's: one allowance, whichever way they come), its client id for a machine client ({@code client:…}), and for a
 * caller without a token its address ({@code address:…}, {@link ClientAddress}: {@code X-Forwarded-For} only from
 * a trusted proxy). So inventing an API key or a forwarded address buys nothing.
 *
 * <p>In memory, per gateway instance: with N replicas each keeps its own buckets, so a principal may make up to N
 * times the limit (a shared store such as Redis, e.g. Spring Cloud Gateway's {@code RequestRateLimiter}, would
 * make it exact). The limiters live in a Caffeine cache bounded to {@value #MOST_CLIENTS} principals that forgets a
 * principal idle for ten minutes, so a stream of new addresses cannot grow the gateway's memory without end.
 */
@Component
class ClientRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ClientRateLimitGatewayFilterFactory.Config> {

    static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    static final long MOST_CLIENTS = 100_000;
    /** Set once a request has been counted, so a request is never counted twice (see {@link OwnEndpoints}). */
    private static final String COUNTED = ClientRateLimitGatewayFilterFactory.class.getName() + ".counted";

    /** A principal's limiter, and when it started: its windows are counted from then. */
    private record Bucket(RateLimiter limiter, long startNanos) {}

    private final Cache<String, Bucket> buckets;
    private final ClientAddress clientAddress;

    @Autowired
    ClientRateLimitGatewayFilterFactory(ClientAddress clientAddress) {
        this(clientAddress, Ticker.systemTicker());
    }

    /** {@code ticker}: the cache's clock, a test's own in tests. */
    ClientRateLimitGatewayFilterFactory(ClientAddress clientAddress, Ticker ticker) {
        super(Config.class);
        this.clientAddress = clientAddress;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(FORGET_AFTER)
                .maximumSize(MOST_CLIENTS)
                .ticker(ticker)
                .build();
    }

    public static class Config {
        private int limit = 100;
        private Duration period = Duration.ofSeconds(1);

        public int getLimit() {
            return limit;
        }

        public void setLimit(int limit) {
            this.limit = limit;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }

    /** How many principals' limiters are kept now (an estimate, as Caffeine evicts in the background). */
    long clientsKept() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    @Override
    public GatewayFilter apply(Config config) {
        var limiterConfig = RateLimiterConfig.custom()
                .limitForPeriod(config.getLimit())
                .limitRefreshPeriod(config.getPeriod())
                .timeoutDuration(Duration.ZERO) // never queue a request: refuse it at once
                .build();
        var limiterPrefix = config.getLimit() + "/" + config.getPeriod() + "/";
        var policy = config.getLimit() + ";w=" + seconds(config.getPeriod().toNanos());
        return (exchange, chain) -> {
            if (exchange.getAttributes().putIfAbsent(COUNTED, Boolean.TRUE) != null) {
                return chain.filter(exchange);
            }
            return principal(exchange).flatMap(principal -> {
                var bucket = buckets.get(
                        limiterPrefix + principal,
                        name -> new Bucket(RateLimiter.of(name, limiterConfig), System.nanoTime()));
                boolean permitted = bucket.limiter().acquirePermission();
                int remaining = Math.max(0, bucket.limiter().getMetrics().getAvailablePermissions());
                long reset = seconds(untilNextWindow(bucket, config.getPeriod()));
                var headers = exchange.getResponse().getHeaders();
                headers.set("RateLimit-Policy", policy);
                headers.set(
                        "RateLimit", "limit=%d, remaining=%d, reset=%d".formatted(config.getLimit(), remaining, reset));
                return permitted
                        ? chain.filter(exchange)
                        : tooManyRequests(
                                exchange, reset, "You sent more requests than your limit; wait and try again");
            });
        };
    }

    /** Whose allowance a request counts against: what the gateway verified, not what the caller wrote. */
    private Mono<String> principal(ServerWebExchange exchange) {
        return exchange.getPrincipal()
                .mapNotNull(ClientRateLimitGatewayFilterFactory::principalKey)
                .defaultIfEmpty("address:" + clientAddress.of(exchange));
    }

    /** The bearer token's caller, or the person signed in to the board's session (its ID token's); else null. */
    private static String principalKey(Principal principal) {
        if (principal instanceof OAuth2AuthenticationToken session
                && session.getPrincipal() instanceof OidcUser person) {
            return "sub:" + person.getSubject();
        }
        if (!(principal instanceof JwtAuthenticationToken token)) {
            return null;
        }
        var jwt = token.getToken();
        var clientId = jwt.getClaimAsString("client_id");
        // A client-credentials token's subject is its client id: a machine, not a person.
        if (clientId != null && clientId.equals(jwt.getSubject())) {
            return "client:" + clientId;
        }
        return "sub:" + jwt.getSubject();
    }

    private static long untilNextWindow(Bucket bucket, Duration period) {
        long periodNanos = period.toNanos();
        return periodNanos - (System.nanoTime() - bucket.startNanos()) % periodNanos;
    }

    /** Whole seconds, rounded up: a client that waits that long is past the boundary. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    /** 429 problem details with {@code Retry-After}; {@code detail} is a fixed text (written into the JSON as is). */
    static Mono<Void> tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", String.valueOf(retryAfterSeconds));
        var body = """
                {"type":"https://studyboard.dev/problems/rate-limited","title":"Too many requests","status":429,\
                "detail":"%s"}""".formatted(detail);
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * The same allowance for the gateway's own API (the dashboard's composition, the system's description), which
     * no route's filters cover: one principal, one bucket, wherever its requests enter. After Spring Security's
     * filters (order -100), so the principal is known; a request a route then takes is not counted again.
     */
    @Component
    static class OwnEndpoints implements WebFilter, Ordered {

        private final ServerWebExchangeMatcher ownApi =
                ServerWebExchangeMatchers.pathMatchers("/api/dashboard/**", "/api/system/**");
        private final GatewayFilter limit;

        OwnEndpoints(
                ClientRateLimitGatewayFilterFactory factory,
                @Value("${studyboard.gateway.rate-limit.limit}") int limit,
                @Value("${studyboard.gateway.rate-limit.period}") Duration period) {
            var config = new Config();
            config.setLimit(limit);
            config.setPeriod(period);
            this.limit = factory.apply(config);
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            return ownApi.matches(exchange)
                    .flatMap(match -> match.isMatch() ? limit.filter(exchange, chain::filter) : chain.filter(exchange));
        }

        @Override
        public int getOrder() {
            return 0;
        }
    }
}
