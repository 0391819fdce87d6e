package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.adapter.in.web.EntityTags.MalformedIfMatchException;
import dev.studyboard.catalog.book.application.BookNotFoundException;
import dev.studyboard.catalog.book.application.ConcurrentBookChangeException;
import dev.studyboard.catalog.book.application.StaleBookVersionException;
import dev.studyboard.catalog.book.domain.BookPartConflictException;
import dev.studyboard.catalog.book.domain.BookPartNotFoundException;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import java.util.List;
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
 * Every error of the catalog API as RFC 9457 problem details. Invalid input answers 400 with an
 * {@code errors} list naming each field and the reason, so a client can point at what to fix.
 */
@RestControllerAdvice
class CatalogProblemHandler extends ResponseEntityExceptionHandler {

    /** One invalid input: {@code field} as the request names it, e.g. {@code chapters[0].sections[1].item}. */
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
    ProblemDetail invalidBook(InvalidBookException ex) {
        return invalid(List.of(new InvalidField(ex.field(), ex.reason())));
    }

    @ExceptionHandler
    ProblemDetail malformedIfMatch(MalformedIfMatchException ex) {
        return invalid(List.of(new InvalidField(HttpHeaders.IF_MATCH, ex.getMessage())));
    }

    @ExceptionHandler({BookNotFoundException.class, BookPartNotFoundException.class})
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({BookPartConflictException.class, ConcurrentBookChangeException.class})
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }

    /** The client edited a version it no longer has: 412, with the current version to fetch. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleBookVersionException ex) {
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

    /** Jackson's path to the unreadable value, written like a Bean Validation path: chapters[0].number. */
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
