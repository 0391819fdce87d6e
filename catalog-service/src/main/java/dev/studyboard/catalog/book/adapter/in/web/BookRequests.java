package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Request bodies of the catalog API. Bean Validation checks their shape with the domain's own limits, so a
 * client hears of every invalid field at once; the domain checks its rules. How many authors, chapters and
 * sections one request may carry is the API's limit, not a book rule.
 */
final class BookRequests {

    private BookRequests() {}

    record RegisterBook(
            @NotBlank @Size(max = Book.MAX_TITLE_LENGTH) String title,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = Book.MAX_AUTHOR_LENGTH) String> authors,
            @Size(max = Book.MAX_EDITION_LENGTH) String edition,
            @Size(max = Book.MAX_LANGUAGE_LENGTH) String language,
            @Size(max = 100) List<@Valid @NotNull AddChapter> chapters) {}

    record AddChapter(
            @NotNull @Min(Chapter.MIN_NUMBER) @Max(Chapter.MAX_NUMBER)
            Integer number,

            @NotBlank @Size(max = Chapter.MAX_TITLE_LENGTH) String title,
            @Size(max = 200) List<@Valid @NotNull AddSection> sections) {}

    record AddSection(
            @NotBlank @Pattern(regexp = ItemNumber.FORMAT, message = "must be an item number like 3.1 or 4.10")
            String item,

            @NotBlank @Size(max = Section.MAX_TITLE_LENGTH) String title,
            @Positive Integer page) {}

    record RenameChapter(
            @NotBlank @Size(max = Chapter.MAX_TITLE_LENGTH) String title) {}

    record ReviseSection(
            @NotBlank @Size(max = Section.MAX_TITLE_LENGTH) String title,
            @Positive Integer page) {}
}
