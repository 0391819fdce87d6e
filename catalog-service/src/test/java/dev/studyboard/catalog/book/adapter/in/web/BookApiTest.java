package dev.studyboard.catalog.book.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.catalog.CatalogIntegrationTest;
import dev.studyboard.testsupport.TestIssuer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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

@CatalogIntegrationTest
@DisplayName("The catalog REST API")
class BookApiTest {

    static final String BOOK = """
            {
              "title": "그림으로 공부하는 마이크로 서비스 구조",
              "authors": ["Author One", "Author Two"],
              "language": "ko",
              "chapters": [
                {"number": 3, "title": "마이크로서비스 아키텍처의 기본", "sections": [
                  {"item": "3.2", "title": "레이어 아키텍처", "page": 45},
                  {"item": "3.1", "title": "서비스 구조", "page": 44}
                ]},
                {"number": 4, "title": "마이크로서비스 패턴", "sections": [
                  {"item": "4.10", "title": "가상의 열 번째", "page": null},
                  {"item": "4.3", "title": "트랜잭셔널 메시징 패턴", "page": 78}
                ]}
              ]
            }
            """;

    /** Anyone: reads need no token. */
    @Autowired
    RestTestClient http;

    /** The organizer, who may change the catalog (who else may: CatalogAuthorizationTest). */
    RestTestClient asOrganizer;

    @BeforeEach
    void signInAsOrganizer() {
        asOrganizer = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .build();
    }

