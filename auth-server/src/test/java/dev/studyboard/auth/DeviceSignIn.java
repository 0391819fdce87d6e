package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Pattern;

/** The device flow (RFC 8628) as the CLI and a person's browser run it, step by step over HTTP. */
public final class DeviceSignIn {

    public static final String CLI = "study-board-cli";

    private static final Pattern STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    private DeviceSignIn() {}

    /** The CLI asks for a device code: the device authorization response (device_code, user_code, ...). */
    public static Map<String, Object> start(Browser cli, String scope) {
        var response = cli.post("/oauth2/device_authorization", "client_id", CLI, "scope", scope);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Browser.json(response);
    }

    /** The CLI polls the token endpoint with its device code: tokens, or an error such as authorization_pending. */
    public static Map<String, Object> poll(Browser cli, String deviceCode) {
        return Browser.json(cli.post(
                "/oauth2/token",
                "grant_type",
                "urn:ietf:params:oauth:grant-type:device_code",
                "device_code",
                deviceCode,
                "client_id",
                CLI));
    }

    /** The consent page for a user code, as a signed-in browser sees it the first time: its {@code state}. */
    public static String consentState(Browser browser, String userCode) {
        return state(browser.get("/oauth2/device_verification?user_code=" + userCode));
    }

    private static String state(HttpResponse<String> consent) {
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);
        assertThat(consent.body()).contains(CLI);
        var state = STATE.matcher(consent.body());
        assertThat(state.find()).as("a state in the consent page").isTrue();
        return state.group(1);
    }

    /**
     * The signed-in person types the user code and confirms the scope {@code profile}, unless they did so for the CLI
     * before (the consent is remembered): answers where they are sent.
     */
    public static String approve(Browser browser, String userCode) {
        var verification = browser.get("/oauth2/device_verification?user_code=" + userCode);
        if (Browser.isRedirect(verification)) {
            return Browser.location(verification);
        }
        var confirmed = browser.post(
                "/oauth2/device_verification",
                "client_id",
                CLI,
                "state",
                state(verification),
                "scope",
                "profile",
                "user_code",
                userCode);
        return Browser.location(confirmed);
    }

    /** The whole flow: the CLI's token response once the person has signed in and approved in their browser. */
    public static Map<String, Object> tokens(Browser cli, String username, String password) {
        var started = start(cli, "profile");
        var browser = Browser.at(cli.base());
        assertThat(Browser.location(browser.signIn(username, password))).doesNotContain("error");
        assertThat(approve(browser, (String) started.get("user_code"))).endsWith("/activated");
        var tokens = poll(cli, (String) started.get("device_code"));
        assertThat(tokens).containsKeys("access_token", "refresh_token");
        return tokens;
    }

    /** The CLI refreshes with the refresh token it holds, by its client id alone (it has no secret). */
    public static Map<String, Object> refresh(Browser cli, String refreshToken) {
        return refreshAs(cli, CLI, refreshToken);
    }

    public static Map<String, Object> refreshAs(Browser client, String clientId, String refreshToken) {
        return Browser.json(client.post(
                "/oauth2/token", "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }
}
