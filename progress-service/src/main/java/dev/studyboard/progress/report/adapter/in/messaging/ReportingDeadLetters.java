package dev.studyboard.progress.report.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Where a progress event the pump cannot apply ends up: {@code progress.events.dlt}. The pump is the only reader of
 * {@code progress.events} that dead-letters, so the topic is declared here ({@code member.events.dlt} is the
 * replicas', ConsumedTopics).
 */
@Configuration(proxyBeanMethods = false)
class ReportingDeadLetters {

    /**
     * The counter DeadLetterHandling increments. Not its constant: that is the replica module's own, and report may
     * use no other module (package-info).
     */
    private static final String DEAD_LETTERED = "progress.events.dead.lettered";

    @Bean
    NewTopic progressEventsDeadLetterTopic(
            @Value("${studyboard.outbox.topic}") String topic,
            @Value("${studyboard.topics.replicas:1}") short replicas,
            MeterRegistry meters) {
        meters.counter(DEAD_LETTERED, "topic", topic); // at 0 from the start, for the alert
        return TopicBuilder.name(topic + DeadLetters.SUFFIX)
                .partitions(1)
                .replicas(replicas)
                .build();
    }
}
