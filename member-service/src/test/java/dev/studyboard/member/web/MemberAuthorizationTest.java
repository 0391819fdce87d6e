package dev.studyboard.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.member.MemberIntegrationTest;
import dev.studyboard.testsupport.TestIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;

/**
 * Who may do what with members, checked by member-service itself against real tokens (defence in depth: these
 * requests never pass the gateway). Members are people: only a caller with a valid token sees the group, a member
 * joins, renames and leaves only as themself, the organizer and the {@code members.write} client manage anyone,
 * and a member's e-mail and account are shown only to them and to the organizer.
 */
@MemberIntegrationTest
@DisplayName("Access to members")
class MemberAuthorizationTest {

    static final TestIssuer ISSUER = TestIssuer.shared();
    static final String ORGANIZER = ISSUER.organizer();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    /** A person's account, new for each test: a person joins only once. */
    String sanggyeong;

    String sangcho;

    @BeforeEach
    void newPeople() {
        sanggyeong = "sanggyeong-" + UUID.randomUUID();
        sangcho = "sangcho-" + UUID.randomUUID();
    }

    private static String member(String account) {
        return ISSUER.member(account);
    }

    private RestTestClient.ResponseSpec join(String authorization, String body) {
        var request = http.post().uri("/api/members").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(body).exchange();
    }

    /** The person signed in as {@code account} joins as themself, with an e-mail; returns the member's path. */
    private String joinAsThemself(String account, String displayName) {
        return join(member(account), joinBody(displayName, account + "@example.com", null))
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();
    }

    private static String joinBody(String displayName, String email, String account) {
        var body = new StringBuilder("{\"displayName\": \"" + displayName + "\"");
        if (email != null) {
            body.append(", \"email\": \"").append(email).append('"');
        }
        if (account != null) {
            body.append(", \"account\": \"").append(account).append('"');
        }
        return body.append('}').toString();
    }

    private RestTestClient.ResponseSpec get(String path, String authorization) {
        var request = http.get().uri(path);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.exchange();
    }

    private JsonNode read(String path, String authorization) {
        return get(path, authorization)
                .expectStatus()
                .isOk()
                .expectBody(JsonNode.class)
                .returnResult()
                .getResponseBody();
    }

