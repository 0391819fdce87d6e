package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.CatalogChange;
import dev.studyboard.progress.replica.application.MemberChange;
import dev.studyboard.progress.replica.application.ReceivedEvent;
import dev.studyboard.progress.replica.application.RetainedEvents;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the retained topics from the start for a rebuild, with a consumer of its own: assigned every partition, not
 * subscribed, so it joins no consumer group and commits nothing; the listeners' offsets stay as they are. Records are
 * read as the listeners read them ({@link IncomingCloudEvents}, the same event types).
 */
@Component
class RetainedTopics implements RetainedEvents {

    private static final Logger log = LoggerFactory.getLogger(RetainedTopics.class);

    private static final Duration POLL = Duration.ofMillis(500);

    private final ConsumerFactory<String, byte[]> consumers;
    private final IncomingCloudEvents events;
    private final Duration timeout;

    RetainedTopics(
            ConsumerFactory<String, byte[]> consumers,
            IncomingCloudEvents events,
            // Below the listeners' max.poll.interval.ms (5 minutes), since they wait for the rebuild.
            @Value("${studyboard.replicas.rebuild-timeout:2m}") Duration timeout) {
        this.consumers = consumers;
        this.events = events;
        this.timeout = timeout;
    }

    @Override
    public Replayed replay(
            BiConsumer<ReceivedEvent, CatalogChange> catalog, BiConsumer<ReceivedEvent, MemberChange> members) {
        var noCommits = new Properties();
        noCommits.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer =
                consumers.createConsumer("progress-service.replica-rebuild", "replica-rebuild", null, noCommits)) {
            var partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            long records = 0;
            long unreadable = 0;
            while (!reached(end, consumer)) {
                if (System.nanoTime() > deadline) {
                    throw new UnavailableException(
                            "The retained topics were not read to their end within " + timeout, null);
                }
                for (var record : consumer.poll(POLL)) {
                    records++;
                    if (!applied(record, catalog, members)) {
                        unreadable++;
                    }
                }
            }
            return new Replayed(records, unreadable);
        } catch (KafkaException e) {
            throw new UnavailableException("The retained topics could not be read: " + e.getMessage(), e);
        }
    }

    /** Hands the record's event on, as its topic's listener would; false if it is no readable event. */
    private boolean applied(
            ConsumerRecord<String, byte[]> record,
            BiConsumer<ReceivedEvent, CatalogChange> catalog,
            BiConsumer<ReceivedEvent, MemberChange> members) {
        try {
            if (record.topic().equals(ConsumedTopics.CATALOG_EVENTS)) {
                events.apply(record, UpstreamEventsListener.CATALOG_TYPES, catalog);
            } else {
                events.apply(record, UpstreamEventsListener.MEMBER_TYPES, members);
            }
            return true;
        } catch (MalformedEventException e) {
            log.warn("Rebuild skips a record: {}", e.getMessage());
            return false;
        }
    }

    private static List<TopicPartition> partitions(Consumer<?, ?> consumer) {
        return Stream.of(ConsumedTopics.CATALOG_EVENTS, ConsumedTopics.MEMBER_EVENTS)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    private static boolean reached(Map<TopicPartition, Long> end, Consumer<?, ?> consumer) {
        return end.entrySet().stream()
                .allMatch(partition -> consumer.position(partition.getKey()) >= partition.getValue());
    }
}
