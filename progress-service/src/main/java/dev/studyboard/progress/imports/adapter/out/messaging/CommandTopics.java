package dev.studyboard.progress.imports.adapter.out.messaging;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The participants' command topics, declared here too (with the participants' settings), so that commands written
 * before a participant first started are not refused for a missing topic. Not retained for good: a command is a
 * request of the moment, not a fact to rebuild from.
 */
@Configuration(proxyBeanMethods = false)
class CommandTopics {

    @Bean
    NewTopic catalogCommands(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return TopicBuilder.name(OutboxSagaCommands.CATALOG_COMMANDS)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic memberCommands(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        return TopicBuilder.name(OutboxSagaCommands.MEMBER_COMMANDS)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
