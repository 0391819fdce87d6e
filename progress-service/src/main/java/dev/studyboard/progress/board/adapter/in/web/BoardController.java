package dev.studyboard.progress.board.adapter.in.web;

import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.board.api.BookProgress;
import dev.studyboard.progress.board.api.MemberSummary;
import dev.studyboard.progress.board.application.BoardQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The study board. JSON by default; Markdown in the notes' own forms with {@code Accept: text/markdown}
 * (the table; {@code ?style=checklist} for the checklist) or with {@code ?format=markdown|checklist} from a
 * browser or curl without headers.
 */
@RestController
@RequestMapping("/api/progress")
@Tag(name = "Board", description = "The study board: who writes up which section, and what is done")
class BoardController {

    static final MediaType TEXT_MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final BoardQueries queries;

    BoardController(BoardQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/books")
    @Operation(summary = "The books on the board, with how many sections are done")
    List<BookProgress> books() {
        return queries.books();
    }

    @GetMapping(path = "/books/{bookId}/board", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A book's board as JSON")
    Board board(@PathVariable UUID bookId) {
        return queries.board(bookId);
    }

    @GetMapping(path = "/books/{bookId}/board", produces = "text/markdown")
    @Operation(summary = "A book's board as Markdown: the notes' table, or the checklist with style=checklist")
    ResponseEntity<String> markdown(
            @PathVariable UUID bookId, @RequestParam(defaultValue = "table") MarkdownStyle style) {
        return markdown(queries.board(bookId), style);
    }

    @GetMapping(path = "/books/{bookId}/board", params = "format")
    @Operation(summary = "A book's board in the format named by the query: json, markdown or checklist")
    ResponseEntity<?> boardIn(@PathVariable UUID bookId, @RequestParam BoardFormat format) {
        var board = queries.board(bookId);
        return switch (format) {
            case JSON ->
                ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(board);
            case MARKDOWN -> markdown(board, MarkdownStyle.TABLE);
            case CHECKLIST -> markdown(board, MarkdownStyle.CHECKLIST);
        };
    }

    @GetMapping("/members/{memberId}/summary")
    @Operation(summary = "What a member writes up: counts and the sections")
    MemberSummary summary(@PathVariable UUID memberId) {
        return queries.summaryOf(memberId);
    }

    private static ResponseEntity<String> markdown(Board board, MarkdownStyle style) {
        var text = style == MarkdownStyle.CHECKLIST ? BoardMarkdown.checklist(board) : BoardMarkdown.table(board);
        return ResponseEntity.ok().contentType(TEXT_MARKDOWN).body(text);
    }

    enum MarkdownStyle {
        TABLE,
        CHECKLIST
    }

    enum BoardFormat {
        JSON,
        MARKDOWN,
        CHECKLIST
    }
}
