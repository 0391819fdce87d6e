package dev.studyboard.progress.imports.adapter.in.web.notes;

import java.util.List;

/** The notes cannot be imported as they are: every problem found, each with its line. Nothing was created. */
public class MalformedNotesException extends RuntimeException {

    private final transient List<NotesProblem> problems;

    public MalformedNotesException(List<NotesProblem> problems) {
        super(problems.size() == 1 ? "The notes have one problem" : "The notes have " + problems.size() + " problems");
        this.problems = List.copyOf(problems);
    }

    public List<NotesProblem> problems() {
        return problems;
    }
}
