package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

/** Which address a caller without a token is counted as: X-Forwarded-For is believed only from trusted proxies. */
@DisplayName("The client's address")
class ClientAddressTest {

    private static MockServerWebExchange connectionFrom(String address, String... forwardedFor) {
        var request =
                MockServerHttpRequest.get("/api/catalog/books").remoteAddress(new InetSocketAddress(address, 40_000));
        if (forwardedFor.length > 0) {
            request.header(ClientAddress.X_FORWARDED_FOR, forwardedFor);
        }
        return MockServerWebExchange.from(request);
    }

    @Nested
    @DisplayName("with no trusted proxy configured (the default)")
    class NoTrustedProxy {

        final ClientAddress clientAddress = new ClientAddress(List.of(""));

        @Test
        @DisplayName("is the connection's, whatever X-Forwarded-For says")
        void connection() {
            assertThat(clientAddress.of(connectionFrom("192.0.2.10", "203.0.113.7")))
                    .isEqualTo("192.0.2.10");
        }
    }

    @Nested
    @DisplayName("with trusted proxies 10.0.0.0/8 and 2001:db8::/32")
    class TrustedProxies {

        final ClientAddress clientAddress = new ClientAddress(List.of("10.0.0.0/8", " 2001:db8::/32"));

        @Test
        @DisplayName("is the address a trusted proxy forwarded for")
        void forwardedFor() {
            assertThat(clientAddress.of(connectionFrom("10.1.2.3", "203.0.113.7")))
                    .isEqualTo("203.0.113.7");
        }

        @Test
        @DisplayName("passes over a chain of trusted proxies, in one header or several")
        void chain() {
            assertThat(clientAddress.of(connectionFrom("10.1.2.3", "203.0.113.7, 10.9.9.9")))
                    .isEqualTo("203.0.113.7");
            assertThat(clientAddress.of(connectionFrom("2001:db8::5", "203.0.113.8", "10.9.9.9")))
                    .isEqualTo("203.0.113.8");
        }

        @Test
        @DisplayName("ignores what the client wrote itself, left of the address the proxy saw")
        void forgedEntries() {
            assertThat(clientAddress.of(connectionFrom("10.1.2.3", "198.51.100.1, 10.0.0.1, 203.0.113.7")))
                    .isEqualTo("203.0.113.7");
        }

        @Test
        @DisplayName("is the connection's when the caller is not a trusted proxy")
        void directClient() {
            assertThat(clientAddress.of(connectionFrom("192.0.2.10", "10.0.0.1")))
                    .isEqualTo("192.0.2.10");
        }

        @Test
        @DisplayName("is the trusted proxy's own when it forwarded for nobody")
        void proxyItself() {
            assertThat(clientAddress.of(connectionFrom("10.1.2.3"))).isEqualTo("10.1.2.3");
        }
    }

    @Test
    @DisplayName("never takes a name in X-Forwarded-For for a trusted proxy: it is not looked up")
    void namesAreNotProxies() {
        var clientAddress = new ClientAddress(List.of("127.0.0.0/8"));

        // "localhost" would resolve into the trusted range; as a name it is the client.
        assertThat(clientAddress.of(connectionFrom("127.0.0.1", "203.0.113.7, localhost")))
                .isEqualTo("localhost");
    }
}
