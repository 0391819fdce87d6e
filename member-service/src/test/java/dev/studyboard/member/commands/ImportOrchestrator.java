package dev.studyboard.member.commands;

import dev.studyboard.testsupport.CloudEventSender;
import io.cloudevents.CloudEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays progress-service, the import's orchestrator, in member-service's tests: sends its commands to
 * {@code member.commands} exactly as docs/import-saga.md specifies them (CloudEvents, binary mode, keyed by the
 * import's id).
 */
final class ImportOrchestrator implements AutoCloseable {

    static final String TOPIC = "member.commands";
    private final CloudEventSender progress = new CloudEventSender("/studyboard/progress-service");

    /** A writer as the notes name them; {@code account} null leaves the field out. */
    static Map<String, Object> writer(String displayName, String account) {
        var writer = new LinkedHashMap<String, Object>();
        writer.put("displayName", displayName);
        if (account != null) {
            writer.put("account", account);
        }
        return writer;
    }

    CloudEvent joinWriters(UUID importId, List<Map<String, Object>> writers) {
        return command(
                importId,
                "import.join-writers",
                Map.of("importId", importId, "writers", writers, "initiator", "organizer"));
    }

    CloudEvent removeImportedMembers(UUID importId) {
        return command(
                importId, "import.remove-imported-members", Map.of("importId", importId, "initiator", "organizer"));
    }

    /** Sends a command of progress-service's: {@code studyboard.progress.<name>}. */
    CloudEvent command(UUID importId, String name, Map<String, Object> data) {
        return progress.send(TOPIC, "studyboard.progress." + name, importId.toString(), data);
    }

    /** Sends the same command (same id) again, as the orchestrator retries a step. */
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
