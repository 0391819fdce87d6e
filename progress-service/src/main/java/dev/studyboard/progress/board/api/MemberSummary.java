package dev.studyboard.progress.board.api;

import java.util.List;
import java.util.UUID;

/** What one member writes up: how many sections are theirs, how many are done, and which. */
public record MemberSummary(
        UUID memberId, String displayName, boolean active, int assigned, int inProgress, int done, List<Work> work) {

    public record Work(UUID bookId, String bookTitle, String item, String sectionTitle, WriteUpStatus status) {}
}
