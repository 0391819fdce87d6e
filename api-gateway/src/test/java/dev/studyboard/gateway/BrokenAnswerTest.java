package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.moreThanOrExactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.studyboard.gateway.CutOffService.End;
import dev.studyboard.testsupport.TestIssuer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A service's answer that breaks off (issue 12): an instance killed in the middle of an exchange, its connection
 * closed or reset, or what came back no HTTP. Only 502/503/504 may say so, never a 500, an empty 200 or a hanging
 * client. catalog-service runs as two replicas (WireMock stand-ins answering with faults), member-service as one
 * whose answers are cut off after their beginning ({@link CutOffService}).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=100000"})
@AutoConfigureWebTestClient
@Import({TestIssuer.Properties.class, RollingRestartTest.Attempts.class})
@DisplayName("A service's answer that breaks off")
class BrokenAnswerTest {

    static final String BOOK = "/api/catalog/books/" + UUID.randomUUID();
    static final String TITLE = "도메인 주도 설계";
    static final String MEMBER = TestIssuer.shared().member("taehyun");
    static final String MEMBERS_PATH = "/api/members/" + UUID.randomUUID();

    static final StandInService FIRST = StandInService.replica("catalog-service", 0);
    static final StandInService SECOND = StandInService.replica("catalog-service", 1);
    static final CutOffService MEMBERS = new CutOffService("member-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        FIRST.listIn(registry);
        SECOND.listIn(registry);
        MEMBERS.listIn(registry);
    }

    @AfterAll
    static void stop() throws IOException {
        FIRST.stop();
        SECOND.stop();
        MEMBERS.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    RollingRestartTest.Attempts attempts;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void bothReplicasAnswer() {
        for (var replica : List.of(FIRST, SECOND)) {
            replica.resetAll();
            replica.stubFor(get(BOOK).willReturn(okJson("{\"title\": \"" + TITLE + "\"}")));
        }
        breakers.find("catalog").ifPresent(CircuitBreaker::reset); // the failures of one test stay in it
    }

    @Nested
    @DisplayName("before its status came: the connection closed, was reset, or carried no HTTP")
    class BeforeItsStatus {

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Fault.class,
                names = {"EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE"})
        @DisplayName("a read that met it on one replica is retried on the other one: 200")
        void readRetried(Fault fault) {
            // given the first replica breaking its answers
            FIRST.stubFor(get(BOOK).atPriority(1).willReturn(aResponse().withFault(fault)));
            int repeatsBefore = attempts.atAnInstanceAlreadyTried();

            // when two reads arrive (round robin: at least one of them meets the first replica)
            for (int read = 0; read < 2; read++) {
                http.get()
                        .uri(BOOK)
                        .exchange()
                        .expectStatus()
                        .isOk()
                        .expectBody()
                        .jsonPath("$.title")
                        .isEqualTo(TITLE);
            }

            // then each was answered by the second replica, and none was sent twice to the first
            FIRST.verify(moreThanOrExactly(1), getRequestedFor(urlPathEqualTo(BOOK)));
            SECOND.verify(2, getRequestedFor(urlPathEqualTo(BOOK)));
            assertThat(attempts.atAnInstanceAlreadyTried()).isEqualTo(repeatsBefore);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Fault.class,
                names = {"EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE"})
        @DisplayName("a read that met it on every replica: 502 problem details naming the service, after its retries")
        void readBrokenEverywhere(Fault fault) {
            breakAnswers(fault);
            int attemptsBefore = attempts.total();

            var problem = http.get().uri(BOOK).exchange();

            expectBadGateway(problem, "catalog-service")
                    .jsonPath("$.detail")
                    .isEqualTo("catalog-service's answer broke off; try again shortly");
            assertThat(attempts.total() - attemptsBefore).isEqualTo(3); // the first attempt and 2 retries
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Fault.class,
                names = {"EMPTY_RESPONSE", "CONNECTION_RESET_BY_PEER", "RANDOM_DATA_THEN_CLOSE"})
        @DisplayName("a write: sent once, and 502 saying that whether the change was made is unknown")
        void write(Fault fault) {
            breakAnswers(fault);

            var problem = writeABook();

            expectBadGateway(problem, "catalog-service")
                    .jsonPath("$.detail")
                    .isEqualTo("catalog-service's answer broke off, so whether the change was made is unknown: "
                            + "look before repeating it");
            assertThat(booksWritten()).isEqualTo(1);
        }

        @Test
        @DisplayName("counts against the route's breaker as a failure, as a 503 does")
        void countedByTheBreaker() {
            // given the route's breaker, made by a first read as the gateway makes it, with nothing recorded
            http.get().uri(BOOK).exchange().expectStatus().isOk();
            CircuitBreaker breaker = breakers.circuitBreaker("catalog");
            breaker.reset();
            breakAnswers(Fault.EMPTY_RESPONSE);

            // when a write's answer breaks off
            writeABook().expectStatus().isEqualTo(502);

            // then
            assertThat(breaker.getMetrics().getNumberOfFailedCalls()).isEqualTo(1);
            assertThat(breaker.getMetrics().getNumberOfSuccessfulCalls()).isZero();
        }
    }

