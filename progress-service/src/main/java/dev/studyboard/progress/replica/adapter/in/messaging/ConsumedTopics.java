package dev.studyboard.progress.replica.adapter.in.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service reads, and their dead-letter topics. The owners create their topics too (with the
 * same settings); declaring them here as well lets progress-service start first: its listeners then
 * subscribe to topics that exist instead of waiting for a metadata refresh to discover them.
 */
@Configuration(proxyBeanMethods = false)
class ConsumedTopics {

    static final String CATALOG_EVENTS = "catalog.events";
    static final String MEMBER_EVENTS = "member.events";
    static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final int partitions;
    private final short replicas;

    ConsumedTopics(@Value("${studyboard.topics.partitions:3}") int partitions,
                   @Value("${studyboard.topics.replicas:1}") short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Bean
    NewTopic catalogEventsConsumed() {
        return TopicBuilder.name(CATALOG_EVENTS).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1") // kept: replicas are rebuilt from them
                .build();
    }

    @Bean
    NewTopic memberEventsConsumed() {
        return TopicBuilder.name(MEMBER_EVENTS).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1") // kept: replicas are rebuilt from them
                .build();
    }

    @Bean
    NewTopic catalogEventsDeadLetters() {
        return TopicBuilder.name(CATALOG_EVENTS + DEAD_LETTER_SUFFIX).partitions(1).replicas(replicas).build();
    }

    @Bean
    NewTopic memberEventsDeadLetters() {
        return TopicBuilder.name(MEMBER_EVENTS + DEAD_LETTER_SUFFIX).partitions(1).replicas(replicas).build();
    }
}
