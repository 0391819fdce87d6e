package dev.studyboard.synthetic;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the synthetic journey goes: the public entry, as a user's requests would. (How often it runs,
 * {@code studyboard.synthetic.interval}, is read by the schedule itself.)
 *
 * @param gatewayUrl the gateway's base URL
 * @param once       walk once and exit with the outcome (a Kubernetes CronJob), instead of walking on a schedule
 */
@ConfigurationProperties("studyboard.synthetic")
public record SyntheticCheckProperties(URI gatewayUrl, boolean once) {}
