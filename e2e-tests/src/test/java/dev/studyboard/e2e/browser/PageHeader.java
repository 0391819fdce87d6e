package dev.studyboard.e2e.browser;

import java.net.URI;
import java.util.Optional;
import org.openqa.selenium.By;

/** The top of every page: who is signed in (and 로그아웃), or the 로그인 link; the organizer's link to the import. */
public final class PageHeader {

    static final By SIGN_IN = By.id("sign-in");
    static final By SIGNED_IN_AS = By.id("signed-in-as");
    static final By SIGN_OUT = By.id("sign-out");
    static final By IMPORT_LINK = By.id("import-link");

    private final Browser browser;

    PageHeader(Browser browser) {
        this.browser = browser;
    }

    public boolean offersSignIn() {
        return browser.shows(SIGN_IN);
    }

    public boolean offersSignOut() {
        return browser.shows(SIGN_OUT);
    }

    public boolean offersImport() {
        return browser.shows(IMPORT_LINK);
    }

    /** The display name of the person signed in, if someone is. */
    public Optional<String> signedInAs() {
        return browser.findAll(SIGNED_IN_AS).stream()
                .findFirst()
                .map(element -> element.getText().strip());
    }

    /** Follows 로그인 to the auth-server (the gateway starts the authorization code flow). */
    public SignIn signIn(URI authServer) {
        browser.click(SIGN_IN);
        return new SignIn(browser, authServer);
    }

    /**
     * 로그아웃: the gateway ends the session and sends the browser to the auth-server's logout, which sends it back to
     * the site; returns once the site offers 로그인 again.
     */
    public void signOut() {
        browser.click(SIGN_OUT);
        browser.until(driver -> browser.onSite() && browser.shows(SIGN_IN));
    }

    /** The organizer's way to the import (the link, as a person would take it). */
    public ImportPage openImport() {
        browser.click(IMPORT_LINK);
        return new ImportPage(browser).loaded();
    }
}
