package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.e2e.HostileRequest.Caller;
import dev.studyboard.e2e.HostileRequest.Header;
import dev.studyboard.e2e.HostileRequest.Hostility;
import dev.studyboard.testsupport.BrowserlessLogin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input, end to end (issue 12): thousands of malformed and hostile requests ({@link HostileRequests}, seeded)
 * through the gateway of the composed system, to every route by every method, anonymous and signed in; every answer
 * checked ({@link HostileAnswers}). The seed is printed with how to replay the run, or one request of it.
 *
 * <p>Pace: the e2e stack allows each caller 1000 requests a second (GATEWAY_RATE_LIMIT in {@link ComposeStack}) and
 * {@value #CONNECTIONS} connections at a time stay well below it, so a 429 here would be news; refused tokens stay
 * below the gateway's limit per address ({@link HostileRequests#MOST_REFUSED_TOKENS}), which would stop this
 * address, and every other test's, for a minute.
 */
@ExtendWith(ComposeStack.Started.class)
@DisplayName("Hostile input through the gateway")
class HostileInputIT {

    private static final ComposeStack STACK = ComposeStack.shared();
    private static final int REQUESTS = 5_200;
    private static final int CONNECTIONS = 6;

    /** What a request got: its answer's status (0 if none came) and what was wrong with it. */
    record Outcome(HostileRequest request, int status, List<String> faults) {}

    @Test
    @DisplayName("5,000+ malformed and hostile requests: no 5xx, every 4xx problem details, nothing of the insides")
    void answeredCleanly() throws Exception {
        long seed = HostileRequests.seed();
        var requests = chosen(new HostileRequests(seed).generate(REQUESTS));
        System.out.printf(
                "Hostile input: seed %d, %d requests. Replay: -Dhostile.seed=%d; one request: -Dhostile.only=<#>%n",
                seed, requests.size(), seed);
        var gateway = new RawHttp(STACK.gateway().getHost(), STACK.gateway().getPort(), Duration.ofSeconds(15));
        var host = STACK.gateway().getAuthority();
        var tokens = Map.of(Caller.ORGANIZER, signIn("organizer"), Caller.MEMBER, signIn("sanggyeong"));
        awaitRoutes(gateway, host, tokens);

        long start = System.nanoTime();
        var outcomes = sendAll(requests, gateway, host, tokens);
        var took = Duration.ofNanos(System.nanoTime() - start);

        var faulty =
                outcomes.stream().filter(outcome -> !outcome.faults().isEmpty()).toList();
        System.out.println(figures(outcomes, took));
        faulty.forEach(outcome -> System.out.println(report(outcome)));
        assertThat(faulty)
                .as(() -> "%d of %d answers were not clean (seed %d):%n%s"
                        .formatted(
                                faulty.size(),
                                outcomes.size(),
                                seed,
                                faulty.stream()
                                        .limit(40)
                                        .map(HostileInputIT::report)
                                        .collect(Collectors.joining("\n"))))
                .isEmpty();
    }

    /** Every request, {@value #CONNECTIONS} at a time; each on its own connection, as written. */
    private static List<Outcome> sendAll(
            List<HostileRequest> requests, RawHttp gateway, String host, Map<Caller, String> tokens) throws Exception {
        var connections = Executors.newFixedThreadPool(CONNECTIONS);
        try {
            var sent = new ArrayList<Future<Outcome>>();
            for (var request : requests) {
                sent.add(connections.submit(() -> send(request, gateway, host, tokens)));
            }
            var outcomes = new ArrayList<Outcome>();
            for (var outcome : sent) {
                outcomes.add(outcome.get());
            }
            return outcomes;
        } finally {
            connections.shutdownNow();
        }
    }

    private static Outcome send(HostileRequest request, RawHttp gateway, String host, Map<Caller, String> tokens) {
        try {
            var answer = gateway.exchange(
                    request.bytes(host, tokens), request.method().equals("HEAD"));
            return new Outcome(request, answer.status(), HostileAnswers.faults(request, answer));
        } catch (RawHttp.NoAnswer none) {
            return new Outcome(request, 0, List.of("no answer: " + none.getMessage()));
        }
    }

    /** Routes answer once discovery has the services: until then the gateway says 503, which is not what is tested. */
    private static void awaitRoutes(RawHttp gateway, String host, Map<Caller, String> tokens) {
        var probes = List.of(
                probe("/api/catalog/books", Caller.ANONYMOUS),
                probe("/api/progress/books", Caller.ANONYMOUS),
                probe("/api/members", Caller.ORGANIZER),
                probe("/api/imports/" + UUID.randomUUID(), Caller.ORGANIZER));
        await("every route answering")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> probes.stream().allMatch(probe -> {
                    try {
                        return gateway.exchange(probe.bytes(host, tokens), false)
                                        .status()
                                < 500;
                    } catch (RawHttp.NoAnswer none) {
                        return false;
                    }
                }));
    }

    private static HostileRequest probe(String path, Caller caller) {
        return new HostileRequest(
                -1, Hostility.ROUTE_AND_METHOD, "GET", path, caller, List.<Header>of(), new byte[0], false, false);
    }

    /** The requests of {@code -Dhostile.only=3,17} alone, if given: the same seed makes them again. */
    private static List<HostileRequest> chosen(List<HostileRequest> requests) {
        var only = System.getProperty("hostile.only", "").strip();
        if (only.isEmpty()) {
            return requests;
        }
        Set<Integer> numbers = Arrays.stream(only.split(","))
                .map(String::strip)
                .map(Integer::valueOf)
                .collect(Collectors.toSet());
        return requests.stream()
                .filter(request -> numbers.contains(request.number()))
                .toList();
    }

    private static String figures(List<Outcome> outcomes, Duration took) {
        var byStatus = count(outcomes, outcome -> outcome.status() == 0 ? "none" : String.valueOf(outcome.status()));
        var byKind = new TreeMap<String, Map<String, Long>>();
        outcomes.forEach(
                outcome -> byKind.computeIfAbsent(outcome.request().hostility().name(), kind -> new TreeMap<>())
                        .merge(outcome.status() == 0 ? "none" : String.valueOf(outcome.status()), 1L, Long::sum));
        var figures = new StringBuilder()
                .append("Hostile input: %d requests in %.1f s (%.0f a second)%n"
                        .formatted(
                                outcomes.size(),
                                took.toMillis() / 1000.0,
                                outcomes.size() * 1000.0 / Math.max(1, took.toMillis())))
                .append("  by status: ")
                .append(byStatus)
                .append('\n');
        byKind.forEach((kind, statuses) ->
                figures.append("  ").append(kind).append(": ").append(statuses).append('\n'));
        return figures.toString();
    }

    private static Map<String, Long> count(List<Outcome> outcomes, Function<Outcome, String> key) {
        return outcomes.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String report(Outcome outcome) {
        return "  " + outcome.request().describe() + "\n    -> " + String.join("; ", outcome.faults());
    }

    /** The demo account's real login (authorization code + PKCE, as Swagger UI's "Authorize"). */
    private static String signIn(String username) {
        return new BrowserlessLogin(STACK.authServer(), "swagger-ui", STACK.swaggerRedirect())
                .login(username, ComposeStack.DEMO_PASSWORD)
                .bearer();
    }
}
