package dev.studyboard.synthetic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the {@link StudyBoardJourney} against the gateway on a schedule and serves its metrics to Prometheus. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class SyntheticCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(SyntheticCheckApplication.class, args);
    }
}
