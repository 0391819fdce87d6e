package dev.studyboard.progress.board.adapter.in.web;

import dev.studyboard.progress.board.api.BoardViews.NotOnBoardException;
import dev.studyboard.web.InvalidRequestProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of the board API as RFC 9457 problem details: invalid requests as every service answers them (an
 * unknown {@code format} names the parameter), and a book or member the board does not know (404).
 */
@RestControllerAdvice(assignableTypes = BoardController.class)
class BoardProblemHandler extends InvalidRequestProblems {

    @ExceptionHandler
    ProblemDetail notOnBoard(NotOnBoardException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }
}
