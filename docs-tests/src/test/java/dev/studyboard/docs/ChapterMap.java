package dev.studyboard.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/chapter-map.md read into its rows. Under a heading {@code ## Seed 000 …} or {@code ## Seed 002 …}, each
 * table row is {@code | item | title | where in the code | the test that shows it |}; the links of the whole
 * file are kept with their line, so the intro's links are checked too.
 */
record ChapterMap(List<Row> rows, List<Link> links) {

    private static final Pattern SEED_HEADING = Pattern.compile("^## Seed (\\d{3})\\b");
    private static final Pattern ITEM = Pattern.compile("\\d+\\.\\d+");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern TEST_CLASS_FILE = Pattern.compile("([A-Z]\\w*(?:Test|IT))\\.java$");
    private static final Pattern BACKTICKED_TEST_CLASS = Pattern.compile("`([A-Z]\\w*(?:Test|IT))`");
    private static final Pattern PLANNED = Pattern.compile("planned: issue (\\d+)");
    /** The test column of a row without a test: a dash, then why. */
    private static final Pattern REASON = Pattern.compile("^—\\s*\\S.{8,}");

    /** A link and the line of the map it is on. */
    record Link(int line, String target) {

        boolean isRelative() {
            return !target.startsWith("#") && !target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
        }

        /** The target without its {@code #fragment}. */
        String path() {
            int fragment = target.indexOf('#');
            return fragment < 0 ? target : target.substring(0, fragment);
        }
    }

    /** One section's row. */
    record Row(Seed seed, int line, String item, String title, String where, String test) {

        /** Relative link targets (without fragment) anywhere in the row. */
        List<String> linkedPaths() {
            return all(LINK, where + " | " + test).stream()
                    .map(target -> new Link(line, target))
                    .filter(Link::isRelative)
                    .map(Link::path)
                    .toList();
        }

        /** Test classes the row names: linked {@code *Test.java}/{@code *IT.java} files and backticked names. */
        List<String> testClassNames() {
            List<String> names = new ArrayList<>(backtickedTestClassNames());
            names.addAll(linkedTestClassNames());
            return names.stream().distinct().toList();
        }

        /** Test classes named in backticks, linked or not. */
        List<String> backtickedTestClassNames() {
            return all(BACKTICKED_TEST_CLASS, where + " | " + test).stream()
                    .distinct()
                    .toList();
        }

        /** Test classes whose file the row links. */
        List<String> linkedTestClassNames() {
            List<String> names = new ArrayList<>();
            for (String path : linkedPaths()) {
                Matcher file = TEST_CLASS_FILE.matcher(path);
                if (file.find()) {
                    names.add(file.group(1));
                }
            }
            return names;
        }

        /** Whether the test column names a test (not just the "where" column in passing). */
        boolean namesATest() {
            return BACKTICKED_TEST_CLASS.matcher(test).find()
                    || all(LINK, test).stream()
                            .anyMatch(target -> TEST_CLASS_FILE.matcher(target).find());
        }

        boolean linksCode() {
            return !all(LINK, where).isEmpty();
        }

        /** A test column that says why there is no test: {@code — about people, not code}. */
        boolean givesReason() {
            return REASON.matcher(test).find();
        }

        /** The open issue that plans this section's concept, when the row says {@code planned: issue N}. */
        Optional<Integer> plannedBy() {
            Matcher planned = PLANNED.matcher(where + " | " + test);
            return planned.find() ? Optional.of(Integer.valueOf(planned.group(1))) : Optional.empty();
        }

        boolean mentionsPlanned() {
            return (where + test).toLowerCase().contains("planned");
        }

        @Override
        public String toString() {
            return "seed " + seed + " " + item + " (line " + line + ")";
        }
    }

    static ChapterMap read(String markdown) {
        List<Row> rows = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        Seed seed = null;
        String[] lines = markdown.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNumber = i + 1;
            String line = lines[i];
            all(LINK, line).forEach(target -> links.add(new Link(lineNumber, target)));
            Matcher heading = SEED_HEADING.matcher(line);
            if (heading.find()) {
                seed = Seed.numbered(heading.group(1));
            } else if (line.startsWith("#")) {
                seed = null;
            } else if (seed != null && line.startsWith("|")) {
                List<String> cells = cells(line);
                if (!cells.isEmpty() && ITEM.matcher(cells.get(0)).matches()) {
                    rows.add(new Row(
                            seed,
                            lineNumber,
                            cells.get(0),
                            StudyNotes.normalized(cells.get(1)),
                            cells.size() > 2 ? cells.get(2) : "",
                            cells.size() > 3 ? cells.get(3) : ""));
                }
            }
        }
        return new ChapterMap(List.copyOf(rows), List.copyOf(links));
    }

    List<Row> rowsOf(Seed seed) {
        return rows.stream().filter(row -> row.seed() == seed).toList();
    }

    Optional<Row> row(Seed seed, String item) {
        return rowsOf(seed).stream().filter(row -> row.item().equals(item)).findFirst();
    }

    /** The cells of a table row; a pipe inside {@code `code`} or escaped as {@code \|} does not split. */
    static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean inCode = false;
        String row = line.strip();
        for (int i = 1; i < row.length(); i++) {
            char c = row.charAt(i);
            if (c == '`') {
                inCode = !inCode;
            }
            if (c == '|' && !inCode && row.charAt(i - 1) != '\\') {
                cells.add(cell.toString().strip());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (!cell.toString().isBlank()) {
            cells.add(cell.toString().strip()); // a row without its closing pipe
        }
        return cells;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
