package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import dev.studyboard.outbox.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
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

    private final int partitions;
    private final short replicas;

    ConsumedTopics(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Bean
    NewTopic catalogEventsConsumed() {
        return EventTopics.retained(CATALOG_EVENTS, partitions, replicas);
    }

    @Bean
    NewTopic memberEventsConsumed() {
        return EventTopics.retained(MEMBER_EVENTS, partitions, replicas);
    }

    @Bean
    NewTopic catalogEventsDeadLetters() {
        return TopicBuilder.name(CATALOG_EVENTS + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic memberEventsDeadLetters() {
        return TopicBuilder.name(MEMBER_EVENTS + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }
}
