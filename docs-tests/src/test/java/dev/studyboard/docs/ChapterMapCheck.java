package dev.studyboard.docs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules docs/chapter-map.md keeps, each as a list of what breaks it (empty when the map is right), so a
 * failure names every missing row or broken link at once.
 */
final class ChapterMapCheck {

    static final Path MAP = Path.of("docs/chapter-map.md");

    private final Repository repository;
    private final ChapterMap map;
    private final Map<Seed, StudyNotes> notes = new EnumMap<>(Seed.class);

    ChapterMapCheck(Repository repository) {
        this.repository = repository;
        this.map = ChapterMap.read(repository.read(MAP));
        for (Seed seed : Seed.values()) {
            notes.put(seed, StudyNotes.read(repository.read(seed.notes())));
        }
    }

    ChapterMap map() {
        return map;
    }

    StudyNotes notes(Seed seed) {
        return notes.get(seed);
    }

    /** Sections of the notes that have no row. */
    List<StudyNotes.Section> missingRows(Seed seed) {
        Set<String> mapped = new HashSet<>(
                map.rowsOf(seed).stream().map(ChapterMap.Row::item).toList());
        return notes(seed).sections().stream()
                .filter(section -> !mapped.contains(section.item()))
                .toList();
    }

    /** Rows for an item the notes do not have, and second rows for an item. */
    List<String> rowsNotInTheNotes(Seed seed) {
        Set<String> items = new HashSet<>(notes(seed).items());
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (ChapterMap.Row row : map.rowsOf(seed)) {
            if (!items.contains(row.item())) {
                problems.add(row + ": the notes have no item " + row.item());
            } else if (!seen.add(row.item())) {
                problems.add(row + ": a second row for " + row.item());
            }
        }
        return problems;
    }

    /** Rows out of the notes' order, or titled otherwise than the notes write the section. */
    List<String> rowsOutOfOrderOrRetitled(Seed seed) {
        List<String> problems = new ArrayList<>();
        List<String> order = notes(seed).items();
        int previous = -1;
        for (ChapterMap.Row row : map.rowsOf(seed)) {
            int position = order.indexOf(row.item());
            if (position < 0) {
                continue; // reported by rowsNotInTheNotes
            }
            if (position < previous) {
                problems.add(row + ": comes after " + order.get(previous) + " but the notes have it before");
            }
            previous = Math.max(previous, position);
            String title = notes(seed).sections().get(position).title();
            if (!title.equals(row.title())) {
                problems.add(row + ": titled '" + row.title() + "', the notes write '" + title + "'");
            }
        }
        return problems;
    }

    /** Rows that neither link code and name a test, nor say why they cannot. */
    List<String> rowsWithoutEvidence() {
        List<String> problems = new ArrayList<>();
        for (ChapterMap.Row row : map.rows()) {
            if (row.where().isBlank()) {
                problems.add(row + ": says nothing in 'where in the code'");
            } else if (row.namesATest() && !row.linksCode()) {
                problems.add(row + ": names a test but links no code or configuration that shows the concept");
            } else if (!row.namesATest() && !row.givesReason()) {
                problems.add(row + ": names no test and gives no reason (write '— why' in the test column)");
            }
        }
        return problems;
    }

    /** Relative links anywhere in the map whose file or folder does not exist. */
    List<String> brokenLinks() {
        Path docs = repository.root().resolve(MAP).getParent();
        List<String> problems = new ArrayList<>();
        for (ChapterMap.Link link : map.links()) {
            if (!link.isRelative()) {
                continue;
            }
            Path target = docs.resolve(link.path()).normalize();
            if (!target.startsWith(repository.root()) || !Files.exists(target)) {
                problems.add("line " + link.line() + ": " + link.target());
            }
        }
        return problems;
    }

    /** Test classes a row names that are not in the repository or hold no test. */
    List<String> testsThatDoNotExist() {
        List<String> problems = new ArrayList<>();
        for (ChapterMap.Row row : map.rows()) {
            for (String name : row.testClassNames()) {
                List<Path> files = repository.javaFilesNamed(name);
                if (files.isEmpty()) {
                    problems.add(row + ": names " + name + ", which is not in the repository");
                }
                for (Path file : files) {
                    if (!repository.holdsATest(file)) {
                        problems.add(row + ": names " + name + ", but " + file + " holds no test");
                    }
                }
            }
        }
        return problems;
    }

    /** Test classes a row names without a link, although no earlier row linked them: a reader could not find them. */
    List<String> testsNamedBeforeTheyAreLinked() {
        Set<String> linked = new HashSet<>();
        List<String> problems = new ArrayList<>();
        for (ChapterMap.Row row : map.rows()) {
            linked.addAll(row.linkedTestClassNames());
            for (String name : row.backtickedTestClassNames()) {
                if (!linked.contains(name)) {
                    problems.add(row + ": names " + name + " without a link, and no earlier row links it");
                }
            }
        }
        return problems;
    }

    /** Places where code names a section whose row does not link that file (or that the map lacks). */
    List<String> mentionsTheMapDoesNotLink() {
        Path docs = repository.root().resolve(MAP).getParent();
        List<String> problems = new ArrayList<>();
        for (Repository.Mention mention : repository.sectionMentions()) {
            var row = map.row(mention.seed(), mention.item());
            if (row.isEmpty()) {
                problems.add(mention + ", which has no row");
            } else if (row.get().linkedPaths().stream()
                    .noneMatch(path -> docs.resolve(path)
                            .normalize()
                            .equals(repository.root().resolve(mention.file())))) {
                problems.add(mention + ", but " + row.get() + " does not link " + mention.file());
            }
        }
        return problems;
    }

    /** Rows that speak of "planned" without naming the issue in the form {@code planned: issue N}. */
    List<String> plannedRowsWithoutIssue() {
        return map.rows().stream()
                .filter(row -> row.mentionsPlanned() && row.plannedBy().isEmpty())
                .map(row -> row + ": says planned but not 'planned: issue N'")
                .toList();
    }

    List<ChapterMap.Row> plannedRows() {
        return map.rows().stream().filter(row -> row.plannedBy().isPresent()).toList();
    }
}
