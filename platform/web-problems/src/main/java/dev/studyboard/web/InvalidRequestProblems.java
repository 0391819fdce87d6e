package dev.studyboard.web;

import dev.studyboard.problems.InvalidFieldException;
import dev.studyboard.problems.StaleVersionException;
import dev.studyboard.web.EntityTags.MalformedIfMatchException;
import java.time.Duration;
import java.time.temporal.TemporalAccessor;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * RFC 9457 problem details for every kind of invalid request, the same in every service: 400 with
 * {@code title: "Invalid request"} and an {@code errors} list naming each field as the request names it
 * ({@code chapters[0].sections[1].item}) and the reason, whether Bean Validation or the domain
 * ({@link InvalidFieldException}) found it; 412 for a stale {@code If-Match} ({@link StaleVersionException});
 * and 503 with {@code Retry-After} while the service's database cannot be reached ({@link DatabaseUnavailable}).
 * A service's own handler extends this and adds the answers to its domain's other errors (not found,
 * conflict, …).
 */
public abstract class InvalidRequestProblems extends ResponseEntityExceptionHandler {

    /** One invalid input: {@code field} as the request names it, and why it is invalid. */
    public record InvalidField(String field, String reason) {}

    /** How long a client is asked to wait when the database cannot be reached: PostgreSQL restarts in seconds. */
    @Value("${studyboard.web.database-retry-after:5s}")
    private Duration databaseRetryAfter = Duration.ofSeconds(5);

    /** A body that fails Bean Validation. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> new InvalidField(error.getField(), reason(error)))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, status, request);
    }

    /** Parameters that fail validation, e.g. {@code size=1000} against {@code @Max(100)}. */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var errors = ex.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new InvalidField(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return handleExceptionInternal(ex, invalid(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A parameter that does not convert, e.g. {@code page=x} or an id that is not a UUID. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var type = ex.getRequiredType() == null ? "value" : ex.getRequiredType().getSimpleName();
        var problem = invalid(List.of(new InvalidField(ex.getPropertyName(), "must be a valid " + type)));
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /**
     * A body that is not JSON, or has a value of the wrong type: named by its JSON path where Jackson knows it. The
     * reason never quotes Jackson on a type (its messages name the Java classes the body is read into): it says
     * what JSON the field takes instead.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem;
        if (ex.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            var reason = json instanceof MismatchedInputException mismatch
                    ? "must be " + expected(mismatch.getTargetType())
                    : json instanceof DatabindException
                            ? "cannot be read"
                            : "cannot be read: " + json.getOriginalMessage();
            problem = invalid(List.of(new InvalidField(path(json), reason)));
        } else {
            problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request body is not valid JSON");
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @ExceptionHandler
    ProblemDetail malformedIfMatch(MalformedIfMatchException ex) {
        return invalid(List.of(new InvalidField(HttpHeaders.IF_MATCH, ex.getMessage())));
    }

    /** A broken rule of the domain, answered like any invalid input: the field and the reason. */
    @ExceptionHandler
    ProblemDetail invalidField(InvalidFieldException ex) {
        return invalid(List.of(new InvalidField(ex.field(), ex.reason())));
    }

    /** 412: the client changed a version it no longer has; the answer gives the current one, also as ETag. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> staleVersion(StaleVersionException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, ex.getMessage());
        problem.setProperty("currentVersion", ex.currentVersion());
        return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                .eTag(EntityTags.of(ex.currentVersion()))
                .body(problem);
    }

    /**
     * 503 while the database cannot be reached: the request could not be completed (almost always: nothing was
     * applied; a connection lost during the commit itself leaves that unknown), and sent again a little later it
     * may well succeed. Any other failure of the database or of a transaction is not an outage: rethrown, it is
     * answered 500 like every unexpected exception.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) throws Exception {
        if (!DatabaseUnavailable.recognizes(ex)) {
            throw ex;
        }
        logger.warn("The database cannot be reached, answered 503: " + ex);
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "The service cannot reach its database right now, so the request could not be completed. Try again shortly.");
        problem.setTitle("Service Unavailable");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(databaseRetryAfter.toSeconds()))
                .body(problem);
    }

    /** 400 Invalid request, naming every invalid field. */
    protected static ProblemDetail invalid(List<InvalidField> errors) {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "One field is invalid" : errors.size() + " fields are invalid");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static String reason(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    /** What a value of {@code type} is in JSON, in words a client knows (no Java class names). */
    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (TemporalAccessor.class.isAssignableFrom(type)) {
            return "a date or time in ISO 8601";
        }
        return "an object";
    }

    /** Jackson's path to the unreadable value, written like a Bean Validation path: {@code chapters[0].number}. */
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
