package dev.studyboard.progress.imports.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;

/**
 * A study board as an import brings it in, in this service's words: the book with its chapters and sections, and
 * per section who writes it up and whether it is done. The notes' own vocabulary (Markdown tables, check boxes,
 * {@code :heavy_check_mark:}) never reaches this far: the anti-corruption layer at the edge translates it.
 */
public record ImportedBoard(String title, List<String> authors, List<Chapter> chapters, List<Writer> writers) {

    /** Who wrote the book, when the notes do not say and the import was not told: the catalog needs someone. */
    public static final List<String> AUTHORS_NOT_IN_THE_NOTES = List.of("(not named in the notes)");

    public ImportedBoard {
        Objects.requireNonNull(title, "title");
        authors = authors == null || authors.isEmpty() ? AUTHORS_NOT_IN_THE_NOTES : List.copyOf(authors);
        chapters = List.copyOf(chapters);
        writers = List.copyOf(writers);
    }

    public record Chapter(int number, String title, List<Section> sections) {
        public Chapter {
            sections = List.copyOf(sections);
        }
    }

    /** @param writer the display name of who writes it up, or null for nobody yet */
    public record Section(String item, String title, Integer page, String writer, boolean done) {}

    /** A writer the notes name, with the account they sign in with, if the import was told one. */
    public record Writer(String displayName, String account) {}

    public List<Section> sections() {
        return chapters.stream().flatMap(chapter -> chapter.sections().stream()).toList();
    }

    /** The writers in the order the notes first name them, each once. */
    public static List<Writer> writersOf(List<Chapter> chapters, java.util.Map<String, String> accounts) {
        var names = new LinkedHashMap<String, Writer>();
        for (var chapter : chapters) {
            for (var section : chapter.sections()) {
                if (section.writer() != null) {
                    names.computeIfAbsent(section.writer(), name -> new Writer(name, accounts.get(name)));
                }
            }
        }
        return new ArrayList<>(names.values());
    }
}
