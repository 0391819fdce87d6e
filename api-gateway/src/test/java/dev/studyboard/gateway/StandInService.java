package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A stand-in for a service the gateway routes to: a running WireMock server, the one instance discovery lists. */
final class StandInService extends WireMockServer {

    private final String name;

    StandInService(String name) {
        super(options().dynamicPort());
        this.name = name;
        start();
    }

    /** Lists this server as the service's instance, as Kubernetes' fixed instance lists do. */
    void listIn(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances." + name + "[0].uri", this::baseUrl);
    }
}
