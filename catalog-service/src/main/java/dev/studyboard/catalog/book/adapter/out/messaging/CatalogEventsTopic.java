package dev.studyboard.catalog.book.adapter.out.messaging;

import dev.studyboard.outbox.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic catalog-service publishes to, created at start-up if missing (Spring Kafka's KafkaAdmin).
 * Keyed by book id, so partitions keep each book's events in order.
 */
@Configuration(proxyBeanMethods = false)
class CatalogEventsTopic {

    static final String NAME = "catalog.events";

    @Bean
    NewTopic catalogEvents(@Value("${studyboard.topics.partitions:3}") int partitions,
                           @Value("${studyboard.topics.replicas:1}") short replicas) {
        return EventTopics.retained(NAME, partitions, replicas);
    }
}
