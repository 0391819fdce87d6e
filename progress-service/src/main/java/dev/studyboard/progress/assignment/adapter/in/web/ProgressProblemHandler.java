package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.board.application.BoardQueries.NotOnBoardException;
import dev.studyboard.web.InvalidRequestProblems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of progress-service's API (assignments and board) as RFC 9457 problem details; bad input names
 * the field and the reason.
 */
@RestControllerAdvice
class ProgressProblemHandler extends InvalidRequestProblems {

    @ExceptionHandler({UnknownSectionException.class, NotOnBoardException.class})
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    /** The request is well formed, but names a member this service does not know (or not yet). */
    @ExceptionHandler
    ProblemDetail unknownMember(UnknownMemberException ex) {
        var problem = invalid(List.of(new InvalidField("memberId", ex.getMessage())));
        problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return problem;
    }

    @ExceptionHandler({MemberLeftException.class, IllegalTransitionException.class,
            ConcurrentAssignmentChangeException.class})
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }
}
