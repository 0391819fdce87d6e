package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.gateway.AuthServerStandIn.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway as the backend for frontend of the board's pages, over real HTTP: a browser that keeps its cookies,
 * a stand-in auth-server (its own key, its token endpoint) and a stand-in progress-service (WireMock). The browser
 * holds a session cookie; the service receives the session's access token; the API still takes bearer tokens only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            "GATEWAY_RATE_LIMIT=1000",
            "GATEWAY_RATE_PERIOD=1h", // no new allowance during the test: what remains of one can be compared
            "GATEWAY_SIGN_IN_LIMIT=1000", // every test signs in from this one address (SignInLimitTest tests it)
            // Shorter than the live stream's pause below: a circuit breaker on the stream would end it.
            "resilience4j.timelimiter.configs.default.timeout-duration=2s"
        })
@DisplayName("The gateway as the board's backend for frontend")
class BackendForFrontendTest {

    static final AuthServerStandIn AUTH = new AuthServerStandIn();
    static final StandInService PROGRESS = new StandInService("progress-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        AUTH.configure(registry);
        PROGRESS.listIn(registry);
    }

    @AfterAll
    static void stop() {
        AUTH.stop();
        PROGRESS.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebSessionManager sessions;

    Browser browser;

    @BeforeEach
    void openABrowser() {
        AUTH.reset();
        PROGRESS.resetAll();
        PROGRESS.stubFor(any(anyUrl()).willReturn(ok("<html lang=\"ko\"></html>")));
        browser = new Browser(port);
    }

    /** Where the gateway sent the browser to sign in, and the request it made for it. */
    record Authorization(String location, Map<String, String> parameters) {}

    private Authorization startSignIn() {
        var response = browser.get("/oauth2/authorization/study-board");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        var location = Browser.location(response);
        return new Authorization(location, Browser.query(location));
    }

    /** The browser comes back from the auth-server with a code; the gateway exchanges it for these tokens. */
    private HttpResponse<String> comeBack(Authorization authorization, Tokens tokens) {
        AUTH.answersCodeWith(tokens);
        return browser.get("/login/oauth2/code/study-board?code=the-code&state="
                + authorization.parameters().get("state"));
    }

    /** Signs {@code account} in through the whole flow: answers the access token the session now holds. */
    private String signIn(String account) {
        return signIn(account, 300);
    }

    private String signIn(String account, int expiresInSeconds) {
        var authorization = startSignIn();
        var accessToken = AUTH.accessToken(account);
        var idToken = AUTH.idToken(account, authorization.parameters().get("nonce"), AUTH.issuer());
        var back = comeBack(authorization, new Tokens(accessToken, idToken, "refresh-" + account, expiresInSeconds));
        assertThat(back.statusCode()).as(back.body()).isEqualTo(302);
        assertThat(Browser.location(back)).isEqualTo("/");
        return accessToken;
    }

    @Nested
    @DisplayName("signs a person in at the auth-server (OpenID Connect, authorization code with PKCE)")
    class SigningIn {

        @Test
        @DisplayName("sends the browser to the issuer's authorize endpoint, as the client study-board-web, with a PKCE"
                + " challenge, a nonce and its own callback")
        void toTheAuthServer() {
            var authorization = startSignIn();

            assertThat(authorization.location()).startsWith(AUTH.issuer() + "/oauth2/authorize?");
            assertThat(authorization.parameters())
                    .containsEntry("response_type", "code")
                    .containsEntry("client_id", "study-board-web")
                    .containsEntry("scope", "openid profile")
                    .containsEntry("redirect_uri", browser.base() + "/login/oauth2/code/study-board")
                    .containsEntry("code_challenge_method", "S256")
                    .containsKeys("code_challenge", "state", "nonce");
        }

        @Test
        @DisplayName("exchanges the code on the auth-server's own address, with its secret and the PKCE verifier")
        void codeExchange() throws Exception {
            var authorization = startSignIn();

            signInWith(authorization);

            var exchange = AUTH.findAll(postRequestedFor(urlPathEqualTo("/oauth2/token")))
                    .get(0);
            var form = Browser.query("?" + exchange.getBodyAsString());
            assertThat(form)
                    .containsEntry("grant_type", "authorization_code")
                    .containsEntry("code", "the-code")
                    .containsEntry("redirect_uri", browser.base() + "/login/oauth2/code/study-board");
            assertThat(s256(form.get("code_verifier")))
                    .isEqualTo(authorization.parameters().get("code_challenge"));
            assertThat(exchange.getHeader("Authorization"))
                    .isEqualTo("Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (AuthServerStandIn.CLIENT_ID + ":" + AuthServerStandIn.CLIENT_SECRET)
                                                    .getBytes(StandardCharsets.UTF_8)));
        }

        private void signInWith(Authorization authorization) {
            var idToken = AUTH.idToken("sanggyeong", authorization.parameters().get("nonce"), AUTH.issuer());
            comeBack(authorization, new Tokens(AUTH.accessToken("sanggyeong"), idToken, "refresh", 300));
        }

        @Test
        @DisplayName("gives the browser a session cookie no script can read (HttpOnly, SameSite=Lax), a new one at"
                + " sign-in, and sends it back to the board")
        void session() {
            var authorization = startSignIn();
            var before = browser.cookie("SESSION");
            var idToken = AUTH.idToken("sanggyeong", authorization.parameters().get("nonce"), AUTH.issuer());

            var back = comeBack(authorization, new Tokens(AUTH.accessToken("sanggyeong"), idToken, "refresh", 300));

            assertThat(back.statusCode()).isEqualTo(302);
            assertThat(Browser.location(back)).isEqualTo("/");
            assertThat(back.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("SESSION=")
                            .containsIgnoringCase("HttpOnly")
                            .contains("SameSite=Lax"));
            assertThat(browser.cookie("SESSION")).isPresent().isNotEqualTo(before);
        }

        @Test
        @DisplayName("refuses an ID token from another issuer: 401 problem details, and no one is signed in")
        void otherIssuer() {
            var authorization = startSignIn();
            var idToken =
                    AUTH.idToken("sanggyeong", authorization.parameters().get("nonce"), "http://elsewhere.example");

            var back = comeBack(authorization, new Tokens(AUTH.accessToken("sanggyeong"), idToken, "refresh", 300));

            refusedAsProblem(back, 401);
            browser.get("/books/b1");
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/books/b1")).withoutHeader("Authorization"));
        }

        @Test
        @DisplayName("refuses a callback it did not start (an unknown state): 401 problem details, nothing exchanged")
        void unknownState() {
            var back = browser.get("/login/oauth2/code/study-board?code=stolen&state=made-up");

            refusedAsProblem(back, 401);
            AUTH.verify(0, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        }
    }

    @Nested
    @DisplayName("routes the pages to progress-service (TokenRelay)")
    class Pages {

        @Test
        @DisplayName("for a visitor: anonymous, without an Authorization header, even one the browser sent, and"
                + " without the browser's cookies")
        void anonymous() {
            var page = browser.get("/books/b1", "Authorization", "Bearer made-up");

            assertThat(page.statusCode()).isEqualTo(200);
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/books/b1"))
                    .withoutHeader("Authorization")
                    .withoutHeader("Cookie"));
        }

        @Test
        @DisplayName("for a signed-in person: with the session's access token as a bearer token")
        void signedIn() {
            var accessToken = signIn("sanggyeong");

            browser.get("/");

            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/"))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken))
                    .withoutHeader("Cookie"));
        }

