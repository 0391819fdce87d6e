package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.demo.DemoLoader;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Golden tests: the study group's own notes, imported as the demo loader does it (one import each, the saga across
 * the three services), come back out of progress-service's board exactly as the notes have them, chapter by chapter
 * and row by row.
 */
@DisplayName("The seed notes, imported through the three services")
class SeedBoardGoldenIT {

    /**
     * The demo loader as compose runs it: the machine client demo-loader, linking the writers to their accounts. No
     * gateway runs here, so it sends its imports to progress-service itself.
     */
    private final DemoLoader loader = DemoLoader.connectedTo(
            RestClient.builder().requestInterceptor(StudyBoardSystem.demoLoaderToken()),
            StudyBoardSystem.PROGRESS.url(),
            "독자",
            Map.of("이상경", "sanggyeong", "김상초", "sangcho", "김태현", "taehyun"),
            Duration.ofMinutes(3));

    private final RestClient progress =
            RestClient.create(StudyBoardSystem.PROGRESS.url().toString());

    private String board(UUID bookId, String format) {
        return progress.get()
                .uri("/api/progress/books/{id}/board?format={format}", bookId, format)
                .retrieve()
                .body(String.class);
    }

    @Test
    @DisplayName("seed 000: the board renders the same rows as the notes' tables (item, title, page, writer, done)")
    void seed000Table() throws IOException {
        var text = SeedNotes.text("000-microservice-structure.md");
        var notes = SeedNotes.readTables(text);

        var imported = loader.load(text);
        var rendered = SeedNotes.readTables(board(imported.bookId(), "markdown"));

        assertThat(notes.rows()).hasSize(37); // the seed really has these rows: the reader did not lose any
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
        var text = SeedNotes.text("002-building-microservices.md");
        var notes = SeedNotes.readChecklist(text);

        var imported = loader.load(text);
        var rendered = SeedNotes.readChecklist(board(imported.bookId(), "checklist"));

        assertThat(rendered.title()).isEqualTo(notes.title());
        assertThat(rendered.chapters()).usingRecursiveComparison().isEqualTo(notes.chapters());
    }

    @Test
    @DisplayName("a writer of the notes who signs in is their member: sanggyeong's /api/members/me is 이상경")
    void writersAreLinkedToTheirAccounts() throws IOException {
        loader.load(SeedNotes.text("000-microservice-structure.md"));

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
    @DisplayName("loading the same notes again changes nothing: the same import, so the same one book")
    void loadingTwiceIsHarmless() throws IOException {
        var text = SeedNotes.text("000-microservice-structure.md");
        var first = loader.load(text);
        var before = board(first.bookId(), "markdown");

        var second = loader.load(text);

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.bookId()).isEqualTo(first.bookId());
        assertThat(board(second.bookId(), "markdown")).isEqualTo(before);
    }
}
