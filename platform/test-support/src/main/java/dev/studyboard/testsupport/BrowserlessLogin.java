package dev.studyboard.testsupport;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's login at the auth-server, done over HTTP the way a browser does it, without a browser: the
 * authorization code grant with PKCE (RFC 7636) of a public client. GET the authorize endpoint, get sent to the
 * login page, post the form with its CSRF token and the session cookie, follow the redirects back to the authorize
 * endpoint and on to the client's redirect URI with the code, then exchange the code and the PKCE verifier for the
 * tokens. Nothing is mocked: what a service then receives is the auth-server's real token.
 *
 * <p>Used by the system tests and the end-to-end tests, against the real auth-server.
 */
public final class BrowserlessLogin {

    /** The hidden CSRF field of Spring Security's login form, whichever order its attributes come in. */
    private static final Pattern CSRF = Pattern.compile(
            "<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"|<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI authServer;
    private final String clientId;
    private final URI redirectUri;

    /**
     * @param authServer  the auth-server's base URL (its issuer)
     * @param clientId    a public client with the authorization code grant (Swagger UI's, {@code swagger-ui})
     * @param redirectUri one of the client's registered redirect URIs; nothing needs to listen there
     */
    public BrowserlessLogin(URI authServer, String clientId, URI redirectUri) {
        this.authServer = authServer;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The tokens of a login. */
    public record Tokens(String accessToken, String refreshToken, String idToken) {

        /** The value of an {@code Authorization} header. */
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    /** Thrown when the auth-server sends the person back to the login page (a wrong password, an unknown account). */
    public static final class LoginRefused extends RuntimeException {
        LoginRefused(String message) {
            super(message);
        }
    }

    /** Logs in as this person and returns their tokens; a new session (cookie jar) for every login. */
    public Tokens login(String username, String password) {
        var browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER) // each hop is looked at: the last one must not be followed
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        var verifier = randomUrlSafe(32);
        var state = randomUrlSafe(16);
        var authorize = authServer.resolve("/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        clientId,
                        "redirect_uri",
                        redirectUri.toString(),
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256")));

        // 1. The authorize endpoint sends a person who is not signed in to the login page.
        var loginPage = follow(browser, get(authorize));
        if (loginPage.statusCode() != 200) {
            throw new IllegalStateException("Expected the login page, got " + loginPage.statusCode() + " at "
                    + loginPage.uri() + ": " + loginPage.body());
        }
        var csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("No CSRF token in the login page at " + loginPage.uri());
        }
        // 2. The form, with its CSRF token and the session cookie; success sends the browser back to authorize,
        // which now answers with the code on the redirect URI.
        var signedIn = follow(
                browser,
                HttpRequest.newBuilder(loginPage.uri().resolve("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "text/html")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "username", username,
                                "password", password,
                                "_csrf", csrf.group(1) != null ? csrf.group(1) : csrf.group(2)))))
                        .build());
        var location = signedIn.headers().firstValue("Location").orElse("");
        if (!location.startsWith(redirectUri.toString())) {
            if (signedIn.uri().getPath().equals("/login") || location.contains("/login")) {
                throw new LoginRefused("The auth-server refused the login of " + username);
            }
            throw new IllegalStateException("Expected a redirect to " + redirectUri + " with a code, got "
                    + signedIn.statusCode() + " " + location + " from " + signedIn.uri() + ": " + signedIn.body());
        }
        var parameters = query(URI.create(location));
        if (!state.equals(parameters.get("state"))) {
            throw new IllegalStateException("The state came back changed: " + location);
        }
        if (!parameters.containsKey("code")) {
            throw new IllegalStateException("No code in " + location);
        }
        // 3. The code and the PKCE verifier, only this client's to know, for the tokens.
        var tokens = send(
                browser,
                HttpRequest.newBuilder(authServer.resolve("/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                                "grant_type",
                                "authorization_code",
                                "code",
                                parameters.get("code"),
                                "redirect_uri",
                                redirectUri.toString(),
                                "client_id",
                                clientId,
                                "code_verifier",
                                verifier))))
                        .build());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException(
                    "The token endpoint answered " + tokens.statusCode() + ": " + tokens.body());
        }
        JsonNode body = JSON.readTree(tokens.body());
        return new Tokens(
                body.get("access_token").asString(),
                body.path("refresh_token").asString(null),
                body.path("id_token").asString(null));
    }

    /**
     * Follows the redirects from this request as a browser would, until a page answers or a redirect leaves for the
     * client's redirect URI (which is returned unfollowed: the code is in its Location).
     */
    private HttpResponse<String> follow(HttpClient browser, HttpRequest request) {
        var response = send(browser, request);
        for (int hops = 0; hops < 10; hops++) {
            var location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            var next = response.uri().resolve(location.get());
            if (next.toString().startsWith(redirectUri.toString())) {
                return response;
            }
            response = send(browser, get(next));
        }
        throw new IllegalStateException("Too many redirects from " + request.uri());
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri)
                .header("Accept", "text/html") // a browser: sent to the login page, not answered 401
                .GET()
                .build();
    }

    private static HttpResponse<String> send(HttpClient browser, HttpRequest request) {
        try {
            return browser.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Could not reach " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PKCE's S256 challenge: the verifier's SHA-256, base64url without padding. */
    private static String challenge(String verifier) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String randomUrlSafe(int bytes) {
        var random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(URI uri) {
        var parameters = new LinkedHashMap<String, String>();
        if (uri.getRawQuery() != null) {
            for (var pair : uri.getRawQuery().split("&")) {
                var separator = pair.indexOf('=');
                parameters.put(
                        java.net.URLDecoder.decode(pair.substring(0, separator), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(separator + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
