package dev.studyboard.member.web;

import dev.studyboard.member.model.InvalidMemberException;
import dev.studyboard.member.model.MemberHasLeftException;
import dev.studyboard.member.service.EmailTakenException;
import dev.studyboard.member.service.MemberNotFoundException;
import dev.studyboard.member.service.StaleMemberVersionException;
import dev.studyboard.member.web.EntityTags.MalformedIfMatchException;
import java.util.List;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error of the member API as RFC 9457 problem details. Invalid input answers 400 with an
 * {@code errors} list naming each field and the reason, so a client can point at what to fix; a taken
 * e-mail answers 409 naming the field the same way.
 */
@RestControllerAdvice
class MemberProblemHandler extends ResponseEntityExceptionHandler {

    /** One invalid input: {@code field} as the request names it, e.g. {@code displayName} or {@code size}. */
    record InvalidField(String field, String reason) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), reason(error)))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(result.getMethodParameter().getParameterName(),
                                error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A parameter that does not convert, e.g. {@code page=x} or a member id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        var type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        var problem = invalid(List.of(new InvalidField(ex.getPropertyName(), "must be a valid " + type)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            problem = invalid(List.of(new InvalidField(path(json), "cannot be read: " + json.getOriginalMessage())));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail invalidMember(InvalidMemberException ex) {
        return invalid(List.of(new InvalidField(ex.field(), ex.reason())));
    }

    @ExceptionHandler
    ProblemDetail malformedIfMatch(MalformedIfMatchException ex) {
        return invalid(List.of(new InvalidField(HttpHeaders.IF_MATCH, ex.getMessage())));
    }

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
    ProblemDetail hasLeft(MemberHasLeftException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    /** Spring Data JDBC's version check: another request saved the member between our read and our write. */
    @ExceptionHandler
    ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The member was changed by another request; read it again and retry");
    }

    /** The client changed a version it no longer has: 412, with the current version to fetch. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleMemberVersionException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
        problem.setProperty("currentVersion", ex.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(EntityTags.of(ex.currentVersion()))
                .body(problem);
    }

    private static ProblemDetail invalid(List<InvalidField> errors) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "One field is invalid" : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** Jackson's path to the unreadable value, written like a Bean Validation path: {@code displayName}. */
    private static String path(JacksonException ex) {
        var path = new StringBuilder();
        for (var reference : ex.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
