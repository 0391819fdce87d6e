package dev.studyboard.synthetic;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param gatewayUrl the public entry the journey goes through, as a user's would
 * @param interval   time between two journeys
 */
@ConfigurationProperties("studyboard.synthetic")
public record SyntheticCheckProperties(URI gatewayUrl, Duration interval) {
}
