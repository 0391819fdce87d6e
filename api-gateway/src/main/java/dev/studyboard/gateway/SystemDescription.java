package dev.studyboard.gateway;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Self-describing system: what runs, who owns it and where its API is documented, in one answer
 * ({@code /api/system/services}, and as a page: {@code /system.html}). The services and their instances are what
 * discovery lists at this moment (Eureka's registrations in docker compose; on Kubernetes the one Service address
 * per service); owner, purpose and API document come from configuration ({@code studyboard.system.services}).
 * Of the instances it shows only how many run: their addresses are inside the network (where the services' actuator
 * answers in detail) and this answer is public. A service discovery lists but nobody configured shows up with no
 * owner, and a configured one with no instance running shows up with 0: both are worth seeing.
 */
@RestController
@Tag(name = "System", description = "What runs, who owns it, where its API is documented")
@EnableConfigurationProperties(SystemDescription.Catalogue.class)
class SystemDescription {

    /** What configuration says about each service, by its discovery name. */
    @ConfigurationProperties("studyboard.system")
    record Catalogue(Map<String, Entry> services) {

        Catalogue {
            services = services == null ? Map.of() : Map.copyOf(services);
        }

        /** {@code apiDocs}: the path of its OpenAPI document through this gateway. */
        record Entry(String owner, String purpose, String apiDocs) {}
    }

    /**
     * A service as the page shows it: {@code instances} is how many discovery lists; {@code owner}, {@code purpose}
     * and {@code apiDocs} are null if not configured.
     */
    record Service(String name, String owner, String purpose, String apiDocs, int instances) {}

    private final ReactiveDiscoveryClient discovery;
    private final Catalogue catalogue;

    SystemDescription(ReactiveDiscoveryClient discovery, Catalogue catalogue) {
        this.discovery = discovery;
        this.catalogue = catalogue;
    }

    @GetMapping("/api/system/services")
    @Operation(summary = "The services: their instances (from discovery), owners and API documents")
    Mono<List<Service>> services() {
        return Flux.concat(
                        discovery.getServices(),
                        Flux.fromIterable(catalogue.services().keySet()))
                .distinct()
                .sort()
                .concatMap(name ->
                        discovery.getInstances(name).count().map(instances -> describe(name, instances.intValue())))
                .collectList();
    }

    private Service describe(String name, int instances) {
        var entry = catalogue.services().getOrDefault(name, new Catalogue.Entry(null, null, null));
        return new Service(name, entry.owner(), entry.purpose(), entry.apiDocs(), instances);
    }
}
