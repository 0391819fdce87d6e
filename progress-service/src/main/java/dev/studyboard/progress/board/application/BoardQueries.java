package dev.studyboard.progress.board.application;

import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.board.api.BoardViews;
import dev.studyboard.progress.board.api.BookProgress;
import dev.studyboard.progress.board.api.MemberSummary;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use cases that read the board: a book's board, the books on it, a member's summary. */
@Service
@Transactional(readOnly = true)
public class BoardQueries implements BoardViews {

    private final BoardReadModel readModel;

    BoardQueries(BoardReadModel readModel) {
        this.readModel = readModel;
    }

    @Override
    public Board board(UUID bookId) {
        return readModel
                .board(bookId)
                .orElseThrow(() -> new NotOnBoardException("No book " + bookId + " on the board"));
    }

    @Override
    public List<BookProgress> books() {
        return readModel.books();
    }

    @Override
    public MemberSummary summaryOf(UUID memberId) {
        return readModel
                .summaryOf(memberId)
                .orElseThrow(() -> new NotOnBoardException("No member " + memberId + " is known"));
    }
}
