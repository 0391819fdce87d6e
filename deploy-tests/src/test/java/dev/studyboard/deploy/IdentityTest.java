package dev.studyboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Identity and access on Kubernetes: the auth-server, the issuer every resource server expects, and where the
 * secrets come from (demo-only files locally, Secrets made outside the repository in production).
 */
@DisplayName("Identity and access")
class IdentityTest {

    static final String AUTH_SERVER = "auth-server";

    /** The Secrets the identity part reads, with exactly the keys the pods read from them. */
    static final Map<String, Set<String>> IDENTITY_SECRETS = Map.of(
            "auth-db", Set.of("username", "password"),
            "auth-server-signing-key",
                    Set.of("AUTH_SIGNING_KEY_ID", "AUTH_SIGNING_PRIVATE_KEY", "AUTH_SIGNING_PUBLIC_KEY"),
            "auth-clients", Set.of("DEMO_LOADER_CLIENT_SECRET", "SYNTHETIC_CHECK_CLIENT_SECRET", "WEB_CLIENT_SECRET"),
            "auth-accounts", Set.of("SPRING_APPLICATION_JSON"));

    /** The Secrets mounted as files into the auth-server's configtree directory. */
    static final Set<String> MOUNTED_AS_FILES = Set.of("auth-server-signing-key", "auth-clients");

    static final Path LOCAL_DEMO_SECRETS = StudyBoard.K8S.resolve("overlays/local/demo-only-secrets");

