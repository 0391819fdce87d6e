package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.studyboard.testsupport.BrowserlessLogin;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Identity against the real auth-server, at the services called directly, with no gateway in front (defence in
 * depth): each service checks the token itself, and the rule about whose work a member may change lives in the
 * service that owns the work.
 */
@DisplayName("Identity at the services, with tokens of the real auth-server")
class IdentityAtTheServicesIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    /** Answers are what these tests look at: no status turns into an exception. */
    private static RestClient client(RunningService service) {
        return RestClient.builder()
                .baseUrl(service.url().toString())
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    private final RestClient catalog = client(StudyBoardSystem.CATALOG);
    private final RestClient members = client(StudyBoardSystem.MEMBERS);
    private final RestClient progress = client(StudyBoardSystem.PROGRESS);

    private static Map<String, Object> aBook() {
        return Map.of(
                "title",
                "Identity " + UUID.randomUUID(),
                "authors",
                List.of("Sam Newman"),
                "chapters",
                List.of(Map.of(
                        "number",
                        9,
                        "title",
                        "보안",
                        "sections",
                        List.of(
                                Map.of("item", "9.1", "title", "핵심 원칙", "page", 300),
                                Map.of("item", "9.2", "title", "사이버 보안의 다섯 가지 기능", "page", 306)))));
    }

    private ResponseEntity<JsonNode> registerBook(String authorization) {
        var request = catalog.post().uri("/api/catalog/books").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request = request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(aBook()).retrieve().toEntity(JsonNode.class);
    }

    private static void assertProblem(ResponseEntity<?> response, int status) {
        assertThat(response.getStatusCode().value()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Nested
    @DisplayName("a request without a valid token: 401 problem details, from the service itself")
    class Unauthenticated {

        @Test
        @DisplayName("a write with no token: 401, and WWW-Authenticate names the Bearer scheme")
        void noToken() {
            var response = registerBook(null);

            assertProblem(response, 401);
            assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                    .startsWith("Bearer");
        }

        @Test
        @DisplayName("a forged token (another key under the real key id, the real issuer and audience, organizer): 401")
        void forged() throws Exception {
            var strangersKey =
                    new RSAKeyGenerator(2048).keyID(StudyBoardSystem.KEY_ID).generate();
            var now = Instant.now();
            var token = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256)
                            .keyID(StudyBoardSystem.KEY_ID)
                            .build(),
                    new JWTClaimsSet.Builder()
                            .issuer(StudyBoardSystem.issuer().toString())
                            .subject("organizer")
                            .audience(List.of("swagger-ui", "study-board-api"))
                            .claim("roles", List.of("member", "organizer"))
                            .claim("scope", "openid profile")
                            .issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300)))
                            .build());
            token.sign(new RSASSASigner(strangersKey));

            var response = registerBook("Bearer " + token.serialize());

            assertProblem(response, 401);
        }
    }

    @Nested
    @DisplayName("a machine client may do what its scopes allow, nothing more")
    class MachineClients {

        @Test
        @DisplayName("synthetic-check (studyboard.read) reads the members, but writing the catalog is 403")
        void readOnly() {
            var token = StudyBoardSystem.machineToken(
                    "synthetic-check", StudyBoardSystem.SYNTHETIC_CHECK_SECRET, "studyboard.read");

            var read = members.get()
                    .uri("/api/members?size=1")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .retrieve()
                    .toBodilessEntity();
            var write = registerBook(token);

            assertThat(read.getStatusCode().value()).isEqualTo(200);
            assertProblem(write, 403);
        }

        @Test
        @DisplayName("demo-loader (catalog.write) registers a book: 201")
        void writer() {
            var token = StudyBoardSystem.machineToken(
                    "demo-loader",
                    StudyBoardSystem.DEMO_LOADER_SECRET,
                    "catalog.write",
                    "members.write",
                    "progress.write");

            assertThat(registerBook(token).getStatusCode().value()).isEqualTo(201);
        }
    }

    @Nested
    @DisplayName("a member signed in through the real login (authorization code + PKCE)")
    class Members {

        /** The test accounts' display names → usernames (StudyBoardSystem.ACCOUNTS). */
        private static final Map<String, String> DISPLAY_NAMES = Map.of("김민지", "minji", "박지수", "jisoo");

        private String signIn(String username) {
            return StudyBoardSystem.login()
                    .login(username, StudyBoardSystem.PASSWORD)
                    .bearer();
        }

        /** The caller's member: joins (as themself, with an e-mail address) the first time. */
        private UUID memberOf(String bearer, String displayName) {
            var email = "%s@studyboard.example".formatted(DISPLAY_NAMES.get(displayName));
            var me = members.get()
                    .uri("/api/members/me")
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .retrieve()
                    .toEntity(JsonNode.class);
            if (me.getStatusCode().value() == 200) {
                return UUID.fromString(me.getBody().get("id").asString());
            }
            assertThat(me.getStatusCode().value()).as("before joining").isEqualTo(404);
            var joined = members.post()
                    .uri("/api/members")
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("displayName", displayName, "email", email))
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(joined.getStatusCode().value())
                    .as("joining: %s", joined.getBody())
                    .isEqualTo(201);
            return UUID.fromString(joined.getBody().get("id").asString());
        }

        private int step(String bearer, UUID bookId, String item, String step) {
            return progress.post()
                    .uri("/api/progress/books/{book}/sections/{item}/{step}", bookId, item, step)
                    .header(HttpHeaders.AUTHORIZATION, bearer)
                    .retrieve()
                    .toBodilessEntity()
                    .getStatusCode()
                    .value();
        }

        private JsonNode assignment(UUID bookId, String item) {
            return progress.get()
                    .uri("/api/progress/books/{book}/sections/{item}", bookId, item)
                    .retrieve()
                    .body(JsonNode.class);
        }

        /** A new book, known to progress-service, and the members' replicas there (events arrive a moment later). */
        private UUID bookKnownWith(UUID... memberIds) {
            var bookId = UUID.fromString(registerBook(StudyBoardSystem.machineToken(
                            "demo-loader", StudyBoardSystem.DEMO_LOADER_SECRET, "catalog.write"))
                    .getBody()
                    .get("id")
                    .asString());
            await().atMost(TIMEOUT)
                    .until(() -> progress.get()
                                    .uri("/api/progress/books/{id}/board", bookId)
                                    .retrieve()
                                    .toBodilessEntity()
                                    .getStatusCode()
                                    .value()
                            == 200);
            for (var memberId : memberIds) {
                await().atMost(TIMEOUT)
                        .until(() -> progress.get()
                                        .uri("/api/progress/members/{id}/summary", memberId)
                                        .retrieve()
                                        .toBodilessEntity()
                                        .getStatusCode()
                                        .value()
                                == 200);
            }
            return bookId;
        }

        @Test
        @DisplayName("the token names the person: after joining, /api/members/me is their member")
        void whoAmI() {
            var minji = signIn("minji");
            var id = memberOf(minji, "김민지");

            var me = members.get()
                    .uri("/api/members/me")
                    .header(HttpHeaders.AUTHORIZATION, minji)
                    .retrieve()
                    .body(JsonNode.class);

            assertThat(me.get("id").asString()).isEqualTo(id.toString());
            assertThat(me.get("displayName").asString()).isEqualTo("김민지");
            assertThat(me.get("account").asString())
                    .as("linked to the token's subject")
                    .isEqualTo("minji");
        }

        @Test
        @DisplayName("personal data: a member's e-mail is seen by themself and the organizer, by another member not")
        void personalData() {
            var minji = signIn("minji");
            var id = memberOf(minji, "김민지");

            var seenBy = new java.util.HashMap<String, JsonNode>();
            for (var viewer : Map.of("minji", minji, "jisoo", signIn("jisoo"), "organizer", signIn("organizer"))
                    .entrySet()) {
                seenBy.put(
                        viewer.getKey(),
                        members.get()
                                .uri("/api/members/{id}", id)
                                .header(HttpHeaders.AUTHORIZATION, viewer.getValue())
                                .retrieve()
                                .body(JsonNode.class));
            }

            var email = "minji@studyboard.example";
            assertThat(seenBy.get("minji").get("email").asString())
                    .as("seen by herself: %s", seenBy.get("minji"))
                    .isEqualTo(email);
            assertThat(seenBy.get("organizer").get("email").asString())
                    .as("seen by the organizer: %s", seenBy.get("organizer"))
                    .isEqualTo(email);
            assertThat(seenBy.get("jisoo").get("email").isNull())
                    .as("seen by another member: %s", seenBy.get("jisoo"))
                    .isTrue();
            assertThat(seenBy.get("jisoo").get("displayName").asString()).isEqualTo("김민지");
        }

        @Test
        @DisplayName(
                "another member completing one's assignment: 403, and nothing changes; the writer and the organizer may")
        void onlyTheirOwnWork() {
            var minji = signIn("minji");
            var jisoo = signIn("jisoo");
            var organizer = signIn("organizer");
            var minjiId = memberOf(minji, "김민지");
            var jisooId = memberOf(jisoo, "박지수");
            var bookId = bookKnownWith(minjiId, jisooId);

            assertThat(step(minji, bookId, "9.1", "take")).as("minji takes 9.1").isEqualTo(200);
            assertThat(step(minji, bookId, "9.1", "start")).isEqualTo(200);

            var refused = progress.post()
                    .uri("/api/progress/books/{book}/sections/9.1/complete", bookId)
                    .header(HttpHeaders.AUTHORIZATION, jisoo)
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertProblem(refused, 403);
            assertThat(assignment(bookId, "9.1").get("status").asString()).isEqualTo("IN_PROGRESS");

            assertThat(step(organizer, bookId, "9.1", "complete"))
                    .as("the organizer completes it")
                    .isEqualTo(200);
            assertThat(step(minji, bookId, "9.1", "reopen"))
                    .as("the writer reopens it")
                    .isEqualTo(200);
            assertThat(step(minji, bookId, "9.1", "complete"))
                    .as("the writer completes it")
                    .isEqualTo(200);
            var done = assignment(bookId, "9.1");
            assertThat(done.get("status").asString()).isEqualTo("DONE");
            assertThat(done.get("assignee").asString()).isEqualTo(minjiId.toString());
        }

        @Test
        @DisplayName("a section another member has taken: 409 for the second, and it stays the first one's")
        void takenIsTaken() {
            var minji = signIn("minji");
            var jisoo = signIn("jisoo");
            var minjiId = memberOf(minji, "김민지");
            var jisooId = memberOf(jisoo, "박지수");
            var bookId = bookKnownWith(minjiId, jisooId);

            assertThat(step(minji, bookId, "9.2", "take")).isEqualTo(200);
            var second = progress.post()
                    .uri("/api/progress/books/{book}/sections/9.2/take", bookId)
                    .header(HttpHeaders.AUTHORIZATION, jisoo)
                    .retrieve()
                    .toEntity(JsonNode.class);

            assertProblem(second, 409);
            assertThat(assignment(bookId, "9.2").get("assignee").asString()).isEqualTo(minjiId.toString());
        }

        @Test
        @DisplayName("a member writing the catalog (an organizer's job): 403")
        void wrongRole() {
            assertProblem(registerBook(signIn("jisoo")), 403);
        }

        @Test
        @DisplayName("a wrong password: the auth-server sends the person back to the login page, and no token")
        void wrongPassword() {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> StudyBoardSystem.login().login("minji", "not-the-password"))
                    .isInstanceOf(BrowserlessLogin.LoginRefused.class);
        }
    }
}
