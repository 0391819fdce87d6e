package dev.studyboard.progress.page.adapter.in.messaging;

import dev.studyboard.progress.page.application.LiveBoards;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging adapter: this service's own events ({@code progress.events}), read back to tell the boards open in
 * browsers that a section changed. Whichever instance changed it, each instance hears it.
 */
@Component
class BoardEventsListener {

    private static final Logger log = LoggerFactory.getLogger(BoardEventsListener.class);

    /** {@code studyboard.progress.section.assigned}, {@code …started}, {@code …completed}, ... (docs/events.md) */
    private static final String SECTION_EVENT = "studyboard.progress.section.";

    /** The part of every section event's data (version 1) a board needs. */
    record SectionChanged(UUID bookId, String item) {}

    private final LiveBoards boards;
    private final JsonMapper json;

    BoardEventsListener(LiveBoards boards, JsonMapper json) {
        this.boards = boards;
        this.json = json;
    }

    // A consumer group of its own for each instance (a random one, new at every start), since every instance must
    // see every event to tell the browsers connected to it; not the service's group, in which each event goes to
    // one instance only. It reads from now on (latest): a board that was not open has nothing to update. The price:
    // each start leaves its group, with the offsets committed, on the broker until offsets.retention.minutes (7 days
    // by default) expires it (docs/events.md).
    @KafkaListener(
            id = "board-live",
            groupId = "${spring.application.name}-board-live-${random.uuid}",
            topics = "${studyboard.outbox.topic}",
            properties = "auto.offset.reset=latest")
    void on(ConsumerRecord<String, byte[]> record) {
        try {
            var event = KafkaMessageFactory.createReader(record).toEvent();
            if (event.getType().startsWith(SECTION_EVENT) && event.getData() != null) {
                var change = json.readValue(event.getData().toBytes(), SectionChanged.class);
                boards.changed(change.bookId(), change.item());
            }
        } catch (RuntimeException unreadable) {
            // Only a notice: missing one leaves a board stale until the next, and is worth no retry or dead letter.
            log.debug("Not a section event, skipped: {}", unreadable.toString());
        }
    }
}
