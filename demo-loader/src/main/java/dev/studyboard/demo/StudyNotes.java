package dev.studyboard.demo;

import java.util.List;

/**
 * One of the study group's notes, read into its parts: the book, its chapters, and per section the writer and
 * whether the write-up is done. Both note forms (seed 000's tables, seed 002's checklist) read into this.
 */
public record StudyNotes(String title, List<Chapter> chapters) {

    public record Chapter(int number, String title, List<Row> rows) {}

    /** One section as the notes list it; {@code page} and {@code writer} may be missing ({@code null}). */
    public record Row(String item, String title, Integer page, String writer, boolean done) {}

    public List<Row> rows() {
        return chapters.stream().flatMap(chapter -> chapter.rows().stream()).toList();
    }
}
