package dev.studyboard.progress.imports.adapter.in.web.notes;

import dev.studyboard.progress.imports.domain.ImportedBoard;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Anti-corruption layer (seed 000, 4.9; seed 002, 4.15): the study group's notes come from outside, in their own
 * vocabulary — seed 000's Markdown tables ({@code **03장. title**}, {@code | 아이템 | 제목 | 페이지 | 작성자 | 완료 |},
 * {@code :heavy_check_mark:}) and seed 002's checklist ({@code 1장. title}, {@code - [X] 1.1 title}) — and are
 * translated here, at the edge, into the import's model ({@link ImportedBoard}). Nothing past this class knows a
 * Markdown table or a check box. What cannot be translated is reported with its line, all at once; whether a
 * title is too long or a writer may join is for the services that own books and members to say.
 */
public final class StudyNotesTranslator {

    // Every line is stripped first, so no pattern needs a trailing \s*; each group starts at a non-space and is
    // greedy, which keeps matching linear in the line's length even for a line of 200,000 spaces.
    private static final Pattern TITLE = Pattern.compile("^#\\s+(\\S.*)$");
    private static final Pattern TABLE_CHAPTER = Pattern.compile("^\\*\\*(\\d{1,3})장\\.\\s*(\\S.*)\\*\\*$");
    private static final Pattern CHECKLIST_CHAPTER = Pattern.compile("^(\\d{1,3})장\\.\\s*(\\S.*)$");
    private static final Pattern TASK_LIKE = Pattern.compile("^- \\[.*");
    private static final Pattern TASK = Pattern.compile("^- \\[([ xX])]\\s+(\\S+)\\s+(\\S.*)$");
    private static final Pattern ITEM = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){1,3}");
    private static final Pattern ALIGNMENT_CELL = Pattern.compile(":?-+:?");
    private static final String TABLE_HEADER = "아이템";
    private static final String DONE_MARK = ":heavy_check_mark:";
    private static final int MAX_PAGE = 100_000;

    private StudyNotesTranslator() {}

    /**
     * Translates notes of either form.
     *
     * @param authors  who wrote the book (the notes do not say); none: {@link ImportedBoard#AUTHORS_NOT_IN_THE_NOTES}
     * @param accounts a writer's display name → the account they sign in with, for the writers that have one
     * @param reader   who did the ticked tasks of a checklist, which names no writers; may be null for tables
     * @throws MalformedNotesException naming each line that cannot be translated
     */
    public static ImportedBoard translate(
            String notes, List<String> authors, Map<String, String> accounts, String reader) {
        return new Reading(notes.split("\\R", -1), reader).read(authors, accounts);
    }

    /** One pass over the lines, collecting chapters and problems. */
    private static final class Reading {

        private final String[] lines;
        private final String reader;
        private final boolean tables;
        private final List<NotesProblem> problems = new ArrayList<>();
        private final List<ImportedBoard.Chapter> chapters = new ArrayList<>();
        private final Set<String> items = new HashSet<>();
        private final Set<Integer> chapterNumbers = new HashSet<>();
        private String title;
        private int chapterNumber;
        private String chapterTitle;
        private List<ImportedBoard.Section> sections;

        Reading(String[] lines, String reader) {
            this.lines = lines;
            this.reader = reader == null || reader.isBlank() ? null : reader.strip();
            this.tables = java.util.Arrays.stream(lines)
                    .anyMatch(
                            line -> line.strip().startsWith("|") && cells(line).contains(TABLE_HEADER));
        }

        ImportedBoard read(List<String> authors, Map<String, String> accounts) {
            for (int i = 0; i < lines.length; i++) {
                line(i + 1, lines[i].strip());
            }
            closeChapter();
            if (title == null) {
                problems.add(0, new NotesProblem(1, "no title: the notes start with '# <the book's title>'"));
            }
            if (chapters.isEmpty()) {
                problems.add(new NotesProblem(
                        lines.length,
                        tables
                                ? "no chapter: a chapter is a line '**01장. <title>**' followed by its table"
                                : "no chapter: a chapter is a line '1장. <title>' followed by '- [ ] 1.1 <title>'"
                                        + " tasks"));
            }
            if (!problems.isEmpty()) {
                throw new MalformedNotesException(problems);
            }
            return new ImportedBoard(title, authors, chapters, ImportedBoard.writersOf(chapters, accounts));
        }

        private void line(int number, String line) {
            if (title == null && TITLE.matcher(line).matches()) {
                title = TITLE.matcher(line).replaceFirst("$1");
                return;
            }
            var chapter = (tables ? TABLE_CHAPTER : CHECKLIST_CHAPTER).matcher(line);
            if (chapter.matches()) {
                closeChapter();
                chapterNumber = Integer.parseInt(chapter.group(1));
                if (!chapterNumbers.add(chapterNumber)) {
                    problems.add(new NotesProblem(number, "chapter " + chapterNumber + " appears twice"));
                }
                chapterTitle = chapter.group(2).strip();
                sections = new ArrayList<>();
                return;
            }
            if (tables && line.startsWith("|")) {
                tableRow(number, line);
            } else if (!tables && TASK_LIKE.matcher(line).matches()) {
                task(number, line);
            }
        }

        /** {@code | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |}; the header, alignment and empty rows are not sections. */
        private void tableRow(int number, String line) {
            var cells = cells(line);
            if (cells.contains(TABLE_HEADER)
                    || cells.stream()
                            .allMatch(cell -> ALIGNMENT_CELL.matcher(cell).matches())
                    || cells.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (sections == null) {
                problems.add(new NotesProblem(number, "a table row before any chapter line '**01장. <title>**'"));
                return;
            }
            if (cells.size() != 5) {
                problems.add(new NotesProblem(
                        number, "a row has 5 cells (아이템 | 제목 | 페이지 | 작성자 | 완료), this one " + cells.size()));
                return;
            }
            var page = page(number, cells.get(2));
            var writer = cells.get(3).isEmpty() ? null : cells.get(3);
            var done = cells.get(4);
            if (!done.isEmpty() && !done.equals(DONE_MARK)) {
                problems.add(new NotesProblem(number, "완료 is '" + DONE_MARK + "' or empty, not '" + done + "'"));
                return;
            }
            section(number, cells.get(0), cells.get(1), page, writer, !done.isEmpty());
        }

        /** {@code - [X] 1.1 마이크로서비스란}: ticked tasks were done by the reader. */
        private void task(int number, String line) {
            var task = TASK.matcher(line);
            if (!task.matches()) {
                problems.add(new NotesProblem(number, "a task is '- [ ] 1.1 <title>' or '- [X] 1.1 <title>'"));
                return;
            }
            if (sections == null) {
                problems.add(new NotesProblem(number, "a task before any chapter line '1장. <title>'"));
                return;
            }
            boolean done = !task.group(1).isBlank();
            if (done && reader == null) {
                problems.add(new NotesProblem(
                        number, "a ticked task, but a checklist names no writers: say who the reader is"));
                return;
            }
            section(number, task.group(2), task.group(3), null, done ? reader : null, done);
        }

        private void section(int number, String item, String sectionTitle, Integer page, String writer, boolean done) {
            if (!ITEM.matcher(item).matches()) {
                problems.add(new NotesProblem(number, "'" + item + "' is not a section number like 4.3"));
                return;
            }
            if (!item.startsWith(chapterNumber + ".")) {
                problems.add(new NotesProblem(number, "section " + item + " is not in chapter " + chapterNumber));
                return;
            }
            if (!items.add(item)) {
                problems.add(new NotesProblem(number, "section " + item + " appears twice"));
                return;
            }
            if (sectionTitle.isEmpty()) {
                problems.add(new NotesProblem(number, "section " + item + " has no title"));
                return;
            }
            if (done && writer == null) {
                problems.add(new NotesProblem(number, "section " + item + " is done, but names no writer"));
                return;
            }
            sections.add(new ImportedBoard.Section(item, sectionTitle, page, writer, done));
        }

        private Integer page(int number, String cell) {
            if (cell.isEmpty()) {
                return null;
            }
            if (!cell.matches("\\d{1,6}") || Integer.parseInt(cell) < 1 || Integer.parseInt(cell) > MAX_PAGE) {
                problems.add(new NotesProblem(
                        number, "페이지 is a page number from 1 to " + MAX_PAGE + ", not '" + cell + "'"));
                return null;
            }
            return Integer.valueOf(cell);
        }

        private void closeChapter() {
            if (sections != null) {
                chapters.add(new ImportedBoard.Chapter(chapterNumber, chapterTitle, sections));
            }
        }

        /** The cells between the first and the last pipe, stripped. */
        private static List<String> cells(String line) {
            var parts = line.strip().split("\\|", -1);
            if (parts.length < 3) {
                return List.of();
            }
            return java.util.Arrays.stream(parts, 1, parts.length - 1)
                    .map(String::strip)
                    .toList();
        }
    }
}
