package dev.studyboard.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Rate limit on failed authentication: an address that sent {@code limit} refused tokens (forged, expired, for
 * another issuer or audience) within {@code period} gets 429 problem details with {@code Retry-After} for whatever
 * it sends, even a valid token, until that period, counted from its first refused token, has passed.
 *
 * <p>Why at all: a 401 is answered by Spring Security before the rate limit per principal counts anything, and each
 * token naming a key the gateway does not know makes it fetch the auth-server's keys again. Why before Spring
 * Security: a refused address must cost no token check. Why by address (the connection's, {@link ClientAddress}):
 * a refused token names no one the gateway can believe. The price: callers sharing one address (one NAT) share
 * this allowance too. A request without a token is not counted; nor is a valid token, which never reaches the
 * 401 ({@link SecurityProblems} counts). Kept like the limiters: in memory, per instance, bounded.
 */
@Component
class FailedAuthenticationLimit implements WebFilter, Ordered {

    /** Before Spring Security's filters (-100). */
    static final int ORDER = -200;

    /** An address's refused tokens in its current period, which started with the first of them. */
    private record Failures(AtomicInteger count, long sinceNanos) {}

    private final ClientAddress clientAddress;
    private final int limit;
    private final Duration period;
    private final Ticker ticker;
    private final Cache<String, Failures> failures;

    @Autowired
    FailedAuthenticationLimit(
            ClientAddress clientAddress,
            @Value("${studyboard.gateway.rate-limit.failed-authentications.limit}") int limit,
            @Value("${studyboard.gateway.rate-limit.failed-authentications.period}") Duration period) {
        this(clientAddress, limit, period, Ticker.systemTicker());
    }

    /** {@code ticker}: the clock, a test's own in tests. */
    FailedAuthenticationLimit(ClientAddress clientAddress, int limit, Duration period, Ticker ticker) {
        this.clientAddress = clientAddress;
        this.limit = limit;
        this.period = period;
        this.ticker = ticker;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(period) // counting into an entry is no write: it goes a period after the first
                .maximumSize(ClientRateLimitGatewayFilterFactory.MOST_CLIENTS)
                .ticker(ticker)
                .build();
    }

    /** Counts a refused token against the address it came from. */
    void recordFailure(ServerWebExchange exchange) {
        failures.get(clientAddress.of(exchange), address -> new Failures(new AtomicInteger(), ticker.read()))
                .count()
                .incrementAndGet();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var failed = failures.getIfPresent(clientAddress.of(exchange));
        if (failed == null || failed.count().get() < limit) {
            return chain.filter(exchange);
        }
        long retryAfter =
                ClientRateLimitGatewayFilterFactory.seconds(period.toNanos() - (ticker.read() - failed.sinceNanos()));
        return ClientRateLimitGatewayFilterFactory.tooManyRequests(
                exchange, retryAfter, "Too many refused tokens from your address; wait and try again");
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
