package dev.studyboard.e2e.browser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openqa.selenium.By;

/** The books ({@code /}): a row per book with its progress, and for a signed-in person their summary. */
public final class BooksPage {

    /** A book's row: its id ({@code data-book-id}), the title linking to its board, and 'done / all'. */
    public record Book(String id, String title, String progress) {}

    private static final By BOOKS = By.id("books");
    private static final By MY_SUMMARY = By.id("my-summary");

    /** One round trip for the whole table: read cell by cell, a live update could change it halfway. */
    private static final String READ_BOOKS = """
            const text = (row, css) => {
              const element = row.querySelector(css);
              return element ? element.innerText.trim() : '<no ' + css + '>';
            };
            return Array.from(document.querySelectorAll('#books tr[data-book-id]')).map(row => ({
              id: row.dataset.bookId,
              title: text(row, 'a[href*="/books/"]'),
              progress: text(row, 'td.progress')
            }));
            """;

    private final Browser browser;

    private BooksPage(Browser browser) {
        this.browser = browser;
    }

    public static BooksPage open(Browser browser) {
        browser.visit("/");
        browser.find(BOOKS);
        return new BooksPage(browser);
    }

    public PageHeader header() {
        return new PageHeader(browser);
    }

    @SuppressWarnings("unchecked")
    public List<Book> books() {
        var rows = (List<Map<String, Object>>) browser.script(READ_BOOKS);
        return rows.stream()
                .map(row -> new Book((String) row.get("id"), (String) row.get("title"), (String) row.get("progress")))
                .toList();
    }

    public Optional<Book> book(String title) {
        return books().stream().filter(book -> book.title().equals(title)).findFirst();
    }

    /** 'Your summary': shown only to a signed-in person. */
    public Optional<String> mySummary() {
        return browser.findAll(MY_SUMMARY).stream()
                .findFirst()
                .map(summary -> summary.getText().strip());
    }

    /** Follows the book's title to its board. */
    public BoardPage openBoard(String title) {
        var book = book(title).orElseThrow(() -> new AssertionError("No book '" + title + "' among " + books()));
        browser.click(By.cssSelector("tr[data-book-id='" + book.id() + "'] a[href*='/books/']"));
        return new BoardPage(browser, book.id()).loaded();
    }
}
