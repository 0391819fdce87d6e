package dev.studyboard.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * API gateway: the one public entry, the system's interface to its clients. Routes and their resilience are
 * configuration (application.yml); the classes here add what configuration cannot: token checks at the edge,
 * the 503 problem fallback, rate limits per principal, request ids, API composition, the strangler fig's share and
 * adapter, and the system's self-description.
 */
@SpringBootApplication
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