    private String register(String body) {
        var location = asOrganizer
                .post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        return location.getPath();
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {

        @Test
        @DisplayName("registers a book and returns it with chapters and sections in order, versioned by ETag")
        void registerThenGet() {
            var book = register(BOOK);

            http.get()
                    .uri(book)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("그림으로 공부하는 마이크로 서비스 구조")
                    .jsonPath("$.authors.length()")
                    .isEqualTo(2)
                    .jsonPath("$.version")
                    .isEqualTo(1)
                    .jsonPath("$.chapters[*].number")
                    .isEqualTo(List.of(3, 4))
                    .jsonPath("$.chapters[0].sections[*].item")
                    .isEqualTo(List.of("3.1", "3.2"))
                    .jsonPath("$.chapters[1].sections[*].item")
                    .isEqualTo(List.of("4.3", "4.10"))
                    .jsonPath("$.chapters[1].sections[1].page")
                    .isEmpty();
        }

        @Test
        @DisplayName("adds, renames and removes chapters and sections")
        void editsChaptersAndSections() {
            var book = register(BOOK);

            asOrganizer
                    .post()
                    .uri(book + "/chapters")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"number": 5, "title": "컨테이너, 쿠버네티스, 서버리스"}""")
                    .exchange()
                    .expectStatus()
                    .isCreated()
                    .expectHeader()
                    .valueEquals(HttpHeaders.LOCATION, book + "/chapters/5")
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"");
            asOrganizer
                    .post()
                    .uri(book + "/chapters/5/sections")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"item": "5.1", "title": "컨테이너", "page": 122}""")
                    .exchange()
                    .expectStatus()
                    .isCreated();
            asOrganizer
                    .put()
                    .uri(book + "/chapters/5/sections/5.1")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "컨테이너 기술", "page": 123}""")
                    .exchange()
                    .expectStatus()
                    .isOk();
            asOrganizer
                    .put()
                    .uri(book + "/chapters/3")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "아키텍처의 기본"}""")
                    .exchange()
                    .expectStatus()
                    .isOk();
            asOrganizer
                    .delete()
                    .uri(book + "/chapters/4/sections/4.10")
                    .exchange()
                    .expectStatus()
                    .isOk();
            asOrganizer
                    .delete()
                    .uri(book + "/chapters/4")
                    .exchange()
                    .expectStatus()
                    .isOk();

            http.get()
                    .uri(book)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"7\"")
                    .expectBody()
                    .jsonPath("$.chapters[*].number")
                    .isEqualTo(List.of(3, 5))
                    .jsonPath("$.chapters[0].title")
                    .isEqualTo("아키텍처의 기본")
                    .jsonPath("$.chapters[1].sections[0].title")
                    .isEqualTo("컨테이너 기술")
                    .jsonPath("$.chapters[1].sections[0].page")
                    .isEqualTo(123);
            http.get()
                    .uri(book + "/chapters/5/sections/5.1")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("컨테이너 기술");
        }

        @Test
        @DisplayName("removes a book: afterwards it is gone")
        void removesBook() {
            var book = register(BOOK);

            asOrganizer.delete().uri(book).exchange().expectStatus().isNoContent();

            http.get().uri(book).exchange().expectStatus().isNotFound();
        }

        @Test
        @DisplayName("lists books by title a page at a time, with counts and totals")
        void listsBooksInPages() {
            register(BOOK.replace("그림으로 공부하는 마이크로 서비스 구조", "000 paging B")); // "000" sorts first
            register(BOOK.replace("그림으로 공부하는 마이크로 서비스 구조", "000 paging A"));

            http.get()
                    .uri("/api/catalog/books?page=0&size=2")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.books[*].title")
                    .isEqualTo(List.of("000 paging A", "000 paging B"))
                    .jsonPath("$.books[0].chapterCount")
                    .isEqualTo(2)
                    .jsonPath("$.books[0].sectionCount")
                    .isEqualTo(4)
                    .jsonPath("$.books[0].version")
                    .isEqualTo(1)
                    .jsonPath("$.page.number")
                    .isEqualTo(0)
                    .jsonPath("$.page.size")
                    .isEqualTo(2)
                    .jsonPath("$.page.totalElements")
                    .value(Integer.class, total -> assertThat(total).isGreaterThanOrEqualTo(2));
            http.get()
                    .uri("/api/catalog/books?page=1&size=1")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.books[0].title")
                    .isEqualTo("000 paging B");
        }
    }

    @Nested
    @DisplayName("bad input")
    class BadInput {

        @ParameterizedTest(name = "{0} → 400 naming {1}")
        @CsvSource(delimiter = '|', textBlock = """
                no title                       | title                          | '{"authors": ["a"]}'
                blank author                   | authors[0]                     | '{"title": "t", "authors": [" "]}'
                no authors                     | authors                        | '{"title": "t", "authors": []}'
                chapter number 0               | chapters[0].number             | '{"title": "t", "authors": ["a"], "chapters": [{"number": 0, "title": "c"}]}'
                malformed item number          | chapters[0].sections[0].item   | '{"title": "t", "authors": ["a"], "chapters": [{"number": 4, "title": "c", "sections": [{"item": "4-3", "title": "s"}]}]}'
                page zero                      | chapters[0].sections[0].page   | '{"title": "t", "authors": ["a"], "chapters": [{"number": 4, "title": "c", "sections": [{"item": "4.3", "title": "s", "page": 0}]}]}'
                item of another chapter        | chapters[0].sections[0].item   | '{"title": "t", "authors": ["a"], "chapters": [{"number": 4, "title": "c", "sections": [{"item": "5.1", "title": "s"}]}]}'
                the same chapter twice         | chapters[1].number             | '{"title": "t", "authors": ["a"], "chapters": [{"number": 4, "title": "c"}, {"number": 4, "title": "d"}]}'
                page that is not a number      | chapters[0].sections[0].page   | '{"title": "t", "authors": ["a"], "chapters": [{"number": 4, "title": "c", "sections": [{"item": "4.3", "title": "s", "page": "x"}]}]}'
                """)
        @DisplayName("answers RFC 9457 problem details naming the field and the reason")
        void rejectsInvalidBook(String why, String field, String body) {
            asOrganizer
                    .post()
                    .uri("/api/catalog/books")
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
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field)
                    .jsonPath("$.errors[0].reason")
                    .isNotEmpty();
        }

        @Test
        @DisplayName("a body that claims to be a multipart upload without a boundary: 415 problem details, not a 500")
        void multipartWithoutBoundary() {
            asOrganizer
                    .post()
                    .uri("/api/catalog/books")
                    .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data")
                    .body("x")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(415);
        }

        @Test
        @DisplayName("names every invalid field at once")
        void namesEveryField() {
            asOrganizer
                    .post()
                    .uri("/api/catalog/books")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "", "authors": []}""")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[*].field")
                    .value(List.class, fields -> assertThat(fields).containsExactlyInAnyOrder("title", "authors"));
        }

        @Test
        @DisplayName("rejects a page size above 100")
        void rejectsHugePage() {
            http.get()
                    .uri("/api/catalog/books?size=1000")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("size");
        }

        @Test
        @DisplayName("answers 400 for a body that is not JSON, and stores nothing")
        void rejectsNonJson() {
            asOrganizer
                    .post()
                    .uri("/api/catalog/books")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{not json")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        @DisplayName("answers 404 for an unknown book, chapter or section")
        void unknownIds() {
            var book = register(BOOK);

            http.get()
                    .uri("/api/catalog/books/00000000-0000-0000-0000-000000000000")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            asOrganizer
                    .put()
                    .uri(book + "/chapters/9")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                    {"title": "x"}""")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
            asOrganizer
                    .delete()
                    .uri(book + "/chapters/3/sections/3.9")
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        @DisplayName("answers 409 for a chapter or section that already exists")
        void duplicates() {
            var book = register(BOOK);

            asOrganizer
                    .post()
                    .uri(book + "/chapters")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                    {"number": 3, "title": "again"}""")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT);
            asOrganizer
                    .post()
                    .uri(book + "/chapters/3/sections")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                    {"item": "3.1", "title": "again"}""")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT);
        }
    }

    @Nested
    @DisplayName("concurrent edits")
    class ConcurrentEdits {

        @Test
        @DisplayName("a change with a stale If-Match answers 412 with the current version and changes nothing")
        void staleIfMatch() {
            var book = register(BOOK);
            asOrganizer
                    .put()
                    .uri(book + "/chapters/3")
                    .header(HttpHeaders.IF_MATCH, "\"1\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "first"}""")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"");

            asOrganizer
                    .put()
                    .uri(book + "/chapters/3")
                    .header(HttpHeaders.IF_MATCH, "\"1\"")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "second"}""")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.PRECONDITION_FAILED)
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectBody()
                    .jsonPath("$.currentVersion")
                    .isEqualTo(2);

            http.get()
                    .uri(book + "/chapters/3")
                    .exchange()
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("first");
        }

        @Test
        @DisplayName("of the same version at the same moment, exactly one wins; the others get 409 or 412")
        void simultaneousEdits() throws Exception {
            var book = register(BOOK);
            int writers = 6;
            var start = new CyclicBarrier(writers);
            var statuses = new ArrayList<Future<Integer>>();
            var pool = Executors.newFixedThreadPool(writers);
            try {
                IntStream.range(0, writers)
                        .forEach(i -> statuses.add(pool.submit(() -> {
                            start.await();
                            return asOrganizer
                                    .put()
                                    .uri(book + "/chapters/3")
                                    .header(HttpHeaders.IF_MATCH, "\"1\"")
                                    .contentType(MediaType.APPLICATION_JSON)
                                    .body("{\"title\": \"writer " + i + "\"}")
                                    .exchange()
                                    .returnResult(String.class)
                                    .getStatus()
                                    .value();
                        })));
                var codes = new ArrayList<Integer>();
                for (var status : statuses) {
                    codes.add(status.get());
                }

                assertThat(codes).filteredOn(code -> code == 200).hasSize(1);
                assertThat(codes).filteredOn(code -> code != 200).allMatch(code -> code == 409 || code == 412);
            } finally {
                pool.shutdownNow();
            }
            http.get().uri(book).exchange().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");
        }
    }

    @Nested
    @DisplayName("conditional reads (HTTP caching)")
    class ConditionalReads {

        private static final String UNKNOWN = "/api/catalog/books/00000000-0000-0000-0000-000000000000";

        @Test
        @DisplayName(
                "a book: 200 with its version as ETag, and Cache-Control no-cache: keep it, but ask again each time")
        void cacheable() {
            var book = register(BOOK);

            http.get()
                    .uri(book)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader()
                    .doesNotExist(HttpHeaders.PRAGMA);
        }

        @ParameterizedTest(name = "If-None-Match: {0}")
        @ValueSource(strings = {"\"1\"", "W/\"1\"", "*", "\"7\", \"1\""})
        @DisplayName("the copy the client has is current: 304 without a body, with the ETag and Cache-Control")
        void notModified(String ifNoneMatch) {
            var book = register(BOOK);

            http.get()
                    .uri(book)
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                    .exchange()
                    .expectStatus()
                    .isNotModified()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectHeader()
                    .valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectBody()
                    .isEmpty();
        }

        @Test
        @DisplayName("after a change, the tag that was current: 200 with the change and its new tag, then 304 for that")
        void changed() {
            var book = register(BOOK);
            asOrganizer
                    .put()
                    .uri(book + "/chapters/3")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("""
                            {"title": "아키텍처의 기본"}""")
                    .exchange()
                    .expectStatus()
                    .isOk();

            http.get()
                    .uri(book)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"2\"")
                    .expectBody()
                    .jsonPath("$.chapters[0].title")
                    .isEqualTo("아키텍처의 기본");
            http.get()
                    .uri(book)
                    .header(HttpHeaders.IF_NONE_MATCH, "\"2\"")
                    .exchange()
                    .expectStatus()
                    .isNotModified();
        }

        @ParameterizedTest(name = "If-None-Match: [{0}]")
        @ValueSource(strings = {"1", "\"1", "W/1", "version 1"})
        @DisplayName("a malformed If-None-Match names no version: 200 with the book, never an error")
        void malformed(String ifNoneMatch) {
            var book = register(BOOK);

            http.get()
                    .uri(book)
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .valueEquals(HttpHeaders.ETAG, "\"1\"")
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("그림으로 공부하는 마이크로 서비스 구조");
        }

        @ParameterizedTest(name = "If-None-Match: {0}")
        @ValueSource(strings = {"\"1\"", "*"})
        @DisplayName("an unknown book: 404 problem details as without If-None-Match, kept nowhere (no-store)")
        void unknownBook(String ifNoneMatch) {
            http.get()
                    .uri(UNKNOWN)
                    .header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*");
        }

        @Test
        @DisplayName("the book list, with no version to ask again with: no ETag, kept nowhere (no-store)")
        void listIsNotKept() {
            http.get()
                    .uri("/api/catalog/books")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .doesNotExist(HttpHeaders.ETAG)
                    .expectHeader()
                    .valueMatches(HttpHeaders.CACHE_CONTROL, ".*no-store.*");
        }
    }
}
