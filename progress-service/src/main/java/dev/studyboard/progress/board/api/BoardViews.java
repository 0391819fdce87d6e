package dev.studyboard.progress.board.api;

import java.util.List;
import java.util.UUID;

/** The board as it is read: the books with their progress, a book's board, a member's summary. */
public interface BoardViews {

    /** @throws NotOnBoardException if the board has no such book */
    Board board(UUID bookId);

    List<BookProgress> books();

    /** @throws NotOnBoardException if no such member is known here */
    MemberSummary summaryOf(UUID memberId);

    /** The board knows no such book or member (never registered, removed, or not replicated yet). */
    class NotOnBoardException extends RuntimeException {
        public NotOnBoardException(String message) {
            super(message);
        }
    }
}
