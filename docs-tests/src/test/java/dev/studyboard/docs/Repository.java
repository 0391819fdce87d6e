package dev.studyboard.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The files of the repository that the map may point at: sources, configuration, manifests, docs. */
record Repository(Path root, List<Path> files) {

    /** Build output and tool folders: nothing the map links to lives there. */
    private static final Set<String> SKIPPED_FOLDERS = Set.of(".git", "target", "node_modules", ".idea", ".mvn");
    /** Code and configuration, where a comment may name a section of the notes. */
    private static final Pattern CODE = Pattern.compile(".*\\.(java|sql|ya?ml)$");
    /** Folders whose text is not code: the docs themselves, and this module, which writes such mentions as examples. */
    private static final Set<String> NOT_CODE = Set.of("docs", "docs-tests");

    private static final Pattern TEST_ANNOTATION = Pattern.compile(
            "(?m)^\\s*@(Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|ArchTest|Property|Example)\\b");
    /** "seed 000, 3.6", "seed 000 4.8", "seed 000, 3.7 and 4.5": the seed and one or more item numbers. */
    private static final Pattern SECTION_MENTION =
            Pattern.compile("seed\\s+(000|002),?\\s+(\\d+\\.\\d+(?:\\s*(?:,|and|/)\\s*\\d+\\.\\d+)*)");

    private static final Pattern ITEM = Pattern.compile("\\d+\\.\\d+");

    /** A section of a seed named in a file, at a line. */
    record Mention(Path file, int line, Seed seed, String item) {

        @Override
        public String toString() {
            return file + ":" + line + " names seed " + seed + ", " + item;
        }
    }

    /** The repository this module belongs to: the first folder upwards that has docs/chapter-map.md. */
    static Repository containingThisModule() {
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("docs/chapter-map.md"))) {
                return at(folder);
            }
        }
        throw new IllegalStateException(
                "no docs/chapter-map.md above " + Path.of("").toAbsolutePath());
    }

    static Repository at(Path root) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    return SKIPPED_FOLDERS.contains(folder.getFileName().toString()) && !folder.equals(root)
                            ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    files.add(root.relativize(file));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        return new Repository(root, List.copyOf(files));
    }

    String read(Path relative) {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Java files named {@code <className>.java}, wherever they are. */
    List<Path> javaFilesNamed(String className) {
        return files.stream()
                .filter(file -> file.getFileName().toString().equals(className + ".java"))
                .toList();
    }

    /** Whether a Java file holds a test JUnit or ArchUnit would run. */
    boolean holdsATest(Path javaFile) {
        return TEST_ANNOTATION.matcher(read(javaFile)).find();
    }

    /** Every place where code or configuration names a section of a seed. */
    List<Mention> sectionMentions() {
        List<Mention> mentions = new ArrayList<>();
        for (Path file : files) {
            if (!CODE.matcher(file.toString()).matches()
                    || NOT_CODE.contains(file.getName(0).toString())) {
                continue;
            }
            String text = read(file);
            Matcher mention = SECTION_MENTION.matcher(text);
            while (mention.find()) {
                int line = 1
                        + (int) text.substring(0, mention.start())
                                .chars()
                                .filter(c -> c == '\n')
                                .count();
                Matcher item = ITEM.matcher(mention.group(2));
                while (item.find()) {
                    mentions.add(new Mention(file, line, Seed.numbered(mention.group(1)), item.group()));
                }
            }
        }
        return mentions;
    }
}
