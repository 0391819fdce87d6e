package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.board.api.BoardViews;
import dev.studyboard.progress.board.api.BoardViews.NotOnBoardException;
import dev.studyboard.progress.page.adapter.in.web.LiveStreams.StreamRefusedException;
import java.util.UUID;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A book's live board: {@code text/event-stream}, an event {@code board-changed} whenever the board changed. An
 * EventSource shows no page, so a stream that cannot be opened is answered by its status alone.
 */
@RestController
class LiveBoardController {

    private final BoardViews boards;
    private final LiveStreams streams;

    LiveBoardController(BoardViews boards, LiveStreams streams) {
        this.boards = boards;
        this.streams = streams;
    }

    @GetMapping(path = "/books/{bookId}/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable UUID bookId) {
        boards.board(bookId); // a book the board has, or 404
        return streams.open(bookId);
    }

    @ExceptionHandler
    ResponseEntity<Void> noSuchBook(NotOnBoardException e) {
        return ResponseEntity.notFound().build();
    }

    /** The browser's EventSource retries by itself; Retry-After says when it is worth it for other clients. */
    @ExceptionHandler
    ResponseEntity<Void> noStreamNow(StreamRefusedException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }

    @ExceptionHandler
    ResponseEntity<Void> notAnId(TypeMismatchException e) {
        return ResponseEntity.badRequest().build();
    }
}
