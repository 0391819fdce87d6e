package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/** A stand-in for a service the gateway routes to: a running WireMock server, an instance discovery lists. */
final class StandInService extends WireMockServer {

    private final String name;
    private final int index;

    /** The service's one instance. */
    StandInService(String name) {
        this(name, 0, options().dynamicPort());
    }

    private StandInService(String name, int index, WireMockConfiguration options) {
        super(options);
        this.name = name;
        this.index = index;
        start();
    }

    /**
     * Instance number {@code index} of a service run as several replicas. Its port is fixed, so that after
     * {@link #stop()} it {@link #start() starts} again at the address discovery lists, as a restarted instance does.
     */
    static StandInService replica(String name, int index) {
        return new StandInService(name, index, options().port(TestSocketUtils.findAvailableTcpPort()));
    }

    /** Lists this server as an instance of the service, as Kubernetes' fixed instance lists do. */
    void listIn(DynamicPropertyRegistry registry) {
        var url = baseUrl();
        registry.add("spring.cloud.discovery.client.simple.instances." + name + "[" + index + "].uri", () -> url);
    }
}
