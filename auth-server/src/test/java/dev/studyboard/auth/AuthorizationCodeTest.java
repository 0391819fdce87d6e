package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
@DisplayName("A person signing in to Swagger UI (authorization code + PKCE, over HTTP)")
class AuthorizationCodeTest {

    private static final String CLI_REDIRECT = "http://127.0.0.1:8765/callback";
    private static final Pattern CONSENT_STATE = Pattern.compile("name=\"state\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    Browser browser;
    ResourceServerCheck resourceServer;

    @BeforeEach
    void openABrowser() {
        browser = Browser.at("http://127.0.0.1:" + port);
        resourceServer = ResourceServerCheck.of(browser.base());
    }

    @Nested
    @DisplayName("a demo member")
    class Member {

        @Test
        @DisplayName("is sent to the login page first, then back to Swagger UI with a code and the same state")
        void loginFirst() {
            // given a browser that has not signed in
            var pkce = Pkce.create();

            // when Swagger UI sends it to the authorization endpoint
            var first = browser.get(SignIn.authorizeUrl("swagger-ui", AuthServerTest.SWAGGER_REDIRECT, pkce, "s1"));

            // then it is asked to sign in, and after signing in it is sent back with a code
            assertThat(first.statusCode()).isEqualTo(302);
            assertThat(Browser.location(first)).endsWith("/login");
            var back = browser.follow(browser.signIn("sanggyeong", AuthServerTest.PASSWORD));
            assertThat(Browser.location(back)).startsWith(AuthServerTest.SWAGGER_REDIRECT);
            assertThat(Browser.query(Browser.location(back)))
                    .containsEntry("state", "s1")
                    .containsKey("code");
        }

        @Test
        @DisplayName(
                "gets an access token that names them: sub = username, roles [member], name, aud, scope; no e-mail")
        void accessToken() {
            // when
            var tokens = SignIn.swaggerUi(browser, "sanggyeong", AuthServerTest.PASSWORD);

            // then
            var jwt = resourceServer.decode((String) tokens.get("access_token"));
            assertThat(jwt.getSubject()).isEqualTo("sanggyeong");
            assertThat(jwt.getClaimAsStringList("roles")).containsExactly("member");
            assertThat(jwt.getClaimAsString("name")).isEqualTo("이상경");
            assertThat(jwt.getAudience()).containsExactlyInAnyOrder("swagger-ui", "study-board-api");
            assertThat(jwt.getClaimAsString("client_id")).isEqualTo("swagger-ui");
            assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("openid", "profile", "email");
            // frugal with personal data: the e-mail is in the ID token for the client, never in the access token
            // that every service sees
            assertThat(jwt.getClaims()).doesNotContainKey("email");
            assertThat(tokens).containsEntry("token_type", "Bearer");
        }

        @Test
        @DisplayName("gets no refresh token: a public client in the browser signs in again (Spring's rule, kept)")
        void noRefreshToken() {
            var tokens = SignIn.swaggerUi(browser, "sanggyeong", AuthServerTest.PASSWORD);

            assertThat(tokens).containsKey("access_token").doesNotContainKey("refresh_token");
        }

        @Test
        @DisplayName("gets an ID token with name, preferred_username and e-mail, for Swagger UI only")
        void idToken() {
            var tokens = SignIn.swaggerUi(browser, "sangcho", AuthServerTest.PASSWORD);

            var idToken = resourceServerFor("swagger-ui").decode((String) tokens.get("id_token"));
            assertThat(idToken.getSubject()).isEqualTo("sangcho");
            assertThat(idToken.getAudience()).containsExactly("swagger-ui");
            assertThat(idToken.getClaimAsString("name")).isEqualTo("김상초");
            assertThat(idToken.getClaimAsString("preferred_username")).isEqualTo("sangcho");
            assertThat(idToken.getClaimAsString("email")).isEqualTo("sangcho@example.com");
        }

        @Test
        @DisplayName("the userinfo endpoint answers the same person for their access token")
        void userInfo() {
            var tokens = SignIn.swaggerUi(browser, "taehyun", AuthServerTest.PASSWORD);

            var response = Browser.client(browser.base())
                    .send(HttpRequest.newBuilder(URI.create(browser.base() + "/userinfo"))
                            .header("Authorization", "Bearer " + tokens.get("access_token")));

            assertThat(response.statusCode())
                    .as(response.headers() + response.body())
                    .isEqualTo(200);
            assertThat(Browser.json(response))
                    .containsEntry("sub", "taehyun")
                    .containsEntry("name", "김태현")
                    .containsEntry("email", "taehyun@example.com");
        }
    }

    @Test
    @DisplayName("the organizer's access token has the roles [member, organizer]")
    void organizer() {
        var tokens = SignIn.swaggerUi(browser, "organizer", AuthServerTest.PASSWORD);

        var jwt = resourceServer.decode((String) tokens.get("access_token"));
        assertThat(jwt.getSubject()).isEqualTo("organizer");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("member", "organizer");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("스터디 운영자");
    }

    @Test
    @DisplayName("the CLI's loopback sign-in (RFC 8252) gets no refresh token either, though the CLI may refresh:"
            + " only its device flow answers one")
    void cliLoopback() {
        // given the CLI sends the person to sign in, with its loopback redirect
        var pkce = Pkce.create();
        var consent = SignIn.toCode(
                browser,
                "organizer",
                AuthServerTest.PASSWORD,
                SignIn.authorizeUrl("study-board-cli", CLI_REDIRECT, pkce, "s-cli"));
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(200);

        // when the person confirms the scopes, and the CLI exchanges the code
        var approved = browser.post(
                "/oauth2/authorize",
                "client_id",
                "study-board-cli",
                "state",
                consentState(consent.body()),
                "scope",
                "profile",
                "scope",
                "email");
        var location = Browser.location(approved);
        assertThat(location).startsWith(CLI_REDIRECT);
        var token = Browser.client(browser.base())
                .post(
                        "/oauth2/token",
                        "grant_type",
                        "authorization_code",
                        "code",
                        Browser.query(location).get("code"),
                        "redirect_uri",
                        CLI_REDIRECT,
                        "client_id",
                        "study-board-cli",
                        "code_verifier",
                        pkce.verifier());

        // then it has an access token for the person, and no refresh token
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        var tokens = Browser.json(token);
        assertThat(resourceServer.decode((String) tokens.get("access_token")).getSubject())
                .isEqualTo("organizer");
        assertThat(tokens).doesNotContainKey("refresh_token");
    }

    @Nested
    @DisplayName("refused")
    class Refused {

        @Test
        @DisplayName("a wrong password: back to the login page with an error, no code")
        void wrongPassword() {
            browser.get(SignIn.authorizeUrl("swagger-ui", AuthServerTest.SWAGGER_REDIRECT, Pkce.create(), "s"));

            var response = browser.signIn("sanggyeong", "not-the-password");

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(Browser.location(response)).endsWith("/login?error");
            assertThat(browser.get("/login?error").body()).contains("Invalid credentials");
        }

        @Test
        @DisplayName("an unknown user: the same answer as a wrong password")
        void unknownUser() {
            var response = browser.signIn("nobody", "whatever");

            assertThat(Browser.location(response)).endsWith("/login?error");
        }

        @Test
        @DisplayName("an authorization request without PKCE: sent back with invalid_request, no code")
        void noPkce() {
            browser.signIn("sanggyeong", AuthServerTest.PASSWORD);

            var response = browser.get(SignIn.authorizeUrl("swagger-ui", AuthServerTest.SWAGGER_REDIRECT, null, "s"));

            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(Browser.query(Browser.location(response)))
                    .containsEntry("error", "invalid_request")
                    .doesNotContainKey("code");
        }

        @Test
        @DisplayName("a code exchanged without its code_verifier: 401, no token")
        void noVerifier() {
            var pkce = Pkce.create();
            var redirect = SignIn.toCode(
                    browser,
                    "sanggyeong",
                    AuthServerTest.PASSWORD,
                    SignIn.authorizeUrl("swagger-ui", AuthServerTest.SWAGGER_REDIRECT, pkce, "s"));
            var code = Browser.query(Browser.location(redirect)).get("code");

            var withoutVerifier = Browser.client(browser.base())
                    .post(
                            "/oauth2/token",
                            "grant_type",
                            "authorization_code",
                            "code",
                            code,
                            "redirect_uri",
                            AuthServerTest.SWAGGER_REDIRECT,
                            "client_id",
                            "swagger-ui");
            var wrongVerifier = Browser.client(browser.base())
                    .post(
                            "/oauth2/token",
                            "grant_type",
                            "authorization_code",
                            "code",
                            code,
                            "redirect_uri",
                            AuthServerTest.SWAGGER_REDIRECT,
                            "client_id",
                            "swagger-ui",
                            "code_verifier",
                            Pkce.create().verifier());

            assertThat(withoutVerifier.statusCode()).isEqualTo(401);
            assertThat(wrongVerifier.statusCode()).isEqualTo(400);
            assertThat(Browser.json(wrongVerifier)).containsEntry("error", "invalid_grant");
        }

        @Test
        @DisplayName("a redirect URI that is not registered: an error page here, nothing sent there")
        void foreignRedirect() {
            browser.signIn("sanggyeong", AuthServerTest.PASSWORD);

            var response =
                    browser.get(SignIn.authorizeUrl("swagger-ui", "https://evil.example/steal", Pkce.create(), "s"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Location")).isEmpty();
        }
    }

    @Nested
    @DisplayName("Swagger UI in the browser (CORS)")
    class Cors {

        private java.net.http.HttpResponse<String> preflight(String origin) {
            return Browser.client(browser.base())
                    .send(HttpRequest.newBuilder(URI.create(browser.base() + "/oauth2/token"))
                            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                            .header("Origin", origin)
                            .header("Access-Control-Request-Method", "POST")
                            .header("Access-Control-Request-Headers", "content-type"));
        }

        @Test
        @DisplayName("may call the token endpoint from the gateway's origin")
        void gatewayOrigin() {
            var response = preflight("http://localhost:8080");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .hasValue("http://localhost:8080");
        }

        @Test
        @DisplayName("and from no other origin")
        void otherOrigin() {
            var response = preflight("https://evil.example");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
                    .isEmpty();
        }
    }

    private static String consentState(String consentPage) {
        var state = CONSENT_STATE.matcher(consentPage);
        assertThat(state.find()).as("a state in the consent page").isTrue();
        return state.group(1);
    }

    private ResourceServerCheck resourceServerFor(String audience) {
        return new ResourceServerCheck(browser.base() + "/oauth2/jwks", AuthServerTest.ISSUER, audience);
    }
}
