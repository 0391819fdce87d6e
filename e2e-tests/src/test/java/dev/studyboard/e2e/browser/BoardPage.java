package dev.studyboard.e2e.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A book's board ({@code /books/{id}}), laid out like the notes: per chapter a table of 아이템, 제목, 페이지, 작성자,
 * 완료 (and 할 일 for a signed-in person), a row per section ({@code tr[data-item]}) with the buttons of the actions
 * this person may take ({@code button[data-action]}).
 */
public final class BoardPage {

    /** A section's row as shown: 완료 is {@code ✔️} or empty; the actions are the buttons offered on it. */
    public record Row(String item, String title, String page, String writer, String done, List<String> actions) {

        public boolean isDone() {
            return done.contains("✔");
        }

        /** The row as the notes write it: {@code | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |}. */
        public String asNotes() {
            return "| %s | %s | %s | %s | %s |"
                    .formatted(item, title, page, writer, isDone() ? ":heavy_check_mark:" : "");
        }
    }

    /** What the site answered to a POST of an action: its status, and its {@code [role=alert]} message, if any. */
    public record Answer(int status, String alert) {}

    private static final By BOARD = By.id("board");

    /** One round trip for the whole board: read cell by cell, a live update could change it halfway. */
    private static final String READ_ROWS = """
            const text = (row, css) => {
              const cell = row.querySelector(css);
              return cell ? cell.innerText.trim() : '<no ' + css + '>';
            };
            return Array.from(document.querySelectorAll('tr[data-item]')).map(row => ({
              item: row.dataset.item,
              title: text(row, 'td.title'),
              page: text(row, 'td.page'),
              writer: text(row, 'td.writer'),
              done: text(row, 'td.done'),
              actions: Array.from(row.querySelectorAll('button[data-action]')).map(button => button.dataset.action)
            }));
            """;

    private static final String READ_COLUMNS = """
            return Array.from(document.querySelectorAll('section.chapter table')).map(table =>
              Array.from(table.querySelectorAll('th[scope=col]')).map(header => header.innerText.trim()));
            """;

    /**
     * The SSE extension keeps a board's EventSource in htmx's data on the element: open means the site has the
     * stream, so a change from now on is pushed to this page.
     */
    private static final String LIVE = """
            const board = document.querySelector('[sse-connect], [data-sse-connect]');
            const data = board && board['htmx-internal-data'];
            return !!(data && data.sseEventSource && data.sseEventSource.readyState === EventSource.OPEN);
            """;

    /**
     * A POST as the page's own buttons make it: through htmx, so the page's script adds the CSRF header, from the
     * row (as a button in it would). Nothing is swapped: the answer is only looked at.
     */
    private static final String POST_AS_THE_PAGE_DOES = """
            const [path, item, done] = arguments;
            const row = document.querySelector('tr[data-item="' + item + '"]');
            document.addEventListener('htmx:afterRequest', function answered(event) {
              const request = event.detail.requestConfig;
              if (!request || request.verb !== 'post' || request.path !== path) {
                return; // another request of the page (a live refresh)
              }
              document.removeEventListener('htmx:afterRequest', answered);
              const answer = document.createElement('template');
              answer.innerHTML = event.detail.xhr.responseText;
              const alert = answer.content.querySelector('[role=alert]');
              done({status: event.detail.xhr.status, alert: alert ? alert.textContent.trim() : ''});
            });
            htmx.ajax('POST', path, {source: row, target: row, swap: 'none'});
            """;

    private final Browser browser;
    private final String bookId;

    BoardPage(Browser browser, String bookId) {
        this.browser = browser;
        this.bookId = bookId;
    }

    public static BoardPage open(Browser browser, Object bookId) {
        browser.visit("/books/" + bookId);
        return new BoardPage(browser, bookId.toString()).loaded();
    }

    BoardPage loaded() {
        browser.find(BOARD);
        return this;
    }

    public PageHeader header() {
        return new PageHeader(browser);
    }

    /** The book's title, the page's {@code h1}. */
    public String title() {
        return browser.find(By.tagName("h1")).getText().strip();
    }

    /** Each chapter table's column headers, in order. */
    @SuppressWarnings("unchecked")
    public List<List<String>> columns() {
        return (List<List<String>>) browser.script(READ_COLUMNS);
    }

    /** Every section's row, in the order of the page. */
    @SuppressWarnings("unchecked")
    public List<Row> rows() {
        var rows = (List<Map<String, Object>>) browser.script(READ_ROWS);
        return rows.stream()
                .map(row -> new Row(
                        (String) row.get("item"),
                        (String) row.get("title"),
                        (String) row.get("page"),
                        (String) row.get("writer"),
                        (String) row.get("done"),
                        (List<String>) row.get("actions")))
                .toList();
    }

    public Row row(String item) {
        return findRow(item).orElseThrow(() -> new AssertionError("No row " + item + " on the board: " + rows()));
    }

    private Optional<Row> findRow(String item) {
        return rows().stream().filter(row -> row.item().equals(item)).findFirst();
    }

    /** Waits until the section's row shows what is {@code expected} ({@link Browser#PATIENCE} at most). */
    public Row awaitRow(String item, String expected, Predicate<Row> condition) {
        return awaitRow(item, expected, condition, Browser.PATIENCE);
    }

    public Row awaitRow(String item, String expected, Predicate<Row> condition, Duration patience) {
        return browser.until(
                patience,
                () -> "row " + item + ": " + expected + ", but it shows " + findRow(item),
                driver -> findRow(item).filter(condition).orElse(null));
    }

    /** Clicks the row's button of the action ({@code take}, {@code start}, …) and waits for the new row. */
    public BoardPage act(String item, String action) {
        var button = browser.click(By.cssSelector("tr[data-item='" + item + "'] button[data-action='" + action + "']"));
        browser.until(ExpectedConditions.stalenessOf(button));
        return this;
    }

    /** POSTs an action on the row as the page's buttons do, whether or not the page offers it: a forged click. */
    public Answer post(String item, String action) {
        var path = "/books/" + bookId + "/sections/" + item + "/" + action;
        @SuppressWarnings("unchecked")
        var answer = (Map<String, Object>) browser.asyncScript(POST_AS_THE_PAGE_DOES, path, item);
        return new Answer(((Number) answer.get("status")).intValue(), (String) answer.get("alert"));
    }

    /** Waits until the board's live stream is open: from then on, others' changes reach this page by themselves. */
    public BoardPage awaitLive() {
        browser.until(driver -> (Boolean) browser.script(LIVE));
        return this;
    }

    /** Leaves a mark on this document: still there later, the page was changed in place, not loaded again. */
    public void mark(String marker) {
        browser.script("window.studyBoardTestMarker = arguments[0];", marker);
    }

    public String marker() {
        return (String) browser.script("return window.studyBoardTestMarker || null;");
    }
}
