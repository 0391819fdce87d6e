package dev.studyboard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.auth.AuthServerTest;
import dev.studyboard.auth.Browser;
import dev.studyboard.auth.Pkce;
import dev.studyboard.auth.ResourceServerCheck;
import dev.studyboard.auth.SignIn;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

@AuthServerTest
@DisplayName("The gateway signing a person in to the board (study-board-web, the backend for frontend's client)")
class GatewaySignInTest {

    private static final String CLIENT = "study-board-web";
    private static final String REDIRECT = "http://localhost:8080/login/oauth2/code/study-board";
    private static final String AFTER_LOGOUT = "http://localhost:8080/";

    @LocalServerPort
    int port;

    @Autowired
    RegisteredClientRepository clients;

    Browser browser;
    Browser gateway;

    @BeforeEach
    void openABrowser() {
        browser = Browser.at("http://127.0.0.1:" + port);
        gateway = Browser.client(browser.base());
    }

    @Test
    @DisplayName("is registered as configured: confidential, code with PKCE and refresh, its redirect and post-logout"
            + " URIs, no consent screen, and no API scope")
    void registered() {
        var client = clients.findByClientId(CLIENT);

        assertThat(client).isNotNull();
        assertThat(client.getClientAuthenticationMethods())
                .containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(client.getAuthorizationGrantTypes())
                .containsExactlyInAnyOrder(
                        AuthorizationGrantType.AUTHORIZATION_CODE, AuthorizationGrantType.REFRESH_TOKEN);
        assertThat(client.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(client.getClientSettings().isRequireAuthorizationConsent()).isFalse();
        assertThat(client.getRedirectUris()).containsExactly(REDIRECT);
        assertThat(client.getPostLogoutRedirectUris()).containsExactly(AFTER_LOGOUT);
        assertThat(client.getScopes()).containsExactlyInAnyOrder("openid", "profile");
    }

    @Nested
    @DisplayName("a member signing in through the gateway")
    class SigningIn {

        @Test
        @DisplayName("is sent back to the gateway with a code at once after the login, without a consent page")
        void noConsent() {
            var back =
                    SignIn.toCode(browser, "sanggyeong", AuthServerTest.PASSWORD, authorizeUrl(Pkce.create(), "s-web"));

            assertThat(Browser.location(back)).startsWith(REDIRECT);
            assertThat(Browser.query(Browser.location(back)))
                    .containsEntry("state", "s-web")
                    .containsKey("code");
        }

        @Test
        @DisplayName("gives the gateway an access token for the API, an ID token for itself and a refresh token")
        void tokens() {
            var tokens = signIn("sanggyeong");

            var accessToken = ResourceServerCheck.of(browser.base()).decode((String) tokens.get("access_token"));
            assertThat(accessToken.getSubject()).isEqualTo("sanggyeong");
            assertThat(accessToken.getAudience()).containsExactlyInAnyOrder(CLIENT, "study-board-api");
            assertThat(accessToken.getClaimAsStringList("roles")).containsExactly("member");
            assertThat(accessToken.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile");
            var idToken = new ResourceServerCheck(browser.base() + "/oauth2/jwks", AuthServerTest.ISSUER, CLIENT)
                    .decode((String) tokens.get("id_token"));
            assertThat(idToken.getAudience()).containsExactly(CLIENT);
            assertThat(idToken.getClaimAsString("name")).isEqualTo("이상경");
            assertThat(tokens).containsKey("refresh_token");
        }

        @Test
        @DisplayName("lets the gateway refresh the access token with its secret")
        void refresh() {
            var tokens = signIn("taehyun");

            var refreshed = gateway.postAs(
                    CLIENT,
                    AuthServerTest.WEB_CLIENT_SECRET,
                    "/oauth2/token",
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    (String) tokens.get("refresh_token"));

            assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
            var accessToken = (String) Browser.json(refreshed).get("access_token");
            assertThat(ResourceServerCheck.of(browser.base())
                            .decode(accessToken)
                            .getSubject())
                    .isEqualTo("taehyun");
        }

        @Test
        @DisplayName("without PKCE: sent back with invalid_request, although the client is confidential")
        void pkceRequired() {
            browser.signIn("sanggyeong", AuthServerTest.PASSWORD);

            var response = browser.get(authorizeUrl(null, "s"));

            assertThat(Browser.query(Browser.location(response)))
                    .containsEntry("error", "invalid_request")
                    .doesNotContainKey("code");
        }

        @Test
        @DisplayName("asking for an e-mail scope it was not given: sent back with invalid_scope")
        void noOtherScope() {
            browser.signIn("sanggyeong", AuthServerTest.PASSWORD);

            var response = browser.get(authorizeUrl(Pkce.create(), "s").replace("openid+profile", "openid+email"));

            assertThat(Browser.query(Browser.location(response))).containsEntry("error", "invalid_scope");
        }

        @Test
        @DisplayName("the code exchanged without the gateway's secret: 401, no token")
        void secretRequired() {
            var pkce = Pkce.create();
            var back = SignIn.toCode(browser, "sanggyeong", AuthServerTest.PASSWORD, authorizeUrl(pkce, "s"));

            var token = gateway.post(
                    "/oauth2/token",
                    "grant_type",
                    "authorization_code",
                    "code",
                    Browser.query(Browser.location(back)).get("code"),
                    "redirect_uri",
                    REDIRECT,
                    "client_id",
                    CLIENT,
                    "code_verifier",
                    pkce.verifier());

            assertThat(token.statusCode()).isEqualTo(401);
            assertThat(token.body()).doesNotContain("access_token");
        }
    }

    @Nested
    @DisplayName("signing out (OpenID Connect RP-initiated logout, /connect/logout)")
    class SigningOut {

        @Test
        @DisplayName("ends the login session here and sends the browser back to the board")
        void backToTheBoard() {
            // given a person signed in through the gateway
            var idToken = (String) signIn("sangcho").get("id_token");

            // when the gateway sends the browser to the end-session endpoint
            var logout = browser.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                    + Browser.encode(AFTER_LOGOUT));

            // then it is sent back to the board, and the next sign-in asks for the password again
            assertThat(logout.statusCode()).isEqualTo(302);
            assertThat(Browser.location(logout)).isEqualTo(AFTER_LOGOUT);
            var again = browser.get(authorizeUrl(Pkce.create(), "s-again"));
            assertThat(Browser.location(again)).endsWith("/login");
        }

        @Test
        @DisplayName("to an address that is not registered: refused with 400, nothing sent there")
        void foreignAddress() {
            var idToken = (String) signIn("sangcho").get("id_token");

            var logout = browser.get("/connect/logout?id_token_hint=" + idToken + "&post_logout_redirect_uri="
                    + Browser.encode("https://evil.example/"));

            assertThat(logout.statusCode()).isEqualTo(400);
            assertThat(logout.headers().firstValue("Location")).isEmpty();
        }
    }

    /** The authorization request the gateway sends the browser with (scopes openid profile). */
    private static String authorizeUrl(Pkce pkce, String state) {
        return "/oauth2/authorize?response_type=code&client_id=" + CLIENT
                + "&redirect_uri=" + Browser.encode(REDIRECT)
                + "&scope=openid+profile"
                + "&state=" + state
                + (pkce == null ? "" : "&code_challenge=" + pkce.challenge() + "&code_challenge_method=S256");
    }

    /** The whole flow as the gateway runs it: the token response of its code exchange (with its secret). */
    private Map<String, Object> signIn(String username) {
        var pkce = Pkce.create();
        var back = SignIn.toCode(
                browser,
                username,
                AuthServerTest.PASSWORD,
                authorizeUrl(pkce, UUID.randomUUID().toString()));
        assertThat(Browser.location(back)).startsWith(REDIRECT);
        HttpResponse<String> token = gateway.postAs(
                CLIENT,
                AuthServerTest.WEB_CLIENT_SECRET,
                "/oauth2/token",
                "grant_type",
                "authorization_code",
                "code",
                Browser.query(Browser.location(back)).get("code"),
                "redirect_uri",
                REDIRECT,
                "code_verifier",
                pkce.verifier());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return Browser.json(token);
    }
}
