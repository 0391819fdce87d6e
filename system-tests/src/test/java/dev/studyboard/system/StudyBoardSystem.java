package dev.studyboard.system;

import dev.studyboard.demo.ClientCredentials;
import dev.studyboard.system.RunningService.Launch;
import dev.studyboard.testsupport.BrowserlessLogin;
import dev.studyboard.testsupport.SharedContainers;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The auth-server, catalog-service, member-service and progress-service as separate processes, each with its own
 * database in one PostgreSQL server, the three services on one Kafka, all sending their spans to one Zipkin:
 * started once for every system test, stopped with the JVM. Every service checks tokens against the real
 * auth-server: the issuer it expects and the keys it fetches are that server's.
 */
final class StudyBoardSystem {

    static final GenericContainer<?> ZIPKIN =
            new GenericContainer<>("openzipkin/zipkin:3").withExposedPorts(9411).waitingFor(Wait.forHttp("/health"));

    /** The key id of the auth-server's signing key, made for this run (never a committed key). */
    static final String KEY_ID = "system-test-key";

    /** The machine clients' secrets, and the password of every test account: values for this test only. */
    static final String DEMO_LOADER_SECRET = "system-test-demo-loader-secret";

    static final String SYNTHETIC_CHECK_SECRET = "system-test-synthetic-check-secret";
    static final String PASSWORD = "system-test-password";

    /** Where Swagger UI would receive the code; nothing listens there, the login stops at the redirect. */
    static final URI SWAGGER_REDIRECT = URI.create("http://localhost:8080/swagger-ui/oauth2-redirect.html");

    /** The accounts the auth-server creates at start: username → display name, roles. */
    static final Map<String, Account> ACCOUNTS = Map.of(
            "organizer", new Account("스터디 운영자", List.of("member", "organizer")),
            "sanggyeong", new Account("이상경", List.of("member")),
            "minji", new Account("김민지", List.of("member")),
            "jisoo", new Account("박지수", List.of("member")));

    record Account(String displayName, List<String> roles) {}

    static final RunningService AUTH;
    static final RunningService CATALOG;
    static final RunningService MEMBERS;
    static final RunningService PROGRESS;

    private static final ClientHttpRequestInterceptor DEMO_LOADER;

