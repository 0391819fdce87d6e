package dev.studyboard.synthetic;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the synthetic journey goes: the public entry, as a user's requests would. (How often it runs,
 * {@code studyboard.synthetic.interval}, is read by the schedule itself.)
 *
 * @param gatewayUrl the gateway's base URL
 */
@ConfigurationProperties("studyboard.synthetic")
public record SyntheticCheckProperties(URI gatewayUrl) {
}
