package dev.studyboard.progress.assignment.adapter.in.web;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.TestIssuer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A member takes a free section for themself ({@code POST …/take}): one that is someone else's stays theirs (409
 * problem), one's own is answered unchanged, and of members racing for a free section exactly one gets it.
 */
@ProgressIntegrationTest
@DisplayName("Taking a section")
class TakingSectionsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();

    @AfterEach
    void close() {
        upstream.close();
    }

    /** A member who joined with an account, and their token; accounts are unique per test (a shared database). */
    record Writer(UUID memberId, String bearer) {}

    private Writer joined(String name) {
        var memberId = UUID.randomUUID();
        var account = name + "-" + memberId;
        upstream.memberJoined(memberId, name, account);
        return new Writer(memberId, ISSUER.member(account));
    }

    private void givenReplicated(List<String> items, List<Writer> writers) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] sections =
                items.stream().map(item -> section(item, "절 " + item, null)).toArray(Map[]::new);
        upstream.bookRegistered(bookId, "The race", List.of(chapter(1, "경쟁", sections)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk();
            for (var writer : writers) {
                http.get()
                        .uri("/api/progress/members/{id}/summary", writer.memberId())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        });
    }

    private String sectionPath(String item) {
        return "/api/progress/books/" + bookId + "/sections/" + item;
    }

    private RestTestClient.ResponseSpec take(String item, Writer writer) {
        return http.post()
                .uri(sectionPath(item) + "/take")
                .header(HttpHeaders.AUTHORIZATION, writer.bearer())
                .exchange();
    }

    private String assigneeOf(String item) {
        return http.get()
                .uri(sectionPath(item))
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(AssignmentController.AssignmentResponse.class)
                .getResponseBody()
                .assignee()
                .toString();
    }

    @Nested
    @DisplayName("one member at a time")
    class OneAtATime {

        @Test
        @DisplayName("a free section: 200, with the caller as its writer, to do")
        void free() {
            var sanggyeong = joined("이상경");
            givenReplicated(List.of("1.1"), List.of(sanggyeong));

            take("1.1", sanggyeong)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .isEqualTo(sanggyeong.memberId().toString())
                    .jsonPath("$.status")
                    .isEqualTo("TODO")
                    .jsonPath("$.version")
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("someone else's: 409 problem, and it stays theirs")
        void someoneElses() {
            var sanggyeong = joined("이상경");
            var sangcho = joined("김상초");
            givenReplicated(List.of("1.1"), List.of(sanggyeong, sangcho));
            take("1.1", sangcho).expectStatus().isOk();

            take("1.1", sanggyeong)
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("already taken"));

            assertThat(assigneeOf("1.1")).isEqualTo(sangcho.memberId().toString());
        }

        @Test
        @DisplayName("their own again: 200, unchanged (same version)")
        void ownAgain() {
            var sanggyeong = joined("이상경");
            givenReplicated(List.of("1.1"), List.of(sanggyeong));
            take("1.1", sanggyeong).expectStatus().isOk();

            take("1.1", sanggyeong)
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .isEqualTo(sanggyeong.memberId().toString())
                    .jsonPath("$.version")
                    .isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("members racing")
    class Racing {

        record Attempt(String item, Writer writer, int status, String contentType) {}

        @Test
        @DisplayName("8 members take each of 20 free sections at the same moment: per section one 200 and seven 409s")
        void exactlyOneWinsEachSection() throws Exception {
            var writers = IntStream.rangeClosed(1, 8)
                    .mapToObj(n -> joined("racer" + n))
                    .toList();
            var items = IntStream.rangeClosed(1, 20).mapToObj(n -> "1." + n).toList();
            givenReplicated(items, writers);
            var client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(TIMEOUT)
                    .build();
            int attempts = items.size() * writers.size();
            var ready = new CountDownLatch(attempts);
            var go = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(attempts);
            var futures = new ArrayList<Future<Attempt>>();
            try {
                for (var item : items) {
                    for (var writer : writers) {
                        var request = HttpRequest.newBuilder(
                                        URI.create("http://localhost:" + port + sectionPath(item) + "/take"))
                                .header(HttpHeaders.AUTHORIZATION, writer.bearer())
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .timeout(TIMEOUT)
                                .build();
                        futures.add(pool.submit(() -> {
                            ready.countDown();
                            go.await();
                            var response = client.send(request, HttpResponse.BodyHandlers.discarding());
                            return new Attempt(
                                    item,
                                    writer,
                                    response.statusCode(),
                                    response.headers()
                                            .firstValue(HttpHeaders.CONTENT_TYPE)
                                            .orElse(""));
                        }));
                    }
                }
                assertThat(ready.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                go.countDown();
                var results = new ArrayList<Attempt>();
                for (var future : futures) {
                    results.add(future.get(60, TimeUnit.SECONDS));
                }

                assertThat(results).extracting(Attempt::status).containsOnly(200, 409);
                var winners = results.stream().filter(a -> a.status() == 200).toList();
                var conflicts = results.stream().filter(a -> a.status() == 409).toList();
                assertThat(winners).hasSize(20).extracting(Attempt::item).containsExactlyInAnyOrderElementsOf(items);
                assertThat(conflicts)
                        .hasSize(140)
                        .allSatisfy(a -> assertThat(a.contentType()).startsWith("application/problem+json"));
                var winnerOf = winners.stream().collect(Collectors.toMap(Attempt::item, Function.identity()));
                for (var item : items) {
                    assertThat(assigneeOf(item))
                            .as("section %s belongs to the one who was told it is theirs", item)
                            .isEqualTo(winnerOf.get(item).writer().memberId().toString());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
