package dev.studyboard.e2e;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The docker compose system of the repository, as a user starts it, under its own project name (so it never
 * touches a stack the user runs) and with the gateway and the auth-server on free ports. The auth-server's issuer
 * follows its port (compose sets AUTH_ISSUER=http://localhost:$AUTH_PORT): tokens fetched from the host validate
 * inside the compose network.
 *
 * <p>One stack for the whole test run ({@link #shared()}), since starting one takes minutes: a test class that needs
 * it declares {@code @ExtendWith(ComposeStack.Started.class)}.
 */
final class ComposeStack {

    private static final String PROJECT = "studyboard-e2e";
    private static final ComposeStack SHARED = new ComposeStack();

    /** The stack of this test run, the same for every test class; {@link Started} starts it. */
    static ComposeStack shared() {
        return SHARED;
    }

    /**
     * Starts the shared stack, with the demo data, before the first test class that declares it, and brings it down
     * once, after the last one (unless {@code -De2e.keep}): JUnit closes what its root store holds when the whole run
     * ends.
     */
    static final class Started implements BeforeAllCallback {

        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot()
                    .getStore(ExtensionContext.Namespace.create(ComposeStack.class))
                    .computeIfAbsent(Running.class, type -> Running.start(SHARED), Running.class);
        }
    }

    /**
     * The stack while it runs, held in JUnit's root store: closing it brings the stack down. A shutdown hook does the
     * same if the test JVM ends without JUnit closing its store (a run stopped halfway).
     */
    private static final class Running implements AutoCloseable {

        private final ComposeStack stack;
        private final AtomicBoolean down = new AtomicBoolean();

        private Running(ComposeStack stack) {
            this.stack = stack;
        }

        static Running start(ComposeStack stack) {
            var running = new Running(stack);
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "compose-down"));
            try {
                stack.up();
                stack.loadDemoData();
                return running;
            } catch (RuntimeException failed) {
                running.close(); // what did start must not outlive the run
                throw failed;
            }
        }

        @Override
        public void close() {
            if (!Boolean.getBoolean("e2e.keep") && down.compareAndSet(false, true)) {
                stack.down();
            }
        }
    }

    private final File root = new File(System.getProperty("studyboard.root", ".."));
    /** The demo accounts' password (DEMO ONLY), given to compose so the test does not depend on its default. */
    static final String DEMO_PASSWORD = "demo-only-password";

    private final int gatewayPort = freePort();
    private final int authPort = freePort();
    private final int zipkinPort = freePort();
    private final int prometheusPort = freePort();

    private ComposeStack() {}

    URI gateway() {
        return URI.create("http://localhost:" + gatewayPort);
    }

    /** The auth-server as a browser on the host reaches it: also the issuer of every token. */
    URI authServer() {
        return URI.create("http://localhost:" + authPort);
    }

    /** Where Swagger UI, the public client the journey logs in with, receives its code (the gateway's port). */
    URI swaggerRedirect() {
        return gateway().resolve("/swagger-ui/oauth2-redirect.html");
    }

    URI zipkin() {
        return URI.create("http://localhost:" + zipkinPort);
    }

    URI prometheus() {
        return URI.create("http://localhost:" + prometheusPort);
    }

    /** Builds the images and starts everything, returning once every service reports healthy. */
    void up() {
        compose(
                15,
                "up",
                "--build",
                "--detach",
                "--wait",
                "--wait-timeout",
                "600",
                "auth-server",
                "api-gateway",
                "catalog-service",
                "member-service",
                "progress-service",
                "zipkin",
                "prometheus",
                "synthetic-check");
    }

    /** Runs the one-shot demo loader, as {@code docker compose up} does after the services are healthy. */
    void loadDemoData() {
        compose(5, "run", "--rm", "demo-loader");
    }

    void stop(String service) {
        compose(2, "stop", service);
    }

    void start(String service) {
        compose(5, "start", service);
    }

    /**
     * Runs {@code instances} containers of a service ({@code docker compose up --scale}), returning once every one
     * of them is healthy. The running ones stay as they are.
     */
    void scale(String service, int instances) {
        compose(
                10,
                "up",
                "--detach",
                "--no-recreate",
                "--no-deps",
                "--wait",
                "--wait-timeout",
                "300",
                "--scale",
                service + "=" + instances,
                service);
    }

    /** The names of a service's containers, by instance number: {@code studyboard-e2e-catalog-service-1}, … */
    List<String> containers(String service) {
        return output(compose("ps", "--all", "--format", "{{.Name}}", service))
                .lines()
                .map(String::strip)
                .filter(name -> !name.isEmpty())
                .sorted(Comparator.comparing(String::length).thenComparing(name -> name))
                .toList();
    }

    /** Stops one container as {@code docker stop} does: SIGTERM, so the service shuts down gracefully. */
    void stopContainer(String container) {
        run(2, log(), List.of("docker", "stop", container));
    }

    void startContainer(String container) {
        run(2, log(), List.of("docker", "start", container));
    }

    /** The container's health as its healthcheck last reported it: {@code starting}, {@code healthy}, … */
    String health(String container) {
        return output(List.of("docker", "inspect", "--format", "{{.State.Health.Status}}", container))
                .strip();
    }

    /** Runs a command inside a running container and returns what it printed. */
    String exec(String container, String... command) {
        var arguments = new ArrayList<>(List.of("docker", "exec", container));
        arguments.addAll(List.of(command));
        return output(arguments);
    }

    /** What the service wrote to its console (its container's log), without compose's prefix. */
    String logs(String service) {
        return output(compose("logs", "--no-color", "--no-log-prefix", service));
    }

    /**
     * The host port a service's container port is published on, if it is: {@code docker compose port} fails (or
     * names no port) for one that is not.
     */
    Optional<String> publishedPort(String service, int containerPort) {
        String published;
        try {
            published = output(compose("port", service, String.valueOf(containerPort)))
                    .strip();
        } catch (IllegalStateException e) {
            return Optional.empty(); // not published
        }
        return published.isEmpty() || published.endsWith(":0") ? Optional.empty() : Optional.of(published);
    }

    void down() {
        compose(5, "down", "--volumes", "--remove-orphans");
    }

    /**
     * Runs {@code docker compose}, its output appended to {@code target/docker-compose.log}: written to the test
     * JVM's own output, it would corrupt the channel through which Maven's failsafe hears of the tests.
     */
    private void compose(int timeoutMinutes, String... arguments) {
        compose(timeoutMinutes, log(), arguments);
    }

    private ProcessBuilder.Redirect log() {
        var log = new File(root, "e2e-tests/target/docker-compose.log");
        log.getParentFile().mkdirs();
        return ProcessBuilder.Redirect.appendTo(log);
    }

    private void compose(int timeoutMinutes, ProcessBuilder.Redirect output, String... arguments) {
        run(timeoutMinutes, output, compose(arguments));
    }

    private static List<String> compose(String... arguments) {
        var command = new ArrayList<>(List.of("docker", "compose", "--project-name", PROJECT));
        command.addAll(List.of(arguments));
        return command;
    }

    /** Runs a short command and returns what it printed (two minutes at most). */
    private String output(List<String> command) {
        try {
            var output = File.createTempFile("docker-", ".txt");
            output.deleteOnExit();
            run(2, ProcessBuilder.Redirect.to(output), command);
            return Files.readString(output.toPath());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void run(int timeoutMinutes, ProcessBuilder.Redirect output, List<String> command) {
        try {
            var builder = new ProcessBuilder(command)
                    .directory(root)
                    .redirectErrorStream(true)
                    .redirectOutput(output);
            builder.environment().put("GATEWAY_PORT", String.valueOf(gatewayPort));
            builder.environment().put("AUTH_PORT", String.valueOf(authPort));
            builder.environment().put("DEMO_PASSWORD", DEMO_PASSWORD);
            builder.environment().put("ZIPKIN_PORT", String.valueOf(zipkinPort));
            builder.environment().put("PROMETHEUS_PORT", String.valueOf(prometheusPort));
            builder.environment().put("SYNTHETIC_INTERVAL", "5s");
            builder.environment().put("GATEWAY_RATE_LIMIT", "1000");
            var process = builder.start();
            if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took over " + timeoutMinutes + " min");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not run docker compose", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
