package dev.studyboard.catalog.book.adapter.in.messaging;

import dev.studyboard.testsupport.CloudEventSender;
import io.cloudevents.CloudEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the import's orchestrator (progress-service) in the catalog's tests: sends its commands exactly as
 * docs/import-saga.md specifies them (CloudEvents, binary mode, keyed by the import's id) on {@code catalog.commands}.
 */
final class ImportCommands implements AutoCloseable {

    static final String TOPIC = "catalog.commands";

    private final CloudEventSender progress = new CloudEventSender("/studyboard/progress-service");

    /** A register-book command's data, v1, from the organizer; a test may change or add fields before sending. */
    static Map<String, Object> registerBookData(
            UUID importId, UUID bookId, String title, List<Map<String, Object>> chapters) {
        var data = new HashMap<String, Object>();
        data.put("importId", importId);
        data.put("bookId", bookId);
        data.put("title", title);
        data.put("authors", List.of("Sam Newman"));
        data.put("edition", "2nd");
        data.put("language", "ko");
        data.put("chapters", chapters);
        data.put("initiator", "organizer");
        return data;
    }

    @SafeVarargs
    static Map<String, Object> chapter(int number, String title, Map<String, Object>... sections) {
        return Map.of("number", number, "title", title, "sections", List.of(sections));
    }

    static Map<String, Object> section(String item, String title, Integer page) {
        var section = new HashMap<String, Object>();
        section.put("item", item);
        section.put("title", title);
        section.put("page", page);
        return section;
    }

    CloudEvent registerBook(UUID importId, UUID bookId, String title, List<Map<String, Object>> chapters) {
        return send(importId, "register-book", registerBookData(importId, bookId, title, chapters));
    }

    CloudEvent removeBook(UUID importId, UUID bookId) {
        return send(importId, "remove-book", Map.of("importId", importId, "bookId", bookId, "initiator", "organizer"));
    }

    /** A command {@code studyboard.progress.import.<name>} with this data, keyed by the import. */
    CloudEvent send(UUID importId, String name, Map<String, Object> data) {
        return progress.send(TOPIC, "studyboard.progress.import." + name, importId.toString(), data);
    }

    /** Sends the same command (same id) again, as a redelivery or the orchestrator's retry does. */
    void again(CloudEvent command) {
        progress.again(TOPIC, command);
    }

    /** A record no participant can read: not a CloudEvent at all. */
    void garbage(UUID importId) {
        progress.garbage(TOPIC, importId.toString());
    }

    @Override
    public void close() {
        progress.close();
    }
}
