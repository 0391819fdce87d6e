package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Configuration")
class ConfigurationTest {

    @Nested
    @DisplayName("environment variables")
    class EnvironmentVariables {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("a service gets only variables it reads (a misspelled name would be ignored without a word)")
        void onlyVariablesTheServiceReads(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Container container = workload.mainContainer();
                Environment environment = new Environment(workload, container, overlay);
                Set<String> read = StudyBoard.variablesRead(workload.app(), environment.springProfiles());
                softly.assertThat(environment.names())
                        .as("%s sets variables that %s reads: %s", workload, workload.app(), read)
                        .isSubsetOf(read);
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("a service gets every variable its application.yml requires (a placeholder without default)")
        void everyRequiredVariable(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardWorkloads().forEach(workload -> {
                Environment environment = new Environment(workload, workload.mainContainer(), overlay);
                SpringConfig config = StudyBoard.springConfig(workload.app(), environment.springProfiles());
                softly.assertThat(environment.names())
                        .as("%s variables", workload)
                        .containsAll(config.requiredPlaceholders());
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("every service runs with the kubernetes Spring profile")
        void kubernetesProfile(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered()
                    .studyBoardWorkloads()
                    .forEach(workload -> softly.assertThat(
                                    new Environment(workload, workload.mainContainer(), overlay).springProfiles())
                            .as("%s SPRING_PROFILES_ACTIVE", workload)
                            .contains("kubernetes")));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("each service's DB_URL names its own database: database per service")
        void databasePerService(Overlay overlay) {
            assertSoftly(softly -> overlay.rendered().studyBoardServices().forEach(workload -> {
                String database =
                        StudyBoard.deployed(workload.app()).orElseThrow().database();
                Optional<String> url = new Environment(workload, workload.mainContainer(), overlay).value("DB_URL");
                if (database != null) {
                    softly.assertThat(url)
                            .as("%s DB_URL", workload)
                            .hasValueSatisfying(
                                    value -> assertThat(value).matches("jdbc:postgresql://[^/]+/" + database));
                } else {
                    softly.assertThat(url).as("%s has no database", workload).isEmpty();
                }
            }));
        }
    }

    @Nested
    @DisplayName("addresses")
    class Addresses {

        /** host:port pairs in a JDBC URL, a URL or a bootstrap server list. */
        private static final Pattern HOST_PORT = Pattern.compile("(?:^|//|,)([a-z0-9.-]+):(\\d+)");

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("an address that names a Service in the namespace uses a port that Service exposes")
        void addressesPointAtServicePorts(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.studyBoardWorkloads().forEach(workload -> {
                Environment environment = new Environment(workload, workload.mainContainer(), overlay);
                for (String variable : environment.names()) {
                    environment
                            .value(variable)
                            .ifPresent(value -> hostPorts(value)
                                    .forEach((host, port) -> rendered.find(Service.class, workload.namespace(), host)
                                            .ifPresent(service -> softly.assertThat(
                                                            service.getSpec().getPorts())
                                                    .extracting(ServicePort::getPort)
                                                    .as(
                                                            "%s %s=%s: ports of Service %s",
                                                            workload, variable, value, host)
                                                    .contains(port))));
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(value = Overlay.class, names = "LOCAL")
        @DisplayName("locally, every address is a Service of the overlay: nothing outside the cluster is needed")
        void localAddressesAreInTheCluster(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> rendered.studyBoardWorkloads().forEach(workload -> {
                Environment environment = new Environment(workload, workload.mainContainer(), overlay);
                for (String variable : environment.names()) {
                    environment
                            .value(variable)
                            .ifPresent(value -> hostPorts(value)
                                    .keySet()
                                    .forEach(host -> softly.assertThat(
                                                    rendered.find(Service.class, workload.namespace(), host))
                                            .as("%s %s=%s: Service %s", workload, variable, value, host)
                                            .isPresent()));
                }
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("api-gateway routes to every domain service by its Service name and port")
        void gatewayRoutesToServices(Overlay overlay) {
            Workload gateway = overlay.rendered().studyBoardWorkloads().stream()
                    .filter(workload -> workload.app().equals("api-gateway"))
                    .findFirst()
                    .orElseThrow();
            Environment environment = new Environment(gateway, gateway.mainContainer(), overlay);
            assertSoftly(softly -> StudyBoard.DEPLOYED.stream()
                    .filter(StudyBoard.DeployedService::behindGateway)
                    .forEach(service -> {
                        String variable = service.name().replace("-service", "").toUpperCase() + "_URL";
                        softly.assertThat(environment.value(variable))
                                .as("api-gateway %s", variable)
                                .contains("http://" + service.name() + ":" + service.port());
                    }));
        }

        private static Map<String, Integer> hostPorts(String value) {
            Map<String, Integer> hostPorts = new LinkedHashMap<>();
            Matcher matcher = HOST_PORT.matcher(value);
            while (matcher.find()) {
                hostPorts.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            }
            return hostPorts;
        }
    }

    @Nested
    @DisplayName("ConfigMaps and Secrets")
    class ConfigMapsAndSecrets {

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName(
                "every one a pod or Ingress refers to exists, with the key it reads, or is a documented external Secret")
        void everyReferenceResolves(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            Map<String, Set<String>> external = overlay.externalSecrets();
            List<Reference> references = new ArrayList<>();
            rendered.workloads().forEach(workload -> references.addAll(Reference.of(workload.pod())));
            rendered.own(Ingress.class).forEach(ingress -> references.addAll(Reference.of(ingress)));

            assertSoftly(softly -> references.stream()
                    .filter(reference -> !reference.optional())
                    .forEach(reference -> {
                        Optional<Set<String>> keys = reference.kind() == Reference.Kind.CONFIG_MAP
                                ? rendered.configMapKeys(StudyBoard.NAMESPACE, reference.name())
                                : rendered.secretKeys(StudyBoard.NAMESPACE, reference.name())
                                        .or(() -> Optional.ofNullable(external.get(reference.name())));
                        softly.assertThat(keys)
                                .as("%s %s (%s)", reference.kind(), reference.name(), reference.where())
                                .isPresent();
                        if (reference.key() != null) {
                            keys.ifPresent(present -> softly.assertThat(present)
                                    .as("keys of %s %s (%s)", reference.kind(), reference.name(), reference.where())
                                    .contains(reference.key()));
                        }
                    }));
        }

        @Test
        @DisplayName("the production overlay commits no Secret: credentials are created in the cluster")
        void productionCommitsNoSecret() {
            assertThat(Overlay.PRODUCTION.rendered().own(Secret.class)).isEmpty();
            assertThat(Overlay.PRODUCTION.externalSecrets()).isNotEmpty();
        }

        @Test
        @DisplayName("every external Secret is documented in k8s/README.md")
        void externalSecretsAreDocumented() {
            String readme = StudyBoard.readme();
            assertSoftly(softly -> Overlay.PRODUCTION.externalSecrets().forEach((name, keys) -> {
                softly.assertThat(readme)
                        .as("k8s/README.md mentions Secret %s", name)
                        .contains(name);
                keys.forEach(key -> softly.assertThat(readme)
                        .as("k8s/README.md mentions key %s of %s", key, name)
                        .contains(key));
            }));
        }
    }
}
