package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.application.BookQueries.BookPage;
import dev.studyboard.catalog.book.application.BookSummary;
import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.Section;
import java.util.List;
import java.util.UUID;

/** Response bodies of the catalog API. */
final class BookResponses {

    private BookResponses() {}

    record BookResponse(
            UUID id,
            String title,
            List<String> authors,
            String edition,
            String language,
            long version,
            List<ChapterResponse> chapters) {

        static BookResponse of(Book book) {
            return new BookResponse(
                    book.id().value(),
                    book.title(),
                    book.authors(),
                    book.edition().orElse(null),
                    book.language().orElse(null),
                    book.version(),
                    book.chapters().stream().map(ChapterResponse::of).toList());
        }
    }

    record ChapterResponse(int number, String title, List<SectionResponse> sections) {

        static ChapterResponse of(Chapter chapter) {
            return new ChapterResponse(
                    chapter.number(),
                    chapter.title(),
                    chapter.sections().stream().map(SectionResponse::of).toList());
        }
    }

    record SectionResponse(String item, String title, Integer page) {

        static SectionResponse of(Section section) {
            return new SectionResponse(section.item().value(), section.title(), section.page());
        }
    }

    record BookSummaryResponse(
            UUID id,
            String title,
            List<String> authors,
            String edition,
            String language,
            int chapterCount,
            int sectionCount,
            long version) {

        static BookSummaryResponse of(BookSummary book) {
            return new BookSummaryResponse(
                    book.id().value(),
                    book.title(),
                    book.authors(),
                    book.edition(),
                    book.language(),
                    book.chapterCount(),
                    book.sectionCount(),
                    book.version());
        }
    }

    record BookListResponse(List<BookSummaryResponse> books, PageMetadata page) {

        static BookListResponse of(BookPage page) {
            return new BookListResponse(
                    page.books().stream().map(BookSummaryResponse::of).toList(),
                    new PageMetadata(page.page(), page.size(), page.totalBooks(), page.totalPages()));
        }
    }

    record PageMetadata(int number, int size, long totalElements, long totalPages) {}
}
