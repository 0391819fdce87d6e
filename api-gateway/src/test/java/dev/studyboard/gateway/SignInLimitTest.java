package dev.studyboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The limit on new sessions per address ({@link SignInLimit}), small enough to reach: 3 an hour. Each test is an
 * address of its own (a loopback address, as in {@link RateLimitTest}), and keeps no cookies unless it says so.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_SIGN_IN_LIMIT=3", "GATEWAY_SIGN_IN_PERIOD=1h"})
@DisplayName("The gateway's limit on new sessions per address")
class SignInLimitTest {

    static final AuthServerStandIn AUTH = new AuthServerStandIn();

    @DynamicPropertySource
    static void authServer(DynamicPropertyRegistry registry) {
        AUTH.configure(registry);
    }

    @AfterAll
    static void stop() {
        AUTH.stop();
    }

    @LocalServerPort
    int port;

    private WebTestClient.ResponseSpec get(WebTestClient client, String path, String... cookie) {
        var request = client.get().uri(path).accept(MediaType.TEXT_HTML);
        if (cookie.length == 2) {
            request.cookie(cookie[0], cookie[1]);
        }
        return request.exchange();
    }

    @Test
    @DisplayName("an address that starts 3 sign-ins without a session: 429 problem details with Retry-After for the"
            + " 4th, before a session is stored for it; another address is unaffected")
    void signInStarts() {
        var caller = RateLimitTest.connectingFrom("127.0.0.21", port);
        for (int start = 1; start <= 3; start++) {
            get(caller, "/oauth2/authorization/study-board").expectStatus().isFound();
        }

        get(caller, "/oauth2/authorization/study-board")
                .expectStatus()
                .isEqualTo(429)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader()
                .exists(HttpHeaders.RETRY_AFTER)
                .expectHeader()
                .doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(429);
        get(RateLimitTest.connectingFrom("127.0.0.22", port), "/oauth2/authorization/study-board")
                .expectStatus()
                .isFound();
    }

    @Test
    @DisplayName("a page that needs a session, asked for without one, counts as well (its request is kept)")
    void importsWithoutSession() {
        var caller = RateLimitTest.connectingFrom("127.0.0.23", port);
        for (int visit = 1; visit <= 3; visit++) {
            get(caller, "/imports/new").expectStatus().isFound();
        }

        get(caller, "/imports/new").expectStatus().isEqualTo(429);
    }

    @Test
    @DisplayName("a browser that has its session is not counted: it stores nothing new")
    void withSession() {
        var caller = RateLimitTest.connectingFrom("127.0.0.24", port);
        var session = get(caller, "/oauth2/authorization/study-board")
                .expectStatus()
                .isFound()
                .returnResult(Void.class)
                .getResponseCookies()
                .getFirst("SESSION");
        assertThat(session).isNotNull();

        for (int start = 1; start <= 5; start++) {
            get(caller, "/oauth2/authorization/study-board", "SESSION", session.getValue())
                    .expectStatus()
                    .isFound();
        }
    }
}
