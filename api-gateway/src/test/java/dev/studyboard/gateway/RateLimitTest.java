package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.testsupport.TestIssuer;
import java.net.InetSocketAddress;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The rate limit per principal, with a limit small enough to reach: 3 requests a minute; and 3 refused tokens a
 * minute per address. Each test is a caller of its own (a new subject, client or loopback address), so no test
 * spends another's allowance. 127.0.0.9 plays the trusted proxy (an ingress); every other loopback address is a
 * client connecting directly.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "GATEWAY_RATE_LIMIT=3",
            "GATEWAY_RATE_PERIOD=1m",
            "GATEWAY_TRUSTED_PROXIES=127.0.0.9/32",
            "GATEWAY_FAILED_AUTH_LIMIT=3",
            "GATEWAY_FAILED_AUTH_PERIOD=1m"
        })
@AutoConfigureWebTestClient
@Import(TestIssuer.Properties.class)
@DisplayName("The gateway's rate limit")
class RateLimitTest {

    static final int LIMIT = 3;
    static final TestIssuer ISSUER = TestIssuer.shared();
    static final StandInService CATALOG = new StandInService("catalog-service");
    static final StandInService MEMBERS = new StandInService("member-service");
    static final StandInService PROGRESS = new StandInService("progress-service");

    static {
        CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));
        MEMBERS.stubFor(get("/api/members").willReturn(okJson("{\"members\": []}")));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        CATALOG.listIn(registry);
        MEMBERS.listIn(registry);
        PROGRESS.listIn(registry);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
        MEMBERS.stop();
        PROGRESS.stop();
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    /** A client of the gateway on {@code port} whose connections come from {@code address} (127.0.0.0/8: here). */
    static WebTestClient connectingFrom(String address, int port) {
        var connections = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
        return WebTestClient.bindToServer(new ReactorClientHttpConnector(connections))
                .baseUrl("http://127.0.0.1:" + port)
                .build();
    }

    private WebTestClient from(String address) {
        return connectingFrom(address, port);
    }

    private static String newMember() {
        return ISSUER.member("member-" + UUID.randomUUID());
    }

    private WebTestClient.ResponseSpec books(String authorization) {
        return http.get()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }

    @Nested
    @DisplayName("counts a caller by what the gateway verified, not by what the caller wrote")
    class WhoIsCounted {

        @Test
        @DisplayName("without a token, by the connection's address: a fresh X-Api-Key on every request buys nothing")
        void rotatingApiKey() {
            var client = from("127.0.0.2");
            for (int i = 0; i < LIMIT; i++) {
                client.get()
                        .uri("/api/catalog/books")
                        .header("X-Api-Key", "key-" + i)
                        .exchange()
                        .expectStatus()
                        .isOk();
            }

            client.get()
                    .uri("/api/catalog/books")
                    .header("X-Api-Key", "key-" + LIMIT)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
            from("127.0.0.4")
                    .get()
                    .uri("/api/catalog/books")
                    .exchange()
                    .expectStatus()
                    .isOk(); // another address
        }

        @Test
        @DisplayName("X-Forwarded-For from a client that is not a trusted proxy is ignored: rotating it buys nothing")
        void rotatingForwardedForDirectly() {
            var client = from("127.0.0.3");
            for (int i = 0; i < LIMIT; i++) {
                client.get()
                        .uri("/api/catalog/books")
                        .header("X-Forwarded-For", "198.51.100." + i)
                        .exchange()
                        .expectStatus()
                        .isOk();
            }

            client.get()
                    .uri("/api/catalog/books")
                    .header("X-Forwarded-For", "198.51.100." + LIMIT)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
        }

        @Test
        @DisplayName("behind a trusted proxy, by the address the proxy forwarded for: two clients, two allowances")
        void forwardedForFromTrustedProxy() {
            var proxy = from("127.0.0.9");
            for (int i = 0; i < LIMIT; i++) {
                proxy.get()
                        .uri("/api/catalog/books")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .exchange()
                        .expectStatus()
                        .isOk();
            }

            proxy.get()
                    .uri("/api/catalog/books")
                    .header("X-Forwarded-For", "203.0.113.7")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
            proxy.get()
                    .uri("/api/catalog/books")
                    .header("X-Forwarded-For", "203.0.113.8")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("behind a trusted proxy, what the client itself wrote into X-Forwarded-For buys nothing either")
        void forgedEntriesBehindTrustedProxy() {
            var proxy = from("127.0.0.9");
            for (int i = 0; i <= LIMIT; i++) {
                var answer = proxy.get()
                        .uri("/api/catalog/books")
                        // the client sent "198.51.100.i"; the proxy appended the address it saw
                        .header("X-Forwarded-For", "198.51.100." + i + ", 203.0.113.20")
                        .exchange();
                answer.expectStatus().isEqualTo(i < LIMIT ? 200 : 429);
            }
        }

        @Test
        @DisplayName("a person by their token's subject, across routes: catalog and members spend one allowance")
        void onePersonAcrossRoutes() {
            var member = newMember();
            books(member).expectStatus().isOk();
            books(member).expectStatus().isOk();
            http.get()
                    .uri("/api/members")
                    .header(HttpHeaders.AUTHORIZATION, member)
                    .exchange()
                    .expectStatus()
                    .isOk();

            http.get()
                    .uri("/api/members")
                    .header(HttpHeaders.AUTHORIZATION, member)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
            books(member).expectStatus().isEqualTo(429);
        }

        @Test
        @DisplayName("a person, also on the gateway's own API: the dashboard spends the same allowance as the routes")
        void dashboardCountsToo() {
            var member = newMember();
            for (int i = 0; i < LIMIT; i++) {
                books(member).expectStatus().isOk();
            }

            http.get()
                    .uri("/api/dashboard/members/{id}", UUID.randomUUID())
                    .header(HttpHeaders.AUTHORIZATION, member)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(429);
            PROGRESS.verify(0, anyRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("two people: two allowances, wherever they connect from")
        void twoPeople() {
            var first = newMember();
            for (int i = 0; i < LIMIT; i++) {
                books(first).expectStatus().isOk();
            }
            books(first).expectStatus().isEqualTo(429);

            books(newMember()).expectStatus().isOk();
        }

        @Test
        @DisplayName("a machine client by its client id")
        void machineClient() {
            var synthetic = ISSUER.client("synthetic-check-" + UUID.randomUUID(), "studyboard.read");
            for (int i = 0; i < LIMIT; i++) {
                books(synthetic).expectStatus().isOk();
            }

            books(synthetic).expectStatus().isEqualTo(429);
        }
    }

    @Nested
    @DisplayName("tells the caller where it stands")
    class Headers {

        @Test
        @DisplayName("on a success: the policy and what remains (RateLimit-Policy, RateLimit)")
        void onSuccess() {
            books(newMember())
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "3;w=60")
                    .expectHeader()
                    .value(
                            "RateLimit",
                            value -> assertThat(value).matches("limit=3, remaining=2, reset=([1-9]|[1-5][0-9]|60)"));
        }

        @Test
        @DisplayName("past the limit: 429 problem details, Retry-After, and nothing remaining")
        void past() {
            var member = newMember();
            for (int i = 0; i < LIMIT; i++) {
                books(member).expectStatus().isOk();
            }

            var refused = books(member)
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals("RateLimit-Policy", "3;w=60")
                    .expectHeader()
                    .value("RateLimit", value -> assertThat(value).startsWith("limit=3, remaining=0, reset="));
            refused.expectHeader()
                    .value(
                            "Retry-After",
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            refused.expectBody().jsonPath("$.status").isEqualTo(429);
        }
    }

    @Nested
    @DisplayName("stops an address that keeps sending refused tokens (3 a minute), before any token is checked")
    class FailedAuthentications {

        /** Signed with a key the issuer never published. */
        private final String forged = ISSUER.token().signedByStranger().bearer();

        private WebTestClient.ResponseSpec books(WebTestClient client, String authorization) {
            return client.get()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.AUTHORIZATION, authorization)
                    .exchange();
        }

        @Test
        @DisplayName("after 3 refused tokens from one address, 429 from that address until the minute has passed,"
                + " even with a valid token; another address is unaffected")
        void refusedAddress() {
            var forger = from("127.0.0.5");
            for (int i = 0; i < LIMIT; i++) {
                books(forger, forged).expectStatus().isUnauthorized();
            }

            var refused = books(forger, newMember())
                    .expectStatus()
                    .isEqualTo(429)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .value(
                            "Retry-After",
                            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
            refused.expectBody().jsonPath("$.status").isEqualTo(429);
            forger.get().uri("/api/catalog/books").exchange().expectStatus().isEqualTo(429);
            books(from("127.0.0.6"), newMember()).expectStatus().isOk();
        }

        @Test
        @DisplayName("a valid token is never counted: after 2 refused ones, valid tokens still pass")
        void validTokensNotCounted() {
            var client = from("127.0.0.8");
            books(client, forged).expectStatus().isUnauthorized();
            books(client, forged).expectStatus().isUnauthorized();

            for (int i = 0; i < LIMIT; i++) {
                books(client, newMember()).expectStatus().isOk();
            }
        }

        @Test
        @DisplayName("a request without a token is not counted: a 401 for a missing token stops no one")
        void missingTokenNotCounted() {
            var client = from("127.0.0.7");
            for (int i = 0; i <= LIMIT; i++) {
                client.get().uri("/api/members").exchange().expectStatus().isUnauthorized();
            }

            client.get().uri("/api/catalog/books").exchange().expectStatus().isOk();
        }
    }
}
