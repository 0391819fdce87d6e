package dev.studyboard.synthetic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Runs the {@link StudyBoardJourney} against the gateway, in one of two modes: on a schedule, a long-running
 * process that serves its metrics to Prometheus (the default), or once ({@code studyboard.synthetic.once}, the
 * {@code once} profile): one walk, then the process exits with 0 if it succeeded and 1 if it failed.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SyntheticCheckApplication {

    public static void main(String[] args) {
        var context = SpringApplication.run(SyntheticCheckApplication.class, args);
        if (context.getBean(SyntheticCheckProperties.class).once()) {
            System.exit(SpringApplication.exit(context)); // the exit code is OneWalk's
        }
    }

    /** The schedule, only in the long-running mode. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnBooleanProperty(name = "studyboard.synthetic.once", havingValue = false, matchIfMissing = true)
    static class OnSchedule {}
}
