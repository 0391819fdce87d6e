package dev.studyboard.catalog.book.adapter.in.messaging;

import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.ChapterData;
import dev.studyboard.catalog.book.adapter.in.messaging.CatalogImportMessages.SectionData;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a register-book command's chapters into the domain's values, which check the book's rules. No Bean
 * Validation runs on a command, so a missing number or item is refused here; a broken rule is named as the
 * command names the field, e.g. {@code chapters[2].sections[0].item}, for the refusal's reason.
 */
final class ImportedBookMapper {

    private ImportedBookMapper() {}

    static List<Chapter> chapters(List<ChapterData> chapters) {
        return each("chapters", chapters, ImportedBookMapper::chapter);
    }

    private static Chapter chapter(ChapterData chapter) {
        if (chapter.number() == null) {
            throw new InvalidBookException("number", "must be given");
        }
        return new Chapter(
                chapter.number(), chapter.title(), each("sections", chapter.sections(), ImportedBookMapper::section));
    }

    private static Section section(SectionData section) {
        if (section.item() == null) {
            throw new InvalidBookException("item", "must be given");
        }
        return new Section(ItemNumber.of(section.item()), section.title(), section.page());
    }

    /** Maps each element of a list in the command, naming a broken rule by the element's index. */
    private static <D, T> List<T> each(String list, List<D> elements, Function<D, T> mapping) {
        var mapped = new ArrayList<T>();
        for (int i = 0; elements != null && i < elements.size(); i++) {
            if (elements.get(i) == null) {
                throw new InvalidBookException(list + "[" + i + "]", "must not be null");
            }
            try {
                mapped.add(mapping.apply(elements.get(i)));
            } catch (InvalidBookException e) {
                throw new InvalidBookException(list + "[" + i + "]." + e.field(), e.reason());
            }
        }
        return mapped;
    }
}
