package dev.studyboard.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.TopicBuilder;

/** A minimal service that has nothing but the outbox, for testing the relay on its own. */
@SpringBootApplication
class OutboxTestApplication {

    static final String TOPIC = "outbox.test.events";

    @Bean
    NewTopic testTopic() {
        return TopicBuilder.name(TOPIC).partitions(6).replicas(1).build();
    }
}
