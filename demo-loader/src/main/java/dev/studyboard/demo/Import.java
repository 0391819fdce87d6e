package dev.studyboard.demo;

import java.util.UUID;

/**
 * An import as progress-service answers it ({@code GET /api/imports/{id}}): the parts the loader reads.
 *
 * @param status {@code COMPLETED} or {@code COMPENSATED} when it has ended, a step's name while it runs
 * @param reason why it was undone, when it was
 */
public record Import(UUID id, String status, UUID bookId, String title, String reason) {

    public boolean isCompleted() {
        return "COMPLETED".equals(status);
    }

    public boolean isCompensated() {
        return "COMPENSATED".equals(status);
    }
}