    private RestTestClient.ResponseSpec rename(String member, String displayName, String authorization) {
        return http.put()
                .uri(member + "/display-name")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + displayName + "\"}")
                .exchange();
    }

    private RestTestClient.ResponseSpec leave(String member, String authorization) {
        return http.post()
                .uri(member + "/leave")
                .header(HttpHeaders.AUTHORIZATION, authorization)
                .exchange();
    }

    private long membersWithAccount(String account) {
        return jdbc.sql("SELECT count(*) FROM member WHERE account = :account")
                .param("account", account)
                .query(Long.class)
                .single();
    }

    static Stream<Named<String>> forgedTokens() {
        return ISSUER.forgeries();
    }

    @Nested
    @DisplayName("without a valid token")
    class Unauthenticated {

        @Test
        @DisplayName("nothing is open, not even the list: 401 problem details asking for a bearer token")
        void noToken() {
            var member = joinAsThemself(sanggyeong, "이상경");

            for (var path : List.of("/api/members", member, "/api/members/me")) {
                get(path, null)
                        .expectStatus()
                        .isUnauthorized()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader()
                        .value(
                                HttpHeaders.WWW_AUTHENTICATE,
                                value -> assertThat(value).startsWith("Bearer").doesNotContain("error="));
            }
            join(null, joinBody("익명", null, null)).expectStatus().isUnauthorized();
        }

        @ParameterizedTest(name = "with the organizer''s token {0}: 401")
        @MethodSource("dev.studyboard.member.web.MemberAuthorizationTest#forgedTokens")
        @DisplayName("a token that is not valid here: 401 problem details naming invalid_token, nothing stored")
        void forgedToken(String token) {
            join(token, joinBody("위조", null, sanggyeong))
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401);
            get("/api/members", token).expectStatus().isUnauthorized();

            assertThat(membersWithAccount(sanggyeong)).isZero();
        }
    }

    @Nested
    @DisplayName("joining")
    class Joining {

        @Test
        @DisplayName("a member joins as themself: the account is theirs, and GET /me returns them")
        void joinsAsThemself() {
            var member = joinAsThemself(sanggyeong, "이상경");

            var me = read("/api/members/me", member(sanggyeong));

            assertThat("/api/members/" + me.get("id").asString()).isEqualTo(member);
            assertThat(me.get("account").asString()).isEqualTo(sanggyeong);
            assertThat(me.get("displayName").asString()).isEqualTo("이상경");
            assertThat(me.get("email").asString()).isEqualTo(sanggyeong + "@example.com");
        }

        @Test
        @DisplayName("a member may name their own account in the body")
        void namesOwnAccount() {
            join(member(sanggyeong), joinBody("이상경", null, sanggyeong))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.account")
                    .isEqualTo(sanggyeong);
        }

        @Test
        @DisplayName("a member naming another account: 403 problem details, and nobody joins")
        void cannotJoinAsSomeoneElse() {
            join(member(sanggyeong), joinBody("김상초", null, sangcho))
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403);

            assertThat(membersWithAccount(sangcho)).isZero();
            assertThat(membersWithAccount(sanggyeong)).isZero();
        }

        @Test
        @DisplayName("joining twice: 409 problem details naming the account, and still one member")
        void joinsOnce() {
            joinAsThemself(sanggyeong, "이상경");

            join(member(sanggyeong), joinBody("이상경 again", null, null))
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains(sanggyeong))
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("account");
            assertThat(membersWithAccount(sanggyeong)).isEqualTo(1);
        }

        @Test
        @DisplayName("of one person joining many times at once, exactly one is added; the others get 409")
        void simultaneousJoins() throws Exception {
            var codes = simultaneously(
                    6,
                    () -> join(member(sanggyeong), joinBody("이상경", null, null))
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
            assertThat(codes).filteredOn(code -> code != 201).containsOnly(409);
            assertThat(membersWithAccount(sanggyeong)).isEqualTo(1);
        }

        @Test
        @DisplayName("the organizer adds anyone, with their account or none; a taken account is 409")
        void organizerAddsAnyone() {
            join(ORGANIZER, joinBody("김상초", null, sangcho))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.account")
                    .isEqualTo(sangcho);
            join(ORGANIZER, joinBody("손님", null, null))
                    .expectStatus()
                    .isCreated()
                    .expectBody()
                    .jsonPath("$.account")
                    .isEmpty();

            join(ORGANIZER, joinBody("김상초 (2)", null, sangcho))
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("account");
            join(member(sangcho), joinBody("김상초", null, null)).expectStatus().isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        @DisplayName("the members.write client (the demo-loader) links a writer to their account")
        void demoLoaderLinksAccounts() {
            var created = join(
                            ISSUER.client("demo-loader", "members.write"),
                            joinBody("이상경", sanggyeong + "@example.com", sanggyeong))
                    .expectStatus()
                    .isCreated()
                    .expectBody(JsonNode.class)
                    .returnResult()
                    .getResponseBody();

            assertThat(created.get("email").isNull())
                    .as("a machine client sees no e-mail")
                    .isTrue();
            assertThat(read("/api/members/me", member(sanggyeong)).get("id").asString())
                    .as("signed in, the writer is the member the loader added")
                    .isEqualTo(created.get("id").asString());
        }

        @Test
        @DisplayName("a machine client without members.write: 403")
        void otherClientsCannotJoin() {
            join(ISSUER.client("synthetic-check", "studyboard.read"), joinBody("합성", null, null))
                    .expectStatus()
                    .isForbidden();
            join(ISSUER.client("demo-loader", "catalog.write"), joinBody("합성", null, null))
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    @DisplayName("who am I (GET /me)")
    class Me {

        @Test
        @DisplayName("before joining: 404 problem details")
        void notJoined() {
            get("/api/members/me", member(sanggyeong))
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains(sanggyeong));
        }

        @Test
        @DisplayName("is a member's question: a machine client gets 403")
        void onlyForMembers() {
            get("/api/members/me", ISSUER.client("demo-loader", "members.write"))
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @Test
        @DisplayName("any valid token reads the group, e.g. the synthetic check's")
        void anyToken() {
            var member = joinAsThemself(sanggyeong, "이상경");

            get("/api/members", ISSUER.client("synthetic-check", "studyboard.read"))
                    .expectStatus()
                    .isOk();
            get(member, member(sangcho)).expectStatus().isOk();
        }

        static Stream<Arguments> viewers() {
            return Stream.of(
                    viewer("the member themself", MemberAuthorizationTest::member, true),
                    viewer("the organizer", account -> ORGANIZER, true),
                    viewer("another member", account -> member("taehyun-" + UUID.randomUUID()), false),
                    viewer(
                            "the demo-loader (members.write)",
                            account -> ISSUER.client("demo-loader", "members.write"),
                            false),
                    viewer(
                            "the synthetic check",
                            account -> ISSUER.client("synthetic-check", "studyboard.read"),
                            false));
        }

        /** @param token the viewer's token, given the account of the member they look at */
        private static Arguments viewer(String who, UnaryOperator<String> token, boolean sees) {
            return Arguments.of(Named.of(who, token), sees);
        }

        @ParameterizedTest(name = "{0}: {1}")
        @MethodSource("viewers")
        @DisplayName("a member's e-mail and account are shown to them and to the organizer, null to anyone else")
        void personalDetails(UnaryOperator<String> viewer, boolean sees) {
            var member = joinAsThemself(sanggyeong, "이상경");
            var token = viewer.apply(sanggyeong);

            var one = read(member, token);
            var inList = inList(member.substring(member.lastIndexOf('/') + 1), token);

            for (var shown : List.of(one, inList)) {
                assertThat(shown.get("displayName").asString()).isEqualTo("이상경");
                if (sees) {
                    assertThat(shown.get("email").asString()).isEqualTo(sanggyeong + "@example.com");
                    assertThat(shown.get("account").asString()).isEqualTo(sanggyeong);
                } else {
                    assertThat(shown.get("email").isNull()).isTrue();
                    assertThat(shown.get("account").isNull()).isTrue();
                }
            }
        }

        /** The member as the list shows it to this token, page after page (other tests add members too). */
        private JsonNode inList(String id, String token) {
            for (int page = 0; ; page++) {
                var listed = read("/api/members?size=100&page=" + page, token);
                for (var member : listed.get("members")) {
                    if (member.get("id").asString().equals(id)) {
                        return member;
                    }
                }
                assertThat(page + 1)
                        .as("member %s on a page of the list", id)
                        .isLessThan(listed.at("/page/totalPages").asInt());
            }
        }
    }

    @Nested
    @DisplayName("renaming and leaving")
    class Changing {

        @Test
        @DisplayName("a member renaming another: 403 problem details, and the name stays")
        void cannotRenameAnother() {
            var member = joinAsThemself(sanggyeong, "이상경");

            rename(member, "누군가", member(sangcho))
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403);

            assertThat(read(member, ORGANIZER).get("displayName").asString()).isEqualTo("이상경");
        }

        @Test
        @DisplayName("a member renames themself: 200")
        void renamesThemself() {
            var member = joinAsThemself(sanggyeong, "이상경");

            rename(member, "이상경 (스터디장)", member(sanggyeong))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("이상경 (스터디장)");
        }

        @Test
        @DisplayName("the organizer and the members.write client rename anyone: 200")
        void managersRenameAnyone() {
            var member = joinAsThemself(sanggyeong, "이상경");

            rename(member, "이상경 (1)", ORGANIZER).expectStatus().isOk();
            rename(member, "이상경 (2)", ISSUER.client("demo-loader", "members.write"))
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("a client outside its scopes renames nobody: 403")
        void readOnlyClientCannotRename() {
            var member = joinAsThemself(sanggyeong, "이상경");

            rename(member, "합성", ISSUER.client("synthetic-check", "studyboard.read"))
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        @DisplayName("refusal comes before the version check: another member with a stale If-Match gets 403, not 412")
        void refusedBeforeVersion() {
            var member = joinAsThemself(sanggyeong, "이상경");

            http.put()
                    .uri(member + "/display-name")
                    .header(HttpHeaders.AUTHORIZATION, member(sangcho))
                    .header(HttpHeaders.IF_MATCH, "\"7\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \"누군가\"}")
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ETAG);
        }

        @Test
        @DisplayName("a member making another leave: 403, still active; leaving themself: 200")
        void leavesOnlyThemself() {
            var member = joinAsThemself(sanggyeong, "이상경");

            leave(member, member(sangcho)).expectStatus().isForbidden();
            assertThat(read(member, ORGANIZER).get("status").asString()).isEqualTo("ACTIVE");

            leave(member, member(sanggyeong))
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("LEFT");
        }

        @Test
        @DisplayName("the organizer records that anyone left: 200")
        void organizerRemovesAnyone() {
            var member = joinAsThemself(sanggyeong, "이상경");

            leave(member, ORGANIZER).expectStatus().isOk();
        }
    }

    @Nested
    @DisplayName("anything the API does not offer")
    class Unlisted {

        @Test
        @DisplayName("is refused: 401 without a token, 403 with one, even the organizer's")
        void deniedToAll() {
            var member = joinAsThemself(sanggyeong, "이상경");

            http.delete().uri(member).exchange().expectStatus().isUnauthorized();
            http.delete()
                    .uri(member)
                    .header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    @DisplayName("the actuator")
    class Actuator {

        @Test
        @DisplayName("answers on the management port only; on the API's port no rule lets it through (401)")
        void onlyOnManagementPort(@LocalManagementPort int managementPort) {
            RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build()
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("UP");

            get("/actuator/health", null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            get("/actuator/health", ORGANIZER).expectStatus().isForbidden();
        }
    }

    /** Runs {@code requests} copies of one request at once (released together) and returns their status codes. */
    private static List<Integer> simultaneously(int requests, Callable<Integer> request) throws Exception {
        var start = new CyclicBarrier(requests);
        var pool = Executors.newFixedThreadPool(requests);
        try {
            var statuses = new ArrayList<Future<Integer>>();
            for (int i = 0; i < requests; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            var codes = new ArrayList<Integer>();
            for (var status : statuses) {
                codes.add(status.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }
}
