package dev.studyboard.member;

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
 * member-service running on a random port (its actuator on another random one) against the shared real
 * PostgreSQL and Kafka, checking tokens against the test issuer ({@link TestIssuer}). Every test class with this
 * annotation shares one Spring context and one pair of containers.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "eureka.client.enabled=false") // no registry in these tests: discovery is the gateway's concern
@AutoConfigureRestTestClient
@Import({SharedContainers.class, TestIssuer.Properties.class})
public @interface MemberIntegrationTest {}
