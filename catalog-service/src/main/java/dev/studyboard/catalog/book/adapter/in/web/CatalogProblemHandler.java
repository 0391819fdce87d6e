package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.application.BookNotFoundException;
import dev.studyboard.catalog.book.application.ConcurrentBookChangeException;
import dev.studyboard.catalog.book.domain.BookPartConflictException;
import dev.studyboard.catalog.book.domain.BookPartNotFoundException;
import dev.studyboard.web.InvalidRequestProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error of the catalog API as RFC 9457 problem details: what every service answers alike
 * ({@link InvalidRequestProblems}: invalid input or a broken book rule, 400 naming the field; a stale If-Match,
 * 412), and the catalog's own: unknown book, chapter or section (404), a part that already exists or a
 * simultaneous change (409).
 */
@RestControllerAdvice
class CatalogProblemHandler extends InvalidRequestProblems {

    @ExceptionHandler({BookNotFoundException.class, BookPartNotFoundException.class})
    ProblemDetail notFound(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler({BookPartConflictException.class, ConcurrentBookChangeException.class})
    ProblemDetail conflict(RuntimeException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
    }
}
