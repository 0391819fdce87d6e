package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotAllowedException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.assignment.domain.SectionTakenException;
import dev.studyboard.web.InvalidRequestProblems;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of the assignments API as RFC 9457 problem details: invalid requests as every service answers them,
 * work that is not the caller's to change (403), an unknown section (404), an unknown member (422 naming {@code
 * memberId}), a member who left, a section someone else has taken, a step the state machine refuses or a
 * simultaneous change (409).
 */
@RestControllerAdvice(assignableTypes = AssignmentController.class)
class AssignmentProblemHandler extends InvalidRequestProblems {

    /** A valid caller, refused by the ownership rules: as the security rules' own 403, a problem. */
    @ExceptionHandler
    ProblemDetail notAllowed(NotAllowedException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unknownSection(UnknownSectionException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    /** The request is well formed, but names a member this service does not know (or not yet). */
    @ExceptionHandler
    ProblemDetail unknownMember(UnknownMemberException ex) {
        var problem = invalid(List.of(new InvalidField("memberId", ex.getMessage())));
        problem.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        return problem;
    }

    @ExceptionHandler({
        MemberLeftException.class,
        SectionTakenException.class,
        IllegalTransitionException.class,
        ConcurrentAssignmentChangeException.class
    })
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }
}
