package dev.studyboard.e2e.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The machinery of the browser tests, without the composed system: Debian's headless Chromium starts, renders Korean,
 * is clicked and waited for, and leaves evidence when a test fails. Pages are {@code data:} URLs.
 */
@DisplayName("The browser of the browser tests")
class BrowserTest {

    private static final URI NO_SITE = URI.create("http://localhost:1");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Nested
    @DisplayName("a headless Chromium session")
    class Session {

        @Test
        @DisplayName(
                "renders a Korean page, clicks its button, waits for the change it makes later, and takes a picture")
        void clicksAndWaits() throws IOException {
            // given
            var browser = browsers.open(NO_SITE);
            browser.visit(page("""
                    <h1>스터디 보드</h1>
                    <p id="writer">아직 없음</p>
                    <button id="take" onclick="setTimeout(() => writer.textContent = '이상경', 300)">맡기</button>
                    """));

            // when
            browser.click(By.id("take"));

            // then
            assertThat(browser.until(ExpectedConditions.textToBe(By.id("writer"), "이상경")))
                    .isTrue();
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("스터디 보드");
            assertThat(browser.script("return [navigator.language, window.innerWidth];"))
                    .isEqualTo(List.of("ko", 1280L));
            var picture = browser.screenshot(Path.of("target", "screenshots", "browser-test.png"));
            assertThat(Files.readAllBytes(picture)).startsWith(PNG_SIGNATURE);
        }

        @Test
        @DisplayName("reads a board's rows and acts on one as the board page does, the row replaced in place")
        void readsAndActsOnABoard() {
            // given: a stand-in for the board page, whose take button replaces its row a little later, as htmx does
            var browser = browsers.open(NO_SITE);
            browser.visit(page("""
                    <div id="board"><section class="chapter"><h2>08장. 모니터링</h2><table>
                      <caption>08장</caption>
                      <tr><th scope="col">아이템</th><th scope="col">제목</th><th scope="col">페이지</th>
                          <th scope="col">작성자</th><th scope="col">완료</th><th scope="col">할 일</th></tr>
                      <tr data-item="8.7"><td class="item">8.7</td><td class="title">합성 모니터링</td>
                          <td class="page">250</td><td class="writer"></td><td class="done"></td>
                          <td><button data-action="take" onclick="setTimeout(() => this.closest('tr').outerHTML =
                            '<tr data-item=&quot;8.7&quot;><td class=item>8.7</td><td class=title>합성 모니터링</td>'
                            + '<td class=page>250</td><td class=writer>이상경</td><td class=done>✔️</td>'
                            + '<td><button data-action=reopen>다시 열기</button></td></tr>', 300)">맡기</button></td></tr>
                    </table></section></div>
                    """));
            var board = new BoardPage(browser, "a-book").loaded();
            assertThat(board.columns()).containsExactly(List.of("아이템", "제목", "페이지", "작성자", "완료", "할 일"));
            assertThat(board.row("8.7")).isEqualTo(new BoardPage.Row("8.7", "합성 모니터링", "250", "", "", List.of("take")));

            // when
            board.act("8.7", "take");

            // then
            var done = board.awaitRow("8.7", "done by 이상경", BoardPage.Row::isDone);
            assertThat(done.writer()).isEqualTo("이상경");
            assertThat(done.actions()).containsExactly("reopen");
            assertThat(done.asNotes()).isEqualTo("| 8.7 | 합성 모니터링 | 250 | 이상경 | :heavy_check_mark: |");
        }

        @Test
        @DisplayName("names the missing Chromium and how to point at another, rather than downloading one")
        void missingChromium() {
            var properties = Map.of("browser.chromium", "/nowhere/chromium");

            assertThatThrownBy(() -> Browser.Installation.located(properties::get, variable -> null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("No Chromium at /nowhere/chromium")
                    .hasMessageContaining("apt-get install chromium chromium-driver")
                    .hasMessageContaining("-Dbrowser.chromium=");
        }
    }

    @Nested
    @DisplayName("when a browser test fails")
    class Evidence {

        @Test
        @DisplayName(
                "each open session's page is kept: <test>.png and <test>.html (-2 for the second), as scripts left it")
        void keptForEachSession(@TempDir Path failures) throws IOException {
            // given: two sessions, the first one's page changed by a script
            var failing = new Browsers(failures);
            List<String> unavailable;
            try {
                var first = failing.open(NO_SITE);
                first.visit(page("<p id=\"state\">처음</p>"));
                first.script("document.getElementById('state').textContent = '바뀜';");
                failing.open(NO_SITE).visit(page("<p>둘째</p>"));

                // when
                unavailable = failing.keepEvidence("BrowserTest.failed");
            } finally {
                failing.closeAll();
            }

            // then
            assertThat(unavailable).isEmpty();
            assertThat(Files.readAllBytes(failures.resolve("BrowserTest.failed.png")))
                    .startsWith(PNG_SIGNATURE);
            assertThat(Files.readAllBytes(failures.resolve("BrowserTest.failed-2.png")))
                    .startsWith(PNG_SIGNATURE);
            assertThat(failures.resolve("BrowserTest.failed.html"))
                    .content(StandardCharsets.UTF_8)
                    .contains("바뀜");
            assertThat(failures.resolve("BrowserTest.failed-2.html"))
                    .content(StandardCharsets.UTF_8)
                    .contains("둘째");
        }
    }

    /** A page of its own, as a {@code data:} URL: nothing to serve. */
    private static String page(String body) {
        var html = "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><title>스터디 보드</title></head><body>"
                + body + "</body></html>";
        return "data:text/html;charset=utf-8,"
                + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
