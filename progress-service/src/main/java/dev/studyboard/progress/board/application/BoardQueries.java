package dev.studyboard.progress.board.application;

import dev.studyboard.progress.board.domain.Board;
import dev.studyboard.progress.board.domain.BookProgress;
import dev.studyboard.progress.board.domain.MemberSummary;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases that read the board: a book's board, the books on it, a member's summary. */
@Service
@Transactional(readOnly = true)
public class BoardQueries {

    private final BoardReadModel readModel;

    BoardQueries(BoardReadModel readModel) {
        this.readModel = readModel;
    }

    public Board board(UUID bookId) {
        return readModel
                .board(bookId)
                .orElseThrow(() -> new NotOnBoardException("No book " + bookId + " on the board"));
    }

    public List<BookProgress> books() {
        return readModel.books();
    }

    public MemberSummary summaryOf(UUID memberId) {
        return readModel
                .summaryOf(memberId)
                .orElseThrow(() -> new NotOnBoardException("No member " + memberId + " is known"));
    }

    public static class NotOnBoardException extends RuntimeException {
        public NotOnBoardException(String message) {
            super(message);
        }
    }
}
