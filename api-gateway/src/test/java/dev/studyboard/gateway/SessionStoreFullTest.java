package dev.studyboard.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The gateway's in-memory sessions, all taken: room for 3 here (GATEWAY_MAX_SESSIONS), 10,000 by default. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_MAX_SESSIONS=3"})
@AutoConfigureWebTestClient
@DisplayName("The gateway with its session store full")
class SessionStoreFullTest {

    static final AuthServerStandIn AUTH = new AuthServerStandIn();

    @DynamicPropertySource
    static void authServer(DynamicPropertyRegistry registry) {
        AUTH.configure(registry);
    }

    @AfterAll
    static void stop() {
        AUTH.stop();
    }

    @Autowired
    WebTestClient http;

    private WebTestClient.ResponseSpec startSignIn() {
        return http.get().uri("/oauth2/authorization/study-board").exchange();
    }

    @Test
    @DisplayName("a sign-in that needs one more session: 503 problem details with Retry-After, not a 500")
    void full() {
        // given three sign-ins started, each with a session of its own (no cookies kept)
        for (int start = 1; start <= 3; start++) {
            startSignIn().expectStatus().isFound();
        }

        // when a fourth starts, then
        startSignIn()
                .expectStatus()
                .isEqualTo(503)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .valueEquals(HttpHeaders.RETRY_AFTER, "60")
                .expectHeader()
                .doesNotExist(HttpHeaders.LOCATION)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(503);
    }
}
