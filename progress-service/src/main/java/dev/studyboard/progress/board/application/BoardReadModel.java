package dev.studyboard.progress.board.application;

import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.board.api.BookProgress;
import dev.studyboard.progress.board.api.MemberSummary;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to the board's read model: a data join of the replicas with the assignments, in one query. */
public interface BoardReadModel {

    Optional<Board> board(UUID bookId);

    List<BookProgress> books();

    Optional<MemberSummary> summaryOf(UUID memberId);
}
