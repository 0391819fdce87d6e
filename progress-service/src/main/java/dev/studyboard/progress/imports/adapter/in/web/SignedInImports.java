package dev.studyboard.progress.imports.adapter.in.web;

import dev.studyboard.progress.imports.adapter.in.web.notes.MalformedNotesException;
import dev.studyboard.progress.imports.adapter.in.web.notes.StudyNotesTranslator;
import dev.studyboard.progress.imports.api.NotesImports;
import dev.studyboard.progress.imports.application.IdempotencyKey;
import dev.studyboard.progress.imports.application.ImportProblems.IdempotencyKeyReusedException;
import dev.studyboard.progress.imports.application.ImportProblems.ImportNotFoundException;
import dev.studyboard.progress.imports.application.ImportQueries;
import dev.studyboard.progress.imports.application.ImportStarting;
import dev.studyboard.progress.imports.domain.ImportStep;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import dev.studyboard.security.Caller;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports started by the verified caller, for the API ({@link ImportController}) and the pages ({@link
 * NotesImports}) alike: the notes translated at the edge, the {@code Idempotency-Key} scoped to the caller, the
 * request digested to tell a retry from a reuse.
 */
@Component
class SignedInImports implements NotesImports {

    private final ImportStarting starting;
    private final ImportQueries queries;
    private final JsonMapper json;

    SignedInImports(ImportStarting starting, ImportQueries queries, JsonMapper json) {
        this.starting = starting;
        this.queries = queries;
        this.json = json;
    }

    /**
     * @throws MalformedNotesException naming each line that cannot be translated
     * @throws IdempotencyKeyReusedException if the key started an import of other notes
     */
    UUID startForCaller(Notes notes, String idempotencyKey) {
        var caller = Caller.current().orElseThrow(() -> new AccessDeniedException("No verified caller"));
        var board = StudyNotesTranslator.translate(notes.text(), notes.authors(), notes.accounts(), notes.reader());
        return starting.start(
                board, caller.subject(), new IdempotencyKey(caller.subject(), idempotencyKey, fingerprint(notes)));
    }

    @Override
    public UUID start(Notes notes, String idempotencyKey) {
        try {
            return startForCaller(notes, idempotencyKey);
        } catch (MalformedNotesException e) {
            throw new NotesNotReadableException(
                    e.problems().stream()
                            .map(problem -> "line " + problem.line() + ": " + problem.reason())
                            .toList(),
                    e);
        } catch (IdempotencyKeyReusedException e) {
            throw new KeyReusedException(e);
        }
    }

    @Override
    public Optional<ImportState> find(UUID importId) {
        try {
            return Optional.of(state(queries.get(importId)));
        } catch (ImportNotFoundException e) {
            return Optional.empty();
        }
    }

    private static ImportState state(StudyBoardImport saga) {
        return new ImportState(
                saga.id(),
                saga.status().name(),
                saga.status().isFinished(),
                saga.bookId(),
                saga.board().title(),
                Arrays.stream(ImportStep.values())
                        .map(step -> new StepState(
                                step.name(), saga.steps().get(step).name()))
                        .toList(),
                saga.reason());
    }

    /**
     * The request digested: the same notes, authors, accounts and reader give the same fingerprint, and different ones
     * a different one (JSON, with the accounts sorted, is the canonical form: no two requests write the same text).
     */
    private String fingerprint(Notes notes) {
        var canonical = json.writeValueAsString(
                Arrays.asList(notes.text(), notes.authors(), new TreeMap<>(notes.accounts()), notes.reader()));
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
