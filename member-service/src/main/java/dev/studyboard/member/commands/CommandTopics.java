package dev.studyboard.member.commands;

import dev.studyboard.outbox.DeadLetters;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics of member-service's part in the import saga, created at start-up if missing. Commands and replies
 * are messages to act on, not a history anyone rebuilds from, so they keep Kafka's normal retention.
 */
@Configuration(proxyBeanMethods = false)
class CommandTopics {

    static final String MEMBER_COMMANDS = "member.commands";
    static final String IMPORT_REPLIES = "import.replies";

    private final int partitions;
    private final short replicas;

    CommandTopics(
            @Value("${studyboard.topics.partitions:3}") int partitions,
            @Value("${studyboard.topics.replicas:1}") short replicas) {
        this.partitions = partitions;
        this.replicas = replicas;
    }

    @Bean
    NewTopic memberCommands() {
        return TopicBuilder.name(MEMBER_COMMANDS)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic importReplies() {
        return TopicBuilder.name(IMPORT_REPLIES)
                .partitions(partitions)
                .replicas(replicas)
                .build();
    }

    @Bean
    NewTopic memberCommandsDeadLetters() {
        return TopicBuilder.name(MEMBER_COMMANDS + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }
}
