package dev.studyboard.progress.assignment.adapter.out.messaging;

import dev.studyboard.outbox.EventTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topic progress-service publishes to, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class ProgressEventsTopic {

    static final String NAME = "progress.events";

    @Bean
    NewTopic progressEvents(@Value("${studyboard.topics.partitions:3}") int partitions,
                            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return EventTopics.retained(NAME, partitions, replicas);
    }
}