        @Test
        @DisplayName("the page's assets and htmx, for anyone; the gateway's own Swagger UI stays its own")
        void assets() {
            browser.get("/assets/board.js");
            browser.get("/webjars/htmx.org/2.0.10/dist/htmx.min.js");
            browser.get("/webjars/htmx-ext-sse/2.2.2/sse.js");
            var swaggerUi = browser.get("/webjars/swagger-ui/index.html");

            PROGRESS.verify(3, getRequestedFor(anyUrl()));
            PROGRESS.verify(0, getRequestedFor(urlPathMatching("/webjars/swagger-ui/.*")));
            assertThat(swaggerUi.statusCode()).isEqualTo(200);
        }

        @Test
        @DisplayName("sets the CSRF token as a cookie the page's script can read (no HttpOnly)")
        void csrfCookie() {
            var page = browser.get("/");

            assertThat(page.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("XSRF-TOKEN=")
                            .doesNotContainIgnoringCase("HttpOnly")
                            .contains("SameSite=Lax"));
        }

        @Test
        @DisplayName("an expired access token: refreshed with the refresh token first, and the new one relayed")
        void refreshed() {
            signIn("sangcho", 30); // within Spring Security's minute of clock skew: due for a refresh
            var fresh = AUTH.accessToken("sangcho");
            AUTH.answersRefreshWith(new Tokens(fresh, null, "refresh-2", 300));

            browser.get("/summary");

            AUTH.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                    .withRequestBody(containing("grant_type=refresh_token"))
                    .withRequestBody(containing("refresh_token=refresh-sangcho")));
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/summary"))
                    .withHeader("Authorization", equalTo("Bearer " + fresh)));
        }

        @Test
        @DisplayName("the imports, for a visitor: sent to sign in, not routed (importing is the organizer's)")
        void importsNeedASession() {
            var page = browser.get("/imports/new");

            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(Browser.location(page)).endsWith("/oauth2/authorization/study-board");
            PROGRESS.verify(0, getRequestedFor(urlPathMatching("/imports/.*")));
        }

        @Test
        @DisplayName("the imports, for a signed-in person: routed with the session's access token")
        void importsSignedIn() {
            var accessToken = signIn("organizer");

            var page = browser.get("/imports/new");

            assertThat(page.statusCode()).isEqualTo(200);
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/imports/new"))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        }

        @Test
        @DisplayName("a refresh the auth-server refuses: sent to sign in again, not an error, and nothing routed")
        void refreshRefused() {
            signIn("sangcho", 30);
            AUTH.refusesRefresh();

            var page = browser.get("/summary");

            assertThat(page.statusCode()).isEqualTo(302);
            assertThat(Browser.location(page)).startsWith(AUTH.issuer() + "/oauth2/authorize?");
            PROGRESS.verify(0, getRequestedFor(urlPathEqualTo("/summary")));
        }
    }

    @Nested
    @DisplayName("takes a change (a POST from the page) only with a session and the CSRF token")
    class Changes {

        private static final String TAKE = "/books/b1/sections/4.3/take";

        @Test
        @DisplayName("signed in, with the token in the header: routed with the session's access token")
        void routed() {
            var accessToken = signIn("taehyun");

            var answer = browser.htmxPost(TAKE);

            assertThat(answer.statusCode()).isEqualTo(200);
            PROGRESS.verify(postRequestedFor(urlPathEqualTo(TAKE))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        }

        @Test
        @DisplayName("signed in, without the CSRF header (as another site's form would post): 403 problem details")
        void noCsrfToken() {
            signIn("taehyun");

            refusedAsProblem(browser.formPost(TAKE), 403);

            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("with a CSRF header that is not the cookie's token: 403 problem details")
        void wrongCsrfToken() {
            signIn("taehyun");

            refusedAsProblem(browser.htmxPost(TAKE, "X-XSRF-TOKEN", "guessed"), 403);

            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("from htmx without a session: HX-Redirect to sign in, which htmx follows with the whole page")
        void htmxWithoutSession() {
            browser.get("/"); // the visitor's CSRF cookie

            var answer = browser.htmxPost(TAKE);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("HX-Redirect")).hasValue("/oauth2/authorization/study-board");
            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("from htmx after the session expired (the page left open): HX-Redirect to sign in, not a"
                + " refusal the page would not show")
        void htmxAfterTheSessionExpired() {
            signIn("taehyun");
            var store = ((DefaultWebSessionManager) sessions).getSessionStore();
            store.removeSession(browser.cookie("SESSION").orElseThrow()).block(); // as the store does once idle

            var answer = browser.htmxPost(TAKE);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("HX-Redirect")).hasValue("/oauth2/authorization/study-board");
            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("from another script (X-Requested-With) without a session: 401 problem details")
        void otherScriptWithoutSession() {
            browser.get("/");
            var token = browser.cookie("XSRF-TOKEN").orElseThrow();

            var answer = browser.send(browser.request(TAKE, "X-Requested-With", "XMLHttpRequest", "X-XSRF-TOKEN", token)
                    .POST(HttpRequest.BodyPublishers.noBody()));

            refusedAsProblem(answer, 401);
            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("a plain navigation without a session: sent to sign in")
        void navigationWithoutSession() {
            browser.get("/");
            var token = browser.cookie("XSRF-TOKEN").orElseThrow();

            var answer = browser.formPost(TAKE, "X-XSRF-TOKEN", token);

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(Browser.location(answer)).endsWith("/oauth2/authorization/study-board");
            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }
    }

    @Nested
    @DisplayName("signs out (POST /logout): the session goes, then the auth-server's (RP-initiated logout)")
    class SigningOut {

        @Test
        @DisplayName(
                "from htmx: HX-Redirect to the end-session endpoint with the ID token and the way back to the board;"
                        + " the next page is anonymous")
        void htmx() {
            var authorization = startSignIn();
            var idToken = AUTH.idToken("organizer", authorization.parameters().get("nonce"), AUTH.issuer());
            comeBack(authorization, new Tokens(AUTH.accessToken("organizer"), idToken, "refresh", 300));

            var answer = browser.htmxPost("/logout");

            assertThat(answer.statusCode()).isEqualTo(200);
            var endSession = answer.headers().firstValue("HX-Redirect").orElseThrow();
            assertThat(endSession).startsWith(AUTH.issuer() + "/connect/logout?");
            assertThat(Browser.query(endSession))
                    .containsEntry("id_token_hint", idToken)
                    .containsEntry("post_logout_redirect_uri", browser.base() + "/");
            browser.get("/books/b1");
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/books/b1")).withoutHeader("Authorization"));
        }

        @Test
        @DisplayName("as a plain form post with the token: a 302 to the end-session endpoint")
        void plain() {
            signIn("organizer");
            var token = browser.cookie("XSRF-TOKEN").orElseThrow();

            var answer = browser.formPost("/logout", "X-XSRF-TOKEN", token);

            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(Browser.location(answer)).startsWith(AUTH.issuer() + "/connect/logout?");
        }

        @Test
        @DisplayName("without the CSRF token: 403, and the person stays signed in")
        void noCsrfToken() {
            var accessToken = signIn("organizer");

            refusedAsProblem(browser.formPost("/logout"), 403);

            browser.get("/books/b1");
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/books/b1"))
                    .withHeader("Authorization", equalTo("Bearer " + accessToken)));
        }
    }

    @Nested
    @DisplayName("keeps the API bearer-only: the session cookie authorizes nothing there (no CSRF to fear)")
    class Api {

        @Test
        @DisplayName("a write with the session cookie and no bearer token: 401, not routed")
        void writeWithCookie() {
            signIn("taehyun");

            var answer = browser.htmxPost("/api/progress/books/b1/sections/4.3/take");

            assertThat(answer.statusCode()).isEqualTo(401);
            assertThat(answer.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
            PROGRESS.verify(0, postRequestedFor(anyUrl()));
        }

        @Test
        @DisplayName("a read with the session cookie: routed anonymous, without the session's token")
        void readWithCookie() {
            signIn("taehyun");

            browser.get("/api/progress/books");

            PROGRESS.verify(
                    getRequestedFor(urlPathEqualTo("/api/progress/books")).withoutHeader("Authorization"));
        }

        @Test
        @DisplayName("one rate-limit allowance per person, whether they come with the session or with a bearer token")
        void oneAllowance() {
            var accessToken = signIn("yunseo");

            var page = remaining(browser.get("/books/b1"));
            var api = remaining(
                    browser.send(browser.request("/api/progress/books", "Authorization", "Bearer " + accessToken)
                            .GET()));

            assertThat(api).isEqualTo(page - 1);
        }

        private int remaining(HttpResponse<String> response) {
            var rateLimit = response.headers().firstValue("RateLimit").orElseThrow();
            return Integer.parseInt(rateLimit.replaceAll(".*remaining=(\\d+).*", "$1"));
        }
    }

    @Nested
    @DisplayName("streams a board's live events (server-sent events) through")
    class Live {

        @Test
        @Timeout(value = 30, unit = TimeUnit.SECONDS)
        @DisplayName("event by event, as they come, past the pauses that would end any other route (its response"
                + " timeout, a breaker's time limiter)")
        void eventByEvent() {
            // given a board whose events come 3.5 s apart: longer than a route's response timeout (3 s) and the
            // breakers' time limiter here (2 s)
            PROGRESS.stubFor(get("/books/b1/live")
                    .willReturn(aResponse()
                            .withHeader("Content-Type", "text/event-stream")
                            .withBody("event: board-changed\ndata: 4.3\n\n" + "event: board-changed\ndata: 4.4\n\n")
                            .withChunkedDribbleDelay(2, 7000)));
            record Arrived(String data, Instant at) {}
            var arrived = new CopyOnWriteArrayList<Arrived>();

            // when a browser opens the stream through the gateway
            var response = HttpClient.newHttpClient()
                    .sendAsync(
                            HttpRequest.newBuilder(URI.create(browser.base() + "/books/b1/live"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .thenApply(answer -> {
                        answer.body()
                                .filter(line -> line.startsWith("data:"))
                                .forEach(line -> arrived.add(
                                        new Arrived(line.substring(5).trim(), Instant.now())));
                        return answer;
                    });

            // then each event arrives when it is sent, not all at the end, and the stream is not cut
            await().atMost(Duration.ofSeconds(20)).until(() -> arrived.size() == 2);
            assertThat(arrived).extracting(Arrived::data).containsExactly("4.3", "4.4");
            assertThat(Duration.between(arrived.get(0).at(), arrived.get(1).at()))
                    .isGreaterThan(Duration.ofMillis(2500));
            var answer = response.join();
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        }

        @Test
        @DisplayName("for a signed-in person too without any token or cookie, even when a refresh would be refused:"
                + " the stream needs no one, and an EventSource cannot follow a redirect to sign in")
        void noTokenRelay() {
            signIn("sangcho", 30); // due for a refresh
            AUTH.refusesRefresh();

            var answer = browser.send(browser.request("/books/b1/live", "Accept", "text/event-stream")
                    .GET());

            assertThat(answer.statusCode()).isEqualTo(200);
            PROGRESS.verify(getRequestedFor(urlPathEqualTo("/books/b1/live"))
                    .withoutHeader("Authorization")
                    .withoutHeader("Cookie"));
            AUTH.verify(
                    0, postRequestedFor(urlPathEqualTo("/oauth2/token")).withRequestBody(containing("refresh_token")));
        }
    }

    private static void refusedAsProblem(HttpResponse<String> answer, int status) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(JsonMapper.shared().readTree(answer.body()).get("status").asInt())
                .isEqualTo(status);
    }

    private static String s256(String verifier) throws Exception {
        var digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
