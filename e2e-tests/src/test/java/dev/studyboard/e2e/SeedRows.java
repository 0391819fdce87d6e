package dev.studyboard.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows of a study board as text, for comparing a rendered board with the notes it was imported from: the
 * sections of the tables (cells stripped of their padding) and the tasks of a checklist (a ticked box written one
 * way). Deliberately not the product's parser: the comparison must not share its mistakes.
 */
final class SeedRows {

    private static final Pattern SECTION_ROW = Pattern.compile("^\\|\\s*\\d+(\\.\\d+)+\\s*\\|.*");
    private static final Pattern TASK = Pattern.compile("^- \\[([ xX])]\\s+(.+?)\\s*$");

    private SeedRows() {}

    /** A seed as the repository ships it for the demo loader. */
    static String seed(String name) throws IOException {
        return Files.readString(Path.of("../demo-loader/src/main/resources/seeds", name));
    }

    /** Every table row that is a section ({@code | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |}), normalised. */
    static List<String> tableRows(String text) {
        return text.lines()
                .map(String::strip)
                .filter(line -> SECTION_ROW.matcher(line).matches())
                .map(line -> String.join(
                        " | ",
                        Arrays.stream(line.split("\\|", -1)).map(String::strip).toList()))
                .toList();
    }

    /** Every task of a checklist, {@code [X]} or {@code [ ]} then its item and title. */
    static List<String> tasks(String text) {
        return text.lines()
                .map(String::strip)
                .map(TASK::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(task -> (task.group(1).isBlank() ? "[ ] " : "[X] ") + task.group(2))
                .toList();
    }
}
