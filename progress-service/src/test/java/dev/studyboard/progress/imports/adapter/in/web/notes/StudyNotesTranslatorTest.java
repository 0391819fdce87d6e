package dev.studyboard.progress.imports.adapter.in.web.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.studyboard.progress.imports.domain.ImportedBoard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The notes' anti-corruption layer")
class StudyNotesTranslatorTest {

    /** The study group's real notes, as the repository ships them for the demo. */
    static String seed(String name) throws IOException {
        return Files.readString(Path.of("../demo-loader/src/main/resources/seeds", name));
    }

    private static MalformedNotesException malformed(String notes) {
        return catchThrowableOfType(
                MalformedNotesException.class, () -> StudyNotesTranslator.translate(notes, List.of(), Map.of(), null));
    }

    @Nested
    @DisplayName("translates seed 000's tables")
    class Tables {

        @Test
        @DisplayName("into its 8 chapters and 37 sections, with pages, writers (and their accounts) and done marks")
        void seed000() throws IOException {
            var board = StudyNotesTranslator.translate(
                    seed("000-microservice-structure.md"), List.of(), Map.of("이상경", "sanggyeong"), null);

            assertThat(board.title()).isEqualTo("그림으로 공부하는 마이크로 서비스 구조");
            assertThat(board.chapters()).hasSize(8);
            assertThat(board.chapters().get(5).sections())
                    .as("chapter 6's table is empty")
                    .isEmpty();
            assertThat(board.sections()).hasSize(37);
            assertThat(board.sections())
                    .contains(new ImportedBoard.Section("3.1", "서비스 구조", 44, "이상경", true))
                    .contains(new ImportedBoard.Section("5.4", "배포 기술 비교와 정리", 158, null, false));
            assertThat(board.writers())
                    .containsExactly(
                            new ImportedBoard.Writer("이상경", "sanggyeong"),
                            new ImportedBoard.Writer("김상초", null),
                            new ImportedBoard.Writer("김태현", null));
        }
    }

    @Nested
    @DisplayName("translates seed 002's checklist")
    class Checklist {

        @Test
        @DisplayName("with the ticked tasks done by the reader, who is its only writer")
        void seed002() throws IOException {
            var board = StudyNotesTranslator.translate(
                    seed("002-building-microservices.md"), List.of("Sam Newman"), Map.of(), "독자");

            assertThat(board.title()).isEqualTo("마이크로서비스 아키텍처 구축");
            assertThat(board.chapters().get(0).sections().get(0))
                    .isEqualTo(new ImportedBoard.Section("1.1", "마이크로서비스란", null, "독자", true));
            assertThat(board.sections())
                    .filteredOn(section -> section.item().equals("4.1"))
                    .containsExactly(new ImportedBoard.Section("4.1", "이상적인 통합 기술 모색", null, null, false));
            assertThat(board.writers()).containsExactly(new ImportedBoard.Writer("독자", null));
        }

        @Test
        @DisplayName("refuses ticked tasks when nobody is named as the reader")
        void tickedTasksNeedAReader() throws IOException {
            var refused = malformed(seed("002-building-microservices.md"));

            assertThat(refused.problems()).first().satisfies(problem -> {
                assertThat(problem.line()).isEqualTo(4);
                assertThat(problem.reason()).contains("say who the reader is");
            });
        }
    }

    @Nested
    @DisplayName("names each line it cannot translate, all at once")
    class Malformed {

        @Test
        @DisplayName("bad item numbers, pages, cell counts, done marks, duplicates and sections in the wrong chapter")
        void everyProblemWithItsLine() {
            var refused = malformed("""
                    # 책
                    **01장. 하나**
                    | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
                    | :----: | ---- | :----: | :----: | :----: |
                    | 1.x | 제목 | 1 | | |
                    | 1.2 | 제목 | 마흔 | | |
                    | 1.3 | 제목 | 3 | |
                    | 1.4 | 제목 | 4 | 이상경 | yes |
                    | 1.5 | 제목 | 5 | | |
                    | 1.5 | 제목 | 6 | | |
                    | 2.1 | 제목 | 7 | | |
                    | 1.6 | 제목 | 8 | | :heavy_check_mark: |
                    """);

            assertThat(refused.problems()).extracting(NotesProblem::line).containsExactly(5, 6, 7, 8, 10, 11, 12);
            assertThat(refused.problems())
                    .extracting(NotesProblem::reason)
                    .containsExactly(
                            "'1.x' is not a section number like 4.3",
                            "페이지 is a page number from 1 to 100000, not '마흔'",
                            "a row has 5 cells (아이템 | 제목 | 페이지 | 작성자 | 완료), this one 4",
                            "완료 is ':heavy_check_mark:' or empty, not 'yes'",
                            "section 1.5 appears twice",
                            "section 2.1 is not in chapter 1",
                            "section 1.6 is done, but names no writer");
        }

        @Test
        @DisplayName("notes without a title or a chapter")
        void noTitleNoChapter() {
            var refused = malformed("just some text\n- [ ] not a task either");

            assertThat(refused.problems())
                    .extracting(NotesProblem::reason)
                    .anySatisfy(reason -> assertThat(reason).startsWith("no title"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("no chapter"));
        }

        @Test
        @DisplayName("a broken task line of a checklist")
        void brokenTask() {
            var refused = malformed("# 책\n1장. 하나\n- [X]1.1 붙어 있음\n- [ ] 1.2 괜찮음");

            assertThat(refused.problems())
                    .containsExactly(new NotesProblem(3, "a task is '- [ ] 1.1 <title>' or" + " '- [X] 1.1 <title>'"));
        }
    }
}
