package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.replica.application.CatalogChange.Chapter;
import dev.studyboard.progress.replica.application.CatalogChange.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** The book replica in maps; removing a chapter takes its sections, as the database's foreign key does. */
class InMemoryBookReplicaStore implements BookReplicaStore {

    /** A replicated book: its version, whether removed, its title, chapter titles and sections by item. */
    static final class Book {
        long version;
        boolean removed;
        String title;
        final Map<Integer, String> chapters = new TreeMap<>();
        final Map<String, PlacedSection> sections = new TreeMap<>();
    }

    record PlacedSection(int chapterNumber, Section section) {}

    private final Map<UUID, Book> books = new HashMap<>();

    /** The book as replicated, for a test to look at. */
    Optional<Book> book(UUID bookId) {
        return Optional.ofNullable(books.get(bookId));
    }

    @Override
    public Optional<ReplicaVersion> version(UUID bookId) {
        return book(bookId).map(book -> new ReplicaVersion(book.version, book.removed));
    }

    @Override
    public void insert(UUID bookId, long version, String title, List<Chapter> chapters) {
        var book = new Book();
        book.version = version;
        book.title = title;
        books.put(bookId, book);
        chapters.forEach(chapter -> insertChapter(bookId, chapter));
    }

    @Override
    public void setVersion(UUID bookId, long version) {
        books.get(bookId).version = version;
    }

    @Override
    public void insertChapter(UUID bookId, Chapter chapter) {
        books.get(bookId).chapters.put(chapter.number(), chapter.title());
        if (chapter.sections() != null) {
            chapter.sections().forEach(section -> upsertSection(bookId, chapter.number(), section));
        }
    }

    @Override
    public void renameChapter(UUID bookId, int number, String title) {
        books.get(bookId).chapters.put(number, title);
    }

    @Override
    public void deleteChapter(UUID bookId, int number) {
        var book = books.get(bookId);
        book.chapters.remove(number);
        book.sections.values().removeIf(placed -> placed.chapterNumber() == number);
    }

    @Override
    public void upsertSection(UUID bookId, int chapterNumber, Section section) {
        books.get(bookId).sections.put(section.item(), new PlacedSection(chapterNumber, section));
    }

    @Override
    public void deleteSection(UUID bookId, String item) {
        books.get(bookId).sections.remove(item);
    }

    @Override
    public List<String> items(UUID bookId) {
        return List.copyOf(books.get(bookId).sections.keySet());
    }

    @Override
    public void markRemoved(UUID bookId, long version) {
        var book = books.get(bookId);
        book.chapters.clear();
        book.sections.clear();
        book.removed = true;
        book.version = version;
    }
}
