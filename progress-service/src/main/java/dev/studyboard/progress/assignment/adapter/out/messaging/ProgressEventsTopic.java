package dev.studyboard.progress.assignment.adapter.out.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic progress-service publishes to, created at start-up if missing. */
@Configuration(proxyBeanMethods = false)
class ProgressEventsTopic {

    static final String NAME = "progress.events";

    @Bean
    NewTopic progressEvents(@Value("${studyboard.topics.partitions:3}") int partitions,
                            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return TopicBuilder.name(NAME).partitions(partitions).replicas(replicas)
                .config(TopicConfig.RETENTION_MS_CONFIG, "-1") // kept: replicas are rebuilt from them
                .build();
    }
}
