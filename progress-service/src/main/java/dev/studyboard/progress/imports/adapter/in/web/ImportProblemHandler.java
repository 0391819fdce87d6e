package dev.studyboard.progress.imports.adapter.in.web;

import dev.studyboard.progress.imports.adapter.in.web.notes.MalformedNotesException;
import dev.studyboard.progress.imports.application.ImportProblems.IdempotencyKeyReusedException;
import dev.studyboard.progress.imports.application.ImportProblems.ImportNotFoundException;
import dev.studyboard.web.InvalidRequestProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The errors of the imports API as RFC 9457 problem details: notes that cannot be read (400, each line and what is
 * wrong there), an unknown import (404), an Idempotency-Key reused for other notes (422).
 */
@RestControllerAdvice(assignableTypes = ImportController.class)
class ImportProblemHandler extends InvalidRequestProblems {

    /** One problem in the notes, as a field error that also names the line. */
    record NotesError(String field, int line, String reason) {}

    @ExceptionHandler
    ProblemDetail malformedNotes(MalformedNotesException ex) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty(
                "errors",
                ex.problems().stream()
                        .map(p -> new NotesError("notes", p.line(), "line " + p.line() + ": " + p.reason()))
                        .toList());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(ImportNotFoundException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
    }

    @ExceptionHandler
    ProblemDetail keyReused(IdempotencyKeyReusedException ex) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
    }
}
