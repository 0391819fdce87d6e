package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import dev.studyboard.testsupport.TestIssuer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A rolling restart behind the gateway (issue 12): catalog-service runs as two replicas, stand-ins here, which go
 * away and come back one at a time while readers keep reading a book. Discovery is a fixed list that never notices
 * a departure: the gateway's instance list is as stale as it can be, so only its retries and its breaker stand
 * between one replica going away and the readers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=100000"})
@AutoConfigureWebTestClient
@Import({TestIssuer.Properties.class, RollingRestartTest.Attempts.class})
@DisplayName("A rolling restart of catalog-service's two replicas")
class RollingRestartTest {

    static final String BOOK = "/api/catalog/books/" + UUID.randomUUID();
    static final String TITLE = "마이크로서비스 패턴";

    static final StandInService FIRST = StandInService.replica("catalog-service", 0);
    static final StandInService SECOND = StandInService.replica("catalog-service", 1);

    @DynamicPropertySource
    static void replicas(DynamicPropertyRegistry registry) {
        FIRST.listIn(registry);
        SECOND.listIn(registry);
    }

    @AfterAll
    static void stop() {
        FIRST.stop();
        SECOND.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    Attempts attempts;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void bothReplicasUp() {
        for (var replica : List.of(FIRST, SECOND)) {
            if (!replica.isRunning()) {
                replica.start();
            }
            replica.resetAll();
            replica.stubFor(get(BOOK).willReturn(okJson("{\"title\": \"" + TITLE + "\"}")));
        }
    }

    @Nested
    @DisplayName("under a steady read load")
    class UnderReadLoad {

        @Test
        @DisplayName("loses no read: each retry goes to the other replica, and the route's breaker stays closed")
        void losesNoRead() {
            // given the route's breaker, made by a first read as the gateway makes it, and watched from now on
            http.get().uri(BOOK).exchange().expectStatus().isOk();
            CircuitBreaker breaker = breakers.circuitBreaker("catalog");
            var transitions = new CopyOnWriteArrayList<CircuitBreaker.StateTransition>();
            breaker.getEventPublisher().onStateTransition(event -> transitions.add(event.getStateTransition()));
            int attemptsBefore = attempts.total();
            int repeatsBefore = attempts.atAnInstanceAlreadyTried();

            // when the replicas are restarted one at a time under four readers
            var readers = new Readers(URI.create("http://localhost:" + port + BOOK), 4);
            try (readers) {
                readers.awaitMore(50); // both up
                readers.betweenReads(FIRST::stop); // gone: its connections are refused
                readers.awaitMore(100);
                FIRST.start(); // back
                readers.awaitMore(50);
                var draining = SECOND.stubFor(
                        get(BOOK).atPriority(1).willReturn(aResponse().withStatus(503)));
                readers.awaitMore(100); // shutting down: 503 while it drains
                readers.betweenReads(SECOND::stop);
                readers.awaitMore(50); // gone
                SECOND.removeStub(draining);
                SECOND.start();
                readers.awaitMore(50); // back
            }

            // then
            int retries = attempts.total() - attemptsBefore - readers.reads.get();
            System.out.printf(
                    "Rolling restart: %d reads, %d failed, %d retries; breaker %s, transitions %s%n",
                    readers.reads.get(), readers.failures.size(), retries, breaker.getState(), transitions);
            assertThat(readers.failures).isEmpty();
            assertThat(retries).isPositive(); // the departures were met, and survived
            assertThat(attempts.atAnInstanceAlreadyTried() - repeatsBefore)
                    .as("attempts sent again to a replica the same read had already tried")
                    .isZero();
            assertThat(transitions).isEmpty();
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        }
    }

    @Nested
    @DisplayName("a write")
    class Write {

        @Test
        @DisplayName("that met a replica gone is not repeated on the other one: 503 problem details, one attempt")
        void isNotRetried() {
            // given the first replica gone, the second one up
            SECOND.stubFor(post("/api/catalog/books").willReturn(aResponse().withStatus(201)));
            FIRST.stop();
            int attemptsBefore = attempts.total();

            // when two writes arrive, one for each replica (round robin)
            var answers = Stream.of(1, 2)
                    .map(write -> http.post()
                            .uri("/api/catalog/books")
                            .header(
                                    HttpHeaders.AUTHORIZATION,
                                    TestIssuer.shared().organizer())
                            .contentType(MediaType.APPLICATION_JSON)
                            .bodyValue("{\"title\": \"" + TITLE + "\"}")
                            .exchange()
                            .expectBody(String.class)
                            .returnResult())
                    .toList();

            // then the one that met the gone replica is answered 503 problem details, without a second attempt
            assertThat(answers).extracting(answer -> answer.getStatus().value()).containsExactlyInAnyOrder(201, 503);
            var refused = answers.stream()
                    .filter(answer -> answer.getStatus().value() == 503)
                    .findFirst()
                    .orElseThrow();
            assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getResponseBody()).contains("\"service\":\"catalog-service\"");
            assertThat(attempts.total() - attemptsBefore).isEqualTo(2);
            SECOND.verify(1, postRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }
    }

    @Nested
    @DisplayName("the route's breaker")
    class RouteBreaker {

        CircuitBreaker breaker;

        @BeforeEach
        void closedAndForgotten() {
            http.get().uri(BOOK).exchange().expectStatus().isOk(); // made as the gateway makes it
            breaker = breakers.circuitBreaker("catalog");
            breaker.reset();
        }

        @AfterEach
        void closed() {
            breaker.reset();
        }

        @Test
        @DisplayName("still opens when the service fails, every replica: reads are then answered 503 at the gateway")
        void opensWhenTheServiceFails() {
            // given both replicas failing
            for (var replica : List.of(FIRST, SECOND)) {
                replica.stubFor(get(BOOK).atPriority(1).willReturn(aResponse().withStatus(503)));
            }

            // when reads fail until the breaker opens
            int failedReads = 0;
            while (breaker.getState() != CircuitBreaker.State.OPEN && failedReads < 100) {
                http.get().uri(BOOK).exchange().expectStatus().isEqualTo(503);
                failedReads++;
            }

            // then it opened at its minimum number of calls, all failed, and a read no longer reaches the service
            assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            assertThat(failedReads).isEqualTo(10);
            int attemptsBefore = attempts.total();
            http.get()
                    .uri(BOOK)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(503)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(attempts.total()).isEqualTo(attemptsBefore);
        }
    }

    /** Readers on threads of their own, reading one address through the gateway until closed. */
    static final class Readers implements AutoCloseable {

        final AtomicInteger reads = new AtomicInteger();
        final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final ExecutorService threads;
        private final ReadWriteLock inFlight = new ReentrantReadWriteLock(true);
        private volatile boolean reading = true;

        Readers(URI address, int count) {
            var client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var read = HttpRequest.newBuilder(address)
                    .timeout(Duration.ofSeconds(15))
                    .build();
            threads = Executors.newFixedThreadPool(count);
            for (int reader = 0; reader < count; reader++) {
                threads.execute(() -> {
                    while (reading) {
                        inFlight.readLock().lock();
                        try {
                            read(client, read);
                        } finally {
                            inFlight.readLock().unlock();
                        }
                    }
                });
            }
        }

        private void read(HttpClient client, HttpRequest read) {
            try {
                var answer = client.send(read, BodyHandlers.ofString());
                if (answer.statusCode() != 200 || !answer.body().contains(TITLE)) {
                    failures.add(answer.statusCode() + " " + answer.body());
                }
            } catch (IOException e) {
                failures.add(e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reading = false;
                return;
            }
            reads.incrementAndGet();
        }

        /**
         * Makes a change while no read is in flight, as a graceful shutdown lets the requests in flight finish
         * before it stops. (A replica killed in the middle of a response cuts that read: the gateway streams the
         * body on after its retries are done, so it cannot repeat it.)
         */
        void betweenReads(Runnable change) {
            inFlight.writeLock().lock();
            try {
                change.run();
            } finally {
                inFlight.writeLock().unlock();
            }
        }

        /** Waits until the readers have read {@code count} more times. */
        void awaitMore(int count) {
            int target = reads.get() + count;
            await().atMost(Duration.ofSeconds(60)).until(() -> reads.get() >= target);
        }

        @Override
        public void close() {
            reading = false;
            threads.shutdown();
            try {
                assertThat(threads.awaitTermination(30, SECONDS)).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Every attempt the gateway makes, seen after the load balancer chose its instance: a retry passes here again.
     * Also counts the attempts sent to an instance the same request had already tried.
     */
    static final class Attempts implements GlobalFilter, Ordered {

        private static final String TRIED = Attempts.class.getName() + ".tried";

        private final AtomicInteger total = new AtomicInteger();
        private final AtomicInteger atAnInstanceAlreadyTried = new AtomicInteger();

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
            URI instance = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
            @SuppressWarnings("unchecked")
            var tried = (Set<Integer>)
                    exchange.getAttributes().computeIfAbsent(TRIED, key -> ConcurrentHashMap.newKeySet());
            total.incrementAndGet();
            if (!tried.add(instance.getPort())) {
                atAnInstanceAlreadyTried.incrementAndGet();
            }
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;
        }

        int total() {
            return total.get();
        }

        int atAnInstanceAlreadyTried() {
            return atAnInstanceAlreadyTried.get();
        }
    }
}
