package dev.studyboard.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A rate limit per client (protecting services from overload), with Resilience4j's rate limiter:
 * each client (its {@code X-Api-Key}, else its address) may make {@code limit} requests per {@code period}; the
 * next one answers 429 with problem details and {@code Retry-After}. In memory, per gateway instance: with
 * several instances, each allows the limit. The limiters are kept in a bounded cache that forgets clients idle
 * for ten minutes, so a stream of new client keys cannot grow the gateway's memory without end.
 */
@Component
class ClientRateLimitGatewayFilterFactory
        extends AbstractGatewayFilterFactory<ClientRateLimitGatewayFilterFactory.Config> {

    static final Duration FORGET_AFTER = Duration.ofMinutes(10);
    static final long MOST_CLIENTS = 100_000;

    private final Cache<String, RateLimiter> limiters;

    ClientRateLimitGatewayFilterFactory() {
        this(Ticker.systemTicker());
    }

    /** {@code ticker}: the cache's clock, a test's own in tests. */
    ClientRateLimitGatewayFilterFactory(Ticker ticker) {
        super(Config.class);
        this.limiters = Caffeine.newBuilder()
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

    /** How many clients' limiters are kept now (an estimate, as Caffeine evicts in the background). */
    long clientsKept() {
        limiters.cleanUp();
        return limiters.estimatedSize();
    }

    @Override
    public GatewayFilter apply(Config config) {
        var limiterConfig = RateLimiterConfig.custom()
                .limitForPeriod(config.getLimit())
                .limitRefreshPeriod(config.getPeriod())
                .timeoutDuration(Duration.ZERO) // never queue a request: refuse it at once
                .build();
        var limiterPrefix = config.getLimit() + "/" + config.getPeriod() + "/";
        return (exchange, chain) -> {
            var limiter = limiters.get(limiterPrefix + client(exchange), name -> RateLimiter.of(name, limiterConfig));
            if (limiter.acquirePermission()) {
                return chain.filter(exchange);
            }
            return tooManyRequests(exchange, config.getPeriod());
        };
    }

    private static String client(ServerWebExchange exchange) {
        return Optional.ofNullable(exchange.getRequest().getHeaders().getFirst("X-Api-Key"))
                .or(() -> Optional.ofNullable(exchange.getRequest().getRemoteAddress())
                        .map(InetSocketAddress::getAddress)
                        .map(Object::toString))
                .orElse("unknown");
    }

    private static Mono<Void> tooManyRequests(ServerWebExchange exchange, Duration period) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set("Retry-After", String.valueOf(Math.max(1, period.toSeconds())));
        var body = """
                {"type":"https://studyboard.dev/problems/rate-limited","title":"Too many requests","status":429,\
                "detail":"This client sent more requests than its limit; wait and try again"}""";
        var buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
