package dev.studyboard.synthetic;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Serverless-style job: the journey walked once, at start-up, by a process that then exits, as a
 * Kubernetes CronJob runs it (k8s/base/synthetic-check). Nothing runs between two walks, and the outcome is the
 * exit code, 0 or 1, which is what Kubernetes records as the Job's success or failure: a process that is gone
 * cannot be scraped for {@code synthetic.journey.up}.
 */
@Component
@ConditionalOnBooleanProperty("studyboard.synthetic.once")
class OneWalk implements ApplicationRunner, ExitCodeGenerator {

    static final int FAILED = 1;

    private final StudyBoardJourney journey;
    private volatile boolean succeeded;

    OneWalk(StudyBoardJourney journey) {
        this.journey = journey;
    }

    @Override
    public void run(ApplicationArguments args) {
        succeeded = journey.run();
    }

    @Override
    public int getExitCode() {
        return succeeded ? 0 : FAILED;
    }
}
