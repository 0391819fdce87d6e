package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.domain.ItemNumber;
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

/** Request bodies of the catalog API. Bean Validation checks their shape; the domain checks its rules. */
final class BookRequests {

    private BookRequests() {
    }

    record RegisterBook(
            @NotBlank @Size(max = 300) String title,
            @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 200) String> authors,
            @Size(max = 100) String edition,
            @Size(max = 35) String language,
            @Size(max = 100) List<@Valid @NotNull AddChapter> chapters) {
    }

    record AddChapter(
            @NotNull @Min(1) @Max(999) Integer number,
            @NotBlank @Size(max = 200) String title,
            @Size(max = 200) List<@Valid @NotNull AddSection> sections) {
    }

    record AddSection(
            @NotBlank @Pattern(regexp = ItemNumber.FORMAT, message = "must be an item number like 3.1 or 4.10")
            String item,
            @NotBlank @Size(max = 200) String title,
            @Positive Integer page) {
    }

    record RenameChapter(@NotBlank @Size(max = 200) String title) {
    }

    record ReviseSection(@NotBlank @Size(max = 200) String title, @Positive Integer page) {
    }
}
