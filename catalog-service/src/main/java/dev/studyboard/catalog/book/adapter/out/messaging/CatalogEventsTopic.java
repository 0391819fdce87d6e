package dev.studyboard.catalog.book.adapter.out.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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
        return TopicBuilder.name(NAME).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1") // kept: replicas are rebuilt from them
                .build();
    }
}
