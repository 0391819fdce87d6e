package dev.studyboard.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The sections of one study note in the notes' order, read from either form the notes use. */
record StudyNotes(List<Section> sections) {

    /** One section: its item number and title as the notes write them. */
    record Section(String item, String title) {

        @Override
        public String toString() {
            return item + " " + title;
        }
    }

    /** Seed 000's form: {@code | 3.1 | 서비스 구조 | 44 | 이상경 | :heavy_check_mark: |}. */
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*(\\d+\\.\\d+)\\s*\\|\\s*([^|]*?)\\s*\\|");
    /** Seed 002's form: {@code - [X] 4.5 오케스트레이션과 코레오그래피}. */
    private static final Pattern TASK = Pattern.compile("^- \\[[ xX]]\\s+(\\d+\\.\\d+)\\s+(.+?)\\s*$");

    static StudyNotes read(String markdown) {
        List<Section> sections = new ArrayList<>();
        for (String line : markdown.split("\\R")) {
            for (Pattern form : List.of(TABLE_ROW, TASK)) {
                var match = form.matcher(line.strip());
                if (match.find()) {
                    sections.add(new Section(match.group(1), normalized(match.group(2))));
                }
            }
        }
        return new StudyNotes(List.copyOf(sections));
    }

    /** A title with its runs of spaces collapsed: the notes pad their table cells. */
    static String normalized(String title) {
        return title.strip().replaceAll("\\s+", " ");
    }

    List<String> items() {
        return sections.stream().map(Section::item).toList();
    }
}
