package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * On Kubernetes Spring Boot detects a cloud platform and, unless told otherwise, lets the web server take the
 * connection's address from X-Forwarded-For, whoever wrote it. The gateway turns that off
 * ({@code server.forward-headers-strategy: none}) and decides itself which proxies it believes
 * ({@link ClientAddress}): the rate limit for callers without a token holds there too (3 a minute here; 127.0.0.9
 * plays the trusted proxy, as in {@link RateLimitTest}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.cloud-platform=kubernetes",
            "eureka.client.enabled=false",
            "GATEWAY_RATE_LIMIT=3",
            "GATEWAY_RATE_PERIOD=1m",
            "GATEWAY_TRUSTED_PROXIES=127.0.0.9/32"
        })
@DisplayName("The gateway's rate limit on Kubernetes (a detected cloud platform)")
class ForwardedHeadersOnKubernetesTest {

    static final int LIMIT = 3;
    static final StandInService CATALOG = new StandInService("catalog-service");

    static {
        CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        CATALOG.listIn(registry);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
    }

    @LocalServerPort
    int port;

    @Test
    @DisplayName("X-Forwarded-For from a client that is not a trusted proxy is ignored: rotating it buys nothing")
    void rotatingForwardedForDirectly() {
        var client = RateLimitTest.connectingFrom("127.0.0.3", port);
        for (int i = 0; i <= LIMIT; i++) {
            client.get()
                    .uri("/api/catalog/books")
                    .header(ClientAddress.X_FORWARDED_FOR, "198.51.100." + i)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(i < LIMIT ? 200 : 429);
        }
    }

    @Test
    @DisplayName("behind a trusted proxy, what the client itself wrote into X-Forwarded-For buys nothing either")
    void forgedEntriesBehindTrustedProxy() {
        var proxy = RateLimitTest.connectingFrom("127.0.0.9", port);
        for (int i = 0; i <= LIMIT; i++) {
            proxy.get()
                    .uri("/api/catalog/books")
                    // the client sent "198.51.100.i"; the proxy appended the address it saw
                    .header(ClientAddress.X_FORWARDED_FOR, "198.51.100." + i + ", 203.0.113.20")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(i < LIMIT ? 200 : 429);
        }
    }
}
