package dev.studyboard.member.web;

import dev.studyboard.member.model.MemberHasLeftException;
import dev.studyboard.member.service.AccountTakenException;
import dev.studyboard.member.service.EmailTakenException;
import dev.studyboard.member.service.MemberNotFoundException;
import dev.studyboard.member.service.NotAllowedException;
import dev.studyboard.web.InvalidRequestProblems;
import java.util.List;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the member API as RFC 9457 problem details: what every service answers alike
 * ({@link InvalidRequestProblems}: invalid input or a broken member rule, 400 with an {@code errors} list naming
 * each field and the reason; a stale If-Match, 412), and the member API's own: an unknown member (404), a
 * member who has left or a simultaneous change (409), a taken e-mail or account, 409 naming the field the same
 * way, and a member who is not the caller's to change (403, like the security rules' refusals).
 */
@RestControllerAdvice
class MemberProblemHandler extends InvalidRequestProblems {

    @ExceptionHandler
    ProblemDetail notFound(MemberNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail emailTaken(EmailTakenException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setProperty("errors", List.of(new InvalidField("email", "is already taken by another member")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail accountTaken(AccountTakenException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setProperty("errors", List.of(new InvalidField("account", "already has a member")));
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notAllowed(NotAllowedException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail hasLeft(MemberHasLeftException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    /** Spring Data JDBC's version check: another request saved the member between our read and our write. */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        return ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT, "The member was changed by another request; read it again and retry");
    }
}
