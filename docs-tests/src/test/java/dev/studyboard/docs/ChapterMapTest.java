package dev.studyboard.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chapter map is how a reader gets from a section of the notes to the code and the test that show it, so
 * it must cover every section and point only at what exists. Where code names a section in a comment, the
 * section's row must link that file: the map is the one source of truth, checked from both sides.
 */
@DisplayName("The chapter map (docs/chapter-map.md)")
class ChapterMapTest {

    private static final ChapterMapCheck CHECK = new ChapterMapCheck(Repository.containingThisModule());

    @Nested
    @DisplayName("covers the study notes")
    class CoversTheNotes {

        @ParameterizedTest(name = "seed {0}")
        @EnumSource(Seed.class)
        @DisplayName("with a row for every section of the notes")
        void everySection(Seed seed) {
            assertNone(CHECK.missingRows(seed), "sections of seed " + seed + " without a row");
        }

        @ParameterizedTest(name = "seed {0}")
        @EnumSource(Seed.class)
        @DisplayName("with no row for an item the notes do not have, and none twice")
        void onlyTheNotesSections(Seed seed) {
            assertNone(CHECK.rowsNotInTheNotes(seed), "rows that are not sections of seed " + seed);
        }

        @ParameterizedTest(name = "seed {0}")
        @EnumSource(Seed.class)
        @DisplayName("in the notes' order, each row titled as the notes write the section")
        void orderAndTitles(Seed seed) {
            assertNone(CHECK.rowsOutOfOrderOrRetitled(seed), "rows out of order or retitled");
        }
    }

    @Nested
    @DisplayName("in every row")
    class EveryRow {

        @Test
        @DisplayName("links the code and names the test that shows the section, or says why there is none")
        void codeAndTestOrAReason() {
            assertNone(CHECK.rowsWithoutEvidence(), "rows without code and test or a reason");
        }

        @Test
        @DisplayName("links only files and folders that exist")
        void linksResolve() {
            assertNone(CHECK.brokenLinks(), "links to nothing (relative to docs/)");
        }

        @Test
        @DisplayName("names only test classes that exist and hold a test")
        void namedTestsExist() {
            assertNone(CHECK.testsThatDoNotExist(), "test classes that do not exist or hold no test");
        }

        @Test
        @DisplayName("links a test class the first time the map names it")
        void testsLinkedWhenFirstNamed() {
            assertNone(CHECK.testsNamedBeforeTheyAreLinked(), "test classes named before any row links them");
        }

        @Test
        @DisplayName("that is planned names the open issue that plans it, and the planned rows are counted")
        void plannedRowsNameTheirIssue() {
            assertNone(CHECK.plannedRowsWithoutIssue(), "planned rows without their issue");

            List<ChapterMap.Row> planned = CHECK.plannedRows();
            System.out.printf(
                    "chapter map: %d rows for seed 000, %d for seed 002; %d planned:%n%s%n",
                    CHECK.map().rowsOf(Seed.MICROSERVICE_STRUCTURE).size(),
                    CHECK.map().rowsOf(Seed.BUILDING_MICROSERVICES).size(),
                    planned.size(),
                    planned.stream()
                            .map(row ->
                                    "  " + row + ": issue " + row.plannedBy().orElseThrow())
                            .collect(Collectors.joining("\n")));
        }
    }

    @Nested
    @DisplayName("agrees with the code")
    class AgreesWithTheCode {

        @Test
        @DisplayName("where code or configuration names a section, the section's row links that file")
        void sectionsNamedInCodeAreLinked() {
            assertNone(CHECK.mentionsTheMapDoesNotLink(), "sections named in code that the map does not link there");
        }
    }

    @Nested
    @DisplayName("is checked by rules that catch each mistake, shown on a small repository")
    class TheRules {

        @TempDir
        Path root;

        ChapterMapCheck check;