    /** Variable names that say "a secret": such a value never sits in a manifest or a ConfigMap. */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|PRIVATE_KEY|CREDENTIAL).*");

    private static Workload authServer(Overlay overlay) {
        return overlay.rendered().studyBoardServices().stream()
                .filter(workload -> workload.app().equals(AUTH_SERVER))
                .findFirst()
                .orElseThrow(() -> new AssertionError(overlay + " deploys no " + AUTH_SERVER));
    }

    private static Environment environment(Workload workload, Overlay overlay) {
        return new Environment(workload, workload.mainContainer(), overlay);
    }

    @Nested
    @DisplayName("the auth-server")
    class TheAuthServer {

        @Test
        @DisplayName("runs at least two pods in production (its autoscaler's minimum): a login survives losing one")
        void twoReplicas() {
            HorizontalPodAutoscaler autoscaler =
                    Overlay.PRODUCTION.rendered().own(HorizontalPodAutoscaler.class).stream()
                            .filter(hpa ->
                                    hpa.getSpec().getScaleTargetRef().getName().equals(AUTH_SERVER))
                            .findFirst()
                            .orElseThrow();

            assertThat(autoscaler.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("issues its tokens under its public URL, the host of its own Ingress (https where that has TLS)")
        void issuerIsThePublicUrl(Overlay overlay) {
            Ingress ingress = overlay.rendered().own(Ingress.class).stream()
                    .filter(candidate -> candidate.getSpec().getRules().stream()
                            .flatMap(rule -> rule.getHttp().getPaths().stream())
                            .anyMatch(path ->
                                    path.getBackend().getService().getName().equals(AUTH_SERVER)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no Ingress routes to " + AUTH_SERVER));
            String host = ingress.getSpec().getRules().stream()
                    .map(IngressRule::getHost)
                    .filter(Objects::nonNull)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("the auth-server's Ingress names no host"));
            boolean tls = ingress.getSpec().getTls().stream()
                    .anyMatch(entry -> entry.getHosts().contains(host));

            assertThat(environment(authServer(overlay), overlay).value("AUTH_ISSUER"))
                    .contains((tls ? "https://" : "http://") + host);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "reads its signing key and client secrets as files: the Secrets mounted read-only where it imports a configtree")
        void secretsAsFiles(Overlay overlay) {
            Workload workload = authServer(overlay);
            Container container = workload.mainContainer();
            VolumeMount mount = container.getVolumeMounts().stream()
                    .filter(candidate -> candidate.getMountPath().equals(StudyBoard.SECRETS_DIR))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("nothing is mounted at " + StudyBoard.SECRETS_DIR));
            Volume volume = workload.pod().getVolumes().stream()
                    .filter(candidate -> candidate.getName().equals(mount.getName()))
                    .findFirst()
                    .orElseThrow();
            Set<String> secrets = volume.getProjected().getSources().stream()
                    .map(VolumeProjection::getSecret)
                    .filter(Objects::nonNull)
                    .map(projection -> projection.getName())
                    .collect(Collectors.toSet());

            assertThat(mount.getReadOnly()).isTrue();
            assertThat(secrets).isEqualTo(MOUNTED_AS_FILES);
            assertThat(environment(workload, overlay).names())
                    .as("no secret of these in the environment too")
                    .doesNotContainAnyElementsOf(keys(overlay, MOUNTED_AS_FILES));
            SpringConfig config = StudyBoard.springConfig(
                    AUTH_SERVER, environment(workload, overlay).springProfiles());
            assertThat(config.imports())
                    .as("the auth-server's spring.config.import")
                    .anySatisfy(location -> assertThat(location)
                            .startsWith("optional:configtree:")
                            .contains(StudyBoard.SECRETS_DIR));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("reads every key of the mounted Secrets as a property (a misspelled file would be ignored)")
        void everyMountedKeyIsRead(Overlay overlay) {
            Workload workload = authServer(overlay);
            Set<String> read = StudyBoard.variablesRead(
                    AUTH_SERVER, environment(workload, overlay).springProfiles());

            assertThat(keys(overlay, MOUNTED_AS_FILES)).isNotEmpty().isSubsetOf(read);
        }
    }

    @Nested
    @DisplayName("the resource servers")
    class TheResourceServers {

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "expect the auth-server's issuer and fetch its keys from its in-cluster Service, not through the Ingress")
        void sameIssuerInternalKeys(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            Optional<String> issuer = environment(authServer(overlay), overlay).value("AUTH_ISSUER");
            Service service = rendered.find(Service.class, StudyBoard.NAMESPACE, AUTH_SERVER)
                    .orElseThrow();
            int port = service.getSpec().getPorts().get(0).getPort();
            List<Workload> resourceServers = rendered.studyBoardServices().stream()
                    .filter(workload -> StudyBoard.RESOURCE_SERVERS.contains(workload.app()))
                    .toList();

            assertThat(issuer).isPresent();
            assertThat(resourceServers)
                    .extracting(Workload::app)
                    .containsExactlyInAnyOrderElementsOf(StudyBoard.RESOURCE_SERVERS);
            assertSoftly(softly -> resourceServers.forEach(workload -> {
                Environment environment = environment(workload, overlay);
                softly.assertThat(environment.value("AUTH_ISSUER"))
                        .as("%s AUTH_ISSUER", workload)
                        .isEqualTo(issuer);
                softly.assertThat(environment.value("AUTH_JWK_SET_URI"))
                        .as("%s AUTH_JWK_SET_URI", workload)
                        .contains("http://" + AUTH_SERVER + ":" + port + "/oauth2/jwks");
            }));
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName("send Swagger UI's browser to log in at the issuer, the auth-server's public URL")
        void swaggerLogsInAtTheIssuer(Overlay overlay) {
            Workload gateway = overlay.rendered().studyBoardServices().stream()
                    .filter(workload -> workload.app().equals("api-gateway"))
                    .findFirst()
                    .orElseThrow();

            assertThat(environment(gateway, overlay).value("AUTH_PUBLIC_URL"))
                    .isPresent()
                    .isEqualTo(environment(authServer(overlay), overlay).value("AUTH_ISSUER"));
        }
    }

    @Nested
    @DisplayName("the board's sign-in at the gateway (backend for frontend, client study-board-web)")
    class TheBoardsSignIn {

        private Workload gateway(Overlay overlay) {
            return overlay.rendered().studyBoardServices().stream()
                    .filter(workload -> workload.app().equals("api-gateway"))
                    .findFirst()
                    .orElseThrow();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "the gateway holds the client secret the auth-server reads: the same key of the auth-clients Secret")
        void sameSecret(Overlay overlay) {
            EnvVar secret = gateway(overlay).mainContainer().getEnv().stream()
                    .filter(env -> env.getName().equals("WEB_CLIENT_SECRET"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("api-gateway has no WEB_CLIENT_SECRET"));

            assertThat(secret.getValueFrom().getSecretKeyRef().getName()).isEqualTo("auth-clients");
            assertThat(secret.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("WEB_CLIENT_SECRET");
            assertThat(keys(overlay, MOUNTED_AS_FILES))
                    .as("the auth-server's secret files")
                    .contains("WEB_CLIENT_SECRET");
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(
                value = Overlay.class,
                names = {"LOCAL", "PRODUCTION"})
        @DisplayName(
                "the gateway fetches tokens from the in-cluster Service, and the auth-server sends the browser back"
                        + " to the gateway's public URL, its cookies Secure where that is https")
        void addresses(Overlay overlay) {
            Environment gateway = environment(gateway(overlay), overlay);
            Environment authServer = environment(authServer(overlay), overlay);
            String publicUrl = gateway.value("GATEWAY_PUBLIC_URL").orElseThrow();

            assertThat(gateway.value("AUTH_TOKEN_URI")).hasValue("http://" + AUTH_SERVER + ":9000/oauth2/token");
            assertThat(authServer.value("WEB_REDIRECT_URIS")).hasValue(publicUrl + "/login/oauth2/code/study-board");
            assertThat(authServer.value("WEB_POST_LOGOUT_REDIRECT_URIS")).hasValue(publicUrl + "/");
            assertThat(gateway.value("GATEWAY_SECURE_COOKIES"))
                    .hasValue(String.valueOf(publicUrl.startsWith("https://")));
        }
    }

    @Nested
    @DisplayName("the secrets")
    class TheSecrets {

        @Test
        @DisplayName("are generated by the local overlay, with exactly the keys the pods read")
        void localGeneratesThem() {
            Rendered rendered = Overlay.LOCAL.rendered();

            IDENTITY_SECRETS.forEach((name, keys) -> assertThat(rendered.secretKeys(StudyBoard.NAMESPACE, name))
                    .as("Secret %s in the local overlay", name)
                    .contains(keys));
        }

        @Test
        @DisplayName(
                "of the local overlay are the committed DEMO ONLY key pair, demo-only client secrets and passwords")
        void localOnesAreDemoOnly() {
            Map<String, String> signingKey = decoded("auth-server-signing-key");
            Map<String, String> clients = decoded("auth-clients");

            assertThat(signingKey.get("AUTH_SIGNING_PRIVATE_KEY"))
                    .startsWith("-----BEGIN PRIVATE KEY-----")
                    .isEqualTo(read(LOCAL_DEMO_SECRETS.resolve("demo-only-signing-key.pem")));
            assertThat(signingKey.get("AUTH_SIGNING_PUBLIC_KEY"))
                    .startsWith("-----BEGIN PUBLIC KEY-----")
                    .isEqualTo(read(LOCAL_DEMO_SECRETS.resolve("demo-only-signing-key.pub.pem")));
            assertThat(signingKey.get("AUTH_SIGNING_KEY_ID")).contains("demo-only");
            assertThat(clients.values())
                    .isNotEmpty()
                    .allSatisfy(secret -> assertThat(secret).startsWith("demo-only"));
            assertThat(read(LOCAL_DEMO_SECRETS.resolve("README.md"))).contains("DEMO ONLY");
        }

        @Test
        @DisplayName("of the local overlay create the demo accounts: the three writers as members, and one organizer")
        @SuppressWarnings("unchecked")
        void localDemoAccounts() {
            Map<String, Object> json = new Yaml().load(decoded("auth-accounts").get("SPRING_APPLICATION_JSON"));
            List<Map<String, Object>> accounts = (List<Map<String, Object>>)
                    ((Map<String, Object>) ((Map<String, Object>) json.get("studyboard")).get("auth")).get("accounts");

            assertThat(accounts)
                    .extracting(account -> account.get("username"), account -> account.get("display-name"))
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("sanggyeong", "이상경"),
                            org.assertj.core.groups.Tuple.tuple("sangcho", "김상초"),
                            org.assertj.core.groups.Tuple.tuple("taehyun", "김태현"),
                            org.assertj.core.groups.Tuple.tuple("organizer", "스터디 운영자"));
            assertThat(accounts).allSatisfy(account -> {
                assertThat((List<String>) account.get("roles")).contains("member");
                assertThat((String) account.get("password")).startsWith("demo-only");
            });
            assertThat(accounts)
                    .filteredOn(account -> ((List<String>) account.get("roles")).contains("organizer"))
                    .extracting(account -> account.get("username"))
                    .containsExactly("organizer");
        }

        @Test
        @DisplayName(
                "are not in the production overlay: its external-secrets.txt names each, with the keys the pods read")
        void productionExpectsThem() {
            Set<String> rendered = Overlay.PRODUCTION.rendered().own(Secret.class).stream()
                    .map(secret -> secret.getMetadata().getName())
                    .collect(Collectors.toSet());

            assertThat(rendered).doesNotContainAnyElementsOf(IDENTITY_SECRETS.keySet());
            assertThat(Overlay.PRODUCTION.externalSecrets()).containsAllEntriesOf(IDENTITY_SECRETS);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(Overlay.class)
        @DisplayName("never sit in a manifest: a secret variable comes from a Secret, never a literal or a ConfigMap")
        void noLiteralSecret(Overlay overlay) {
            Rendered rendered = overlay.rendered();
            assertSoftly(softly -> {
                rendered.workloads()
                        .forEach(workload -> workload.allContainers().forEach(container -> {
                            for (EnvVar env : container.getEnv()) {
                                String what = workload + " env " + env.getName();
                                if (SECRET_NAME.matcher(env.getName()).matches()) {
                                    softly.assertThat(
                                                    env.getValueFrom() == null
                                                            ? null
                                                            : env.getValueFrom().getSecretKeyRef())
                                            .as("%s comes from a Secret", what)
                                            .isNotNull();
                                }
                                softly.assertThat(Objects.requireNonNullElse(env.getValue(), ""))
                                        .as("%s literal value", what)
                                        .doesNotContain("PRIVATE KEY")
                                        .doesNotContain("\"password\"");
                            }
                        }));
                rendered.own(ConfigMap.class)
                        .forEach(configMap -> configMap.getData().forEach((key, value) -> {
                            String what = "ConfigMap " + configMap.getMetadata().getName() + " " + key;
                            softly.assertThat(key).as(what).doesNotMatch(SECRET_NAME);
                            softly.assertThat(value).as(what).doesNotContain("PRIVATE KEY");
                        }));
            });
        }
    }

    /** The keys of these Secrets: rendered by the overlay, or listed in its external-secrets.txt. */
    private static Set<String> keys(Overlay overlay, Set<String> secrets) {
        Set<String> keys = new TreeSet<>();
        for (String name : secrets) {
            keys.addAll(overlay.rendered()
                    .secretKeys(StudyBoard.NAMESPACE, name)
                    .orElseGet(() -> overlay.externalSecrets().getOrDefault(name, Set.of())));
        }
        return keys;
    }

    private static Map<String, String> decoded(String secret) {
        Secret found = Overlay.LOCAL
                .rendered()
                .find(Secret.class, StudyBoard.NAMESPACE, secret)
                .orElseThrow(() -> new AssertionError("no Secret " + secret + " in the local overlay"));
        return found.getData().entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        entry -> new String(Base64.getMimeDecoder().decode(entry.getValue()), StandardCharsets.UTF_8)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
