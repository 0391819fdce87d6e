package dev.studyboard.e2e.browser;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser sessions of one test ({@code @RegisterExtension}): opened by the test, closed after it. When the test
 * fails, each session first leaves what it showed under {@code target/browser-failures/}: {@code <test>.png} and
 * {@code <test>.html} (the page as scripts left it), {@code <test>-2.…} for a second session. A failed browser test
 * is otherwise hard to understand: the browser is gone.
 */
public final class Browsers implements AfterTestExecutionCallback, AfterEachCallback {

    private final Path failures;
    private final List<Browser> open = new ArrayList<>();

    public Browsers() {
        this(Path.of("target", "browser-failures"));
    }

    Browsers(Path failures) {
        this.failures = failures;
    }

    /** A new session on the site, with cookies of its own. */
    public Browser open(URI site) {
        var browser = Browser.open(site);
        open.add(browser);
        return browser;
    }

    /** Right after the test method, before {@code @AfterEach} methods could change what the pages show. */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent()) {
            keepEvidence(name(context))
                    .forEach(unavailable -> context.publishReportEntry("browser-failures", unavailable));
        }
    }

    /** Saves what each open session shows; returns what could not be saved (a session that broke with the test). */
    List<String> keepEvidence(String test) {
        var unavailable = new ArrayList<String>();
        for (int i = 0; i < open.size(); i++) {
            var file = test + (i == 0 ? "" : "-" + (i + 1));
            try {
                open.get(i).screenshot(failures.resolve(file + ".png"));
                open.get(i).savePage(failures.resolve(file + ".html"));
            } catch (RuntimeException broken) {
                unavailable.add(file + ": " + broken.getMessage());
            }
        }
        return unavailable;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeAll();
    }

    void closeAll() {
        open.forEach(Browser::close);
        open.clear();
    }

    /** {@code StudyBoardInBrowserIT.Member.takesStartsAndCompletes}: the test class without its package. */
    static String name(ExtensionContext context) {
        var type = context.getRequiredTestClass().getName();
        return type.substring(type.lastIndexOf('.') + 1).replace('$', '.') + "."
                + context.getRequiredTestMethod().getName();
    }
}
