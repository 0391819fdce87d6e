package dev.studyboard.progress.board.adapter.in.web;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TestIssuer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@ProgressIntegrationTest
@DisplayName("The study board API")
class StudyBoardApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();
    final UUID 이상경 = UUID.randomUUID();
    final UUID 김상초 = UUID.randomUUID();

    /** The organizer runs the board in these tests: may assign anyone and move any work along. */
    final String asOrganizer = TestIssuer.shared().organizer();

    @BeforeEach
    void givenABookAndTwoMembers() {
        upstream.bookRegistered(
                bookId,
                "그림으로 공부하는 마이크로 서비스 구조",
                List.of(
                        chapter(3, "마이크로서비스 아키텍처의 기본", section("3.1", "서비스 구조", 44), section("3.2", "레이어 아키텍처", 45)),
                        chapter(6, "서비스 메시")));
        upstream.memberJoined(이상경, "이상경");
        upstream.memberJoined(김상초, "김상초");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/api/progress/members/{id}/summary", 이상경)
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.get()
                    .uri("/api/progress/members/{id}/summary", 김상초)
                    .exchange()
                    .expectStatus()
                    .isOk();
        });
    }

    @AfterEach
    void close() {
        upstream.close();
    }

    private String sectionPath(String item) {
        return "/api/progress/books/" + bookId + "/sections/" + item;
    }

    private void assign(String item, UUID memberId) {
        http.put()
                .uri(sectionPath(item) + "/assignee")
                .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void post(String item, String step) {
        http.post()
                .uri(sectionPath(item) + "/" + step)
                .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Nested
    @DisplayName("work on a section")
    class Work {

        @Test
        @DisplayName("assigned, started and completed, it shows on the board with its writer, done")
        void fullJourney() {
            assign("3.1", 이상경);
            post("3.1", "start");
            post("3.1", "complete");
            assign("3.2", 김상초);

            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.chapters[0].rows[0].writer")
                    .isEqualTo("이상경")
                    .jsonPath("$.chapters[0].rows[0].status")
                    .isEqualTo("DONE")
                    .jsonPath("$.chapters[0].rows[1].writer")
                    .isEqualTo("김상초")
                    .jsonPath("$.chapters[0].rows[1].status")
                    .isEqualTo("TODO");
            http.get()
                    .uri("/api/progress/members/{id}/summary", 이상경)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assigned")
                    .isEqualTo(1)
                    .jsonPath("$.done")
                    .isEqualTo(1)
                    .jsonPath("$.work[0].sectionTitle")
                    .isEqualTo("서비스 구조");
        }

        @Test
        @DisplayName("each step is published to progress.events")
        void publishesEvents() {
            try (var events = CloudEventRecorder.from("progress.events")) {
                assign("3.1", 이상경);
                post("3.1", "start");
                post("3.1", "complete");
                post("3.1", "reopen");

                var received = events.awaitSubject(bookId + "/3.1", 4, TIMEOUT);

                assertThat(received)
                        .extracting(r -> r.value().getType())
                        .containsExactly(
                                "studyboard.progress.section.assigned", "studyboard.progress.section.started",
                                "studyboard.progress.section.completed", "studyboard.progress.section.reopened");
            }
        }

        @Test
        @DisplayName("an illegal step answers 409 problem details and changes nothing")
        void illegalTransition() {
            assign("3.1", 이상경);

            http.post()
                    .uri(sectionPath("3.1") + "/complete")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("Cannot complete"));
            http.get()
                    .uri(sectionPath("3.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo("TODO");
        }
    }

    @Nested
    @DisplayName("rules that cross services")
    class CrossServiceRules {

        @Test
        @DisplayName("a section the catalog does not have: 404")
        void unknownSection() {
            http.put()
                    .uri(sectionPath("3.9") + "/assignee")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("memberId", 이상경))
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }

        @Test
        @DisplayName("a member nobody knows: 422 naming memberId; no memberId at all: 400")
        void unknownMember() {
            http.put()
                    .uri(sectionPath("3.1") + "/assignee")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("memberId", UUID.randomUUID()))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT)
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("memberId");
            http.put()
                    .uri(sectionPath("3.1") + "/assignee")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("memberId");
        }

        @Test
        @DisplayName("a member who left: 409; their open work was released, their finished work kept")
        void memberWhoLeft() {
            assign("3.1", 이상경);
            post("3.1", "start");
            post("3.1", "complete");
            assign("3.2", 이상경);
            post("3.2", "start");

            upstream.member(이상경, "left", Map.of("memberId", 이상경, "memberVersion", 2, "leftAt", "2026-11-28T12:00:00Z"));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri(sectionPath("3.2"))
                            .exchange()
                            .expectBody()
                            .jsonPath("$.assignee")
                            .doesNotExist()
                            .jsonPath("$.status")
                            .isEqualTo("TODO"));
            http.get()
                    .uri(sectionPath("3.1"))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assignee")
                    .isEqualTo(이상경.toString())
                    .jsonPath("$.status")
                    .isEqualTo("DONE");
            http.put()
                    .uri(sectionPath("3.2") + "/assignee")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("memberId", 이상경))
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.CONFLICT);
        }

        @Test
        @DisplayName("a section removed from the catalog takes its assignment with it")
        void removedSection() {
            assign("3.2", 김상초);

            upstream.catalog(
                    bookId,
                    "section.removed",
                    Map.of("bookId", bookId, "bookVersion", 2, "chapterNumber", 3, "item", "3.2"));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri(sectionPath("3.2"))
                            .exchange()
                            .expectStatus()
                            .isNotFound());
            http.get()
                    .uri("/api/progress/members/{id}/summary", 김상초)
                    .exchange()
                    .expectBody()
                    .jsonPath("$.assigned")
                    .isEqualTo(0);
        }
    }

    @Nested
    @DisplayName("renders")
    class Renders {

        @Test
        @DisplayName("the notes' Markdown table for Accept: text/markdown, an empty row for an empty chapter")
        void markdownTable() {
            assign("3.1", 이상경);
            post("3.1", "start");
            post("3.1", "complete");

            var markdown = http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .header(HttpHeaders.ACCEPT, "text/markdown")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectHeader()
                    .contentTypeCompatibleWith("text/markdown")
                    .returnResult(String.class)
                    .getResponseBody();

            assertThat(markdown)
                    .contains(
                            "**03장. 마이크로서비스 아키텍처의 기본**",
                            "| 아이템 | 제목 | 페이지 | 작성자 | 완료 |",
                            "| 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |",
                            "| 3.2 | 레이어 아키텍처 | 45 |  |  |",
                            "**06장. 서비스 메시**\n\n| 아이템 | 제목 | 페이지 | 작성자 | 완료 |\n| :----: | ---- | :----: | :----: | :----: |\n|  |  |  |  |  |");
        }

        @Test
        @DisplayName("the checklist form with ?format=checklist")
        void checklist() {
            assign("3.2", 김상초);
            post("3.2", "start");
            post("3.2", "complete");

            http.get()
                    .uri("/api/progress/books/{id}/board?format=checklist", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody(String.class)
                    .value(text ->
                            assertThat(text).contains("3장. 마이크로서비스 아키텍처의 기본\n- [ ] 3.1 서비스 구조\n- [X] 3.2 레이어 아키텍처\n"));
        }

        @Test
        @DisplayName("an unknown format is a 400 naming the parameter")
        void unknownFormat() {
            http.get()
                    .uri("/api/progress/books/{id}/board?format=pdf", bookId)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("format");
        }
    }

    @Nested
    @DisplayName("requests no endpoint serves")
    class Unmatched {

        @Test
        @DisplayName("a body that claims to be a multipart upload without a boundary: 415 problem details, not a 500")
        void multipartWithoutBoundary() {
            http.put()
                    .uri(sectionPath("3.1") + "/assignee")
                    .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                    .header(HttpHeaders.CONTENT_TYPE, "multipart/form-data")
                    .body("x")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        @DisplayName("a path nothing serves: 404, a method a path does not allow: 405, both as problem details")
        void problemDetails() {
            http.get()
                    .uri("/api/progress/nothing-here")
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get() // reads are public, so this reaches the endpoint, which takes only POST
                    .uri(sectionPath("3.1") + "/complete")
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
