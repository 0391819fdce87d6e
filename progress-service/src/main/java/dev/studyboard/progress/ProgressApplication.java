package dev.studyboard.progress;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * progress-service: owns who writes up which section and whether it is done, and renders the study board. Its
 * features ({@code assignment}, {@code board}, {@code replica}, {@code imports}, {@code page}, {@code report}) are
 * modules, each a hexagon of its own; each one's {@code package-info} says what it may use.
 */
@SpringBootApplication
// Scheduling is the application's choice, made once here: the adapters only say what runs when (@Scheduled), the
// saga's timer and the live boards' heartbeat.
@EnableScheduling
public class ProgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgressApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
