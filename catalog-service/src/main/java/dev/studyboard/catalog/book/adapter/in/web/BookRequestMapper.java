package dev.studyboard.catalog.book.adapter.in.web;

import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddChapter;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddSection;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns request bodies into the domain's values, which check the book's rules. A broken rule is named as the
 * request names the field: the domain knows a section's {@code item}, this mapping knows it was the first
 * section of the third chapter, {@code chapters[2].sections[0].item}.
 */
final class BookRequestMapper {

    private BookRequestMapper() {}

    static List<Chapter> chapters(List<AddChapter> requests) {
        return requests == null ? List.of() : each("chapters", requests, BookRequestMapper::chapter);
    }

    static Chapter chapter(AddChapter request) {
        var sections = request.sections() == null
                ? List.<Section>of()
                : each("sections", request.sections(), BookRequestMapper::section);
        return new Chapter(request.number(), request.title(), sections);
    }

    static Section section(AddSection request) {
        return new Section(ItemNumber.of(request.item()), request.title(), request.page());
    }

    /** Maps each element of a list in the request, naming a broken rule by the element's index. */
    private static <R, T> List<T> each(String list, List<R> requests, Function<R, T> mapping) {
        var mapped = new ArrayList<T>();
        for (int i = 0; i < requests.size(); i++) {
            try {
                mapped.add(mapping.apply(requests.get(i)));
            } catch (InvalidBookException e) {
                throw new InvalidBookException(list + "[" + i + "]." + e.field(), e.reason());
            }
        }
        return mapped;
    }
}
