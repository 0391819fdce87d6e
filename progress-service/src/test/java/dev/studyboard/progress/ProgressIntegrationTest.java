package dev.studyboard.progress;

import dev.studyboard.testsupport.SharedContainers;
import dev.studyboard.testsupport.TestIssuer;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * progress-service on a random port (its actuator on another) against the shared real PostgreSQL and Kafka,
 * checking tokens of the test issuer ({@link TestIssuer#shared()}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "studyboard.consumer.retry.max-elapsed-time=1s",
            "eureka.client.enabled=false",
            "studyboard.page.heartbeat=1s" // a live board's heartbeat within a test's patience
        })
@AutoConfigureRestTestClient
@Import({SharedContainers.class, TestIssuer.Properties.class})
public @interface ProgressIntegrationTest {}
