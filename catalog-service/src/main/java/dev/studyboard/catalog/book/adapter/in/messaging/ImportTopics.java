package dev.studyboard.catalog.book.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of the catalog's step of an import. The orchestrator declares them too (same settings); declaring
 * them here lets catalog-service start first. Commands and replies are work to do, not a history to rebuild
 * from: they keep Kafka's normal retention, unlike the event topics.
 */
@Configuration(proxyBeanMethods = false)
class ImportTopics {

    static final String COMMANDS = "catalog.commands";
    static final String REPLIES = "import.replies";

    private final int partitions;
    private final short replicas;

    ImportTopics(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Bean
    NewTopic catalogCommands() {
        return TopicBuilder.name(COMMANDS)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic catalogCommandsDeadLetters() {
        return TopicBuilder.name(COMMANDS + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic importReplies() {
        return TopicBuilder.name(REPLIES)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }
}