        @BeforeEach
        void givenARepositoryWithMistakes() throws IOException {
            write("demo-loader/src/main/resources/seeds/000-microservice-structure.md", """
                    | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
                    | :----: | ---- | :----: | :----: | :----: |
                    |   3.1     |   서비스 구조   |    44    |   이상경      |   :heavy_check_mark:   |
                    |   3.2     |    레이어 아키텍처  |  45      |      이상경  |  :heavy_check_mark:    |
                    """);
            write("demo-loader/src/main/resources/seeds/002-building-microservices.md", """
                    1장. 마이크로서비스
                    - [X] 1.1 마이크로서비스란 \s
                    - [x] 1.2 주요 혜택 \s
                    - [ ] 1.3 서비스 지향 아키텍처란 \s
                    """);
            write("docs/chapter-map.md", """
                    # Chapter map

                    ## Seed 000 — 그림으로 공부하는 마이크로 서비스 구조

                    | item | title | where in the code | the test that shows it |
                    |---|---|---|---|
                    | 3.1 | 서비스 구조 | [`Outbox`](../code/Outbox.java) | [`OutboxTest`](../code/OutboxTest.java), `EmptyTest` |
                    | 3.9 | 없는 절 | [`Gone`](../code/Gone.java) | `MissingIT` |

                    ## Seed 002 — 마이크로서비스 아키텍처 구축

                    | item | title | where in the code | the test that shows it |
                    |---|---|---|---|
                    | 1.2 | 주요 혜택 | the benefits, somewhere | |
                    | 1.1 | 마이크로서비스란 | what the whole system is | — about the book's definition, not code |
                    | 1.3 | 서비스 지향 아키텍처 | planned later | — planned (issue 99) |
                    """);
            write("code/Outbox.java", "/** Transactional outbox (seed 000, 3.2). */\nclass Outbox {}\n");
            write("code/Relay.java", "class Relay {\n    // publishes what the outbox holds (seed 000, 3.1)\n}\n");
            write("code/OutboxTest.java", "class OutboxTest {\n    @Test\n    void publishes() {}\n}\n");
            write("code/EmptyTest.java", "class EmptyTest {\n    // @Test\n    void notATest() {}\n}\n");
            check = new ChapterMapCheck(Repository.at(root));
        }

        @Test
        @DisplayName("a section without a row")
        void missingRow() {
            assertThat(check.missingRows(Seed.MICROSERVICE_STRUCTURE))
                    .extracting(StudyNotes.Section::item)
                    .containsExactly("3.2");
            assertThat(check.missingRows(Seed.BUILDING_MICROSERVICES)).isEmpty();
        }

        @Test
        @DisplayName("a row for an item the notes do not have")
        void rowNotInTheNotes() {
            assertThat(check.rowsNotInTheNotes(Seed.MICROSERVICE_STRUCTURE))
                    .singleElement()
                    .asString()
                    .contains("3.9", "the notes have no item");
        }

        @Test
        @DisplayName("rows out of the notes' order, and a title the notes do not write")
        void orderAndTitle() {
            assertThat(check.rowsOutOfOrderOrRetitled(Seed.BUILDING_MICROSERVICES))
                    .hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).contains("1.1", "comes after 1.2"))
                    .anySatisfy(problem -> assertThat(problem).contains("1.3", "서비스 지향 아키텍처란"));
        }

        @Test
        @DisplayName("a row with neither a test nor a reason")
        void noEvidence() {
            assertThat(check.rowsWithoutEvidence()).singleElement().asString().contains("002 1.2", "names no test");
        }

        @Test
        @DisplayName("a link to nothing")
        void brokenLink() {
            assertThat(check.brokenLinks()).containsExactly("line 8: ../code/Gone.java");
        }

        @Test
        @DisplayName("a named test class that does not exist, or holds no test")
        void missingTests() {
            assertThat(check.testsThatDoNotExist())
                    .hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).contains("MissingIT", "not in the repository"))
                    .anySatisfy(problem -> assertThat(problem).contains("EmptyTest", "holds no test"));
        }

        @Test
        @DisplayName("a test class named, but not linked by this row or an earlier one")
        void testNotLinked() {
            assertThat(check.testsNamedBeforeTheyAreLinked())
                    .hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).contains("3.1", "EmptyTest"))
                    .anySatisfy(problem -> assertThat(problem).contains("3.9", "MissingIT"));
        }

        @Test
        @DisplayName("a section named in code whose row does not link the file, or that has no row")
        void mentionsInCode() {
            assertThat(check.mentionsTheMapDoesNotLink())
                    .hasSize(2)
                    .anySatisfy(problem -> assertThat(problem).contains("Relay.java:2", "3.1", "does not link"))
                    .anySatisfy(problem -> assertThat(problem).contains("Outbox.java:1", "3.2", "has no row"));
        }

        @Test
        @DisplayName("a planned row that does not name its issue as 'planned: issue N'")
        void plannedWithoutIssue() {
            assertThat(check.plannedRowsWithoutIssue())
                    .singleElement()
                    .asString()
                    .contains("002 1.3");
            assertThat(check.plannedRows()).isEmpty();
        }

        private void write(String path, String text) throws IOException {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        }
    }

    private static void assertNone(List<?> problems, String what) {
        assertThat(problems)
                .withFailMessage(() -> problems.size() + " " + what + ":\n  "
                        + problems.stream().map(String::valueOf).collect(Collectors.joining("\n  ")))
                .isEmpty();
    }
}
