package dev.studyboard.member;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** member-service: owns the study members, the writers named in the notes. */
@SpringBootApplication
public class MemberApplication {

    public static void main(String[] args) {
        SpringApplication.run(MemberApplication.class, args);
    }

    /**
     * Ticks in microseconds, as PostgreSQL stores time: the joined and left times a client reads back and
     * the ones the events publish are then exactly the same instants.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
