package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The per-client rate limit, with a limit small enough to reach: 3 requests a minute. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=3", "GATEWAY_RATE_PERIOD=1m"})
@AutoConfigureWebTestClient
@DisplayName("The gateway's rate limit")
class RateLimitTest {

    static final WireMockServer CATALOG = new WireMockServer(options().dynamicPort());

    static {
        CATALOG.start();
        CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.catalog-service[0].uri", CATALOG::baseUrl);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
    }

    @Autowired
    WebTestClient http;

    @Test
    @DisplayName("lets a client make its limit of requests, then answers 429 problem details with Retry-After")
    void limitsEachClient() {
        for (int i = 0; i < 3; i++) {
            http.get()
                    .uri("/api/catalog/books")
                    .header("X-Api-Key", "reader-1")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        http.get()
                .uri("/api/catalog/books")
                .header("X-Api-Key", "reader-1")
                .exchange()
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists("Retry-After")
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        http.get()
                .uri("/api/catalog/books")
                .header("X-Api-Key", "reader-2")
                .exchange()
                .expectStatus()
                .isOk(); // another client has its own allowance
    }
}
