package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The rate limiters' memory: bounded, and idle clients forgotten (a clock the test moves). */
@DisplayName("The gateway's rate limiters in memory")
class ClientRateLimitMemoryTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ClientRateLimitGatewayFilterFactory factory =
            new ClientRateLimitGatewayFilterFactory(new ClientAddress(List.of()), nanos::get);
    private final GatewayFilter oneRequestAnHour = factory.apply(config(1, Duration.ofHours(1)));

    private static ClientRateLimitGatewayFilterFactory.Config config(int limit, Duration period) {
        var config = new ClientRateLimitGatewayFilterFactory.Config();
        config.setLimit(limit);
        config.setPeriod(period);
        return config;
    }

    /** A caller without a token, from the {@code client}-th address of 10.0.0.0/8. */
    private HttpStatus requestFrom(int client) {
        var address = new InetSocketAddress(
                "10.%d.%d.%d".formatted(client >> 16 & 0xff, client >> 8 & 0xff, client & 0xff), 40_000);
        var exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/catalog/books").remoteAddress(address));
        oneRequestAnHour.filter(exchange, passed -> Mono.empty()).block();
        var status = exchange.getResponse().getStatusCode();
        return status == null ? HttpStatus.OK : HttpStatus.valueOf(status.value());
    }

    @Test
    @DisplayName("forgets a caller idle for ten minutes: its limiter does not stay in memory")
    void forgetsIdleClients() {
        assertThat(requestFrom(1)).isEqualTo(HttpStatus.OK);
        assertThat(requestFrom(1)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(factory.clientsKept()).isEqualTo(1);

        nanos.addAndGet(
                ClientRateLimitGatewayFilterFactory.FORGET_AFTER.plusSeconds(1).toNanos());

        assertThat(factory.clientsKept()).isZero();
    }

    @Test
    @DisplayName("keeps at most its bound of callers, however many addresses arrive")
    void bounded() {
        for (int i = 0; i < ClientRateLimitGatewayFilterFactory.MOST_CLIENTS + 5_000; i++) {
            requestFrom(i);
        }

        assertThat(factory.clientsKept()).isLessThanOrEqualTo(ClientRateLimitGatewayFilterFactory.MOST_CLIENTS);
    }
}
