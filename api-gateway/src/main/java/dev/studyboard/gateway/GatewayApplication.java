package dev.studyboard.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.loadbalancer.annotation.LoadBalancerClients;

/**
 * API gateway: the one public entry, the system's interface to its clients. Routes and their resilience are
 * configuration (application.yml); the classes here add what configuration cannot: token checks at the edge,
 * the 503 problem fallback, rate limits per principal, request ids, API composition, the strangler fig's share and
 * adapter, the system's self-description, and retries that go to another instance.
 */
@SpringBootApplication
// Every service's load balancer (the lb:// routes and the composition's client): a retry goes to an instance it
// has not tried yet.
@LoadBalancerClients(defaultConfiguration = UntriedInstances.InEveryService.class)
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
