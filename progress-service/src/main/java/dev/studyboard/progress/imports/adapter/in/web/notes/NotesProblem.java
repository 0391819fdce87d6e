package dev.studyboard.progress.imports.adapter.in.web.notes;

/** One thing wrong in the notes: the line (from 1) and what is wrong there, in words a writer of notes follows. */
public record NotesProblem(int line, String reason) {}
