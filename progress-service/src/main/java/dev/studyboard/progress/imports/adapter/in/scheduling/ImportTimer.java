package dev.studyboard.progress.imports.adapter.in.scheduling;

import dev.studyboard.progress.imports.application.DueImports;
import dev.studyboard.progress.imports.application.SagaSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The saga's clock: every {@code studyboard.imports.timer-interval} it moves the due imports on (overdue replies,
 * replicas to look at). An inbound adapter like a listener, driven by time instead of messages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SagaSettings.class)
class ImportTimer {

    private final DueImports due;

    ImportTimer(DueImports due) {
        this.due = due;
    }

    @Scheduled(fixedDelayString = "${studyboard.imports.timer-interval:500ms}")
    void tick() {
        due.run();
    }
}
