package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.demo.DemoLoader;
import dev.studyboard.demo.NotesParser;
import dev.studyboard.demo.StudyNotes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Golden tests: the study group's own notes, entered through the three services' public APIs, come back out of
 * progress-service's board exactly as the notes have them, chapter by chapter and row by row.
 */
@DisplayName("The seed notes, through the three services")
class SeedBoardGoldenIT {

    /** The demo loader as compose runs it: the machine client demo-loader, linking the writers to their accounts. */
    private final DemoLoader loader = DemoLoader.connectedTo(
            RestClient.builder().requestInterceptor(StudyBoardSystem.demoLoaderToken()),
            StudyBoardSystem.CATALOG.url(),
            StudyBoardSystem.MEMBERS.url(),
            StudyBoardSystem.PROGRESS.url(),
            "독자",
            Map.of("이상경", "sanggyeong", "김상초", "sangcho", "김태현", "taehyun"),
            Duration.ofSeconds(60));

    private final RestClient progress =
            RestClient.create(StudyBoardSystem.PROGRESS.url().toString());

    private static StudyNotes seed(String name) throws IOException {
        try (var in = SeedBoardGoldenIT.class.getResourceAsStream("/seeds/" + name)) {
            return NotesParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    @DisplayName("seed 000: the board renders the same rows as the notes' tables (item, title, page, writer, done)")
    void seed000Table() throws IOException {
        var notes = seed("000-microservice-structure.md");

        var bookId = loader.load(notes);
        var markdown = progress.get()
                .uri("/api/progress/books/{id}/board?format=markdown", bookId)
                .retrieve()
                .body(String.class);
        var rendered = NotesParser.parseTables(markdown);

        assertThat(notes.rows()).hasSize(37); // the seed really has these rows: the parser did not lose any
        assertThat(rendered.title()).isEqualTo(notes.title());
        assertThat(rendered.chapters()).hasSameSizeAs(notes.chapters());
        for (int i = 0; i < notes.chapters().size(); i++) {
            var expected = notes.chapters().get(i);
            var actual = rendered.chapters().get(i);
            assertThat(actual.number()).isEqualTo(expected.number());
            assertThat(actual.title()).isEqualTo(expected.title());
            assertThat(actual.rows()).as("chapter %d", expected.number()).containsExactlyElementsOf(expected.rows());
        }
    }

    @Test
    @DisplayName("seed 002: the checklist renders the same tasks, done where the notes tick them")
    void seed002Checklist() throws IOException {
        var notes = seed("002-building-microservices.md");

        var bookId = loader.load(notes);
        var checklist = progress.get()
                .uri("/api/progress/books/{id}/board?format=checklist", bookId)
                .retrieve()
                .body(String.class);
        var rendered = NotesParser.parseChecklist(checklist);

        assertThat(rendered.title()).isEqualTo(notes.title());
        assertThat(rendered.chapters()).usingRecursiveComparison().isEqualTo(notes.chapters());
    }

    @Test
    @DisplayName("a writer of the notes who signs in is their member: sanggyeong's /api/members/me is 이상경")
    void writersAreLinkedToTheirAccounts() throws IOException {
        loader.load(seed("000-microservice-structure.md"));

        var me = RestClient.create(StudyBoardSystem.MEMBERS.url().toString())
                .get()
                .uri("/api/members/me")
                .header(
                        "Authorization",
                        StudyBoardSystem.login()
                                .login("sanggyeong", StudyBoardSystem.PASSWORD)
                                .bearer())
                .retrieve()
                .body(JsonNode.class);

        assertThat(me.get("displayName").asString()).isEqualTo("이상경");
        assertThat(me.get("account").asString()).isEqualTo("sanggyeong");
    }

    @Test
    @DisplayName("loading the same notes again changes nothing")
    void loadingTwiceIsHarmless() throws IOException {
        var notes = seed("000-microservice-structure.md");
        var first = loader.load(notes);
        var before = progress.get()
                .uri("/api/progress/books/{id}/board?format=markdown", first)
                .retrieve()
                .body(String.class);

        var second = loader.load(notes);

        assertThat(second).isEqualTo(first);
        assertThat(progress.get()
                        .uri("/api/progress/books/{id}/board?format=markdown", second)
                        .retrieve()
                        .body(String.class))
                .isEqualTo(before);
    }
}
