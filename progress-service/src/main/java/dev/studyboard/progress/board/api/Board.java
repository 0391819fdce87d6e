package dev.studyboard.progress.board.api;

import java.util.List;
import java.util.UUID;

/**
 * The study board of one book, as the notes keep it: per chapter, each section with its writer and whether
 * the write-up is done. Built entirely from this service's own data and replicas; rendering it calls no
 * other service.
 */
public record Board(UUID bookId, String title, List<Chapter> chapters) {

    public record Chapter(int number, String title, List<Row> rows) {}

    /** One line of a chapter's table. {@code writer} is the member's display name, {@code null} when unassigned. */
    public record Row(String item, String title, Integer page, UUID writerId, String writer, WriteUpStatus status) {

        public boolean done() {
            return status == WriteUpStatus.DONE;
        }
    }
}
