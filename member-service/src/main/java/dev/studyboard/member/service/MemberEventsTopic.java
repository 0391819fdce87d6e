package dev.studyboard.member.service;

import dev.studyboard.outbox.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topic member-service publishes to, created at start-up if missing (Spring Kafka's KafkaAdmin).
 * Keyed by member id, so partitions keep each member's events in order.
 */
@Configuration(proxyBeanMethods = false)
class MemberEventsTopic {

    static final String NAME = "member.events";

    @Bean
    NewTopic memberEventsKafkaTopic(@Value("${studyboard.topics.partitions:3}") int partitions,
                                    @Value("${studyboard.topics.replicas:1}") short replicas) {
        return EventTopics.retained(NAME, partitions, replicas);
    }
}
