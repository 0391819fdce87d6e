package dev.studyboard.progress.page.adapter.in.web;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.SharedContainers;
import dev.studyboard.testsupport.TestIssuer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The live board: a browser's EventSource on {@code /books/{id}/live} hears {@code board-changed} when the book's
 * board changes, whoever changed it and through which instance: the event comes back from {@code progress.events}.
 */
@ProgressIntegrationTest
@DisplayName("A book's live board")
class LiveBoardTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    RestTestClient http;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();
    final UUID 이상경 = UUID.randomUUID();
    final String asSanggyeong = ISSUER.member("sanggyeong-" + 이상경);
    final ExecutorService reader = Executors.newSingleThreadExecutor();

    @BeforeEach
    void givenABookAndAMember() {
        upstream.bookRegistered(
                bookId, "Building Microservices", List.of(chapter(9, "보안", section("9.1", "인증과 권한", 300))));
        upstream.memberJoined(이상경, "이상경", "sanggyeong-" + 이상경);
        await().atMost(TIMEOUT)
                .untilAsserted(() -> http.get()
                        .uri("/api/progress/members/{id}/summary", 이상경)
                        .exchange()
                        .expectStatus()
                        .isOk());
        await().atMost(TIMEOUT)
                .untilAsserted(() -> http.get()
                        .uri("/books/{id}", bookId)
                        .exchange()
                        .expectStatus()
                        .isOk());
    }

    /**
     * The live listener reads from the end of the topic once it has a position there: with a consumer group of its own
     * that is when it has committed one (Spring Kafka commits the starting position of a new group on assignment).
     */
    @BeforeEach
    void givenTheLiveListenerHasItsPosition() throws Exception {
        var container = listeners.getListenerContainer("board-live");
        try (var admin = Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()))) {
            await().atMost(TIMEOUT)
                    .until(() -> !container.getAssignedPartitions().isEmpty()
                            && admin.listConsumerGroupOffsets(container.getGroupId())
                                            .partitionsToOffsetAndMetadata()
                                            .get()
                                            .size()
                                    == container.getAssignedPartitions().size());
        }
    }

    @AfterEach
    void close() {
        reader.shutdownNow();
        upstream.close();
    }

    /** Opens the stream as an EventSource does, and collects its lines as they come. */
    private EventStream open() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/books/" + bookId + "/live"))
                                .header(HttpHeaders.ACCEPT, MediaType.TEXT_EVENT_STREAM_VALUE)
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        var stream = new EventStream(
                response.statusCode(),
                response.headers().firstValue(HttpHeaders.CONTENT_TYPE).orElse(""),
                response.body());
        reader.submit(stream::read);
        return stream;
    }

    record EventStream(int status, String contentType, InputStream body, List<String> lines) implements AutoCloseable {

        EventStream(int status, String contentType, InputStream body) {
            this(status, contentType, body, new CopyOnWriteArrayList<>());
        }

        void read() {
            try (var in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
            } catch (IOException | UncheckedIOException closed) {
                // the test closed the stream
            }
        }

        /** The events received, each as its lines ({@code event:…}, {@code data:…}). */
        boolean received(String event, String data) {
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (lines.get(i).equals("event:" + event) && lines.get(i + 1).equals("data:" + data)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    private void press(String item, String step) {
        http.post()
                .uri("/api/progress/books/{id}/sections/{item}/{step}", bookId, item, step)
                .header(HttpHeaders.AUTHORIZATION, asSanggyeong)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    @DisplayName("a section taken through the API: board-changed with its item, within seconds")
    void changedThroughTheApi() throws Exception {
        try (var stream = open()) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);

            press("9.1", "take");

            await().atMost(Duration.ofSeconds(10)).until(() -> stream.received("board-changed", "9.1"));
        }
    }

    @Test
    @DisplayName("each step is told: taken, started, completed")
    void everyStep() throws Exception {
        try (var stream = open()) {
            press("9.1", "take");
            press("9.1", "start");
            press("9.1", "complete");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.lines().stream()
                                    .filter(line -> line.equals("event:board-changed"))
                                    .count()
                            == 3);
        }
    }

    @Test
    @DisplayName("a quiet stream gets a heartbeat comment, so proxies keep it open")
    void heartbeat() throws Exception {
        try (var stream = open()) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> stream.lines().stream().anyMatch(line -> line.startsWith(":")));
        }
    }
}
