package dev.studyboard.progress.report.domain;

/** A member's counters over some weeks. A completion that was reopened is not done: {@link #done()}. */
public record SectionCounts(int taken, int started, int completed, int reopened, int dropped) {

    public SectionCounts plus(SectionCounts other) {
        return new SectionCounts(
                taken + other.taken,
                started + other.started,
                completed + other.completed,
                reopened + other.reopened,
                dropped + other.dropped);
    }

    /**
     * Completions minus reopenings within these weeks (a done section cannot change hands). Not always the sections
     * DONE in the service: negative when a completion before the weeks is reopened in them, and higher when DONE
     * sections were removed from the catalog (the service deletes their assignments without an event).
     */
    public int done() {
        return completed - reopened;
    }
}
