package dev.studyboard.e2e.browser;

import java.net.URI;
import org.openqa.selenium.By;

/**
 * The auth-server's login form (Spring Security's own page: {@code username}, {@code password}, 'Sign in'), where the
 * gateway's 로그인 leads, and the way back to the site once the person is known.
 */
public final class SignIn {

    private static final By USERNAME = By.id("username");
    private static final By PASSWORD = By.id("password");
    private static final By SUBMIT = By.cssSelector("form.login-form button[type=submit]");

    private final Browser browser;
    private final URI authServer;

    /** Waits until the browser shows the login form, or is back on the site (the auth-server still knew them). */
    SignIn(Browser browser, URI authServer) {
        this.browser = browser;
        this.authServer = authServer;
        browser.until(driver -> asksForPassword() || (browser.onSite() && browser.shows(PageHeader.SIGNED_IN_AS)));
    }

    /** Whether the auth-server asks who this is: true after a logout, which ends its session too. */
    public boolean asksForPassword() {
        return browser.url().startsWith(authServer.resolve("/").toString()) && browser.shows(PASSWORD);
    }

    /** Signs in and returns once the site shows who is signed in; a refused login fails at once, saying so. */
    public void as(String username, String password) {
        if (!asksForPassword()) {
            throw new IllegalStateException("No login form to sign in as " + username + " at " + browser.url());
        }
        browser.type(USERNAME, username);
        browser.type(PASSWORD, password);
        browser.click(SUBMIT);
        var outcome = browser.until(driver -> {
            if (browser.onSite() && browser.shows(PageHeader.SIGNED_IN_AS)) {
                return "signed in";
            }
            // Spring Security's login page answers a wrong password with /login?error
            return browser.url().startsWith(authServer.resolve("/login?error").toString()) ? "refused" : null;
        });
        if (outcome.equals("refused")) {
            throw new IllegalStateException("The auth-server refused the login of " + username);
        }
    }
}
