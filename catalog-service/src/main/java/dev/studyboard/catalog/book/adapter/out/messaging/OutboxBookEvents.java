package dev.studyboard.catalog.book.adapter.out.messaging;

import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.BookRegisteredV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.BookRemovedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.ChapterAddedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.ChapterData;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.ChapterRemovedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.ChapterRenamedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.SectionAddedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.SectionData;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.SectionRemovedV1;
import dev.studyboard.catalog.book.adapter.out.messaging.CatalogEventMessages.SectionRevisedV1;
import dev.studyboard.catalog.book.application.BookEvents;
import dev.studyboard.catalog.book.domain.BookEvent;
import dev.studyboard.catalog.book.domain.BookEvent.BookRegistered;
import dev.studyboard.catalog.book.domain.BookEvent.BookRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterAdded;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRenamed;
import dev.studyboard.catalog.book.domain.BookEvent.SectionAdded;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRevised;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asynchronous event-based collaboration, the messaging adapter: turns the book's domain events into the
 * {@code catalog.events} contract and appends them to the transactional outbox, which publishes them to the
 * service's topic after the commit.
 */
@Component
class OutboxBookEvents implements BookEvents {

    private final Outbox outbox;

    OutboxBookEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(List<BookEvent> events) {
        events.forEach(event -> outbox.append(toOutboxEvent(event)));
    }

    private static OutboxEvent toOutboxEvent(BookEvent event) {
        var bookId = event.bookId().value();
        var version = event.bookVersion();
        if (event instanceof BookRegistered e) {
            return message(
                    e,
                    "book.registered",
                    new BookRegisteredV1(
                            bookId,
                            version,
                            e.title(),
                            e.authors(),
                            e.edition(),
                            e.language(),
                            e.chapters().stream().map(OutboxBookEvents::chapter).toList()));
        }
        if (event instanceof BookRemoved e) {
            return message(e, "book.removed", new BookRemovedV1(bookId, version));
        }
        if (event instanceof ChapterAdded e) {
            return message(e, "chapter.added", new ChapterAddedV1(bookId, version, chapter(e.chapter())));
        }
        if (event instanceof ChapterRenamed e) {
            return message(e, "chapter.renamed", new ChapterRenamedV1(bookId, version, e.chapterNumber(), e.title()));
        }
        if (event instanceof ChapterRemoved e) {
            return message(
                    e,
                    "chapter.removed",
                    new ChapterRemovedV1(
                            bookId,
                            version,
                            e.chapterNumber(),
                            e.removedSections().stream().map(ItemNumber::value).toList()));
        }
        if (event instanceof SectionAdded e) {
            return message(
                    e, "section.added", new SectionAddedV1(bookId, version, e.chapterNumber(), section(e.section())));
        }
        if (event instanceof SectionRevised e) {
            return message(
                    e,
                    "section.revised",
                    new SectionRevisedV1(bookId, version, e.chapterNumber(), section(e.section())));
        }
        if (event instanceof SectionRemoved e) {
            return message(
                    e,
                    "section.removed",
                    new SectionRemovedV1(
                            bookId, version, e.chapterNumber(), e.item().value()));
        }
        throw new IllegalArgumentException("Unknown book event " + event);
    }

    /** A book's event named {@code studyboard.catalog.<name>}, its data in version 1 of the contract. */
    private static OutboxEvent message(BookEvent event, String name, Object data) {
        return new OutboxEvent(
                UUID.randomUUID(),
                "book",
                event.bookId().toString(),
                EventType.v1("catalog", name),
                data,
                event.occurredAt());
    }

    private static ChapterData chapter(Chapter chapter) {
        return new ChapterData(
                chapter.number(),
                chapter.title(),
                chapter.sections().stream().map(OutboxBookEvents::section).toList());
    }

    private static SectionData section(Section section) {
        return new SectionData(section.item().value(), section.title(), section.page());
    }
}
