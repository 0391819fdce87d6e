package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.MemberChange;
import dev.studyboard.progress.replica.application.MemberReplication;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Messaging adapter: consumes {@code member.events} into the replica of the members. */
@Component
class MemberEventsListener {

    private static final Map<String, Class<? extends MemberChange>> TYPES = Map.of(
            "studyboard.member.joined", MemberChange.MemberJoined.class,
            "studyboard.member.renamed", MemberChange.MemberRenamed.class,
            "studyboard.member.left", MemberChange.MemberLeft.class);

    private final IncomingCloudEvents events;
    private final MemberReplication replication;

    MemberEventsListener(IncomingCloudEvents events, MemberReplication replication) {
        this.events = events;
        this.replication = replication;
    }

    @KafkaListener(id = "member-replica", idIsGroup = false, topics = ConsumedTopics.MEMBER_EVENTS)
    void on(ConsumerRecord<String, byte[]> record) {
        events.apply(record, TYPES, replication::apply);
    }
}
