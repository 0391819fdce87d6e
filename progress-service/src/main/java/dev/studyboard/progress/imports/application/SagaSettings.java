package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.domain.SagaTimeouts;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The import saga's timing ({@code studyboard.imports.*}): how long a step waits for its reply, how many times its
 * command is sent, how long the replicas may take to catch up, and how often the timer looks for due imports.
 */
@ConfigurationProperties("studyboard.imports")
public record SagaSettings(
        @DefaultValue("10s") Duration replyTimeout,
        @DefaultValue("3") int attempts,
        @DefaultValue("60s") Duration replicaTimeout,
        @DefaultValue("500ms") Duration timerInterval) {

    public SagaTimeouts timeouts() {
        return new SagaTimeouts(replyTimeout, attempts, replicaTimeout);
    }
}
