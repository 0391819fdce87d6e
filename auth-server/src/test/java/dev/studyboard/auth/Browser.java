package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's browser (it keeps cookies, follows nothing on its own) and, without cookies, any HTTP client: real
 * requests to the running auth-server, as Swagger UI, the CLI, curl and the resource servers make them.
 */
public final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    private Browser(String base, boolean cookies) {
        this.base = base;
        var builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        if (cookies) {
            builder.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        }
        this.http = builder.build();
    }

    /** A browser with its own cookies. */
    public static Browser at(String base) {
        return new Browser(base, true);
    }

    /** An API client: no cookies. */
    public static Browser client(String base) {
        return new Browser(base, false);
    }

    public String base() {
        return base;
    }

    /** GET as a browser asks for a page. */
    public HttpResponse<String> get(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Accept", "text/html")
                .GET());
    }

    public HttpResponse<String> getJson(String pathOrUrl) {
        return send(HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Accept", "application/json")
                .GET());
    }

    /** POST of a form; {@code form} as name, value, name, value, ... (a name may repeat). */
    public HttpResponse<String> post(String pathOrUrl, String... form) {
        return send(formRequest(pathOrUrl, form));
    }

    /** POST of a form with HTTP Basic client authentication (client_secret_basic). */
    public HttpResponse<String> postAs(String clientId, String secret, String pathOrUrl, String... form) {
        var credentials =
                Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(formRequest(pathOrUrl, form).header("Authorization", "Basic " + credentials));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Signs in on the login form (with its CSRF token) and answers where the server sends the browser next. */
    public HttpResponse<String> signIn(String username, String password) {
        var loginPage = get("/login");
        assertThat(loginPage.statusCode()).isEqualTo(200);
        return post("/login", "username", username, "password", password, "_csrf", csrfToken(loginPage.body()));
    }

    /** Follows redirects from this response on, as a browser would, until one leaves the auth-server. */
    public HttpResponse<String> follow(HttpResponse<String> response) {
        var current = response;
        for (int hops = 0; hops < 10 && isRedirect(current); hops++) {
            var next = location(current);
            if (!next.startsWith(base) && next.startsWith("http")) {
                return current; // to the client's redirect URI: not ours to load
            }
            current = get(next);
        }
        return current;
    }

    public static boolean isRedirect(HttpResponse<?> response) {
        return response.statusCode() / 100 == 3;
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    /** The query parameters of a URL, decoded. */
    public static Map<String, String> query(String url) {
        var query = URI.create(url).getRawQuery();
        if (query == null) {
            return Map.of();
        }
        return java.util.Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(
                        pair -> decode(pair[0]), pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    public static String csrfToken(String html) {
        var matcher = CSRF.matcher(html);
        assertThat(matcher.find()).as("a CSRF token in the page").isTrue();
        return matcher.group(1);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(HttpResponse<String> response) {
        return JsonMapper.shared().readValue(response.body(), Map.class);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder formRequest(String pathOrUrl, String... form) {
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < form.length; i += 2) {
            pairs.add(encode(form[i]) + "=" + encode(form[i + 1]));
        }
        return HttpRequest.newBuilder(uri(pathOrUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)));
    }

    private URI uri(String pathOrUrl) {
        return URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
    }

    private static String decode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
