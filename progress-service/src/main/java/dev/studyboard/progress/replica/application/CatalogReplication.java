package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.replica.application.CatalogChange.BookRegistered;
import dev.studyboard.progress.replica.application.CatalogChange.BookRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterAdded;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.ChapterRenamed;
import dev.studyboard.progress.replica.application.CatalogChange.SectionAdded;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRemoved;
import dev.studyboard.progress.replica.application.CatalogChange.SectionRevised;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Database synchronisation by events (seed 000, 3.6): keeps this service's replica of the catalog's books in
 * step with {@code catalog.events}. An idempotent consumer: each event is applied once in effect, its id
 * recorded in the same transaction as the effect; a duplicate or an event older than the replica changes nothing,
 * and one that skips a version (an earlier event is missing) is refused, so the replica never jumps a change.
 */
@Service
public class CatalogReplication {

    private static final Logger log = LoggerFactory.getLogger(CatalogReplication.class);

    private final ProcessedEvents processed;
    private final BookReplicaStore books;
    private final AssignmentWork assignments;

    CatalogReplication(ProcessedEvents processed, BookReplicaStore books, AssignmentWork assignments) {
        this.processed = processed;
        this.books = books;
        this.assignments = assignments;
    }

    @Transactional
    public void apply(ReceivedEvent event, CatalogChange change) {
        if (!processed.markProcessed(event)) {
            log.debug("Ignoring duplicate {} {}", event.type(), event.id());
            return;
        }
        var known = books.find(change.bookId());
        if (change instanceof BookRegistered registered) {
            if (known.isEmpty()) {
                books.insert(registered.bookId(), registered.bookVersion(), registered.title(), registered.chapters());
            }
            return;
        }
        var book = known.orElseThrow(() -> new ReplicaGapException(
                event.type() + " for book " + change.bookId() + ", which this replica has never seen"));
        if (book.removed() || change.bookVersion() <= book.version()) {
            log.debug("Ignoring out-of-date {} (book at version {})", event.type(), book.version());
            return;
        }
        if (change.bookVersion() > book.version() + 1) { // every change raises the version by one
            throw new ReplicaGapException(event.type() + " makes book " + change.bookId() + " version "
                    + change.bookVersion() + ", but the replica is at " + book.version() + ": a change is missing");
        }
        applyChange(change);
        if (!(change instanceof BookRemoved)) {
            books.setVersion(change.bookId(), change.bookVersion());
        }
    }

    private void applyChange(CatalogChange change) {
        var bookId = change.bookId();
        if (change instanceof ChapterAdded e) {
            books.insertChapter(bookId, e.chapter());
        } else if (change instanceof ChapterRenamed e) {
            books.renameChapter(bookId, e.chapterNumber(), e.title());
        } else if (change instanceof ChapterRemoved e) {
            books.deleteChapter(bookId, e.chapterNumber()); // first: waits for requests still assigning them
            assignments.dropAssignmentsOf(bookId, e.removedItems());
        } else if (change instanceof SectionAdded e) {
            books.upsertSection(bookId, e.chapterNumber(), e.section());
        } else if (change instanceof SectionRevised e) {
            books.upsertSection(bookId, e.chapterNumber(), e.section());
        } else if (change instanceof SectionRemoved e) {
            books.deleteSection(bookId, e.item()); // first: waits for requests still assigning it
            assignments.dropAssignmentsOf(bookId, List.of(e.item()));
        } else if (change instanceof BookRemoved e) {
            var items = books.items(bookId);
            books.markRemoved(bookId, e.bookVersion());
            assignments.dropAssignmentsOf(bookId, items);
        }
    }
}
