package dev.studyboard.progress.page.adapter.in.web;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The study board in a browser, as progress-service renders it behind the gateway: the person signed in arrives as
 * the bearer token the gateway relays (here: the test issuer's), a visitor without one is anonymous. The pages are
 * read with the selectors of the UI contract the browser tests use.
 */
@ProgressIntegrationTest
@DisplayName("The study board pages")
class BoardPagesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final MediaType HTML_UTF8 = MediaType.parseMediaType("text/html;charset=UTF-8");

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();
    final UUID 이상경 = UUID.randomUUID();
    final UUID 김상초 = UUID.randomUUID();

    // Accounts are unique per test: every test class shares one database.
    final String asSanggyeong = ISSUER.member("sanggyeong-" + 이상경);
    final String asSangcho = ISSUER.member("sangcho-" + 김상초);
    final String asOrganizer = ISSUER.organizer();

    /** 3.1 and 3.10 are free, 3.2 is 김상초's; chapter 6 has no sections yet, as in the notes. */
    @BeforeEach
    void givenABookWhose32IsSangchos() {
        upstream.bookRegistered(
                bookId,
                "그림으로 공부하는 마이크로 서비스 구조",
                List.of(
                        chapter(
                                3,
                                "마이크로서비스 아키텍처의 기본",
                                section("3.1", "서비스 구조", 44),
                                section("3.10", "열 번째 절", null),
                                section("3.2", "레이어 아키텍처", 45)),
                        chapter(6, "서비스 메시")));
        upstream.memberJoined(이상경, "이상경", "sanggyeong-" + 이상경);
        upstream.memberJoined(김상초, "김상초", "sangcho-" + 김상초);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            http.get().uri("/books/{id}", bookId).exchange().expectStatus().isOk();
            for (var member : List.of(이상경, 김상초)) {
                http.get()
                        .uri("/api/progress/members/{id}/summary", member)
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        });
        press("3.2", "take", asSangcho).expectStatus().isOk();
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private Document page(String path, String bearer) {
        var html = http.get()
                .uri(path)
                .headers(headers -> authorize(headers, bearer))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentType(HTML_UTF8)
                .returnResult(String.class)
                .getResponseBody();
        return Jsoup.parse(html);
    }

    private Document board(String bearer) {
        return page("/books/" + bookId, bearer);
    }

    /** A row's button, as htmx posts it. */
    private RestTestClient.ResponseSpec press(String item, String action, String bearer) {
        return http.post()
                .uri("/books/{bookId}/sections/{item}/{action}", bookId, item, action)
                .header("HX-Request", "true")
                .headers(headers -> authorize(headers, bearer))
                .exchange();
    }

    /** The answer to a button: the row that takes the old one's place. */
    private static Element answeredRow(RestTestClient.ResponseSpec response, HttpStatus status, String item) {
        var html = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(HTML_UTF8)
                .returnResult(String.class)
                .getResponseBody();
        var row = Jsoup.parseBodyFragment("<table>" + html + "</table>").selectFirst("tr[data-item]");
        assertThat(row).isNotNull();
        assertThat(row.attr("data-item")).isEqualTo(item);
        return row;
    }

    /** An error answered to htmx: the alert alone, which htmx puts after the element that asked (not in its place). */
    private static Element alertNextToTheButton(RestTestClient.ResponseSpec response, HttpStatus status) {
        var result = response.expectStatus()
                .isEqualTo(status)
                .expectHeader()
                .contentType(HTML_UTF8)
                .expectHeader()
                .valueEquals("HX-Retarget", "this")
                .expectHeader()
                .valueEquals("HX-Reswap", "afterend")
                .returnResult(String.class);
        var html = result.getResponseBody();
        assertThat(html).doesNotContainIgnoringCase("<html").doesNotContainIgnoringCase("<!doctype");
        var alert = Jsoup.parseBodyFragment(html).body().selectFirst("p.alert[role=alert]");
        assertThat(alert).isNotNull();
        return alert;
    }

    private static void authorize(HttpHeaders headers, String bearer) {
        if (bearer != null) {
            headers.set(HttpHeaders.AUTHORIZATION, bearer);
        }
    }

    private static Element row(Document board, String item) {
        var row = board.selectFirst("tr[data-item=\"" + item + "\"]");
        assertThat(row).as("row %s", item).isNotNull();
        return row;
    }

    /** The cells of a row as the notes have them: item, title, page, writer, done. */
    private static List<String> cells(Element row) {
        return List.of(
                row.selectFirst("td.item").text(),
                row.selectFirst("td.title").text(),
                row.selectFirst("td.page").text(),
                row.selectFirst("td.writer").text(),
                row.selectFirst("td.done").text());
    }

    private static List<String> buttons(Element row) {
        return row.select("button[data-action]").eachAttr("data-action");
    }

    private String assignment(String item, String field) {
        return http.get()
                .uri("/api/progress/books/{id}/sections/{item}", bookId, item)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(tools.jackson.databind.JsonNode.class)
                .getResponseBody()
                .get(field)
                .asString();
    }

    @Nested
    @DisplayName("to an anonymous visitor")
    class Anonymous {

        @Test
        @DisplayName("the books: a row per book, its title a link to its board, and how many sections are done")
        void books() {
            var books = page("/", null);

            assertThat(books.selectFirst("html").attr("lang")).isEqualTo("ko");
            var book = books.selectFirst("#books tr[data-book-id=" + bookId + "]");
            assertThat(book).isNotNull();
            assertThat(book.selectFirst("a").attr("href")).isEqualTo("/books/" + bookId);
            assertThat(book.selectFirst("a").text()).isEqualTo("그림으로 공부하는 마이크로 서비스 구조");
            assertThat(book.selectFirst("td.progress").text()).isEqualTo("0 / 3");
            assertThat(books.select("#my-summary")).isEmpty();
            assertThat(books.selectFirst("#sign-in").attr("href")).isEqualTo("/oauth2/authorization/study-board");
            assertThat(books.select("#sign-out, #signed-in-as, #import-link")).isEmpty();
        }

        @Test
        @DisplayName("a board: per chapter a heading and the notes' table, its rows in the notes' order, no buttons")
        void boardAsTheNotesHaveIt() {
            var board = board(null);

            assertThat(board.selectFirst("h1").text()).isEqualTo("그림으로 공부하는 마이크로 서비스 구조");
            assertThat(board.select("section.chapter h2").eachText())
                    .containsExactly("03장. 마이크로서비스 아키텍처의 기본", "06장. 서비스 메시");
            assertThat(board.selectFirst("section.chapter table")
                            .select("thead th")
                            .eachText())
                    .containsExactly("아이템", "제목", "페이지", "작성자", "완료");
            assertThat(board.select("tr[data-item]").stream().map(BoardPagesTest::cells))
                    .containsExactly(
                            List.of("3.1", "서비스 구조", "44", "", ""),
                            List.of("3.2", "레이어 아키텍처", "45", "김상초", ""),
                            List.of("3.10", "열 번째 절", "", "", ""));
            assertThat(board.select("button[data-action]")).isEmpty();
            assertThat(board.select("section.chapter table caption")).hasSize(2);
        }

        @Test
        @DisplayName("a board is wired live: #board listens to the book's stream, politely")
        void live() {
            var live = board(null).selectFirst("#board");

            assertThat(live.attr("hx-ext")).isEqualTo("sse");
            assertThat(live.attr("sse-connect")).isEqualTo("/books/" + bookId + "/live");
            assertThat(live.attr("aria-live")).isEqualTo("polite");
            assertThat(live.selectFirst("[hx-trigger=\"sse:board-changed\"]")).isNotNull();
        }

        @Test
        @DisplayName("the summary asks to sign in")
        void summary() {
            assertThat(page("/summary", null).select("main a[href=/oauth2/authorization/study-board]"))
                    .isNotEmpty();
        }
    }

    @Nested
    @DisplayName("to a member signed in")
    class Member {

        @Test
        @DisplayName("take on the free sections only; nothing on someone else's")
        void takeOnFreeSectionsOnly() {
            var board = board(asSanggyeong);

            assertThat(board.selectFirst("section.chapter table")
                            .select("thead th")
                            .eachText())
                    .containsExactly("아이템", "제목", "페이지", "작성자", "완료", "할 일");
            assertThat(buttons(row(board, "3.1"))).containsExactly("take");
            assertThat(buttons(row(board, "3.10"))).containsExactly("take");
            assertThat(buttons(row(board, "3.2"))).isEmpty();
        }

        @Test
        @DisplayName("their own section: its next step, and giving it back")
        void ownSection() {
            assertThat(buttons(row(board(asSangcho), "3.2"))).containsExactly("start", "release");
        }

        @Test
        @DisplayName("the header names them and offers to sign out; no import link")
        void header() {
            var page = page("/", asSanggyeong);

            assertThat(page.selectFirst("#signed-in-as").text()).isEqualTo("sanggyeong-" + 이상경);
            assertThat(page.selectFirst("button#sign-out").attr("hx-post")).isEqualTo("/logout");
            assertThat(page.select("#sign-in, #import-link")).isEmpty();
        }

        @Test
        @DisplayName("the books show their summary, and /summary their sections")
        void summary() {
            assertThat(page("/", asSangcho).selectFirst("#my-summary .taken").text())
                    .isEqualTo("1");

            var summary = page("/summary", asSangcho);
            assertThat(summary.selectFirst("#counts .taken").text()).isEqualTo("1");
            assertThat(summary.selectFirst("#my-work tr[data-item=3.2] td.title")
                            .text())
                    .isEqualTo("레이어 아키텍처");
        }
    }

    @Nested
    @DisplayName("to the organizer")
    class Organizer {

        @Test
        @DisplayName("the steps of anyone's section, and the link to import a study board")
        void everywhere() {
            var board = board(asOrganizer);

            assertThat(buttons(row(board, "3.2"))).containsExactly("start", "release");
            assertThat(board.selectFirst("#import-link").attr("href")).isEqualTo("/imports/new");
        }
    }

    @Nested
    @DisplayName("pressing a button")
    class Pressing {

        @Test
        @DisplayName("take, start, complete: each answers the row as it is now, and the API's board agrees")
        void takeStartComplete() {
            var taken = answeredRow(press("3.1", "take", asSanggyeong), HttpStatus.OK, "3.1");
            assertThat(cells(taken)).containsExactly("3.1", "서비스 구조", "44", "이상경", "");
            assertThat(buttons(taken)).containsExactly("start", "release");
            assertThat(assignment("3.1", "assignee")).isEqualTo(이상경.toString());

            answeredRow(press("3.1", "start", asSanggyeong), HttpStatus.OK, "3.1");
            var done = answeredRow(press("3.1", "complete", asSanggyeong), HttpStatus.OK, "3.1");

            assertThat(cells(done)).containsExactly("3.1", "서비스 구조", "44", "이상경", "✔️");
            assertThat(buttons(done)).containsExactly("reopen");
            assertThat(assignment("3.1", "status")).isEqualTo("DONE");
            assertThat(cells(row(board(null), "3.1"))).containsExactly("3.1", "서비스 구조", "44", "이상경", "✔️");
        }

        @Test
        @DisplayName("someone else's section: 403, the row with an alert saying whose it is, nothing changed")
        void someoneElses() {
            var refused = answeredRow(press("3.2", "start", asSanggyeong), HttpStatus.FORBIDDEN, "3.2");

            assertThat(refused.selectFirst("[role=alert]").text()).isEqualTo("이 섹션은 다른 멤버의 것입니다");
            assertThat(cells(refused)).containsExactly("3.2", "레이어 아키텍처", "45", "김상초", "");
            assertThat(assignment("3.2", "assignee")).isEqualTo(김상초.toString());
            assertThat(assignment("3.2", "status")).isEqualTo("TODO");
            assertThat(assignment("3.2", "version")).isEqualTo("1");
        }

        @Test
        @DisplayName("a section taken meanwhile: 409, the row as it is with an alert")
        void takenMeanwhile() {
            var refused = answeredRow(press("3.2", "take", asSanggyeong), HttpStatus.CONFLICT, "3.2");

            assertThat(refused.selectFirst("[role=alert]").text()).isEqualTo("이미 다른 멤버가 맡았습니다");
            assertThat(refused.selectFirst("td.writer").text()).isEqualTo("김상초");
        }

        @Test
        @DisplayName("refused by the access rules (a machine client): 403, an alert put next to the button, no page")
        void refusedByTheRules() {
            var asMachine = ISSUER.client("demo-loader", "progress.write");

            var alert = alertNextToTheButton(press("3.1", "take", asMachine), HttpStatus.FORBIDDEN);

            assertThat(alert.text()).isEqualTo("이 페이지를 볼 권한이 없습니다");
        }

        @Test
        @DisplayName("a step the page has no button for: 404, an alert put next to the button, no page")
        void noSuchStep() {
            var alert = alertNextToTheButton(press("3.1", "fly", asSanggyeong), HttpStatus.NOT_FOUND);

            assertThat(alert.text()).isEqualTo("찾는 것이 없습니다: 주소를 확인하세요");
        }

        @Test
        @DisplayName("the organizer moves anyone's work along")
        void organizer() {
            var started = answeredRow(press("3.2", "start", asOrganizer), HttpStatus.OK, "3.2");

            assertThat(buttons(started)).containsExactly("complete", "release");
            assertThat(assignment("3.2", "status")).isEqualTo("IN_PROGRESS");
        }

        @Test
        @DisplayName("its writer gives a section back: it is free again")
        void release() {
            var released = answeredRow(press("3.2", "release", asSangcho), HttpStatus.OK, "3.2");

            assertThat(released.selectFirst("td.writer").text()).isEmpty();
            assertThat(buttons(released)).containsExactly("take");
        }

        @Test
        @DisplayName("without a token: 401, nothing changed")
        void anonymous() {
            press("3.1", "take", null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);

            assertThat(buttons(row(board(asSanggyeong), "3.1"))).containsExactly("take");
        }
    }

    @Nested
    @DisplayName("hostile input on the page URLs")
    class HostileInput {

        private static final HttpClient RAW = HttpClient.newHttpClient();

        /** Sent as written, byte for byte: no client normalizes the path or encodes it again. */
        private int send(String method, String path, String bearer, String accept) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, HttpRequest.BodyPublishers.noBody())
                    .header(HttpHeaders.ACCEPT, accept)
                    .timeout(TIMEOUT);
            if (bearer != null) {
                request.header(HttpHeaders.AUTHORIZATION, bearer);
            }
            return RAW.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }

        @ParameterizedTest(name = "{0} {1}: {3}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "GET  | /books/not-a-book                          | text/html         | 400",
                    "GET  | /books/00000000-0000-0000-0000-000000000000 | text/html         | 404",
                    "GET  | /books/not-a-book/live                     | text/event-stream | 400",
                    "GET  | /books/00000000-0000-0000-0000-000000000000/live | text/event-stream | 404",
                    "GET  | /books/../summary                          | text/html         | 400",
                    "GET  | /books/%2e%2e/summary                      | text/html         | 400",
                    "GET  | /books/x%2F..%2F..%2Fsummary               | text/html         | 400",
                    "GET  | /                                          | application/json  | 406",
                    "POST | /books/not-a-book/sections/3.1/take        | */*               | 400",
                    "POST | /books/BOOK/sections/3.1/fly               | */*               | 404",
                    "POST | /books/BOOK/sections/..%2F3.1/take         | */*               | 400",
                    "POST | /books/BOOK/sections/HUGE/take             | */*               | 404",
                    "POST | /books/BOOK/sections/3.1/HUGE              | */*               | 404",
                    "GET  | /imports/not-an-import                     | text/html         | 400",
                    "GET  | /imports/00000000-0000-0000-0000-000000000000 | text/html      | 404",
                })
        @DisplayName("a signed-in member's request: 4xx, never a server error")
        void refused(String method, String path, String accept, int status) throws Exception {
            var bearer = path.startsWith("/imports") ? asOrganizer : asSanggyeong;
            var sent = path.replace("BOOK", bookId.toString()).replace("HUGE", "9".repeat(2000));

            assertThat(send(method, sent, bearer, accept)).isEqualTo(status);
        }
    }
}
