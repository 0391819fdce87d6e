package dev.studyboard.progress.report.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The counters of a member's week, and which event of a section moves which: each event adds one, for the member it
 * names, in the week it happened (docs/events.md, {@code progress.events}). A handover is one {@code section.assigned},
 * for the new writer: the former writer's {@code taken} stays, and their {@code dropped} does not move.
 */
public enum SectionCounter {
    /** Given a section: taken by themself, assigned or handed over to them by the organizer. */
    TAKEN("section.assigned"),
    STARTED("section.started"),
    COMPLETED("section.completed"),
    REOPENED("section.reopened"),
    /** Taken off an open section: on request, on leaving the group, or because the section was removed. */
    DROPPED("section.unassigned");

    private final String event;

    SectionCounter(String event) {
        this.event = event;
    }

    /**
     * The counter {@code event} moves, named as in its type {@code studyboard.progress.<event>}; none for an event
     * the report does not count, so the service can add new ones.
     */
    public static Optional<SectionCounter> movedBy(String event) {
        return Arrays.stream(values()).filter(c -> c.event.equals(event)).findFirst();
    }
}
