package dev.studyboard.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.config.TopicBuilder;

/**
 * How every event topic of the system is created: its records are kept for good ({@code retention.ms = -1}),
 * because they are what other services rebuild their replicas from. Declared as a {@code NewTopic} bean, Spring
 * Kafka's KafkaAdmin creates it at start-up if it is missing.
 */
public final class EventTopics {

    private EventTopics() {}

    public static NewTopic retained(String name, int partitions, short replicas) {
        return TopicBuilder.name(name)
                .partitions(partitions)
                .replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                .build();
    }
}
