package dev.studyboard.catalog.book.domain;

import dev.studyboard.catalog.book.domain.BookEvent.BookRegistered;
import dev.studyboard.catalog.book.domain.BookEvent.BookRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterAdded;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRenamed;
import dev.studyboard.catalog.book.domain.BookEvent.SectionAdded;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRevised;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A book the study group reads: the aggregate root of the catalog. All changes to its chapters and sections
 * go through it, so its rules hold (chapter numbers unique, each section's item number unique and inside
 * its chapter). Plain Java: no framework knows about it.
 *
 * <p>Every change raises {@link #version()} by one and records an event; the application saves the book
 * and hands the events to the outbox in the same transaction. A use case makes one change per transaction.
 */
public class Book {

    public static final int MAX_TITLE_LENGTH = 300;
    public static final int MAX_AUTHOR_LENGTH = 200;
    public static final int MAX_EDITION_LENGTH = 100;
    public static final int MAX_LANGUAGE_LENGTH = 35;

    private final BookId id;
    private final String title;
    private final List<String> authors;
    private final String edition;
    private final String language;
    private final TreeMap<Integer, Chapter> chapters = new TreeMap<>();
    private long version;
    private final List<BookEvent> events = new ArrayList<>();

    private Book(
            BookId id,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<Chapter> chapters,
            long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.title = Text.required("title", title, MAX_TITLE_LENGTH);
        this.authors = authors(authors);
        this.edition = Text.optional("edition", edition, MAX_EDITION_LENGTH);
        this.language = Text.optional("language", language, MAX_LANGUAGE_LENGTH);
        var numbers = new HashSet<Integer>();
        for (int i = 0; i < chapters.size(); i++) {
            var chapter = chapters.get(i);
            if (!numbers.add(chapter.number())) {
                throw new InvalidBookException(
                        "chapters[" + i + "].number", "chapter " + chapter.number() + " appears twice");
            }
            this.chapters.put(chapter.number(), chapter);
        }
        this.version = version;
    }

    /** Registers a new book with its table of contents; it starts at version 1. */
    public static Book register(
            BookId id,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<Chapter> chapters,
            Instant at) {
        var book = new Book(id, title, authors, edition, language, chapters, 1);
        book.events.add(
                new BookRegistered(id, 1, at, book.title, book.authors, book.edition, book.language, book.chapters()));
        return book;
    }

    /** Rebuilds a stored book; records no event. */
    public static Book restore(
            BookId id,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<Chapter> chapters,
            long version) {
        return new Book(id, title, authors, edition, language, chapters, version);
    }

    public void addChapter(Chapter chapter, Instant at) {
        if (chapters.containsKey(chapter.number())) {
            throw new BookPartConflictException("Chapter " + chapter.number() + " already exists");
        }
        chapters.put(chapter.number(), chapter);
        record(version -> new ChapterAdded(id, version, at, chapter));
    }

    public void renameChapter(int number, String newTitle, Instant at) {
        var renamed = chapter(number).withTitle(newTitle);
        chapters.put(number, renamed);
        record(version -> new ChapterRenamed(id, version, at, number, renamed.title()));
    }

    public void removeChapter(int number, Instant at) {
        var removed = chapters.remove(chapter(number).number());
        var items = removed.sections().stream().map(Section::item).toList();
        record(version -> new ChapterRemoved(id, version, at, number, items));
    }

    public void addSection(int chapterNumber, Section section, Instant at) {
        var chapter = chapter(chapterNumber);
        if (section.item().chapterNumber() != chapterNumber) {
            throw new InvalidBookException(
                    "item", "item " + section.item() + " does not belong to chapter " + chapterNumber);
        }
        if (chapter.section(section.item()).isPresent()) {
            throw new BookPartConflictException("Section " + section.item() + " already exists");
        }
        chapters.put(chapterNumber, chapter.withSection(section));
        record(version -> new SectionAdded(id, version, at, chapterNumber, section));
    }

    public void reviseSection(int chapterNumber, ItemNumber item, String newTitle, Integer newPage, Instant at) {
        var chapter = chapter(chapterNumber);
        var revised = section(chapter, item).withTitleAndPage(newTitle, newPage);
        chapters.put(chapterNumber, chapter.withSection(revised));
        record(version -> new SectionRevised(id, version, at, chapterNumber, revised));
    }

    public void removeSection(int chapterNumber, ItemNumber item, Instant at) {
        var chapter = chapter(chapterNumber);
        section(chapter, item);
        chapters.put(chapterNumber, chapter.withoutSection(item));
        record(version -> new SectionRemoved(id, version, at, chapterNumber, item));
    }

    /** Removes the whole book: the last event of its life. */
    public void remove(Instant at) {
        record(version -> new BookRemoved(id, version, at));
    }

    /** Hands over the events recorded since the last call, for publishing. */
    public List<BookEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public BookId id() {
        return id;
    }

    public String title() {
        return title;
    }

    public List<String> authors() {
        return authors;
    }

    public Optional<String> edition() {
        return Optional.ofNullable(edition);
    }

    public Optional<String> language() {
        return Optional.ofNullable(language);
    }

    /** Chapters in number order. */
    public List<Chapter> chapters() {
        return List.copyOf(chapters.values());
    }

    public long version() {
        return version;
    }

    /** @throws BookPartNotFoundException if the book has no chapter with that number */
    public Chapter chapter(int number) {
        var chapter = chapters.get(number);
        if (chapter == null) {
            throw new BookPartNotFoundException("Book " + id + " has no chapter " + number);
        }
        return chapter;
    }

    /** @throws BookPartNotFoundException if the book has no such chapter, or the chapter no such section */
    public Section section(int chapterNumber, ItemNumber item) {
        return section(chapter(chapterNumber), item);
    }

    private static Section section(Chapter chapter, ItemNumber item) {
        return chapter.section(item)
                .orElseThrow(
                        () -> new BookPartNotFoundException("Chapter " + chapter.number() + " has no section " + item));
    }

    private void record(java.util.function.LongFunction<BookEvent> event) {
        version++;
        events.add(event.apply(version));
    }

    private static List<String> authors(List<String> authors) {
        if (authors == null || authors.isEmpty()) {
            throw new InvalidBookException("authors", "must name at least one author");
        }
        var checked = new ArrayList<String>();
        for (int i = 0; i < authors.size(); i++) {
            checked.add(Text.required("authors[" + i + "]", authors.get(i), MAX_AUTHOR_LENGTH));
        }
        return List.copyOf(checked);
    }
}
