package dev.studyboard.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The project's conventions that the manifests must follow (k8s/README.md describes them for people). */
final class StudyBoard {

    static final Path ROOT = findRoot();
    static final Path K8S = ROOT.resolve("k8s");
    static final String NAMESPACE = "studyboard";

    /** The label every pod carries with the name of the service (or database, or broker) it runs. */
    static final String NAME_LABEL = "app.kubernetes.io/name";

    /** The images the build produces: studyboard/&lt;module&gt;:&lt;version&gt;, with or without a registry. */
    static final Pattern STUDY_BOARD_IMAGE =
            Pattern.compile("^(?:(?<registry>[^/]+)/)?studyboard/(?<module>[a-z0-9-]+)(?::(?<tag>[\\w.-]+))?$");

    /**
     * A deployed service: its module name (= image name = Service name), the container port of its API, the port of
     * its actuator (management.server.port: probes and metrics, never routed or published), its own database if it has
     * one, and whether api-gateway routes to it.
     */
    record DeployedService(String name, int port, int managementPort, String database, boolean behindGateway) {

        boolean ownsDatabase() {
            return database != null;
        }
    }

    static final List<DeployedService> DEPLOYED = List.of(
            new DeployedService("api-gateway", 8080, 9080, null, false),
            new DeployedService("auth-server", 9000, 9001, "auth", false),
            new DeployedService("catalog-service", 8081, 9081, "catalog", true),
            new DeployedService("member-service", 8082, 9082, "member", true),
            new DeployedService("progress-service", 8083, 9083, "progress", true));

    /** The name of the container port that serves actuator, apart from the API. */
    static final String MANAGEMENT_PORT_NAME = "management";

    /** The OAuth2 resource servers: they validate the auth-server's tokens themselves (defence in depth). */
    static final Set<String> RESOURCE_SERVERS =
            Set.of("api-gateway", "catalog-service", "member-service", "progress-service");

    /** The directory the auth-server reads its secrets from, one file per property (configtree). */
    static final String SECRETS_DIR = "/run/secrets";

    /**
     * Modules of the build that are not deployed to Kubernetes. discovery-server is Eureka: on Kubernetes the
     * platform does discovery (Services + DNS) and the `kubernetes` profile switches the Eureka client off.
     */
    static final Set<String> NOT_DEPLOYED = Set.of("discovery-server");

    /** Variables the JVM or Spring Boot read by themselves, whatever the application.yml says. */
    static final Set<String> READ_BY_THE_PLATFORM =
            Set.of("SPRING_PROFILES_ACTIVE", "SPRING_APPLICATION_JSON", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    /**
     * What each service reads while its application.yml is not written yet: the conventions in k8s/README.md.
     * Once the file exists, its ${NAME} / ${NAME:default} placeholders are the truth instead.
     */
    private static final Set<String> DOMAIN_SERVICE_VARIABLES = Set.of(
            "PORT",
            "MANAGEMENT_PORT",
            "ZIPKIN_ENDPOINT",
            "DB_URL",
            "DB_USER",
            "DB_PASSWORD",
            "KAFKA_BOOTSTRAP_SERVERS",
            "KAFKA_TOPIC_PARTITIONS",
            "KAFKA_TOPIC_REPLICAS",
            "AUTH_ISSUER",
            "AUTH_JWK_SET_URI");

    private static final Map<String, Set<String>> CONVENTIONAL_VARIABLES = Map.of(
            "api-gateway",
            Set.of(
                    "PORT",
                    "MANAGEMENT_PORT",
                    "ZIPKIN_ENDPOINT",
                    "CATALOG_URL",
                    "MEMBER_URL",
                    "PROGRESS_URL",
                    "AUTH_ISSUER",
                    "AUTH_JWK_SET_URI",
                    "AUTH_PUBLIC_URL",
                    "GATEWAY_TRUSTED_PROXIES"),
            "auth-server",
            Set.of(
                    "PORT",
                    "MANAGEMENT_PORT",
                    "ZIPKIN_ENDPOINT",
                    "DB_URL",
                    "DB_USER",
                    "DB_PASSWORD",
                    "AUTH_ISSUER",
                    "SWAGGER_REDIRECT_URIS",
                    "AUTH_SIGNING_KEY_ID",
                    "AUTH_SIGNING_PRIVATE_KEY",
                    "AUTH_SIGNING_PUBLIC_KEY",
                    "DEMO_LOADER_CLIENT_SECRET",
                    "SYNTHETIC_CHECK_CLIENT_SECRET"),
            "catalog-service",
            DOMAIN_SERVICE_VARIABLES,
            "member-service",
            DOMAIN_SERVICE_VARIABLES,
            "progress-service",
            DOMAIN_SERVICE_VARIABLES);

    /** Spring's default timeout-per-shutdown-phase: how long graceful shutdown may take after SIGTERM. */
    static final int SPRING_SHUTDOWN_PHASE_SECONDS = 30;

    private StudyBoard() {}

    static Optional<DeployedService> deployed(String name) {
        return DEPLOYED.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    /** The modules listed in the root pom.xml. */
    static List<String> modules() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document pom =
                    factory.newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
            NodeList modules = pom.getElementsByTagName("module");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < modules.getLength(); i++) {
                names.add(modules.item(i).getTextContent().trim());
            }
            return names;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the modules of " + ROOT.resolve("pom.xml"), e);
        }
    }

    /**
     * The service's Spring configuration for the given active profiles (empty if not written yet), with the files
     * it imports from its own resources or from the platform modules it depends on.
     */
    static SpringConfig springConfig(String service, List<String> profiles) {
        List<Path> classpath = new ArrayList<>(List.of(ROOT.resolve(service).resolve("src/main/resources")));
        try (var platform = Files.list(ROOT.resolve("platform"))) {
            platform.map(module -> module.resolve("src/main/resources"))
                    .sorted()
                    .forEach(classpath::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return SpringConfig.load(classpath, profiles);
    }

    /** Every environment variable the service reads: its placeholders, or the convention, plus the platform's. */
    static Set<String> variablesRead(String service, List<String> profiles) {
        SpringConfig config = springConfig(service, profiles);
        Set<String> read = new TreeSet<>(READ_BY_THE_PLATFORM);
        read.addAll(config.exists() ? config.placeholders() : CONVENTIONAL_VARIABLES.getOrDefault(service, Set.of()));
        return read;
    }

    /**
     * The Secrets an overlay refers to but does not contain (its external-secrets.txt), by name, with the keys
     * the manifests read. They are created in the cluster by other means; k8s/README.md explains how.
     */
    static Map<String, Set<String>> externalSecrets(Path overlayDir) {
        Path list = overlayDir.resolve("external-secrets.txt");
        if (!Files.exists(list)) {
            return Map.of();
        }
        try {
            Map<String, Set<String>> secrets = new LinkedHashMap<>();
            for (String line : Files.readAllLines(list)) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                List<String> words = List.of(content.split("\\s+"));
                secrets.put(words.get(0), Set.copyOf(words.subList(1, words.size())));
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readme() {
        try {
            return Files.readString(K8S.resolve("README.md"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The studyboard module an image was built from, if it is one of ours. */
    static Optional<String> moduleOfImage(String image) {
        Matcher matcher = STUDY_BOARD_IMAGE.matcher(image);
        return matcher.matches() ? Optional.of(matcher.group("module")) : Optional.empty();
    }

    static Set<String> deployedNames() {
        return DEPLOYED.stream().map(DeployedService::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Surefire runs in deploy-tests/; walk up to the directory that holds k8s/ and the root pom. */
    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no k8s/ directory above " + Path.of("").toAbsolutePath());
    }
}
