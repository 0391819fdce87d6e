package dev.studyboard.synthetic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The synthetic journey against a stand-in gateway and a stand-in auth-server (WireMock): what it reports when
 * users would succeed or fail.
 */
@SpringBootTest(properties = "studyboard.synthetic.interval=1h") // the test walks it, not the schedule
@DisplayName("The synthetic journey")
class StudyBoardJourneyTest {

    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());
    static final WireMockServer AUTH_SERVER = new WireMockServer(options().dynamicPort());
    static final String BOOK = "5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60";
    static final String MARKDOWN_BOARD = "| 항목 | 제목 | 페이지 | 작성자 | 완료 |\n|---|---|---|---|---|\n";

    static {
        GATEWAY.start();
        AUTH_SERVER.start();
    }

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("studyboard.synthetic.gateway-url", GATEWAY::baseUrl);
        registry.add(
                "spring.security.oauth2.client.provider.studyboard.token-uri",
                () -> AUTH_SERVER.baseUrl() + "/oauth2/token");
        registry.add("spring.security.oauth2.client.registration.synthetic-check.client-secret", () -> "test-secret");
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop();
        AUTH_SERVER.stop();
    }

    @Autowired
    StudyBoardJourney journey;

    @Autowired
    MeterRegistry meters;

    @Autowired
    OAuth2AuthorizedClientService tokens;

    /** The auth-server hands out the check's token; the gateway lists the members only to a caller with it. */
    @BeforeEach
    void reset() {
        GATEWAY.resetAll();
        AUTH_SERVER.resetAll();
        // Each test starts without a kept token (a machine client's principal is the anonymous one).
        tokens.removeAuthorizedClient(StudyBoardJourney.CLIENT, "anonymousUser");
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/oauth2/token"))
                .willReturn(okJson("{\"access_token\": \"synthetic-token\", \"token_type\": \"Bearer\","
                        + " \"expires_in\": 600, \"scope\": \"studyboard.read\"}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/members"))
                .withHeader("Authorization", equalTo("Bearer synthetic-token"))
                .willReturn(okJson("{\"members\": []}")));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/members"))
                .atPriority(9)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Bearer")));
    }

    private long runs(String outcome) {
        var timer = meters.find("synthetic.journey").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double up() {
        return meters.get("synthetic.journey.up").gauge().value();
    }

    private void listsAnswer() {
        GATEWAY.stubFor(get(urlPathEqualTo("/api/catalog/books")).willReturn(okJson("""
                {"books": [{"id": "%s", "title": "Building Microservices"}]}
                """.formatted(BOOK))));
        GATEWAY.stubFor(get(urlPathEqualTo("/api/progress/books")).willReturn(okJson("""
                [{"bookId": "%s", "title": "Building Microservices", "sections": 1, "done": 0}]
                """.formatted(BOOK))));
    }

    private void boardAnswers(ResponseDefinitionBuilder response) {
        GATEWAY.stubFor(
                get(urlPathEqualTo("/api/progress/books/" + BOOK + "/board")).willReturn(response));
    }

    private void boardIsATable() {
        boardAnswers(aResponse().withHeader("Content-Type", "text/markdown").withBody(MARKDOWN_BOARD));
    }

    @Test
    @DisplayName("lists the books and opens a board: counted as a success, and up is 1")
    void success() {
        long before = runs("success");
        listsAnswer();
        boardIsATable();

        journey.run();

        assertThat(runs("success")).isEqualTo(before + 1);
        assertThat(up()).isEqualTo(1);
    }

    @Test
    @DisplayName("a board that answers 503 fails the journey: counted as a failure, and up is 0")
    void failure() {
        long before = runs("failure");
        listsAnswer();
        boardAnswers(aResponse().withStatus(503));

        journey.run();

        assertThat(runs("failure")).isEqualTo(before + 1);
        assertThat(up()).isZero();
    }

    @Nested
    @DisplayName("signed in as the machine client synthetic-check")
    class SignedIn {

        @Test
        @DisplayName("browses as an anonymous visitor, and reads the members with its own token (client credentials)")
        void signedInRead() {
            listsAnswer();
            boardIsATable();

            assertThat(journey.run()).isTrue();

            AUTH_SERVER.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                    .withHeader("Authorization", matching("Basic .+"))
                    .withRequestBody(containing("grant_type=client_credentials"))
                    .withRequestBody(containing("scope=studyboard.read")));
            GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/members"))
                    .withHeader("Authorization", equalTo("Bearer synthetic-token")));
            GATEWAY.verify(getRequestedFor(urlPathEqualTo("/api/catalog/books")).withHeader("Authorization", absent()));
        }

        @Test
        @DisplayName("an auth-server that refuses the client: no signed-in read, and the journey fails")
        void tokenRefused() {
            long before = runs("failure");
            listsAnswer();
            boardIsATable();
            AUTH_SERVER.stubFor(post(urlPathEqualTo("/oauth2/token"))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader("Content-Type", "application/json")
                            .withBody("{\"error\": \"invalid_client\"}")));

            assertThat(journey.run()).isFalse();

            assertThat(runs("failure")).isEqualTo(before + 1);
            assertThat(up()).isZero();
            GATEWAY.verify(0, getRequestedFor(urlPathEqualTo("/api/members")));
        }

        @Test
        @DisplayName("a gateway that does not accept the token (401): the journey fails")
        void tokenNotAccepted() {
            listsAnswer();
            boardIsATable();
            GATEWAY.stubFor(get(urlPathEqualTo("/api/members"))
                    .atPriority(1)
                    .willReturn(aResponse()
                            .withStatus(401)
                            .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")));

            assertThat(journey.run()).isFalse();

            assertThat(up()).isZero();
        }
    }

    @Test
    @DisplayName("a gateway that does not answer in time fails the journey instead of hanging")
    void tooSlow() {
        long before = runs("failure");
        GATEWAY.stubFor(get(urlPathEqualTo("/api/catalog/books"))
                .willReturn(okJson("{}").withFixedDelay(10_000)));

        journey.run();

        assertThat(runs("failure")).isEqualTo(before + 1);
        assertThat(up()).isZero();
    }
}
