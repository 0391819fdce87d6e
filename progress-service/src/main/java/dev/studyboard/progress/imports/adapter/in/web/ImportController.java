package dev.studyboard.progress.imports.adapter.in.web;

import dev.studyboard.progress.imports.adapter.in.web.notes.StudyNotesTranslator;
import dev.studyboard.progress.imports.api.NotesImports;
import dev.studyboard.progress.imports.api.NotesImports.Notes;
import dev.studyboard.progress.imports.application.ImportQueries;
import dev.studyboard.progress.imports.domain.ImportStatus;
import dev.studyboard.progress.imports.domain.ImportStep;
import dev.studyboard.progress.imports.domain.StepState;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web adapter for imports: the notes come in, are translated at the edge ({@link StudyNotesTranslator}), and the
 * saga starts ({@link SignedInImports}, as for the pages); the answer is 202 with where to follow it, since the
 * import runs on after the request.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Imports", description = "Bring a study board in from the notes, as an orchestrated saga")
class ImportController {

    /**
     * @param notes    the notes, in either form the study group writes: Markdown tables or a checklist
     * @param authors  who wrote the book (optional: the notes do not say)
     * @param accounts a writer's display name → the account they sign in with (optional)
     * @param reader   who did the ticked tasks of a checklist, which names no writers (needed if any is ticked)
     */
    record ImportRequest(
            @NotBlank @Size(max = NotesImports.MAX_NOTES) String notes,

            @Size(max = 20) List<@NotBlank @Size(max = 200) String> authors,
            Map<@NotBlank @Size(max = 100) String, @NotBlank @Size(max = 255) String> accounts,
            @Size(max = 100) String reader) {

        Map<String, String> accountsOrNone() {
            return accounts == null ? Map.of() : accounts;
        }
    }

    record StepResponse(ImportStep step, StepState state) {}

    record ImportResponse(
            UUID id,
            ImportStatus status,
            UUID bookId,
            String title,
            List<StepResponse> steps,
            String reason,
            Instant createdAt,
            Instant updatedAt) {

        static ImportResponse of(StudyBoardImport saga) {
            return new ImportResponse(
                    saga.id(),
                    saga.status(),
                    saga.bookId(),
                    saga.board().title(),
                    Arrays.stream(ImportStep.values())
                            .map(step -> new StepResponse(step, saga.steps().get(step)))
                            .toList(),
                    saga.reason().orElse(null),
                    saga.createdAt(),
                    saga.updatedAt());
        }
    }

    private final SignedInImports imports;
    private final ImportQueries queries;

    ImportController(SignedInImports imports, ImportQueries queries) {
        this.imports = imports;
        this.queries = queries;
    }

    @PostMapping
    @Operation(
            summary = "Import a study board from notes (organizer, imports.write)",
            description = "202 with the import's location; the same Idempotency-Key with the same notes answers the"
                    + " same import, with other notes 422. Notes that cannot be read: 400 naming each line.")
    ResponseEntity<ImportResponse> start(
            @RequestHeader("Idempotency-Key")
                    @NotNull
                    @Size(min = 1, max = 255)
                    @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
                    String idempotencyKey,
            @Valid @RequestBody ImportRequest request) {
        var id = imports.startForCaller(
                new Notes(request.notes(), request.authors(), request.accountsOrNone(), request.reader()),
                idempotencyKey);
        return ResponseEntity.accepted()
                .location(URI.create("/api/imports/" + id))
                .body(ImportResponse.of(queries.get(id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Where an import is: its status, each step, and why it was undone (organizer, imports.write)")
    ImportResponse get(@PathVariable UUID id) {
        return ImportResponse.of(queries.get(id));
    }
}
