package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddChapter;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddSection;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.RegisterBook;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.RenameChapter;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.ReviseSection;
import dev.studyboard.catalog.book.adapter.in.web.BookResponses.BookListResponse;
import dev.studyboard.catalog.book.adapter.in.web.BookResponses.BookResponse;
import dev.studyboard.catalog.book.adapter.in.web.BookResponses.ChapterResponse;
import dev.studyboard.catalog.book.adapter.in.web.BookResponses.SectionResponse;
import dev.studyboard.catalog.book.application.BookEditing;
import dev.studyboard.catalog.book.application.BookQueries;
import dev.studyboard.catalog.book.application.BookRegistration;
import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.web.EntityTags;
import dev.studyboard.web.ReadCaching;
import dev.studyboard.web.VersionedResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web adapter: the catalog's REST API. It translates HTTP into use-case calls and back, and nothing more.
 * Every response with a book carries its version as {@code ETag}; changes accept {@code If-Match}, and reading a
 * book accepts {@code If-None-Match}.
 */
@RestController
@RequestMapping("/api/catalog/books")
@Tag(name = "Books", description = "Books with their chapters and sections, numbered as the study notes number them")
class BookController {

    /** A book is the same for every reader: the catalog is public. */
    private static final ReadCaching CACHING = ReadCaching.SAME_FOR_EVERYONE;

    private final BookRegistration registration;
    private final BookEditing editing;
    private final BookQueries queries;

    BookController(BookRegistration registration, BookEditing editing, BookQueries queries) {
        this.registration = registration;
        this.editing = editing;
        this.queries = queries;
    }

    @PostMapping
    @Operation(summary = "Register a book with its chapters and sections")
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity returns; documents it as 201
    ResponseEntity<BookResponse> register(@Valid @RequestBody RegisterBook request) {
        var book = registration.register(
                request.title(),
                request.authors(),
                request.edition(),
                request.language(),
                BookRequestMapper.chapters(request.chapters()));
        return VersionedResponses.created(book.id(), book.version(), BookResponse.of(book));
    }

    @GetMapping
    @Operation(summary = "List books by title, a page at a time")
    BookListResponse list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return BookListResponse.of(queries.list(page, size));
    }

    /**
     * Conditional GET (HTTP caching): with an If-None-Match naming the current version, 304 without a body,
     * decided from the version alone (one small query) without loading the book; otherwise the book, 200.
     */
    @GetMapping("/{bookId}")
    @Operation(summary = "Get a book with its table of contents")
    ResponseEntity<BookResponse> get(
            @PathVariable UUID bookId,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        var id = new BookId(bookId);
        if (ifNoneMatch != null) {
            long current = queries.version(id);
            if (EntityTags.matches(ifNoneMatch, current)) {
                return VersionedResponses.notModified(CACHING, current);
            }
        }
        var book = queries.get(id);
        return VersionedResponses.read(CACHING, book.version(), BookResponse.of(book));
    }

    @DeleteMapping("/{bookId}")
    @Operation(summary = "Remove a book")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> remove(
            @PathVariable UUID bookId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        editing.removeBook(new BookId(bookId), EntityTags.expectedVersion(ifMatch));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{bookId}/chapters/{number}")
    @Operation(summary = "Get one chapter with its sections")
    ChapterResponse chapter(@PathVariable UUID bookId, @PathVariable int number) {
        return ChapterResponse.of(queries.get(new BookId(bookId)).chapter(number));
    }

    @PostMapping("/{bookId}/chapters")
    @Operation(summary = "Add a chapter (with or without sections)")
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity returns; documents it as 201
    ResponseEntity<BookResponse> addChapter(
            @PathVariable UUID bookId,
            @Valid @RequestBody AddChapter request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var book = editing.addChapter(
                new BookId(bookId), EntityTags.expectedVersion(ifMatch), BookRequestMapper.chapter(request));
        return VersionedResponses.created(request.number(), book.version(), BookResponse.of(book));
    }

    @PutMapping("/{bookId}/chapters/{number}")
    @Operation(summary = "Rename a chapter")
    ResponseEntity<BookResponse> renameChapter(
            @PathVariable UUID bookId,
            @PathVariable int number,
            @Valid @RequestBody RenameChapter request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(editing.renameChapter(
                new BookId(bookId), EntityTags.expectedVersion(ifMatch), number, request.title()));
    }

    @DeleteMapping("/{bookId}/chapters/{number}")
    @Operation(summary = "Remove a chapter and its sections")
    ResponseEntity<BookResponse> removeChapter(
            @PathVariable UUID bookId,
            @PathVariable int number,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(editing.removeChapter(new BookId(bookId), EntityTags.expectedVersion(ifMatch), number));
    }

    @GetMapping("/{bookId}/chapters/{number}/sections/{item}")
    @Operation(summary = "Get one section")
    SectionResponse section(@PathVariable UUID bookId, @PathVariable int number, @PathVariable String item) {
        return SectionResponse.of(queries.get(new BookId(bookId)).section(number, ItemNumber.of(item)));
    }

    @PostMapping("/{bookId}/chapters/{number}/sections")
    @Operation(summary = "Add a section to a chapter")
    @ResponseStatus(HttpStatus.CREATED) // what the ResponseEntity returns; documents it as 201
    ResponseEntity<BookResponse> addSection(
            @PathVariable UUID bookId,
            @PathVariable int number,
            @Valid @RequestBody AddSection request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        var book = editing.addSection(
                new BookId(bookId), EntityTags.expectedVersion(ifMatch), number, BookRequestMapper.section(request));
        return VersionedResponses.created(request.item(), book.version(), BookResponse.of(book));
    }

    @PutMapping("/{bookId}/chapters/{number}/sections/{item}")
    @Operation(summary = "Rename a section or change its page")
    ResponseEntity<BookResponse> reviseSection(
            @PathVariable UUID bookId,
            @PathVariable int number,
            @PathVariable String item,
            @Valid @RequestBody ReviseSection request,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(editing.reviseSection(
                new BookId(bookId),
                EntityTags.expectedVersion(ifMatch),
                number,
                ItemNumber.of(item),
                request.title(),
                request.page()));
    }

    @DeleteMapping("/{bookId}/chapters/{number}/sections/{item}")
    @Operation(summary = "Remove a section")
    ResponseEntity<BookResponse> removeSection(
            @PathVariable UUID bookId,
            @PathVariable int number,
            @PathVariable String item,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return withVersion(editing.removeSection(
                new BookId(bookId), EntityTags.expectedVersion(ifMatch), number, ItemNumber.of(item)));
    }

    private static ResponseEntity<BookResponse> withVersion(Book book) {
        return VersionedResponses.ok(book.version(), BookResponse.of(book));
    }
}
