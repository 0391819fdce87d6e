package dev.studyboard.progress.report.adapter.in.messaging;

import dev.studyboard.progress.report.application.PumpedEvent;
import dev.studyboard.progress.report.application.ReportUpdates;
import dev.studyboard.progress.report.domain.ReportedMember;
import dev.studyboard.progress.report.domain.SectionCounter;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Event data pump: reads {@code progress.events} and {@code member.events} into the reporting store (seed 002, 5.16),
 * each event at most once (ReportUpdates). Its consumer group is its own ({@code progress-service-reporting}), so it
 * sees every event whatever the replicas' group has read, and a new store fills from the topics' first record (they
 * keep every event).
 * A record it cannot read goes to {@code <topic>.dlt} at once ({@link UnreadableRecordException}); one that fails for
 * another reason is retried first, by the error handler every listener of the service shares (DeadLetterHandling),
 * then dead-lettered too ({@code ReportingDeadLetters}).
 */
@Component
class ReportingPump {

    private static final Logger log = LoggerFactory.getLogger(ReportingPump.class);

    private static final String GROUP = "${spring.application.name}-reporting";

    /** Declared with the replicas (ConsumedTopics), as is its dead-letter topic. */
    private static final String MEMBER_EVENTS = "member.events";

    /** {@code studyboard.progress.section.assigned}, … : the part after it names the event (docs/events.md). */
    private static final String PROGRESS_EVENT = "studyboard.progress.";

    private static final String JOINED = "studyboard.member.joined";
    private static final String RENAMED = "studyboard.member.renamed";
    private static final String LEFT = "studyboard.member.left";
    private static final String REMOVED = "studyboard.member.removed";
    private static final Set<String> MEMBER_TYPES = Set.of(JOINED, RENAMED, LEFT, REMOVED);

    /** The part of every section event's data (version 1) the report needs: whose work it is. */
    record SectionEventV1(UUID memberId) {}

    /** The part of a member event's data (version 1) the report needs; a name only in joined and renamed. */
    record MemberEventV1(UUID memberId, Long memberVersion, String displayName) {}

    private final ReportUpdates updates;
    private final JsonMapper json;

    ReportingPump(ReportUpdates updates, JsonMapper json) {
        this.updates = updates;
        this.json = json;
    }

    @KafkaListener(id = "reporting-progress", groupId = GROUP, topics = "${studyboard.outbox.topic}")
    void onProgressEvent(ConsumerRecord<String, byte[]> record) {
        var event = read(record);
        var counter = event.getType().startsWith(PROGRESS_EVENT)
                ? SectionCounter.movedBy(event.getType().substring(PROGRESS_EVENT.length()))
                : Optional.<SectionCounter>empty();
        if (counter.isEmpty()) {
            log.debug("Skipping {}: the report does not count it", event.getType());
            return;
        }
        var data = data(record, event, SectionEventV1.class);
        if (data.memberId() == null || event.getTime() == null) {
            throw new UnreadableRecordException(record, "a section event without memberId or time", null);
        }
        updates.count(pumped(event), data.memberId(), counter.get());
    }

    @KafkaListener(id = "reporting-members", groupId = GROUP, topics = MEMBER_EVENTS)
    void onMemberEvent(ConsumerRecord<String, byte[]> record) {
        var event = read(record);
        var type = event.getType();
        if (!MEMBER_TYPES.contains(type)) {
            log.debug("Skipping {}: the report does not need it", type);
            return;
        }
        var data = data(record, event, MemberEventV1.class);
        if (data.memberId() == null || data.memberVersion() == null) {
            throw new UnreadableRecordException(record, "a member event without memberId or memberVersion", null);
        }
        var member = switch (type) {
            case JOINED -> ReportedMember.joined(data.memberId(), data.memberVersion(), data.displayName());
            case RENAMED -> ReportedMember.renamed(data.memberId(), data.memberVersion(), data.displayName());
            default -> ReportedMember.gone(data.memberId(), data.memberVersion()); // left or removed
        };
        updates.keep(pumped(event), member);
    }

    private static CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            var event = KafkaMessageFactory.createReader(record).toEvent();
            UUID.fromString(event.getId());
            if (event.getData() == null) {
                throw new IllegalArgumentException("no data");
            }
            return event;
        } catch (RuntimeException e) {
            throw new UnreadableRecordException(record, e.getMessage(), e);
        }
    }

    private <T> T data(ConsumerRecord<String, byte[]> record, CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (RuntimeException e) {
            throw new UnreadableRecordException(record, "unreadable data of " + event.getType(), e);
        }
    }

    private static PumpedEvent pumped(CloudEvent event) {
        return new PumpedEvent(UUID.fromString(event.getId()), event.getTime().toInstant());
    }
}
