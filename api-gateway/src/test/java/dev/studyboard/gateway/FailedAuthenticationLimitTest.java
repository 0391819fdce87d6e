package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import reactor.core.publisher.Mono;

/** The limit on refused tokens per address over time (a clock the test moves): 3 a minute. */
@DisplayName("The gateway's limit on failed authentications")
class FailedAuthenticationLimitTest {

    private final AtomicLong nanos = new AtomicLong();
    private final FailedAuthenticationLimit limit =
            new FailedAuthenticationLimit(new ClientAddress(List.of()), 3, Duration.ofMinutes(1), nanos::get);

    private static MockServerWebExchange requestFrom(String address) {
        return MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/catalog/books").remoteAddress(new InetSocketAddress(address, 40_000)));
    }

    /** The answer to a request from {@code address}: 200 if it got past the limit. */
    private MockServerWebExchange answered(String address) {
        var exchange = requestFrom(address);
        limit.filter(exchange, passed -> Mono.empty()).block();
        return exchange;
    }

    private static HttpStatus status(MockServerWebExchange exchange) {
        var status = exchange.getResponse().getStatusCode();
        return status == null ? HttpStatus.OK : HttpStatus.valueOf(status.value());
    }

    private void refusedTokensFrom(String address, int times) {
        for (int i = 0; i < times; i++) {
            limit.recordFailure(requestFrom(address));
        }
    }

    @Test
    @DisplayName("lets an address through below the limit, and refuses it once it is reached")
    void reached() {
        refusedTokensFrom("192.0.2.1", 2);
        assertThat(status(answered("192.0.2.1"))).isEqualTo(HttpStatus.OK);

        refusedTokensFrom("192.0.2.1", 1);
        assertThat(status(answered("192.0.2.1"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(status(answered("192.0.2.2"))).isEqualTo(HttpStatus.OK);
    }

    @Test
    @DisplayName("refuses for the rest of the minute since the first refused token, saying how long in Retry-After")
    void untilThePeriodHasPassed() {
        refusedTokensFrom("192.0.2.3", 1);
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        refusedTokensFrom("192.0.2.3", 2);

        var refused = answered("192.0.2.3");
        assertThat(status(refused)).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(refused.getResponse().getHeaders().getFirst("Retry-After")).isEqualTo("40");

        nanos.addAndGet(Duration.ofSeconds(39).toNanos());
        assertThat(status(answered("192.0.2.3"))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(status(answered("192.0.2.3"))).isEqualTo(HttpStatus.OK);
    }
}