    static {
        var postgres = SharedContainers.POSTGRES;
        var kafka = SharedContainers.KAFKA;
        ZIPKIN.start();
        createDatabases(
                postgres.getJdbcUrl(),
                postgres.getUsername(),
                postgres.getPassword(),
                List.of("auth", "catalog", "member", "progress"));
        var jdbcBase = postgres.getJdbcUrl().substring(0, postgres.getJdbcUrl().lastIndexOf('/') + 1);
        // The issuer is the auth-server's address as the tests (and the tokens) name it, so its port comes first.
        int authPort = RunningService.freePort();
        var issuer = "http://localhost:" + authPort;
        Map<String, String> common = Map.of(
                "DB_USER",
                postgres.getUsername(),
                "DB_PASSWORD",
                postgres.getPassword(),
                "ZIPKIN_ENABLED",
                "true",
                "ZIPKIN_ENDPOINT",
                zipkinUrl() + "/api/v2/spans");
        Map<String, String> resourceServer = Map.of(
                "KAFKA_BOOTSTRAP_SERVERS",
                kafka.getBootstrapServers(),
                "EUREKA_CLIENT_ENABLED",
                "false",
                "AUTH_ISSUER",
                issuer,
                "AUTH_JWK_SET_URI",
                issuer + "/oauth2/jwks");
        var services = RunningService.startAll(
                List.of(
                        new Launch(
                                "auth-server",
                                authPort,
                                RunningService.environment(common, authServer(jdbcBase + "auth", issuer))),
                        service("catalog-service", common, resourceServer, jdbcBase + "catalog"),
                        service("member-service", common, resourceServer, jdbcBase + "member"),
                        service("progress-service", common, withPatientImports(resourceServer), jdbcBase + "progress")),
                Duration.ofMinutes(4));
        AUTH = services.get("auth-server");
        CATALOG = services.get("catalog-service");
        MEMBERS = services.get("member-service");
        PROGRESS = services.get("progress-service");
        DEMO_LOADER = ClientCredentials.bearerToken(
                tokenUri(),
                "demo-loader",
                DEMO_LOADER_SECRET,
                "catalog.write",
                "members.write",
                "progress.write",
                "imports.write");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(RunningService::stop)));
    }

    private StudyBoardSystem() {}

    static String zipkinUrl() {
        return "http://" + ZIPKIN.getHost() + ":" + ZIPKIN.getMappedPort(9411);
    }

    static URI issuer() {
        return AUTH.url();
    }

    static URI tokenUri() {
        return AUTH.url().resolve("/oauth2/token");
    }

    /** The demo loader's client-credentials token on every request (its write scopes, imports.write among them). */
    static ClientHttpRequestInterceptor demoLoaderToken() {
        return DEMO_LOADER;
    }

    /** A client for a service's API that writes as the demo loader does. */
    static RestClient asDemoLoader(RunningService service) {
        return RestClient.builder()
                .baseUrl(service.url().toString())
                .requestInterceptor(DEMO_LOADER)
                .build();
    }

    /**
     * A machine client's token, asked for as its process does (client credentials grant, id and secret by HTTP
     * Basic): the value of an {@code Authorization} header.
     */
    static String machineToken(String clientId, String secret, String... scopes) {
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("grant_type", "client_credentials");
        form.add("scope", String.join(" ", scopes));
        var response = RestClient.create()
                .post()
                .uri(tokenUri())
                .headers(headers -> headers.setBasicAuth(clientId, secret))
                .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .body(tools.jackson.databind.JsonNode.class);
        return "Bearer " + response.get("access_token").asString();
    }

    /** The real login of a person (authorization code + PKCE), as Swagger UI's "Authorize" does it. */
    static BrowserlessLogin login() {
        return new BrowserlessLogin(AUTH.url(), "swagger-ui", SWAGGER_REDIRECT);
    }

    /**
     * The import saga waits for a participant longer than by default: ImportSagaIT stops member-service for a while,
     * and the import must be delayed by that, not given up.
     */
    private static Map<String, String> withPatientImports(Map<String, String> resourceServer) {
        var patient = new java.util.HashMap<>(resourceServer);
        patient.put("STUDYBOARD_IMPORTS_REPLY_TIMEOUT", "20s");
        patient.put("STUDYBOARD_IMPORTS_ATTEMPTS", "6");
        return patient;
    }

    private static Launch service(
            String name, Map<String, String> common, Map<String, String> resourceServer, String databaseUrl) {
        var own = new java.util.HashMap<>(resourceServer);
        own.put("DB_URL", databaseUrl);
        return new Launch(name, RunningService.environment(common, own));
    }

    /**
     * The auth-server's configuration, by the names a deployment uses: its signing key made here (PEM), the client
     * secrets, the redirect URI of Swagger UI, and the accounts (as JSON with non-ASCII escaped: environment
     * variables are not reliably UTF-8).
     */
    private static Map<String, String> authServer(String databaseUrl, String issuer) {
        var key = rsaKeyPair();
        var accounts = ACCOUNTS.entrySet().stream()
                .map(account -> Map.of(
                        "username", account.getKey(),
                        "password", PASSWORD,
                        "display-name", account.getValue().displayName(),
                        "email", account.getKey() + "@studyboard.example",
                        "roles", account.getValue().roles()))
                .toList();
        var json = JsonMapper.builder()
                .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                .build()
                .writeValueAsString(Map.of("studyboard", Map.of("auth", Map.of("accounts", accounts))));
        return Map.of(
                "DB_URL", databaseUrl,
                "AUTH_ISSUER", issuer,
                "AUTH_SIGNING_KEY_ID", KEY_ID,
                "AUTH_SIGNING_PRIVATE_KEY", pem("PRIVATE KEY", key.getPrivate().getEncoded()),
                "AUTH_SIGNING_PUBLIC_KEY", pem("PUBLIC KEY", key.getPublic().getEncoded()),
                "DEMO_LOADER_CLIENT_SECRET", DEMO_LOADER_SECRET,
                "SYNTHETIC_CHECK_CLIENT_SECRET", SYNTHETIC_CHECK_SECRET,
                "SWAGGER_REDIRECT_URIS", SWAGGER_REDIRECT.toString(),
                "SPRING_APPLICATION_JSON", json);
    }

    private static KeyPair rsaKeyPair() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 (private) or X.509 (public) DER as PEM text, what an environment variable or a Secret carries. */
    private static String pem(String type, byte[] der) {
        var base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
    }

    /** Database per service: four databases, and each service is only told about its own. */
    private static void createDatabases(String url, String user, String password, List<String> names) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            for (var name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the services' databases", e);
        }
    }
}
