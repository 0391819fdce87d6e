package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

/**
 * A rolling restart under load, on the composed system (issue 12; Building Microservices 11.7): two instances of
 * catalog-service behind the gateway ({@code docker compose up --scale catalog-service=2}), three readers of one book
 * through the gateway, and each instance stopped with {@code docker stop} (graceful) and started again, one at a time.
 * Not one read may fail: the stopping instance leaves Eureka and finishes what it has, the gateway retries a read on
 * an instance it has not tried, and the route's breaker judges the service, not one replica.
 *
 * <p>The gateway-level version of this, with stand-ins, is the api-gateway's {@code RollingRestartTest}; this one
 * measures the real thing: real shutdown hooks, real Eureka leases, real Docker networking.
 */
@ExtendWith(ComposeStack.Started.class)
@DisplayName("A rolling restart of catalog-service under a steady read load")
class RollingRestartIT {

    private static final ComposeStack STACK = ComposeStack.shared();
    private static final String SERVICE = "catalog-service";
    private static final int READERS = 3;
    private static final Duration TIMEOUT = Duration.ofMinutes(4);
    /** The catalog's management port, where each instance counts the requests it answered. */
    private static final String METRICS = "http://localhost:9081/actuator/prometheus";

    private static final Pattern BOOK_READS = Pattern.compile(
            "^http_server_requests_seconds_count\\{[^}]*uri=\"/api/catalog/books/\\{bookId}\"[^}]*} (\\S+)$");

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static URI book;

    @BeforeAll
    static void twoInstances() throws Exception {
        STACK.scale(SERVICE, 2);
        book = STACK.gateway().resolve("/api/catalog/books/" + anyBookId());
    }

    @AfterAll
    static void oneInstanceAgain() {
        STACK.scale(SERVICE, 1);
    }

    @Test
    @DisplayName("each instance stopped and started in turn: every read answered 200")
    void noFailedReads() throws Exception {
        var instances = STACK.containers(SERVICE);
        assertThat(instances).as("instances of %s", SERVICE).hasSize(2);

        try (var load = new ReadLoad(book)) {
            instances.forEach(RollingRestartIT::awaitServing);
            for (var instance : instances) {
                var before = load.reads();
                STACK.stopContainer(instance);
                STACK.startContainer(instance);
                await("%s healthy again".formatted(instance))
                        .atMost(TIMEOUT)
                        .pollInterval(Duration.ofSeconds(2))
                        .until(() -> STACK.health(instance), "healthy"::equals);
                awaitServing(instance);
                var meanwhile = load.reads() - before;
                System.out.printf(
                        "Rolling restart: %s stopped and back in service, %d reads meanwhile%n", instance, meanwhile);
                assertThat(meanwhile).as("reads while %s restarted", instance).isPositive();
            }
            var outcome = load.stop();

            System.out.printf(
                    "Rolling restart of %d instances: %d reads by %d readers in %d s, failed: %s%n",
                    instances.size(), outcome.reads(), READERS, outcome.took().toSeconds(), outcome.failures());
            assertThat(outcome.reads()).as("reads made").isGreaterThan(100);
            assertThat(outcome.failures()).as("failed reads, by answer").isEmpty();
        }
    }

    /** Waits until the gateway sends reads to this instance: it has answered some since it (re)started. */
    private static void awaitServing(String instance) {
        await("%s answering reads through the gateway".formatted(instance))
                .atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> bookReadsAnswered(instance) > 0);
    }

    private static double bookReadsAnswered(String instance) {
        return STACK.exec(instance, "curl", "-fs", METRICS)
                .lines()
                .map(BOOK_READS::matcher)
                .filter(Matcher::matches)
                .mapToDouble(reads -> Double.parseDouble(reads.group(1)))
                .sum();
    }

    private static String anyBookId() throws IOException, InterruptedException {
        var response = HTTP.send(
                HttpRequest.newBuilder(STACK.gateway().resolve("/api/catalog/books?size=1"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        var books = JsonMapper.shared().readTree(response.body()).get("books");
        assertThat(books).as("the demo data's books").isNotEmpty();
        return books.get(0).get("id").asString();
    }

    /**
     * Readers of one book through the gateway, each reading again {@value #PAUSE_MILLIS} ms after its last answer: a
     * steady load that leaves the two cores of a CI machine room for the restarts.
     */
    private static final class ReadLoad implements AutoCloseable {

        private static final long PAUSE_MILLIS = 20;

        record Outcome(int reads, Map<String, Integer> failures, Duration took) {}

        private final ScheduledExecutorService readers = Executors.newScheduledThreadPool(READERS);
        private final AtomicInteger reads = new AtomicInteger();
        private final Map<String, Integer> failures = new ConcurrentHashMap<>();
        private final long start = System.nanoTime();

        ReadLoad(URI book) {
            var read =
                    HttpRequest.newBuilder(book).timeout(Duration.ofSeconds(15)).build();
            for (int reader = 0; reader < READERS; reader++) {
                readers.scheduleWithFixedDelay(() -> read(read), 0, PAUSE_MILLIS, TimeUnit.MILLISECONDS);
            }
        }

        private void read(HttpRequest read) {
            reads.incrementAndGet();
            var answer = answer(read);
            if (!"200".equals(answer)) {
                failures.merge(answer, 1, Integer::sum);
            }
        }

        /**
         * The status of the answer, or what happened instead: no connection, a reset, a timeout. Nothing escapes: an
         * exception would silently end this reader's schedule.
         */
        private static String answer(HttpRequest read) {
            try {
                return String.valueOf(
                        HTTP.send(read, HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException | RuntimeException e) {
                return e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }

        int reads() {
            return reads.get();
        }

        Outcome stop() throws InterruptedException {
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS))
                    .as("readers done")
                    .isTrue();
            return new Outcome(reads.get(), new TreeMap<>(failures), Duration.ofNanos(System.nanoTime() - start));
        }

        @Override
        public void close() {
            readers.shutdownNow();
        }
    }
}
