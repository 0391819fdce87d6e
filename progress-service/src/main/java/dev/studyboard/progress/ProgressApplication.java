package dev.studyboard.progress;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * progress-service: owns who writes up which section and whether it is done, and renders the study board. Its
 * features ({@code assignment}, {@code board}, {@code replica}, {@code imports}, {@code page}) are modules, each a
 * hexagon of its own; each one's {@code package-info} says what it may use.
 */
@SpringBootApplication
public class ProgressApplication {

    public static void main(String[] args) {
        SpringApplication.run(ProgressApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
