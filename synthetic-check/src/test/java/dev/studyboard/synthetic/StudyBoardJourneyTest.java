package dev.studyboard.synthetic;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The synthetic journey against a stand-in gateway (WireMock): what it reports when users would succeed or fail. */
@SpringBootTest(properties = "studyboard.synthetic.interval=1h") // the test walks it, not the schedule
@DisplayName("The synthetic journey")
class StudyBoardJourneyTest {

    static final WireMockServer GATEWAY = new WireMockServer(options().dynamicPort());

    static {
        GATEWAY.start();
    }

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("studyboard.synthetic.gateway-url", GATEWAY::baseUrl);
    }

    @AfterAll
    static void stop() {
        GATEWAY.stop();
    }

    @Autowired
    StudyBoardJourney journey;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void reset() {
        GATEWAY.resetAll();
    }

    private long runs(String outcome) {
        var timer = meters.find("synthetic.journey").tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    private double up() {
        return meters.get("synthetic.journey.up").gauge().value();
    }

    private static final String BOOK = "5f0c6b1e-8f5a-4a8e-9a51-3f1c2d4e5f60";

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

    @Test
    @DisplayName("lists the books and opens a board: counted as a success, and up is 1")
    void success() {
        long before = runs("success");
        listsAnswer();
        boardAnswers(aResponse()
                .withHeader("Content-Type", "text/markdown")
                .withBody("| 항목 | 제목 | 페이지 | 작성자 | 완료 |\n|---|---|---|---|---|\n"));

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
