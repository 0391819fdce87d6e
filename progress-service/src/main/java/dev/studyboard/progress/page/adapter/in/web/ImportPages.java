package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.imports.api.NotesImports;
import dev.studyboard.progress.imports.api.NotesImports.ImportState;
import dev.studyboard.progress.imports.api.NotesImports.KeyReusedException;
import dev.studyboard.progress.imports.api.NotesImports.Notes;
import dev.studyboard.progress.imports.api.NotesImports.NotesNotReadableException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

/**
 * The organizer's pages for importing a study board: the notes uploaded as a Markdown file start the import saga
 * through the same use case as {@code POST /api/imports}, and its page follows it until it is finished.
 */
@Controller
class ImportPages {

    /** As many authors, and as long, as {@code POST /api/imports} takes. */
    private static final int MAX_AUTHORS = 20;

    private static final int MAX_AUTHOR_LENGTH = 200;

    private final NotesImports imports;

    ImportPages(NotesImports imports) {
        this.imports = imports;
    }

    /** The form, with a key of its own: the import it starts, however often it is sent. */
    @GetMapping(path = "/imports/new", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView form() {
        return new ModelAndView("page/import-new", Map.of("idempotencyKey", UUID.randomUUID()));
    }

    /**
     * Starts the import; htmx then goes to its page ({@code HX-Redirect}). The form's key is the {@code
     * Idempotency-Key}: the same form sent again (a double click, a retry) answers the import it started, with other
     * notes or authors it is refused (422); a new form, even with the same file, is a new import.
     */
    @PostMapping(
            path = "/imports",
            consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<Void> start(
            @RequestParam("notes") MultipartFile file,
            @RequestParam(name = "authors", defaultValue = "") String authors,
            @RequestParam("idempotencyKey") UUID idempotencyKey)
            throws IOException {
        var notes = new Notes(text(file.getBytes()), authors(authors), Map.of(), null);
        var id = imports.start(notes, idempotencyKey.toString());
        return ResponseEntity.ok().header("HX-Redirect", "/imports/" + id).build();
    }

    @GetMapping(path = "/imports/{id}", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView state(@PathVariable UUID id) {
        return imports.find(id)
                .map(state -> new ModelAndView("page/import", Map.of("state", ImportView.of(state))))
                .orElseThrow(() -> new NoSuchImportException(id));
    }

    @ExceptionHandler
    ModelAndView notesNotReadable(NotesNotReadableException e) {
        return form(HttpStatus.BAD_REQUEST, e.problems());
    }

    @ExceptionHandler
    ModelAndView keyReused(KeyReusedException e) {
        return form(HttpStatus.UNPROCESSABLE_CONTENT, List.of("이 양식은 이미 다른 내용으로 보냈습니다: 새 양식으로 다시 보내세요"));
    }

    @ExceptionHandler
    ModelAndView uploadRefused(UploadRefusedException e) {
        return form(HttpStatus.BAD_REQUEST, List.of(e.getMessage()));
    }

    /** The form again, with what is wrong, to take the sent one's place: a new form, with a key of its own. */
    private static ModelAndView form(HttpStatus status, List<String> problems) {
        return new ModelAndView(
                "page/import-new :: form", Map.of("problems", problems, "idempotencyKey", UUID.randomUUID()), status);
    }

    /** The file's text: UTF-8, as the notes are kept, not empty, and no longer than an import takes. */
    private static String text(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw new UploadRefusedException("노트 파일은 UTF-8 텍스트여야 합니다");
        }
        if (text.isBlank() || text.length() > NotesImports.MAX_NOTES) {
            throw new UploadRefusedException("노트 파일은 비어 있지 않고 " + NotesImports.MAX_NOTES + "자를 넘지 않아야 합니다");
        }
        return text;
    }

    /** The authors, comma separated, as many and as long as {@code POST /api/imports} takes them. */
    private static List<String> authors(String field) {
        var authors = Arrays.stream(field.split(","))
                .map(String::strip)
                .filter(author -> !author.isEmpty())
                .toList();
        if (authors.size() > MAX_AUTHORS || authors.stream().anyMatch(a -> a.length() > MAX_AUTHOR_LENGTH)) {
            throw new UploadRefusedException("저자는 " + MAX_AUTHORS + "명까지, 한 명에 " + MAX_AUTHOR_LENGTH + "자까지 적을 수 있습니다");
        }
        return authors;
    }

    /** An import as its page shows it, in words. */
    record ImportView(
            UUID id,
            String status,
            String statusWords,
            boolean finished,
            UUID bookId,
            String title,
            List<StepView> steps,
            String reason) {

        record StepView(String step, String state, String stateWords) {}

        static ImportView of(ImportState state) {
            return new ImportView(
                    state.id(),
                    state.status(),
                    STATUS.getOrDefault(state.status(), state.status()),
                    state.finished(),
                    state.bookId(),
                    state.title(),
                    state.steps().stream()
                            .map(step -> new StepView(
                                    STEP.getOrDefault(step.step(), step.step()),
                                    step.state(),
                                    STATE.getOrDefault(step.state(), step.state())))
                            .toList(),
                    state.reason().orElse(null));
        }

        private static final Map<String, String> STATUS = Map.of(
                "REGISTERING_BOOK", "책을 등록하는 중",
                "JOINING_WRITERS", "작성자를 멤버로 등록하는 중",
                "RECORDING_WORK", "누가 무엇을 쓰는지 기록하는 중",
                "COMPLETED", "끝났습니다",
                "COMPENSATING", "되돌리는 중",
                "COMPENSATED", "되돌렸습니다");

        private static final Map<String, String> STEP = Map.of(
                "REGISTER_BOOK", "책 등록",
                "JOIN_WRITERS", "작성자 등록",
                "RECORD_WORK", "작업 기록");

        private static final Map<String, String> STATE = Map.of(
                "PENDING", "기다림",
                "RUNNING", "진행 중",
                "DONE", "완료",
                "FAILED", "실패",
                "TIMED_OUT", "응답 없음",
                "UNDONE", "되돌림");
    }

    /** An upload that is not notes an import could take, whatever they say (400). */
    static class UploadRefusedException extends RuntimeException {
        UploadRefusedException(String words) {
            super(words);
        }
    }

    /** No import has that id (404). */
    static class NoSuchImportException extends RuntimeException {
        NoSuchImportException(UUID id) {
            super("No import " + id);
        }
    }
}
