package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.board.application.BoardQueries.NotOnBoardException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of progress-service's API (assignments and board) as RFC 9457 problem details; bad input names
 * the field and the reason.
 */
@RestControllerAdvice
class ProgressProblemHandler extends ResponseEntityExceptionHandler {

    record InvalidField(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), error.getDefaultMessage()))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
        return invalid(List.of(new InvalidField(ex.getName(), "'" + ex.getValue() + "' is not a valid value")));
    }

    @ExceptionHandler({UnknownSectionException.class, NotOnBoardException.class})
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

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

    private static ProblemDetail invalid(List<InvalidField> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "One field is invalid" : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }
}