    /**
     * The gateway passes a service's status and headers on with the first bytes of its body, not before: until
     * then it can still answer 502 instead. A read is not retried here, though: the body is streamed after the
     * route's retries (and its breaker) are done with the exchange.
     */
    @Nested
    @DisplayName("after its status came, before any of its body was passed on")
    class AfterItsStatus {

        @Test
        @DisplayName("a read whose body breaks off: 502 problem details, not 500")
        void read() {
            breakAnswers(Fault.MALFORMED_RESPONSE_CHUNK);

            var problem = http.get().uri(BOOK).exchange();

            expectBadGateway(problem, "catalog-service");
        }

        @Test
        @DisplayName("a write whose body breaks off: 502 saying that whether the change was made is unknown")
        void write() {
            breakAnswers(Fault.MALFORMED_RESPONSE_CHUNK);

            var problem = writeABook();

            expectBadGateway(problem, "catalog-service")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("whether the change was made is unknown"));
        }

        @ParameterizedTest(name = "connection {0}")
        @EnumSource(End.class)
        @DisplayName("the status and headers only, then the connection ends: 502, not an empty 200")
        void headOnly(End end) {
            MEMBERS.answers(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", end);

            var problem = http.get()
                    .uri(MEMBERS_PATH)
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange();

            expectBadGateway(problem, "member-service");
        }
    }

    /**
     * The status (200) and part of the body have reached the client: the gateway can no longer change the status,
     * and closing the connection is how HTTP/1.1 tells the client that the answer is not whole. It must neither
     * end the body as if it were (the last chunk, or a client waiting for the bytes its Content-Length promised)
     * nor write a 500 after it.
     */
    @Nested
    @DisplayName("after part of its body was passed on")
    class MidBody {

        @ParameterizedTest(name = "{0}, connection {1}")
        @CsvSource({"chunked, CLOSED", "chunked, RESET", "Content-Length, CLOSED", "Content-Length, RESET"})
        @DisplayName("the client's connection is closed: it sees the body cut short, soon, and never as whole")
        void cutShort(String framing, End end) {
            var part = "{\"displayName\": \"";
            MEMBERS.answers(
                    framing.equals("chunked")
                            ? "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                                    + Integer.toHexString(part.length()) + "\r\n" + part + "\r\n"
                            : "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n" + part,
                    end);
            var client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var read = HttpRequest.newBuilder(URI.create("http://localhost:" + port + MEMBERS_PATH))
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .timeout(Duration.ofSeconds(10))
                    .build();

            assertThatThrownBy(() -> client.send(read, BodyHandlers.ofString()))
                    .isInstanceOf(IOException.class)
                    .isNotInstanceOf(HttpTimeoutException.class);
        }
    }

    static void breakAnswers(Fault fault) {
        for (var replica : List.of(FIRST, SECOND)) {
            replica.stubFor(get(BOOK).atPriority(1).willReturn(aResponse().withFault(fault)));
            replica.stubFor(post("/api/catalog/books").willReturn(aResponse().withFault(fault)));
        }
    }

    WebTestClient.ResponseSpec writeABook() {
        return http.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"" + TITLE + "\"}")
                .exchange();
    }

    static int booksWritten() {
        return List.of(FIRST, SECOND).stream()
                .mapToInt(replica -> replica.findAll(postRequestedFor(urlPathEqualTo("/api/catalog/books")))
                        .size())
                .sum();
    }

    static WebTestClient.BodyContentSpec expectBadGateway(WebTestClient.ResponseSpec answer, String service) {
        return answer.expectStatus()
                .isEqualTo(502)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type")
                .isEqualTo("about:blank")
                .jsonPath("$.title")
                .isEqualTo("Bad Gateway")
                .jsonPath("$.service")
                .isEqualTo(service)
                .jsonPath("$.detail")
                .value(detail -> assertThat((String) detail)
                        .contains(service + "'s answer broke off")
                        .doesNotContain("Exception", "java.", "reactor."));
    }
}
