package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml and its Prometheus, read as files (`docker compose config -q` checks the syntax): the same rules
 * as on Kubernetes, actuator off the public path and one issuer for every resource server.
 */
@DisplayName("docker compose")
class ComposeTest {

    private static final Path COMPOSE = StudyBoard.ROOT.resolve("docker-compose.yml");
    private static final Path PROMETHEUS = StudyBoard.ROOT.resolve("monitoring/prometheus/prometheus.yml");

    /** The API port each process may publish on the host; every other Study Board process publishes nothing. */
    private static final Map<String, Integer> PUBLISHED = Map.of("api-gateway", 8080, "auth-server", 9000);

    /** Management ports: the deployed services', and the synthetic check's (a long-running process in compose). */
    private static final Map<String, Integer> MANAGEMENT_PORTS = managementPorts();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        Map<String, Object> compose = new Yaml().load(read(COMPOSE));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    /** The services built from this repository (studyboard/... images). */
    private static Map<String, Map<String, Object>> studyBoardServices() {
        return services().entrySet().stream()
                .filter(entry -> String.valueOf(entry.getValue().get("image")).startsWith("studyboard/"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String service) {
        return (Map<String, Object>) services().get(service).getOrDefault("environment", Map.of());
    }

    @Nested
    @DisplayName("actuator off the public path")
    class Actuator {

        @Test
        @DisplayName("publishes the gateway's and the auth-server's API ports only, never a management port")
        void publishesApiPortsOnly() {
            assertSoftly(softly -> studyBoardServices().forEach((name, service) -> {
                List<?> ports = (List<?>) service.getOrDefault("ports", List.of());
                Set<Integer> targets = ports.stream()
                        .map(port -> String.valueOf(port).replaceAll(".*:", ""))
                        .map(Integer::valueOf)
                        .collect(Collectors.toSet());
                softly.assertThat(targets)
                        .as("container ports %s publishes", name)
                        .isEqualTo(PUBLISHED.containsKey(name) ? Set.of(PUBLISHED.get(name)) : Set.of());
            }));
        }

        @Test
        @DisplayName("asks each process's readiness on its management port")
        @SuppressWarnings("unchecked")
        void healthchecksUseTheManagementPort() {
            Map<String, Map<String, Object>> services = studyBoardServices();
            assertThat(services).containsKeys(MANAGEMENT_PORTS.keySet().toArray(String[]::new));
            assertSoftly(softly -> MANAGEMENT_PORTS.forEach((name, port) -> {
                Map<String, Object> healthcheck =
                        (Map<String, Object>) services.get(name).get("healthcheck");
                softly.assertThat(healthcheck == null ? List.of() : (List<String>) healthcheck.get("test"))
                        .as("%s healthcheck", name)
                        .contains("http://localhost:" + port + "/actuator/health/readiness");
            }));
        }

        @Test
        @DisplayName(
                "Prometheus scrapes the management ports: Eureka's instances at the port they register, the others by name")
        @SuppressWarnings("unchecked")
        void prometheusScrapesManagementPorts() {
            String prometheus = read(PROMETHEUS);
            Map<String, Object> config = new Yaml().load(prometheus);
            Set<String> staticTargets = ((List<Map<String, Object>>) config.get("scrape_configs"))
                    .stream()
                            .flatMap(job -> ((List<Map<String, Object>>) job.getOrDefault("static_configs", List.of()))
                                    .stream())
                            .flatMap(group -> ((List<String>) group.get("targets")).stream())
                            .collect(Collectors.toSet());
            String observability = read(StudyBoard.ROOT.resolve(
                    "platform/observability/src/main/resources/" + ObservabilityImportTest.SHARED));

            assertThat(staticTargets)
                    .contains(
                            "auth-server:" + MANAGEMENT_PORTS.get("auth-server"),
                            "synthetic-check:" + MANAGEMENT_PORTS.get("synthetic-check"));
            assertThat(prometheus).contains("__meta_eureka_app_instance_metadata_management_port");
            assertThat(observability)
                    .as("every process registers its management port")
                    .contains("management_port:");
        }
    }

    @Nested
    @DisplayName("identity")
    class Identity {

        @Test
        @DisplayName(
                "every resource server expects the auth-server's issuer, its public URL, and fetches the keys on the compose network")
        void oneIssuer() {
            Object issuer = environment("auth-server").get("AUTH_ISSUER");
            List<?> published = (List<?>) services().get("auth-server").get("ports");

            assertThat(String.valueOf(issuer)).startsWith("http://localhost:");
            assertThat(String.valueOf(published.get(0)))
                    .as("the issuer's port is the one published")
                    .startsWith(String.valueOf(issuer).substring("http://localhost:".length()) + ":");
            assertSoftly(softly -> StudyBoard.RESOURCE_SERVERS.forEach(name -> {
                softly.assertThat(environment(name).get("AUTH_ISSUER"))
                        .as("%s AUTH_ISSUER", name)
                        .isEqualTo(issuer);
                softly.assertThat(environment(name).get("AUTH_JWK_SET_URI"))
                        .as("%s AUTH_JWK_SET_URI", name)
                        .isEqualTo("http://auth-server:9000/oauth2/jwks");
            }));
            assertThat(environment("api-gateway").get("AUTH_PUBLIC_URL")).isEqualTo(issuer);
        }

        @Test
        @DisplayName(
                "the machine clients get their tokens on the compose network, with the secret the auth-server registers")
        void machineClients() {
            assertSoftly(softly -> Map.of(
                            "demo-loader", "DEMO_LOADER_CLIENT_SECRET",
                            "synthetic-check", "SYNTHETIC_CHECK_CLIENT_SECRET")
                    .forEach((client, secret) -> {
                        softly.assertThat(environment(client).get("AUTH_TOKEN_URI"))
                                .as("%s AUTH_TOKEN_URI", client)
                                .isEqualTo("http://auth-server:9000/oauth2/token");
                        softly.assertThat(environment(client).get(secret))
                                .as("%s %s", client, secret)
                                .isNotNull()
                                .isEqualTo(environment("auth-server").get(secret));
                        softly.assertThat(String.valueOf(environment(client).get(secret)))
                                .as("its default is labelled")
                                .contains("demo-only");
                    }));
        }

        @Test
        @DisplayName("the gateway signs people in to the board with the secret the auth-server registers, fetches the"
                + " tokens on the compose network, and is sent back where the auth-server expects it")
        void boardSignIn() {
            Map<String, Object> gateway = environment("api-gateway");
            Map<String, Object> authServer = environment("auth-server");
            String publicUrl = String.valueOf(gateway.get("GATEWAY_PUBLIC_URL"));

            assertThat(gateway.get("WEB_CLIENT_SECRET")).isNotNull().isEqualTo(authServer.get("WEB_CLIENT_SECRET"));
            assertThat(String.valueOf(gateway.get("WEB_CLIENT_SECRET"))).contains("demo-only");
            assertThat(gateway.get("AUTH_TOKEN_URI")).isEqualTo("http://auth-server:9000/oauth2/token");
            assertThat(publicUrl).startsWith("http://localhost:");
            assertThat(authServer.get("WEB_REDIRECT_URIS")).isEqualTo(publicUrl + "/login/oauth2/code/study-board");
            assertThat(authServer.get("WEB_POST_LOGOUT_REDIRECT_URIS")).isEqualTo(publicUrl + "/");
        }

        @Test
        @DisplayName(
                "the auth-server's signing key pair comes as secret files, the DEMO ONLY pair of demo-secrets/ by default")
        @SuppressWarnings("unchecked")
        void signingKeyAsFiles() {
            Map<String, Object> compose = new Yaml().load(read(COMPOSE));
            Map<String, Map<String, String>> secrets = (Map<String, Map<String, String>>) compose.get("secrets");
            List<Map<String, String>> mounted =
                    (List<Map<String, String>>) services().get("auth-server").get("secrets");

            assertThat(mounted)
                    .extracting(secret -> secret.get("target"))
                    .containsExactlyInAnyOrder("AUTH_SIGNING_PRIVATE_KEY", "AUTH_SIGNING_PUBLIC_KEY");
            assertThat(mounted).allSatisfy(secret -> {
                String file = secrets.get(secret.get("source")).get("file");
                String demoDefault = file.replaceFirst("^\\$\\{[A-Z_]+:-(.*)}$", "$1");
                assertThat(demoDefault).startsWith("./demo-secrets/demo-only-");
                assertThat(read(StudyBoard.ROOT.resolve(demoDefault))).startsWith("-----BEGIN ");
            });
            assertThat(read(StudyBoard.ROOT.resolve("demo-secrets/README.md"))).contains("DEMO ONLY");
            assertThat(String.valueOf(environment("auth-server").get("DEMO_PASSWORD")))
                    .contains("demo-only");
        }
    }

    private static Map<String, Integer> managementPorts() {
        Map<String, Integer> ports = StudyBoard.DEPLOYED.stream()
                .collect(Collectors.toMap(
                        StudyBoard.DeployedService::name,
                        StudyBoard.DeployedService::managementPort,
                        (a, b) -> a,
                        TreeMap::new));
        ports.put("synthetic-check", 9091);
        return ports;
    }

    private static String read(Path file) {
        try {
            return Files.readString(Objects.requireNonNull(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
