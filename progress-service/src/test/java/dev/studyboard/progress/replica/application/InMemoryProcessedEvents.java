package dev.studyboard.progress.replica.application;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The idempotent consumer's memory as a set of event ids. */
class InMemoryProcessedEvents implements ProcessedEvents {

    private final Set<UUID> ids = new HashSet<>();

    @Override
    public boolean markProcessed(ReceivedEvent event) {
        return ids.add(event.id());
    }
}
