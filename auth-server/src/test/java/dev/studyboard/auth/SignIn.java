package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** The authorization code flow with PKCE as Swagger UI runs it, step by step over HTTP. */
public final class SignIn {

    private SignIn() {}

    public static String authorizeUrl(String clientId, String redirectUri, Pkce pkce, String state) {
        return "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + Browser.encode(redirectUri)
                + "&scope=" + Browser.encode("openid profile email")
                + "&state=" + state
                + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
    }

    /** Opens the authorization URL, signs in when sent to the login page, and answers the redirect to the client. */
    public static HttpResponse<String> toCode(Browser browser, String username, String password, String authorizeUrl) {
        var response = browser.get(authorizeUrl);
        if (Browser.isRedirect(response) && Browser.location(response).endsWith("/login")) {
            response = browser.signIn(username, password);
        }
        return browser.follow(response);
    }

    /** The whole flow for swagger-ui: the token response of the code exchange. */
    public static Map<String, Object> swaggerUi(Browser browser, String username, String password) {
        var pkce = Pkce.create();
        var state = UUID.randomUUID().toString();
        var redirect = toCode(
                browser, username, password, authorizeUrl("swagger-ui", AuthServerTest.SWAGGER_REDIRECT, pkce, state));
        var location = Browser.location(redirect);
        assertThat(location).startsWith(AuthServerTest.SWAGGER_REDIRECT);
        var parameters = Browser.query(location);
        assertThat(parameters).containsEntry("state", state).containsKey("code");
        var token = Browser.client(browser.base())
                .post(
                        "/oauth2/token",
                        "grant_type",
                        "authorization_code",
                        "code",
                        parameters.get("code"),
                        "redirect_uri",
                        AuthServerTest.SWAGGER_REDIRECT,
                        "client_id",
                        "swagger-ui",
                        "code_verifier",
                        pkce.verifier());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Browser.json(token);
    }
}
