package dev.studyboard.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * api-gateway (seed 000, 4.5 external API patterns; seed 002, 4.2 interfacing with customers): the one public
 * entry. Routes and their resilience are configuration (application.yml); the classes here add what
 * configuration cannot: the 503 problem fallback, per-client rate limits, request ids and API composition.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
