package dev.studyboard.progress.board.api;

import java.util.UUID;

/** A book on the study board, with how many of its sections are done. */
public record BookProgress(UUID bookId, String title, int sections, int done) {}
