package dev.studyboard.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The golden tests' reader of the study notes, in both forms (seed 000's Markdown tables, seed 002's checklist): the
 * notes as the group wrote them and the board as progress-service renders it are read the same way, and compared.
 * Deliberately not progress-service's own translator: the expected values come from an independent reading.
 */
record SeedNotes(String title, List<Chapter> chapters) {

    record Chapter(int number, String title, List<Row> rows) {}

    /** One section as the notes list it; {@code page} and {@code writer} may be missing ({@code null}). */
    record Row(String item, String title, Integer page, String writer, boolean done) {}

    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*$");
    private static final Pattern TABLE_CHAPTER = Pattern.compile("^\\*\\*(\\d+)장\\.\\s*(.+?)\\*\\*\\s*$");
    private static final Pattern CHECKLIST_CHAPTER = Pattern.compile("^(\\d+)장\\.\\s*(.+?)\\s*$");
    private static final Pattern TASK = Pattern.compile("^- \\[([ xX])]\\s+(\\d+(?:\\.\\d+)+)\\s+(.+?)\\s*$");
    private static final String DONE_MARK = ":heavy_check_mark:";

    /** A seed note's text as the group wrote it: demo-loader's {@code seeds/}, on this module's classpath. */
    static String text(String seed) throws IOException {
        try (var in = SeedNotes.class.getResourceAsStream("/seeds/" + seed)) {
            if (in == null) {
                throw new IOException("No seed note " + seed);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    List<Row> rows() {
        return chapters.stream().flatMap(chapter -> chapter.rows().stream()).toList();
    }

    /** Chooses the form by content: a table header means seed 000's form, otherwise the checklist. */
    static SeedNotes read(String text) {
        return text.contains("| 아이템") ? readTables(text) : readChecklist(text);
    }

    /** {@code **03장. title**} followed by {@code | 아이템 | 제목 | 페이지 | 작성자 | 완료 |} rows. */
    static SeedNotes readTables(String text) {
        String title = null;
        var chapters = new ArrayList<Chapter>();
        List<Row> rows = null;
        for (var line : text.split("\\R")) {
            var titleMatch = TITLE.matcher(line);
            var chapterMatch = TABLE_CHAPTER.matcher(line.strip());
            if (title == null && titleMatch.matches()) {
                title = titleMatch.group(1);
            } else if (chapterMatch.matches()) {
                rows = new ArrayList<>();
                chapters.add(new Chapter(
                        Integer.parseInt(chapterMatch.group(1)),
                        chapterMatch.group(2).strip(),
                        rows));
            } else if (rows != null && line.strip().startsWith("|")) {
                tableRow(line).ifPresent(rows::add);
            }
        }
        return new SeedNotes(title, List.copyOf(chapters));
    }

    /** {@code 1장. title} followed by {@code - [X] 1.1 title} tasks. */
    static SeedNotes readChecklist(String text) {
        String title = null;
        var chapters = new ArrayList<Chapter>();
        List<Row> rows = null;
        for (var line : text.split("\\R")) {
            var titleMatch = TITLE.matcher(line);
            var chapterMatch = CHECKLIST_CHAPTER.matcher(line);
            var task = TASK.matcher(line);
            if (title == null && titleMatch.matches()) {
                title = titleMatch.group(1);
            } else if (chapterMatch.matches()) {
                rows = new ArrayList<>();
                chapters.add(new Chapter(Integer.parseInt(chapterMatch.group(1)), chapterMatch.group(2), rows));
            } else if (rows != null && task.matches()) {
                rows.add(new Row(
                        task.group(2), task.group(3), null, null, !task.group(1).isBlank()));
            }
        }
        return new SeedNotes(title, List.copyOf(chapters));
    }

    /** A data row of a chapter table; the header, the alignment row and an all-empty row are not sections. */
    private static Optional<Row> tableRow(String line) {
        var cells =
                Arrays.stream(line.strip().split("\\|", -1)).map(String::strip).toList();
        cells = cells.subList(1, cells.size() - 1); // the text before the first and after the last pipe
        if (cells.size() < 5
                || cells.get(0).isEmpty()
                || cells.get(0).equals("아이템")
                || cells.get(0).startsWith(":")) {
            return Optional.empty();
        }
        var page = cells.get(2).isEmpty() ? null : Integer.valueOf(cells.get(2));
        var writer = cells.get(3).isEmpty() ? null : cells.get(3);
        return Optional.of(
                new Row(cells.get(0), cells.get(1), page, writer, cells.get(4).contains(DONE_MARK)));
    }
}
