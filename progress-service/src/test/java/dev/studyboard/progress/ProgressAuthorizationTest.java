package dev.studyboard.progress;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

/**
 * Authentication and authorization of progress-service, called directly as if the gateway were not there
 * (defence in depth, seed 002 9.4): every token is checked here, every endpoint has a rule, and whose work a
 * member may change is decided by the service that owns the work.
 */
@ProgressIntegrationTest
@DisplayName("progress-service's access rules")
class ProgressAuthorizationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    RestTestClient http;

    @LocalManagementPort
    int managementPort;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();
    final UUID 이상경 = UUID.randomUUID();
    final UUID 김상초 = UUID.randomUUID();

    // Accounts are unique per test: every test class shares one database.
    final String asSanggyeong = ISSUER.member("sanggyeong-" + 이상경);
    final String asSangcho = ISSUER.member("sangcho-" + 김상초);
    final String asOrganizer = ISSUER.organizer();
    final String asDemoLoader = ISSUER.client("demo-loader", "catalog.write", "members.write", "progress.write");
    final String asSyntheticCheck = ISSUER.client("synthetic-check", "studyboard.read");

    @BeforeEach
    void givenABookAndTwoMembersWithAccounts() {
        upstream.bookRegistered(
                bookId,
                "Building Microservices",
                List.of(chapter(9, "보안", section("9.1", "인증과 권한", 300), section("9.4", "심층 방어", 310))));
        upstream.memberJoined(이상경, "이상경", "sanggyeong-" + 이상경);
        upstream.memberJoined(김상초, "김상초", "sangcho-" + 김상초);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/api/progress/members/{id}/summary", 이상경)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/api/progress/members/{id}/summary", 김상초)
                    .exchange()
                    .expectStatus()
                    .isOk();
        });
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private String sectionPath(String item) {
        return "/api/progress/books/" + bookId + "/sections/" + item;
    }

    private ResponseSpec post(String item, String step, String bearer) {
        return http.post()
                .uri(sectionPath(item) + "/" + step)
                .headers(headers -> authorize(headers, bearer))
                .exchange();
    }

    private ResponseSpec assign(String item, UUID memberId, String bearer) {
        return http.put()
                .uri(sectionPath(item) + "/assignee")
                .headers(headers -> authorize(headers, bearer))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId))
                .exchange();
    }

    private static void authorize(HttpHeaders headers, String bearer) {
        if (bearer != null) {
            headers.set(HttpHeaders.AUTHORIZATION, bearer);
        }
    }

    private static void isProblem(ResponseSpec response, HttpStatus status) {
        response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(status.value());
    }

    private static void isUnauthorized(ResponseSpec response) {
        response.expectHeader()
                .value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"));
        isProblem(response, HttpStatus.UNAUTHORIZED);
    }

    private void hasAssigneeAndStatus(String item, UUID assignee, String status) {
        http.get()
                .uri(sectionPath(item))
                .exchange()
                .expectBody()
                .jsonPath("$.assignee")
                .isEqualTo(assignee.toString())
                .jsonPath("$.status")
                .isEqualTo(status);
    }

    static Stream<Arguments> tokensNotValidHere() {
        return Stream.concat(Stream.of(Arguments.of("no token at all", null)), forgedTokens());
    }

    /** The organizer's token (a member too), forged five ways: see {@link TestIssuer#forgeries()}. */
    static Stream<Arguments> forgedTokens() {
        return ISSUER.forgeries().map(token -> Arguments.of(token.getName(), token.getPayload()));
    }

    @Nested
    @DisplayName("tokens")
    class Tokens {

        @ParameterizedTest(name = "{0}: 401 problem with WWW-Authenticate, nothing changes")
        @MethodSource("dev.studyboard.progress.ProgressAuthorizationTest#tokensNotValidHere")
        @DisplayName("a write with a token that is not valid here")
        void refusedOnWrite(String why, String bearer) {
            isUnauthorized(post("9.1", "take", bearer));

            http.get()
                    .uri(sectionPath("9.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .doesNotExist();
        }

        @ParameterizedTest(name = "{0}: 401, not served as if anonymous")
        @MethodSource("dev.studyboard.progress.ProgressAuthorizationTest#forgedTokens")
        @DisplayName("a public read with a token that is not valid here")
        void refusedOnRead(String why, String bearer) {
            isUnauthorized(http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .exchange());
        }
    }

    @Nested
    @DisplayName("reads (GET /api/progress/**)")
    class Reads {

        @Test
        @DisplayName("are anyone's: the books, a board, a member's summary, a section, the OpenAPI document")
        void anonymous() {
            http.get().uri("/api/progress/books").exchange().expectStatus().isOk();
            http.get()
                    .uri("/api/progress/books/{id}/board?format=markdown", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/api/progress/members/{id}/summary", 이상경)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get().uri(sectionPath("9.1")).exchange().expectStatus().isOk();
            http.get()
                    .uri("/api/progress/v3/api-docs")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("are the synthetic check's too, with its read-only token")
        void syntheticCheck() {
            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .header(HttpHeaders.AUTHORIZATION, asSyntheticCheck)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }
    }

    @Nested
    @DisplayName("taking a section (POST …/take, members)")
    class Take {

        @Test
        @DisplayName("a member: 200, the section is theirs")
        void member() {
            post("9.1", "take", asSanggyeong)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .isEqualTo(이상경.toString());
        }

        @Test
        @DisplayName("a machine client, even with progress.write: 403 problem (it is no member)")
        void clients() {
            isProblem(post("9.1", "take", asDemoLoader), HttpStatus.FORBIDDEN);
            isProblem(post("9.1", "take", asSyntheticCheck), HttpStatus.FORBIDDEN);
        }

        @Test
        @DisplayName("a signed-in member whose joining has not reached progress-service: 403 problem saying so")
        void notJoinedYet() {
            isProblem(post("9.1", "take", ISSUER.member("newcomer-" + UUID.randomUUID())), HttpStatus.FORBIDDEN);
            post("9.1", "take", ISSUER.member("newcomer-" + UUID.randomUUID()))
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("join the group first"));
        }
    }

    @Nested
    @DisplayName("assigning anyone (PUT …/assignee, organizer or progress.write)")
    class Assign {

        @Test
        @DisplayName("the organizer and the demo-loader: 200")
        void allowed() {
            assign("9.1", 이상경, asOrganizer).expectStatus().isOk();
            assign("9.1", 김상초, asDemoLoader).expectStatus().isOk();

            hasAssigneeAndStatus("9.1", 김상초, "TODO");
        }

        @Test
        @DisplayName("a member, even to themself, and the synthetic check: 403 problem, nothing assigned")
        void refused() {
            isProblem(assign("9.1", 이상경, asSanggyeong), HttpStatus.FORBIDDEN);
            isProblem(assign("9.1", 이상경, asSyntheticCheck), HttpStatus.FORBIDDEN);

            http.get()
                    .uri(sectionPath("9.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .doesNotExist();
        }
    }

    @Nested
    @DisplayName("someone's work (DELETE …/assignee, POST …/start|complete|reopen)")
    class Ownership {

        @BeforeEach
        void givenSanggyeongHasStarted91() {
            post("9.1", "take", asSanggyeong).expectStatus().isOk();
            post("9.1", "start", asSanggyeong).expectStatus().isOk();
        }

        @Test
        @DisplayName("its writer completes and reopens it: 200")
        void itsWriter() {
            post("9.1", "complete", asSanggyeong).expectStatus().isOk();
            post("9.1", "reopen", asSanggyeong).expectStatus().isOk();

            hasAssigneeAndStatus("9.1", 이상경, "IN_PROGRESS");
        }

        @Test
        @DisplayName("another member completing it: 403 problem, and the assignment is unchanged")
        void anotherMemberCompletes() {
            var response = post("9.1", "complete", asSangcho);

            isProblem(response, HttpStatus.FORBIDDEN);
            post("9.1", "complete", asSangcho)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("not assigned to you"));
            hasAssigneeAndStatus("9.1", 이상경, "IN_PROGRESS");
            http.get()
                    .uri(sectionPath("9.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.version")
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("another member taking its writer off: 403 problem, the writer keeps it")
        void anotherMemberUnassigns() {
            isProblem(
                    http.delete()
                            .uri(sectionPath("9.1") + "/assignee")
                            .header(HttpHeaders.AUTHORIZATION, asSangcho)
                            .exchange(),
                    HttpStatus.FORBIDDEN);

            hasAssigneeAndStatus("9.1", 이상경, "IN_PROGRESS");
        }

        @Test
        @DisplayName("the organizer completes it: 200")
        void organizer() {
            post("9.1", "complete", asOrganizer).expectStatus().isOk();

            hasAssigneeAndStatus("9.1", 이상경, "DONE");
        }

        @Test
        @DisplayName("the demo-loader (progress.write) completes it: 200")
        void demoLoader() {
            post("9.1", "complete", asDemoLoader).expectStatus().isOk();

            hasAssigneeAndStatus("9.1", 이상경, "DONE");
        }

        @Test
        @DisplayName("the synthetic check (studyboard.read): 403 problem, unchanged")
        void syntheticCheck() {
            isProblem(post("9.1", "complete", asSyntheticCheck), HttpStatus.FORBIDDEN);

            hasAssigneeAndStatus("9.1", 이상경, "IN_PROGRESS");
        }
    }

    @Nested
    @DisplayName("the pages (the study board in a browser, through the gateway)")
    class Pages {

        @Test
        @DisplayName("reading them is anyone's: the books, a board, the summary, their script and styles")
        void reads() {
            for (var path : List.of(
                    "/",
                    "/books/" + bookId,
                    "/summary",
                    "/assets/board.css",
                    "/assets/board.js",
                    "/webjars/htmx.org/dist/htmx.min.js",
                    "/webjars/htmx-ext-sse/sse.js")) {
                http.get().uri(path).exchange().expectStatus().isOk();
            }
        }

        @ParameterizedTest(name = "{0}: 401 problem with WWW-Authenticate, nothing changes")
        @MethodSource("dev.studyboard.progress.ProgressAuthorizationTest#tokensNotValidHere")
        @DisplayName("a row's button with a token that is not valid here")
        void buttonWithoutValidToken(String why, String bearer) {
            isUnauthorized(http.post()
                    .uri("/books/{id}/sections/9.1/take", bookId)
                    .headers(headers -> authorize(headers, bearer))
                    .exchange());

            http.get()
                    .uri(sectionPath("9.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .doesNotExist();
        }

        @Test
        @DisplayName("a row's button for a machine client, even with progress.write: 403 (a person's), as a page")
        void buttonOfAMachineClient() {
            http.post()
                    .uri("/books/{id}/sections/9.1/take", bookId)
                    .header(HttpHeaders.AUTHORIZATION, asDemoLoader)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML);
        }

        @Test
        @DisplayName("the import pages: 401 without a token, 403 page for a member, the organizer's")
        void imports() {
            isUnauthorized(http.get().uri("/imports/new").exchange());
            http.get()
                    .uri("/imports/new")
                    .header(HttpHeaders.AUTHORIZATION, asSanggyeong)
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.TEXT_HTML);
            http.get()
                    .uri("/imports/new")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("the page a refusal is forwarded to is not a page of its own: 401")
        void forbiddenPageDirectly() {
            isUnauthorized(http.get().uri("/forbidden").exchange());
        }
    }

    @Nested
    @DisplayName("requests no rule lists")
    class Unlisted {

        @Test
        @DisplayName("are refused: 401 without a token, 403 with one (never reaching a handler)")
        void deniedAll() {
            isUnauthorized(http.delete().uri("/api/progress/books").exchange());
            isProblem(
                    http.delete()
                            .uri("/api/progress/books")
                            .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                            .exchange(),
                    HttpStatus.FORBIDDEN);
        }
    }

    @Nested
    @DisplayName("the actuator")
    class Actuator {

        @Test
        @DisplayName("answers on the management port only; on the API port /actuator is an unlisted path: 401")
        void managementPortOnly() {
            RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build()
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk();

            isUnauthorized(http.get().uri("/actuator/health").exchange());
        }
    }
}
