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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@MemberIntegrationTest
@DisplayName("The member REST API")
class MemberApiTest {

    private static final String UNKNOWN = "/api/members/00000000-0000-0000-0000-000000000000";

    @Autowired
    RestTestClient http;

    /** The organizer, who may do everything here (who else may, and what they see: MemberAuthorizationTest). */
    RestTestClient asOrganizer;

    @BeforeEach
    void signInAsOrganizer() {
        asOrganizer = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .build();
    }

    /** Adds a member and returns its path, {@code /api/members/{id}}. */
    private String join(String displayName) {
        return joinWith("{\"displayName\": \"" + displayName + "\"}");
    }

    private String join(String displayName, String email) {
        return joinWith("{\"displayName\": \"" + displayName + "\", \"email\": \"" + email + "\"}");
    }

    private String joinWith(String body) {
        return asOrganizer
                .post()
                .uri("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();
    }

    private RestTestClient.ResponseSpec rename(String member, String displayName, String ifMatch) {
        var request = asOrganizer
                .put()
                .uri(member + "/display-name")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + displayName + "\"}");
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.exchange();
    }

    private RestTestClient.ResponseSpec leave(String member) {
        return asOrganizer.post().uri(member + "/leave").exchange();
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        @DisplayName("adds a member, 201 with Location and ETag, and reads it back the same")
        void joinThenGet() {
            var email = uniqueEmail("sangkyung");

            var created = asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \" 이상경 \", \"email\": \"" + email + "\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectBody(MemberResponses.MemberResponse.class)
                    .returnResult();
            var member = created.getResponseBody();

            assertThat(created.getResponseHeaders().getLocation()).hasPath("/api/members/" + member.id());
            assertThat(member.displayName()).isEqualTo("이상경");
            assertThat(member.email()).isEqualTo(email);
            assertThat(member.status().name()).isEqualTo("ACTIVE");
            assertThat(member.joinedAt()).isNotNull();
            assertThat(member.leftAt()).isNull();
            assertThat(member.version()).isEqualTo(1);
            asOrganizer
                    .get()
                    .uri("/api/members/{id}", member.id())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectBody(MemberResponses.MemberResponse.class)
                    .isEqualTo(member);
        }

        @Test
        @DisplayName("writes null for a member without e-mail and not yet left")
        void nullsAreWritten() {
            var member = join("김상초");

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.email")
                    .isEmpty()
                    .jsonPath("$.leftAt")
                    .isEmpty()
                    .jsonPath("$.status")
                    .isEqualTo("ACTIVE");
        }

        @Test
        @DisplayName("renames a member: the new name, and the version raised by one")
        void renames() {
            var member = join("김태현");

            rename(member, " 김태현 (발표) ", null)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"")
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("김태현 (발표)");

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"")
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("김태현 (발표)")
                    .jsonPath("$.version")
                    .isEqualTo(2);
        }

        @Test
        @DisplayName("records that a member left: LEFT, with the time")
        void leaves() {
            var member = join("이상경");

            leave(member)
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"")
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("LEFT")
                    .jsonPath("$.leftAt")
                    .isNotEmpty();

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("LEFT");
        }

        @Test
        @DisplayName("lists members by display name a page at a time, filtered by status")
        void listsByStatusInPages() {
            join("000 paging C"); // "000" sorts before the other tests' names
            join("000 paging A");
            var left = join("000 paging B");
            leave(left).expectStatus().isOk();

            asOrganizer
                    .get()
                    .uri("/api/members?status=active&page=0&size=2")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.members[*].displayName")
                    .isEqualTo(List.of("000 paging A", "000 paging C"))
                    .jsonPath("$.members[0].status")
                    .isEqualTo("ACTIVE")
                    .jsonPath("$.page.number")
                    .isEqualTo(0)
                    .jsonPath("$.page.size")
                    .isEqualTo(2)
                    .jsonPath("$.page.totalElements")
                    .value(Integer.class, total -> assertThat(total).isGreaterThanOrEqualTo(2))
                    .jsonPath("$.page.totalPages")
                    .value(Integer.class, pages -> assertThat(pages).isGreaterThanOrEqualTo(1));
            asOrganizer
                    .get()
                    .uri("/api/members?status=active&page=1&size=1")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.members[0].displayName")
                    .isEqualTo("000 paging C");
            asOrganizer
                    .get()
                    .uri("/api/members?status=left&size=100")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.members[0].displayName")
                    .isEqualTo("000 paging B")
                    .jsonPath("$.members[*].status")
                    .value(List.class, statuses -> assertThat(statuses).containsOnly("LEFT"));
            asOrganizer
                    .get()
                    .uri("/api/members?size=3")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.members[*].displayName")
                    .isEqualTo(List.of("000 paging A", "000 paging B", "000 paging C"));
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @Test
        @DisplayName("a body that claims to be a multipart upload without a boundary: 415 problem details, not a 500")
        void multipartWithoutBoundary() {
            asOrganizer
                    .post()
                    .uri("/api/members")
                    .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data")
                    .body("x")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @ParameterizedTest(name = "{0} → 400 naming {1}")
        @CsvSource(delimiter = '|', textBlock = """
                no display name              | displayName | '{"email": "a@example.com"}'
                blank display name           | displayName | '{"displayName": "   "}'
                display name that is no text | displayName | '{"displayName": {"name": "이상경"}}'
                malformed e-mail             | email       | '{"displayName": "이상경", "email": "not-an-email"}'
                """)
        @DisplayName("a new member: answers RFC 9457 problem details naming the field and the reason")
        void rejectsInvalidMember(String why, String field, String body) {
            asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(400)
                    .jsonPath("$.title")
                    .isEqualTo("Invalid request")
                    .jsonPath("$.errors.length()")
                    .isEqualTo(1)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field)
                    .jsonPath("$.errors[0].reason")
                    .isNotEmpty();
        }

        @Test
        @DisplayName("accepts a display name of 100 characters and rejects one of 101, naming displayName")
        void limitsDisplayName() {
            joinWith("{\"displayName\": \"" + "가".repeat(100) + "\"}");

            asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \"" + "가".repeat(101) + "\"}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Invalid request")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("displayName")
                    .jsonPath("$.errors[0].reason")
                    .value(String.class, reason -> assertThat(reason).contains("100"));
        }

        @Test
        @DisplayName("names every invalid field at once")
        void namesEveryField() {
            asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"displayName": "", "email": "@"}""")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[*].field")
                    .value(List.class, fields -> assertThat(fields).containsExactlyInAnyOrder("displayName", "email"));
        }

        @Test
        @DisplayName("a rename to a blank name answers 400 naming displayName and changes nothing")
        void rejectsBlankRename() {
            var member = join("이상경");

            rename(member, " ", null)
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("displayName");

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("이상경");
        }

        @Test
        @DisplayName("an e-mail another member uses, however capitalised, answers 409 naming email")
        void rejectsTakenEmail() {
            var email = uniqueEmail("taken");
            join("이상경", email);

            asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \"김상초\", \"email\": \"" + email.toUpperCase() + "\"}")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(409)
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("email")
                    .jsonPath("$.errors[0].reason")
                    .isNotEmpty();
        }

        @ParameterizedTest(name = "{0} → 400 naming {1}")
        @CsvSource(delimiter = '|', textBlock = """
                size=0        | size
                size=101      | size
                page=-1       | page
                page=x        | page
                status=gone   | status
                """)
        @DisplayName("a list query out of range answers 400 naming the parameter")
        void rejectsBadListQuery(String query, String parameter) {
            asOrganizer
                    .get()
                    .uri("/api/members?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Invalid request")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(parameter);
        }

        @Test
        @DisplayName("answers 400 for a body that is not JSON")
        void rejectsNonJson() {
            asOrganizer
                    .post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{not json")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        @DisplayName("answers 400 naming memberId for an id that is not a UUID")
        void rejectsMalformedId() {
            asOrganizer
                    .get()
                    .uri("/api/members/이상경")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("memberId");
        }

        @Test
        @DisplayName("answers 404 for an unknown member, to read, rename or leave")
        void unknownMember() {
            asOrganizer
                    .get()
                    .uri(UNKNOWN)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404);
            rename(UNKNOWN, "누구", null).expectStatus().isNotFound();
            leave(UNKNOWN).expectStatus().isNotFound();
        }
    }

    @Nested
    @DisplayName("a member who left")
    class AfterLeaving {

        @Test
        @DisplayName("cannot leave twice: 409")
        void cannotLeaveTwice() {
            var member = join("김상초");
            leave(member).expectStatus().isOk();

            leave(member)
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("has left"));

            asOrganizer.get().uri(member).exchange().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2.personal\"");
        }

        @Test
        @DisplayName("cannot be renamed: 409, and the name stays")
        void cannotBeRenamed() {
            var member = join("김태현");
            leave(member).expectStatus().isOk();

            rename(member, "다른 이름", null)
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("김태현");
        }
    }

    @Nested
    @DisplayName("concurrent changes")
    class ConcurrentChanges {

        @Test
        @DisplayName("a change with a stale If-Match answers 412 with the current version and changes nothing")
        void staleIfMatch() {
            var member = join("이상경");
            rename(member, "first", "\"1\"")
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"");

            rename(member, "second", "\"1\"")
                    .expectStatus()
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectBody()
                    .jsonPath("$.currentVersion")
                    .isEqualTo(2);
            asOrganizer
                    .post()
                    .uri(member + "/leave")
                    .header(HttpHeaders.IF_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED);

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("first")
                    .jsonPath("$.status")
                    .isEqualTo("ACTIVE");
        }

        @Test
        @DisplayName("leaves with the current If-Match")
        void leavesWithCurrentIfMatch() {
            var member = join("김상초");

            asOrganizer
                    .post()
                    .uri(member + "/leave")
                    .header(HttpHeaders.IF_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"");
        }

        @Test
        @DisplayName("answers 400 naming If-Match for a tag that is not a version")
        void malformedIfMatch() {
            var member = join("김태현");

            rename(member, "x", "\"abc\"")
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(HttpHeaders.IF_MATCH);
        }

        @Test
        @DisplayName("of the same version at the same moment, exactly one rename wins; the others get 409 or 412")
        void simultaneousRenames() throws Exception {
            var member = join("이상경");

            var codes = simultaneously(
                    6,
                    i -> rename(member, "writer " + i, "\"1\"")
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
            assertThat(codes).filteredOn(code -> code != 200).allMatch(code -> code == 409 || code == 412);
            asOrganizer.get().uri(member).exchange().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2.personal\"");
        }

        @Test
        @DisplayName("of simultaneous joins with one e-mail, exactly one is added; the others get 409 naming email")
        void simultaneousJoinsWithOneEmail() throws Exception {
            var email = uniqueEmail("race");

            var codes = simultaneously(
                    6,
                    i -> asOrganizer
                            .post()
                            .uri("/api/members")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{\"displayName\": \"writer " + i + "\", \"email\": \"" + email + "\"}")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value());

            assertThat(codes).filteredOn(code -> code == 201).hasSize(1);
            assertThat(codes).filteredOn(code -> code != 201).containsOnly(409);
        }

        /** Runs {@code requests} at once (released together by a barrier) and returns their status codes. */
        private List<Integer> simultaneously(int requests, IndexedRequest request) throws Exception {
            var start = new CyclicBarrier(requests);
            var pool = Executors.newFixedThreadPool(requests);
            try {
                var statuses = new ArrayList<Future<Integer>>();
                for (int i = 0; i < requests; i++) {
                    int index = i;
                    statuses.add(pool.submit((Callable<Integer>) () -> {
                        start.await();
                        return request.send(index);
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

    @Nested
    @DisplayName("conditional reads (HTTP caching)")
    class ConditionalReads {

        @Test
        @DisplayName(
                "a member: 200 with the version and view as ETag, kept only in the caller's own cache, for their token")
        void cacheable() {
            var member = join("이상경");

            asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private")
                    .expectHeader()
                    .values(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.AUTHORIZATION));
        }

        @ParameterizedTest(name = "If-None-Match: {0}")
        @ValueSource(strings = {"\"1.personal\"", "W/\"1.personal\"", "*", "\"7\", \"1.personal\""})
        @DisplayName("the copy the client has is current: 304 without a body, with the ETag, Cache-Control and Vary")
        void notModified(String ifNoneMatch) {
            var member = join("김상초");

            asOrganizer
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private")
                    .expectHeader()
                    .values(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.AUTHORIZATION))
                    .expectBody()
                    .isEmpty();
        }

        @Test
        @DisplayName("after a change, the tag that was current: 200 with the change and its new tag, then 304 for that")
        void changed() {
            var member = join("김태현");
            rename(member, "김태현 (발표)", null).expectStatus().isOk();

            asOrganizer
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1.personal\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"")
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("김태현 (발표)");
            asOrganizer
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"2.personal\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified();
        }

        @ParameterizedTest(name = "If-None-Match: [{0}]")
        @ValueSource(strings = {"1", "\"1", "W/1", "version 1"})
        @DisplayName("a malformed If-None-Match names no version: 200 with the member, never an error")
        void malformed(String ifNoneMatch) {
            var member = join("이상경");

            asOrganizer
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.displayName")
                    .isEqualTo("이상경");
        }

        @Test
        @DisplayName("an unknown member: 404 problem details as without If-None-Match, kept nowhere (no-store)")
        void unknownMember() {
            asOrganizer
                    .get()
                    .uri(UNKNOWN)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*");
        }

        @Test
        @DisplayName("who am I (GET /me): 304 too while the copy is current, with the same headers")
        void me() {
            var account = "taehyun-" + UUID.randomUUID();
            var asMember = http.mutate()
                    .defaultHeader(
                            HttpHeaders.AUTHORIZATION, TestIssuer.shared().member(account))
                    .build();
            asMember.post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \"김태현\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated();

            asMember.get()
                    .uri("/api/members/me")
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1.personal\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache, private");
        }

        @Test
        @DisplayName("the member list, with no version to ask again with: no ETag, kept nowhere (no-store)")
        void listIsNotKept() {
            asOrganizer
                    .get()
                    .uri("/api/members")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ETAG)
                    .expectHeader()
                    .valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*");
        }
    }

    @Nested
    @DisplayName("conditional reads of a member seen with and without personal details (a tag for each view)")
    class Views {

        private RestTestClient asMember(String account) {
            return http.mutate()
                    .defaultHeader(
                            HttpHeaders.AUTHORIZATION, TestIssuer.shared().member(account))
                    .build();
        }

        /** A member who joined as {@code account}, with an e-mail: the path of their member. */
        private String joinAs(RestTestClient member, String displayName) {
            return member.post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"displayName\": \"" + displayName + "\", \"email\": \"" + uniqueEmail("view") + "\"}")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getLocation()
                    .getPath();
        }

        @Test
        @DisplayName("the organizer's tag, sent by another member: 200 with their own view and tag, never 304")
        void organizersTagForAnotherMember() {
            var member = join("이상경", uniqueEmail("sangkyung"));
            var organizersTag = asOrganizer
                    .get()
                    .uri(member)
                    .exchange()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getETag();

            asMember("sangcho-" + UUID.randomUUID())
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, organizersTag)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectBody()
                    .jsonPath("$.email")
                    .isEmpty()
                    .jsonPath("$.account")
                    .isEmpty();
            assertThat(organizersTag).isEqualTo("\"1.personal\"");
        }

        @Test
        @DisplayName("another member's own tag, without personal details: 304 for them")
        void publicTagForAnotherMember() {
            var member = join("김상초", uniqueEmail("sangcho"));

            asMember("taehyun-" + UUID.randomUUID())
                    .get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        @DisplayName("the member's own tag: 304 for them; the tag without personal details: 200 with them")
        void ownTag() {
            var me = asMember("sangkyung-" + UUID.randomUUID());
            var member = joinAs(me, "이상경");

            me.get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1.personal\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"");
            me.get()
                    .uri(member)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1.personal\"")
                    .expectBody()
                    .jsonPath("$.email")
                    .isNotEmpty();
        }

        @Test
        @DisplayName("If-Match with the tag a read returned: the change is made; once stale, 412")
        void ifMatchWithTheTagRead() {
            var me = asMember("taehyun-" + UUID.randomUUID());
            var member = joinAs(me, "김태현");
            var tag = me.get()
                    .uri(member)
                    .exchange()
                    .returnResult(String.class)
                    .getResponseHeaders()
                    .getETag();

            me.put()
                    .uri(member + "/display-name")
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.IF_MATCH, tag)
                    .body("{\"displayName\": \"김태현 (발표)\"}")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2.personal\"");
            me.post()
                    .uri(member + "/leave")
                    .header(HttpHeaders.IF_MATCH, tag)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED);
            assertThat(tag).isEqualTo("\"1.personal\"");
        }
    }

    @FunctionalInterface
    interface IndexedRequest {
        int send(int index);
    }
}
