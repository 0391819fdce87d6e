package dev.studyboard.e2e.load;

import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.flushCookieJar;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Function;

/**
 * A member's sign-in at the auth-server, as Gatling requests: the same login as the e2e tests' {@code
 * BrowserlessLogin} (authorization code + PKCE with Swagger UI's public client), each hop a request of its own, so
 * that its cost is in the report and nothing blocks Gatling's threads. Signs in the session's {@code username} and
 * leaves the access token as {@code accessToken}.
 */
final class SignIn {

    static final String CLIENT = "swagger-ui";
    /** The client's redirect URI on the gateway, registered with the auth-server; nothing needs to answer there. */
    static final String REDIRECT_PATH = "/swagger-ui/oauth2-redirect.html";

    private static final SecureRandom RANDOM = new SecureRandom();

    private SignIn() {}

    static ChainBuilder as(LoadSettings settings) {
        var auth = settings.authServer();
        var redirect = settings.gateway().resolve(REDIRECT_PATH).toString();
        return exec(SignIn::newAttempt)
                // not signed in: the authorize endpoint sends the browser to the login page
                .exec(http("sign in: authorize")
                        .get(auth.resolve("/oauth2/authorize").toString())
                        .queryParam("response_type", "code")
                        .queryParam("client_id", CLIENT)
                        .queryParam("redirect_uri", redirect)
                        .queryParam("scope", "openid profile")
                        .queryParam("state", "#{state}")
                        .queryParam("code_challenge", "#{challenge}")
                        .queryParam("code_challenge_method", "S256")
                        .header("Accept", "text/html")
                        .disableFollowRedirect()
                        .check(status().is(302))
                        .check(header("Location").transform(at(auth)).saveAs("loginPage")))
                .exec(http("sign in: login page")
                        .get("#{loginPage}")
                        .header("Accept", "text/html")
                        .check(css("input[name='_csrf']", "value").saveAs("csrf")))
                // accepted: back to the authorize endpoint (refused: to the login page again)
                .exec(http("sign in: password")
                        .post(auth.resolve("/login").toString())
                        .header("Accept", "text/html")
                        .formParam("username", "#{username}")
                        .formParam("password", settings.password())
                        .formParam("_csrf", "#{csrf}")
                        .disableFollowRedirect()
                        .check(status().is(302))
                        .check(headerRegex("Location", "/oauth2/authorize"))
                        .check(header("Location").transform(at(auth)).saveAs("authorize")))
                // signed in: the code, on the client's redirect URI, with the state it was sent
                .exec(http("sign in: code")
                        .get("#{authorize}")
                        .header("Accept", "text/html")
                        .disableFollowRedirect()
                        .check(status().is(302))
                        .check(headerRegex("Location", "[?&]state=([^&]+)").isEL("#{state}"))
                        .check(headerRegex("Location", "[?&]code=([^&]+)").saveAs("code")))
                .exec(http("sign in: token")
                        .post(auth.resolve("/oauth2/token").toString())
                        .formParam("grant_type", "authorization_code")
                        .formParam("code", "#{code}")
                        .formParam("redirect_uri", redirect)
                        .formParam("client_id", CLIENT)
                        .formParam("code_verifier", "#{verifier}")
                        .check(jsonPath("$.access_token").saveAs("accessToken")))
                // the auth-server's session cookie is the browser's business, not the API's
                .exec(flushCookieJar());
    }

    /** A new PKCE verifier (and its S256 challenge) and state for this attempt. */
    private static Session newAttempt(Session session) {
        var verifier = randomUrlSafe(32);
        return session.set("verifier", verifier)
                .set("challenge", challenge(verifier))
                .set("state", randomUrlSafe(16));
    }

    /** A Location as an absolute URL: relative ones are the auth-server's. */
    private static Function<String, String> at(URI auth) {
        return location -> auth.resolve(location).toString();
    }

    private static String challenge(String verifier) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
