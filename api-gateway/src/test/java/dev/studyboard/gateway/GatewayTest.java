package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.studyboard.testsupport.TestIssuer;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The gateway in front of stand-in services (WireMock): what clients see when services answer, fail, hang or
 * are down. Discovery is a fixed list here (Eureka off), as on Kubernetes.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=1000", "studyboard.composition.part-timeout=1s"
        })
@AutoConfigureWebTestClient
@Import(TestIssuer.Properties.class)
@DisplayName("The gateway")
class GatewayTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final String MEMBER = ISSUER.member("taehyun");

    static final StandInService CATALOG = new StandInService("catalog-service");
    static final StandInService MEMBERS = new StandInService("member-service");
    static final StandInService PROGRESS = new StandInService("progress-service");

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

    @LocalManagementPort
    int managementPort;

    @BeforeEach
    void reset() {
        CATALOG.resetAll();
        MEMBERS.resetAll();
        PROGRESS.resetAll();
    }

    @Nested
    @DisplayName("routing")
    class Routing {

        @Test
        @DisplayName("sends /api/catalog/** to catalog-service and answers with a request id")
        void routesByPath() {
            CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));

            http.get()
                    .uri("/api/catalog/books")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .exists(RequestIdFilter.HEADER)
                    .expectBody()
                    .jsonPath("$.books")
                    .isArray();
        }

        @Test
        @DisplayName("passes the client's request id on to the service and back")
        void keepsRequestId() {
            MEMBERS.stubFor(get("/api/members").willReturn(okJson("{\"members\": []}")));

            http.get()
                    .uri("/api/members")
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .header(RequestIdFilter.HEADER, "abc-123")
                    .exchange()
                    .expectHeader()
                    .valueEquals(RequestIdFilter.HEADER, "abc-123");

            MEMBERS.verify(getRequestedFor(urlPathEqualTo("/api/members"))
                    .withHeader(RequestIdFilter.HEADER, equalTo("abc-123")));
        }
    }

    @Nested
    @DisplayName("observability")
    class Observability {

        @Test
        @DisplayName("starts a trace and passes it on to the service as W3C traceparent")
        void propagatesTrace() {
            CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));

            http.get().uri("/api/catalog/books").exchange().expectStatus().isOk();

            CATALOG.verify(getRequestedFor(urlPathEqualTo("/api/catalog/books"))
                    .withHeader("traceparent", matching("00-[0-9a-f]{32}-[0-9a-f]{16}-01")));
        }

        @Test
        @DisplayName("reports every route's circuit breaker state in Prometheus' format, on the management port")
        void circuitBreakerStates() {
            CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{\"books\": []}")));
            http.get().uri("/api/catalog/books").exchange().expectStatus().isOk();

            var scrape = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build()
                    .get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody()
                    .collectList()
                    .block();
            assertThat(String.join("", scrape))
                    .containsPattern(
                            "resilience4j_circuitbreaker_state\\{[^}]*name=\"catalog\"[^}]*state=\"closed\"[^}]*} 1\\.0");
        }
    }

    @Nested
    @DisplayName("resilience")
    class Resilience {

        @Test
        @DisplayName("retries a GET that failed with 503, and the client sees the success")
        void retriesIdempotentRequests() {
            PROGRESS.stubFor(get("/api/progress/books")
                    .inScenario("flaky")
                    .whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(503))
                    .willSetStateTo("recovered"));
            PROGRESS.stubFor(get("/api/progress/books")
                    .inScenario("flaky")
                    .whenScenarioStateIs("recovered")
                    .willReturn(okJson("[]")));

            http.get().uri("/api/progress/books").exchange().expectStatus().isOk();

            PROGRESS.verify(2, getRequestedFor(urlPathEqualTo("/api/progress/books")));
        }

        @Test
        @DisplayName("never repeats a POST: one failure is one attempt, answered 503 problem details")
        void doesNotRetryPost() {
            MEMBERS.stubFor(post("/api/members").willReturn(aResponse().withStatus(503)));

            http.post()
                    .uri("/api/members")
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"displayName\":\"x\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("member-service");

            MEMBERS.verify(1, postRequestedFor(urlPathEqualTo("/api/members")));
        }

        @Test
        @DisplayName("a service that does not answer in time: 504 problem details, not a hanging client")
        void slowService() {
            CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("{}").withFixedDelay(5_000)));

            http.get()
                    .uri("/api/catalog/books")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(504)
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Gateway timeout")
                    .jsonPath("$.service")
                    .isEqualTo("catalog-service");
        }

        @Test
        @DisplayName("a write that timed out: 504 saying its outcome is unknown, and it was sent once")
        void slowWrite() {
            CATALOG.stubFor(post("/api/catalog/books")
                    .willReturn(aResponse().withStatus(201).withFixedDelay(5_000)));

            http.post()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(504)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(detail -> assertThat((String) detail).contains("whether the change was made is unknown"));

            CATALOG.verify(1, postRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }

        @Test
        @DisplayName("a service whose connections break: retried, then 502 problem details naming it")
        void serviceDown() {
            PROGRESS.stubFor(
                    get("/api/progress/books").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

            http.get()
                    .uri("/api/progress/books")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(502)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("progress-service");
            PROGRESS.verify(3, getRequestedFor(urlPathEqualTo("/api/progress/books"))); // the first try and 2 retries
        }
    }

    @Nested
    @DisplayName("HTTP caching")
    class Caching {

        final UUID bookId = UUID.randomUUID();
        final UUID memberId = UUID.randomUUID();

        @Test
        @DisplayName(
                "passes If-None-Match on to the service, and its 304 back unchanged: no body, its ETag and Cache-Control")
        void conditionalRead() {
            CATALOG.stubFor(get("/api/catalog/books/" + bookId)
                    .withHeader(HttpHeaders.IF_NONE_MATCH, equalTo("\"1\""))
                    .willReturn(aResponse()
                            .withStatus(304)
                            .withHeader(HttpHeaders.ETAG, "\"1\"")
                            .withHeader(HttpHeaders.CACHE_CONTROL, "no-cache")));

            http.get()
                    .uri("/api/catalog/books/{id}", bookId)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader()
                    .doesNotExist(HttpHeaders.PRAGMA)
                    .expectHeader()
                    .doesNotExist(HttpHeaders.EXPIRES)
                    .expectBody()
                    .isEmpty();

            CATALOG.verify(getRequestedFor(urlPathEqualTo("/api/catalog/books/" + bookId))
                    .withHeader(HttpHeaders.IF_NONE_MATCH, equalTo("\"1\"")));
        }

        @Test
        @DisplayName("a member's 304, for the caller alone: private and Vary: Authorization come back unchanged")
        void privateConditionalRead() {
            MEMBERS.stubFor(get("/api/members/" + memberId)
                    .withHeader(HttpHeaders.IF_NONE_MATCH, equalTo("W/\"2\""))
                    .willReturn(aResponse()
                            .withStatus(304)
                            .withHeader(HttpHeaders.ETAG, "\"2\"")
                            .withHeader(HttpHeaders.CACHE_CONTROL, "no-cache, private")
                            .withHeader(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)));

            http.get()
                    .uri("/api/members/{id}", memberId)
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .header(HttpHeaders.IF_NONE_MATCH, "W/\"2\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private")
                    .expectHeader()
                    .valueEquals(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                    .expectBody()
                    .isEmpty();
        }

        @Test
        @DisplayName("a full read: the service's ETag and Cache-Control come back as it sent them, with the body")
        void fullRead() {
            CATALOG.stubFor(get("/api/catalog/books/" + bookId)
                    .willReturn(okJson("{\"title\": \"도메인 주도 설계\"}")
                            .withHeader(HttpHeaders.ETAG, "\"2\"")
                            .withHeader(HttpHeaders.CACHE_CONTROL, "no-cache")));

            http.get()
                    .uri("/api/catalog/books/{id}", bookId)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    // Uncompressed, as the services answer: the stand-in's Jetty would gzip it and change its ETag.
                    .header(HttpHeaders.ACCEPT_ENCODING, "identity")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("도메인 주도 설계");
        }
    }

    @Nested
    @DisplayName("the import saga's entry (/api/imports)")
    class Imports {

        final UUID importId = UUID.randomUUID();

        @Test
        @DisplayName("sends an import and its state to progress-service, with the caller's token and Idempotency-Key")
        void routesToProgress() {
            var organizer = ISSUER.organizer();
            PROGRESS.stubFor(post("/api/imports")
                    .willReturn(aResponse()
                            .withStatus(202)
                            .withHeader(HttpHeaders.LOCATION, "/api/imports/" + importId)
                            .withHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
                            .withBody("{\"status\": \"REGISTERING_BOOK\"}")));
            PROGRESS.stubFor(get("/api/imports/" + importId).willReturn(okJson("{\"status\": \"COMPLETED\"}")));

            http.post()
                    .uri("/api/imports")
                    .header(HttpHeaders.AUTHORIZATION, organizer)
                    .header("Idempotency-Key", "seed-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"notes\": \"# 마이크로서비스 패턴\"}")
                    .exchange()
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .valueEquals(HttpHeaders.LOCATION, "/api/imports/" + importId);
            http.get()
                    .uri("/api/imports/{id}", importId)
                    .header(HttpHeaders.AUTHORIZATION, organizer)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("COMPLETED");

            PROGRESS.verify(postRequestedFor(urlPathEqualTo("/api/imports"))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(organizer))
                    .withHeader("Idempotency-Key", equalTo("seed-1")));
        }

        @Test
        @DisplayName("needs a signed-in caller: without a token 401 problem details, and progress-service is not asked")
        void needsCaller() {
            http.post()
                    .uri("/api/imports")
                    .header("Idempotency-Key", "seed-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"notes\": \"# 마이크로서비스 패턴\"}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);

            PROGRESS.verify(0, postRequestedFor(urlPathEqualTo("/api/imports")));
        }

        @Test
        @DisplayName("never repeats an import (a POST) that failed with 503: one attempt, answered 503 problem details")
        void doesNotRetryTheImport() {
            PROGRESS.stubFor(post("/api/imports").willReturn(aResponse().withStatus(503)));

            http.post()
                    .uri("/api/imports")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .header("Idempotency-Key", "seed-1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"notes\": \"# 마이크로서비스 패턴\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.service")
                    .isEqualTo("progress-service");

            PROGRESS.verify(1, postRequestedFor(urlPathEqualTo("/api/imports")));
        }
    }

    @Nested
    @DisplayName("API composition")
    class Composition {

        final UUID memberId = UUID.randomUUID();

        @Test
        @DisplayName("joins member-service and progress-service into one dashboard")
        void composes() {
            MEMBERS.stubFor(get("/api/members/" + memberId).willReturn(okJson("{\"displayName\": \"이상경\"}")));
            PROGRESS.stubFor(get("/api/progress/members/" + memberId + "/summary")
                    .willReturn(okJson("{\"assigned\": 3, \"done\": 2}")));

            http.get()
                    .uri("/api/dashboard/members/{id}", memberId)
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.member.displayName")
                    .isEqualTo("이상경")
                    .jsonPath("$.work.done")
                    .isEqualTo(2)
                    .jsonPath("$.partial")
                    .isEqualTo(false)
                    .jsonPath("$.unavailable")
                    .isEmpty();
        }

        @Test
        @DisplayName("asks both services with the caller's own token (token relay), so their rules apply to the caller")
        void relaysToken() {
            MEMBERS.stubFor(get("/api/members/" + memberId).willReturn(okJson("{\"displayName\": \"이상경\"}")));
            PROGRESS.stubFor(
                    get("/api/progress/members/" + memberId + "/summary").willReturn(okJson("{}")));

            http.get()
                    .uri("/api/dashboard/members/{id}", memberId)
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isOk();

            MEMBERS.verify(getRequestedFor(urlPathEqualTo("/api/members/" + memberId))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(MEMBER)));
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/api/progress/members/" + memberId + "/summary"))
                    .withHeader(HttpHeaders.AUTHORIZATION, equalTo(MEMBER)));
        }

        @Test
        @DisplayName("needs a signed-in caller: without a token 401 problem details, and no service is asked")
        void needsCaller() {
            http.get()
                    .uri("/api/dashboard/members/{id}", memberId)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);

            MEMBERS.verify(0, getRequestedFor(urlPathEqualTo("/api/members/" + memberId)));
            PROGRESS.verify(0, getRequestedFor(urlPathEqualTo("/api/progress/members/" + memberId + "/summary")));
        }

        @Test
        @DisplayName("answers in bounded time with what it has, marked partial, when one service hangs")
        void partialAnswer() {
            MEMBERS.stubFor(get("/api/members/" + memberId).willReturn(okJson("{\"displayName\": \"이상경\"}")));
            PROGRESS.stubFor(get("/api/progress/members/" + memberId + "/summary")
                    .willReturn(okJson("{}").withFixedDelay(10_000)));

            http.get()
                    .uri("/api/dashboard/members/{id}", memberId)
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.member.displayName")
                    .isEqualTo("이상경")
                    .jsonPath("$.work")
                    .doesNotExist()
                    .jsonPath("$.partial")
                    .isEqualTo(true)
                    .jsonPath("$.unavailable[0]")
                    .isEqualTo("progress-service");
        }
    }
}
