package dev.studyboard.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the two forms of study notes: seed 000's Markdown tables and seed 002's checklist. */
public final class NotesParser {

    private static final Pattern TITLE = Pattern.compile("^#\\s+(.+?)\\s*$");
    private static final Pattern TABLE_CHAPTER = Pattern.compile("^\\*\\*(\\d+)장\\.\\s*(.+?)\\*\\*\\s*$");
    private static final Pattern CHECKLIST_CHAPTER = Pattern.compile("^(\\d+)장\\.\\s*(.+?)\\s*$");
    private static final Pattern TASK = Pattern.compile("^- \\[([ xX])]\\s+(\\d+(?:\\.\\d+)+)\\s+(.+?)\\s*$");
    private static final String DONE_MARK = ":heavy_check_mark:";

    private NotesParser() {}

    /** Chooses the form by content: a table header means seed 000's form, otherwise the checklist. */
    public static StudyNotes parse(String text) {
        return text.contains("| 아이템") ? parseTables(text) : parseChecklist(text);
    }

    /** {@code **03장. title**} followed by {@code | 아이템 | 제목 | 페이지 | 작성자 | 완료 |} rows. */
    public static StudyNotes parseTables(String text) {
        String title = null;
        var chapters = new ArrayList<StudyNotes.Chapter>();
        List<StudyNotes.Row> rows = null;
        for (var line : text.split("\\R")) {
            var titleMatch = TITLE.matcher(line);
            var chapterMatch = TABLE_CHAPTER.matcher(line.strip());
            if (title == null && titleMatch.matches()) {
                title = titleMatch.group(1);
            } else if (chapterMatch.matches()) {
                rows = new ArrayList<>();
                chapters.add(new StudyNotes.Chapter(
                        Integer.parseInt(chapterMatch.group(1)),
                        chapterMatch.group(2).strip(),
                        rows));
            } else if (rows != null && line.strip().startsWith("|")) {
                tableRow(line).ifPresent(rows::add);
            }
        }
        return new StudyNotes(title, List.copyOf(chapters));
    }

    /** {@code 1장. title} followed by {@code - [X] 1.1 title} tasks. */
    public static StudyNotes parseChecklist(String text) {
        String title = null;
        var chapters = new ArrayList<StudyNotes.Chapter>();
        List<StudyNotes.Row> rows = null;
        for (var line : text.split("\\R")) {
            var titleMatch = TITLE.matcher(line);
            var chapterMatch = CHECKLIST_CHAPTER.matcher(line);
            var task = TASK.matcher(line);
            if (title == null && titleMatch.matches()) {
                title = titleMatch.group(1);
            } else if (chapterMatch.matches()) {
                rows = new ArrayList<>();
                chapters.add(
                        new StudyNotes.Chapter(Integer.parseInt(chapterMatch.group(1)), chapterMatch.group(2), rows));
            } else if (rows != null && task.matches()) {
                rows.add(new StudyNotes.Row(
                        task.group(2), task.group(3), null, null, !task.group(1).isBlank()));
            }
        }
        return new StudyNotes(title, List.copyOf(chapters));
    }

    /** A data row of a chapter table; the header, the alignment row and an all-empty row are not sections. */
    private static java.util.Optional<StudyNotes.Row> tableRow(String line) {
        var cells =
                Arrays.stream(line.strip().split("\\|", -1)).map(String::strip).toList();
        cells = cells.subList(1, cells.size() - 1); // the text before the first and after the last pipe
        if (cells.size() < 5
                || cells.get(0).isEmpty()
                || cells.get(0).equals("아이템")
                || cells.get(0).startsWith(":")) {
            return java.util.Optional.empty();
        }
        var page = cells.get(2).isEmpty() ? null : Integer.valueOf(cells.get(2));
        var writer = cells.get(3).isEmpty() ? null : cells.get(3);
        return java.util.Optional.of(new StudyNotes.Row(
                cells.get(0), cells.get(1), page, writer, cells.get(4).contains(DONE_MARK)));
    }
}
