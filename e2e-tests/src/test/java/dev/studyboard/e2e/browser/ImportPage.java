package dev.studyboard.e2e.browser;

import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The organizer's import: the upload of notes ({@code /imports/new}), then the import's own page
 * ({@code /imports/{id}}), which follows the saga by refreshing itself until it ends.
 */
public final class ImportPage {

    private static final By NOTES = By.cssSelector("input[type=file][name=notes]");
    private static final By SUBMIT =
            By.xpath("ancestor::form//*[self::button[not(@type='button')] or self::input[@type='submit']]");

    private final Browser browser;

    ImportPage(Browser browser) {
        this.browser = browser;
    }

    public static ImportPage open(Browser browser) {
        browser.visit("/imports/new");
        return new ImportPage(browser).loaded();
    }

    ImportPage loaded() {
        browser.find(NOTES);
        return this;
    }

    /** Chooses the file (as the file dialog would) and sends it; returns on the import's own page. */
    public ImportPage upload(Path notes) {
        var input = browser.find(NOTES);
        input.sendKeys(notes.toAbsolutePath().toString());
        input.findElement(SUBMIT).click();
        browser.until(ExpectedConditions.urlMatches("/imports/[0-9a-fA-F-]{36}([?#].*)?$"));
        return this;
    }

    /** How the import ended, as its page says: {@code COMPLETED} or {@code COMPENSATED}. */
    public String awaitEnd(Duration patience) {
        return browser.until(patience, () -> "the import to end, at " + browser.url(), driver -> {
            var page = browser.find(By.tagName("body")).getText();
            return page.contains("COMPENSATED") ? "COMPENSATED" : page.contains("COMPLETED") ? "COMPLETED" : null;
        });
    }
}
