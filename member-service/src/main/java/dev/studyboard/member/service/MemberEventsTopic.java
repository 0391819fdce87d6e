package dev.studyboard.member.service;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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
        return TopicBuilder.name(NAME).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1") // kept: replicas are rebuilt from them
                .build();
    }
}
