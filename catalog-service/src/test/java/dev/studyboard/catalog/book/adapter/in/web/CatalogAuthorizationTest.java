package dev.studyboard.catalog.book.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.catalog.CatalogIntegrationTest;
import dev.studyboard.testsupport.TestIssuer;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Who may do what to the catalog, checked by catalog-service itself against real tokens (defence in depth: these
 * requests never pass the gateway): anyone reads; the organizer and the {@code catalog.write} client write; a token
 * that is not valid here is refused outright.
 */
@CatalogIntegrationTest
@DisplayName("Access to the catalog")
class CatalogAuthorizationTest {

    static final TestIssuer ISSUER = TestIssuer.shared();

    static final String BOOK = """
            {"title": "Access %s", "authors": ["Sam Newman"], "chapters": [
              {"number": 9, "title": "보안", "sections": [{"item": "9.1", "title": "인증과 인가", "page": 329}]}]}
            """;

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    /** A book registered by the organizer, path {@code /api/catalog/books/{id}}, at version 1. */
    String book;

    @BeforeEach
    void registerBook() {
        book = register(ISSUER.organizer(), UUID.randomUUID().toString())
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation()
                .getPath();
    }

    private RestTestClient.ResponseSpec register(String authorization, String title) {
        var request = http.post().uri("/api/catalog/books").contentType(MediaType.APPLICATION_JSON);
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        return request.body(BOOK.formatted(title)).exchange();
    }

    private long booksTitled(String title) {
        return jdbc.sql("SELECT count(*) FROM book WHERE title = :title")
                .param("title", "Access " + title)
                .query(Long.class)
                .single();
    }

    /** Every change the catalog API offers, on {@link #book}; in this order, each one succeeds if allowed. */
    enum Change {
        ADD_CHAPTER(HttpMethod.POST, "/chapters", "{\"number\": 10, \"title\": \"모놀리스 분해\"}"),
        RENAME_CHAPTER(HttpMethod.PUT, "/chapters/9", "{\"title\": \"보안 (개정)\"}"),
        ADD_SECTION(HttpMethod.POST, "/chapters/9/sections", "{\"item\": \"9.2\", \"title\": \"최소 권한\"}"),
        REVISE_SECTION(HttpMethod.PUT, "/chapters/9/sections/9.1", "{\"title\": \"인증\", \"page\": 330}"),
        REMOVE_SECTION(HttpMethod.DELETE, "/chapters/9/sections/9.1", null),
        REMOVE_CHAPTER(HttpMethod.DELETE, "/chapters/9", null),
        REMOVE_BOOK(HttpMethod.DELETE, "", null);

        final HttpMethod method;
        final String path;
        final String body;

        Change(HttpMethod method, String path, String body) {
            this.method = method;
            this.path = path;
            this.body = body;
        }

        RestTestClient.ResponseSpec send(RestTestClient http, String book, String authorization) {
            var request = http.method(method).uri(book + path).header(HttpHeaders.AUTHORIZATION, authorization);
            return body == null
                    ? request.exchange()
                    : request.contentType(MediaType.APPLICATION_JSON).body(body).exchange();
        }

        @Override
        public String toString() {
            return method + " /books/<id>" + path;
        }
    }

    static Stream<Named<String>> forgedTokens() {
        return ISSUER.forgeries();
    }

    static Stream<Arguments> refusedCallers() {
        var callers = Stream.of(
                Named.of("a member", ISSUER.member("sanggyeong")),
                Named.of("the synthetic check (studyboard.read)", ISSUER.client("synthetic-check", "studyboard.read")),
                Named.of("a client with another service's scope", ISSUER.client("demo-loader", "members.write")));
        return callers.flatMap(caller -> Stream.of(Change.values()).map(change -> Arguments.of(caller, change)));
    }

    static Stream<Named<String>> writers() {
        return Stream.of(
                Named.of("the organizer", ISSUER.organizer()),
                Named.of("the demo-loader (catalog.write)", ISSUER.client("demo-loader", "catalog.write")));
    }

    @Nested
    @DisplayName("reading")
    class Reading {

        @ParameterizedTest(name = "GET /books/<id>{0}")
        @ValueSource(strings = {"", "/chapters/9", "/chapters/9/sections/9.1"})
        @DisplayName("a book, a chapter or a section needs no token")
        void anonymous(String path) {
            http.get().uri(book + path).exchange().expectStatus().isOk();
            http.head().uri(book + path).exchange().expectStatus().isOk();
        }

        @ParameterizedTest(name = "GET {0}")
        @ValueSource(strings = {"/api/catalog/books", "/api/catalog/v3/api-docs"})
        @DisplayName("the list and the API's description need no token")
        void anonymousListAndDocs(String path) {
            http.get().uri(path).exchange().expectStatus().isOk();
        }

        @Test
        @DisplayName("is open to any valid token too, e.g. the synthetic check's")
        void withToken() {
            http.get()
                    .uri(book)
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.client("synthetic-check", "studyboard.read"))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("refuses a token that is not valid, even where none is needed: 401")
        void forgedTokenOnPublicRead() {
            http.get()
                    .uri(book)
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            ISSUER.token().signedByStranger().bearer())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    @DisplayName("changing")
    class Changing {

        @Test
        @DisplayName("without a token: 401 problem details asking for a bearer token, and nothing registered")
        void noToken() {
            var title = UUID.randomUUID().toString();

            register(null, title)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer").doesNotContain("error="))
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401);
            assertThat(booksTitled(title)).isZero();
        }

        @ParameterizedTest(name = "with the organizer''s token {0}: 401")
        @MethodSource("dev.studyboard.catalog.book.adapter.in.web.CatalogAuthorizationTest#forgedTokens")
        @DisplayName(
                "with a token that is not valid here: 401 problem details naming invalid_token, nothing registered")
        void forgedToken(String token) {
            var title = UUID.randomUUID().toString();

            register(token, title)
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
            assertThat(booksTitled(title)).isZero();
        }

        @ParameterizedTest(name = "{0}: {1} → 403")
        @MethodSource("dev.studyboard.catalog.book.adapter.in.web.CatalogAuthorizationTest#refusedCallers")
        @DisplayName("by a caller without the organizer role or catalog.write: 403 problem details, book unchanged")
        void refused(String caller, Change change) {
            change.send(http, book, caller)
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403);

            http.get().uri(book).exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"");
        }

        @Test
        @DisplayName("registering, by a member: 403, and nothing registered")
        void memberCannotRegister() {
            var title = UUID.randomUUID().toString();

            register(ISSUER.member("sanggyeong"), title).expectStatus().isForbidden();

            assertThat(booksTitled(title)).isZero();
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.studyboard.catalog.book.adapter.in.web.CatalogAuthorizationTest#writers")
        @DisplayName("by the organizer or the catalog.write client: every change succeeds")
        void allowed(String writer) {
            register(writer, UUID.randomUUID().toString()).expectStatus().isCreated();
            for (var change : Change.values()) {
                change.send(http, book, writer)
                        .expectStatus()
                        .value(status ->
                                assertThat(status).as(change.toString()).isBetween(200, 299));
            }

            http.get().uri(book).exchange().expectStatus().isNotFound(); // the last change removed it
        }
    }

    @Nested
    @DisplayName("anything the API does not offer")
    class Unlisted {

        @Test
        @DisplayName("is refused: 401 without a token, 403 with one, even the organizer's")
        void deniedToAll() {
            http.patch()
                    .uri(book)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            http.patch()
                    .uri(book)
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .expectStatus()
                    .isForbidden();
            http.get()
                    .uri("/api/catalog/nothing-here")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }
}
