package dev.studyboard.progress.imports.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import dev.studyboard.outbox.ReceivedCommand;
import dev.studyboard.progress.imports.application.ImportReplies;
import dev.studyboard.progress.imports.application.ImportReply;
import dev.studyboard.progress.imports.domain.JoinedWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messaging adapter: the participants' replies to the import's commands, from {@code import.replies}. Each reply
 * type maps to its data (a tolerant reader: fields it does not know are ignored) and then to the use case.
 */
@Configuration(proxyBeanMethods = false)
class ImportRepliesListener {

    static final String IMPORT_REPLIES = "import.replies";

    private static final Logger log = LoggerFactory.getLogger(ImportRepliesListener.class);

    /** The replies' data, version 1, as the participants publish it (docs/import-saga.md). */
    record BookReplyV1(UUID importId, UUID commandId, UUID bookId, String reason) {}

    record MemberData(String displayName, UUID memberId, boolean created) {}

    record WritersReplyV1(UUID importId, UUID commandId, List<MemberData> members, String reason) {}

    private final ImportReplies replies;
    private final JsonMapper json;

    ImportRepliesListener(ImportReplies replies, JsonMapper json) {
        this.replies = replies;
        this.json = json;
    }

    /** The orchestrator's own reply topic; the participants declare it too, so whoever starts first creates it. */
    @Bean
    NewTopic importRepliesTopic(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return TopicBuilder.name(IMPORT_REPLIES)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    /** Where a reply that cannot be read ends up (see the service's dead-letter handling). */
    @Bean
    NewTopic importRepliesDeadLetterTopic(
            @Value("${studyboard.topics.replicas:1}") short replicas, MeterRegistry meters) {
        meters.counter("progress.events.dead.lettered", "topic", IMPORT_REPLIES); // at 0 from the start, for the alert
        return TopicBuilder.name(IMPORT_REPLIES + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }

    @KafkaListener(id = "import-replies", idIsGroup = false, topics = IMPORT_REPLIES)
    void onReply(ConsumerRecord<String, byte[]> record) {
        var message = ReceivedCommand.from(record); // a reply reads like a command: a CloudEvent with an id and data
        var reply = reply(message);
        if (reply == null) {
            log.debug("Skipping {}: not a reply the import saga reads", message.type());
            return;
        }
        replies.apply(reply);
    }

    private ImportReply reply(ReceivedCommand message) {
        return switch (message.type()) {
            case "studyboard.catalog.import.book-registered" -> {
                var data = json.readValue(message.data(), BookReplyV1.class);
                yield new ImportReply.BookRegistered(data.importId(), data.commandId());
            }
            case "studyboard.catalog.import.book-refused" -> {
                var data = json.readValue(message.data(), BookReplyV1.class);
                yield new ImportReply.BookRefused(data.importId(), data.commandId(), data.reason());
            }
            case "studyboard.catalog.import.book-removed" -> {
                var data = json.readValue(message.data(), BookReplyV1.class);
                yield new ImportReply.BookRemoved(data.importId(), data.commandId());
            }
            case "studyboard.member.import.writers-joined" -> {
                var data = json.readValue(message.data(), WritersReplyV1.class);
                yield new ImportReply.WritersJoined(
                        data.importId(),
                        data.commandId(),
                        data.members().stream()
                                .map(m -> new JoinedWriter(m.displayName(), m.memberId(), m.created()))
                                .toList());
            }
            case "studyboard.member.import.writers-refused" -> {
                var data = json.readValue(message.data(), WritersReplyV1.class);
                yield new ImportReply.WritersRefused(data.importId(), data.commandId(), data.reason());
            }
            case "studyboard.member.import.imported-members-removed" -> {
                var data = json.readValue(message.data(), WritersReplyV1.class);
                yield new ImportReply.ImportedMembersRemoved(data.importId(), data.commandId());
            }
            default -> null;
        };
    }
}
