package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.e2e.HostileRequest.Caller;
import dev.studyboard.e2e.HostileRequest.Hostility;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The generator and the checks of {@link HostileInputIT}, without a system to send to. */
@DisplayName("Hostile input")
class HostileRequestsTest {

    static final List<HostileRequest> REQUESTS = new HostileRequests(HostileRequests.DEFAULT_SEED).generate(5_200);
    static final Map<Caller, String> TOKENS =
            Map.of(Caller.ORGANIZER, "Bearer organizer", Caller.MEMBER, "Bearer member");

    @Nested
    @DisplayName("the generator")
    class Generator {

        @Test
        @DisplayName("makes the same requests from the same seed, and others from another")
        void seeded() {
            var again = new HostileRequests(HostileRequests.DEFAULT_SEED).generate(5_200);
            var other = new HostileRequests(HostileRequests.DEFAULT_SEED + 1).generate(5_200);

            assertThat(wire(again)).isEqualTo(wire(REQUESTS));
            assertThat(wire(other)).isNotEqualTo(wire(REQUESTS));
        }

        @Test
        @DisplayName("sends at least 5,000 requests, to every route by every method, anonymous and signed in")
        void everyRouteAndMethod() {
            assertThat(REQUESTS).hasSizeGreaterThanOrEqualTo(5_000);
            var methods = Stream.concat(HostileRequests.METHODS.stream(), HostileRequests.ODD_METHODS.stream())
                    .toList();
            var missing = HostileRequests.ROUTES.stream()
                    .flatMap(route -> methods.stream().map(method -> method + " " + route.path()))
                    .filter(sent -> REQUESTS.stream()
                            .noneMatch(request -> pattern(sent)
                                    .matcher(request.method() + " " + request.target())
                                    .matches()))
                    .toList();
            assertThat(missing).as("not sent").isEmpty();
            assertThat(REQUESTS).extracting(HostileRequest::caller).contains(Caller.values());
        }

        @Test
        @DisplayName("makes every kind of hostile request, hundreds of each")
        void everyKind() {
            var kinds =
                    REQUESTS.stream().collect(Collectors.groupingBy(HostileRequest::hostility, Collectors.counting()));

            assertThat(kinds.keySet()).containsExactlyInAnyOrder(Hostility.values());
            assertThat(kinds.values()).allSatisfy(count -> assertThat(count).isGreaterThanOrEqualTo(250));
        }

        @Test
        @DisplayName("sends a few bodies over the limit, declared and chunked, and only a few refused tokens")
        void fewOfTheCostly() {
            var large = REQUESTS.stream()
                    .filter(request -> request.body().length > HostileRequests.BODY_LIMIT)
                    .toList();

            assertThat(large).hasSize(HostileRequests.MOST_LARGE_BODIES);
            assertThat(large).extracting(HostileRequest::chunked).contains(true, false);
            assertThat(REQUESTS.stream().filter(request -> request.caller() == Caller.REFUSED))
                    .hasSize(HostileRequests.MOST_REFUSED_TOKENS);
        }

        @Test
        @DisplayName("never writes what the checks look for as a leak: one in an answer is the system's own")
        void noLeakInRequests() {
            assertThat(REQUESTS)
                    .allSatisfy(request -> assertThat(
                                    new String(request.bytes("localhost:8080", TOKENS), StandardCharsets.UTF_8))
                            .doesNotContain(HostileAnswers.LEAKS));
        }
    }

    @Nested
    @DisplayName("the checks of an answer")
    class Checks {

        final HostileRequest request = request(Hostility.BROKEN_JSON, "/api/catalog/books");

        @Test
        @DisplayName("pass a 4xx with problem details that say its status")
        void problemDetails() {
            assertThat(HostileAnswers.faults(request, answer(400, "application/problem+json", "{\"status\":400}")))
                    .isEmpty();
        }

        @Test
        @DisplayName("fault a 5xx, a 4xx that is no problem details, and one that says another status")
        void faults() {
            assertThat(HostileAnswers.faults(request, answer(500, "application/problem+json", "{\"status\":500}")))
                    .singleElement()
                    .asString()
                    .contains("server error");
            assertThat(HostileAnswers.faults(request, answer(400, "text/html", "<h1>Bad Request</h1>")))
                    .singleElement()
                    .asString()
                    .contains("not problem details");
            assertThat(HostileAnswers.faults(request, answer(404, "application/problem+json", "{\"status\":400}")))
                    .singleElement()
                    .asString()
                    .contains("do not say so");
        }

        @Test
        @DisplayName("fault an answer telling of the insides: a stack frame, a class, SQL")
        void leaks() {
            for (var body : List.of(
                    "{\"status\":400,\"detail\":\"at org.apache.catalina.core.StandardWrapper.service\"}",
                    "{\"status\":400,\"detail\":\"Cannot construct `dev.studyboard.catalog.Book`\"}",
                    "{\"status\":400,\"detail\":\"ERROR: syntax error in SQL statement\"}")) {
                assertThat(HostileAnswers.faults(request, answer(400, "application/problem+json", body)))
                        .singleElement()
                        .asString()
                        .contains("telling of the insides");
            }
        }

        @Test
        @DisplayName("fault a path out of its route that reached something")
        void traversal() {
            var traversal = request(Hostility.PATH_TRAVERSAL, "/api/catalog/../../actuator/health");

            assertThat(HostileAnswers.faults(traversal, answer(200, "application/json", "{\"status\":\"UP\"}")))
                    .singleElement()
                    .asString()
                    .contains("reached something");
            assertThat(HostileAnswers.faults(traversal, answer(400, "application/problem+json", "{\"status\":400}")))
                    .isEmpty();
        }

        static HostileRequest request(Hostility hostility, String target) {
            return new HostileRequest(
                    0, hostility, "GET", target, Caller.ANONYMOUS, List.of(), new byte[0], false, false);
        }

        static RawHttp.Answer answer(int status, String type, String body) {
            return new RawHttp.Answer(
                    status,
                    List.<String[]>of(new String[] {"Content-Type", type}),
                    body.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** A method and route as a pattern of the requests sent to it: {@code {book}} matches any UUID, and so on. */
    private static Pattern pattern(String methodAndRoute) {
        var regex = Pattern.quote(methodAndRoute)
                .replace("{book}", "\\E[0-9a-f-]{36}\\Q")
                .replace("{member}", "\\E[0-9a-f-]{36}\\Q")
                .replace("{import}", "\\E[0-9a-f-]{36}\\Q")
                .replace("{number}", "\\E[0-9]+\\Q")
                .replace("{item}", "\\E[0-9]+\\.[0-9]+\\Q");
        return Pattern.compile(regex);
    }

    private static List<String> wire(List<HostileRequest> requests) {
        return requests.stream()
                .map(request -> Arrays.hashCode(request.bytes("localhost:8080", TOKENS)) + " " + request.describe())
                .toList();
    }
}
