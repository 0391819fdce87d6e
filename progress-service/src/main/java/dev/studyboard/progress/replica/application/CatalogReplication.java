package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.replica.api.SectionsRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.BookRegistered;
import dev.studyboard.progress.replica.application.CatalogChange.BookRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterAdded;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRenamed;
import dev.studyboard.progress.replica.application.CatalogChange.SectionAdded;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRevised;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Database synchronisation by events: keeps this service's replica of the catalog's books in step with
 * {@code catalog.events}, each event applied once and in order ({@link IdempotentConsumer}). Sections that
 * leave the catalog are announced ({@link SectionsRemoved}) in the same transaction, so the work on them goes
 * with them.
 */
@Service
public class CatalogReplication {

    private final ReplicaLock lock;
    private final IdempotentConsumer consumer;
    private final BookReplicaStore books;
    private final ApplicationEventPublisher events;

    CatalogReplication(
            ReplicaLock lock, IdempotentConsumer consumer, BookReplicaStore books, ApplicationEventPublisher events) {
        this.lock = lock;
        this.consumer = consumer;
        this.books = books;
        this.events = events;
    }

    @Transactional
    public void apply(ReceivedEvent event, CatalogChange change) {
        lock.shared(); // first: a rebuild in progress is waited for before the replica is read
        apply(event, change, events::publishEvent);
    }

    /**
     * Applies an event again, in a rebuild ({@link ReplicaRebuild}), which holds the lock: in a savepoint of the
     * rebuild's transaction, so an event that fails is undone alone. {@code announce} is false for an event applied
     * before the rebuild: the work on its sections went with them when it first came.
     */
    @Transactional(propagation = Propagation.NESTED)
    public void replay(ReceivedEvent event, CatalogChange change, boolean announce) {
        apply(event, change, announce ? events::publishEvent : alreadyAnnounced -> {});
    }

    private void apply(ReceivedEvent event, CatalogChange change, Consumer<SectionsRemoved> announce) {
        var bookId = change.bookId();
        if (consumer.admits(
                event,
                "book " + bookId,
                change.bookVersion(),
                change instanceof BookRegistered,
                books.version(bookId))) {
            applyToBook(bookId, change, announce);
        }
    }

    private void applyToBook(UUID bookId, CatalogChange change, Consumer<SectionsRemoved> announce) {
        if (change instanceof BookRegistered e) {
            books.insert(bookId, e.bookVersion(), e.title(), e.chapters());
        } else if (change instanceof BookRemoved e) {
            var items = books.items(bookId);
            books.markRemoved(bookId, e.bookVersion()); // a tombstone at the final version
            announce.accept(new SectionsRemoved(bookId, items));
        } else {
            applyToChapters(bookId, change, announce);
            books.setVersion(bookId, change.bookVersion());
        }
    }

    private void applyToChapters(UUID bookId, CatalogChange change, Consumer<SectionsRemoved> announce) {
        if (change instanceof ChapterAdded e) {
            books.insertChapter(bookId, e.chapter());
        } else if (change instanceof ChapterRenamed e) {
            books.renameChapter(bookId, e.chapterNumber(), e.title());
        } else if (change instanceof ChapterRemoved e) {
            books.deleteChapter(bookId, e.chapterNumber()); // first: waits for requests still assigning them
            announce.accept(new SectionsRemoved(bookId, e.removedItems()));
        } else if (change instanceof SectionAdded e) {
            books.upsertSection(bookId, e.chapterNumber(), e.section());
        } else if (change instanceof SectionRevised e) {
            books.upsertSection(bookId, e.chapterNumber(), e.section());
        } else if (change instanceof SectionRemoved e) {
            books.deleteSection(bookId, e.item()); // first: waits for requests still assigning it
            announce.accept(new SectionsRemoved(bookId, List.of(e.item())));
        }
    }
}
