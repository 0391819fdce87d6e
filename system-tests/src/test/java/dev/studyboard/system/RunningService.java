package dev.studyboard.system;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;

/** One service's runnable jar started as its own process, configured only by environment variables. */
final class RunningService {

    private final String name;
    private final Process process;
    private final int port;

    private RunningService(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service's runnable jar, {@code <studyboard.jars>/<name>.jar} (the build copies it there), on a free
     * port with {@code environment}.
     */
    static RunningService start(String name, Map<String, String> environment) {
        var jar = Path.of(System.getProperty("studyboard.jars"), name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + ": run ./mvnw -pl system-tests -am verify");
        }
        try {
            int port = freePort();
            var logs = Path.of(System.getProperty("studyboard.logs"));
            Files.createDirectories(logs);
            var java = ProcessHandle.current().info().command().orElse("java"); // the JDK running the tests
            var command = new ArrayList<String>();
            command.add(java);
            command.add("-Xmx256m");
            command.add("-XX:TieredStopAtLevel=1"); // short-lived test processes: start fast
            command.add("-jar");
            command.add(jar.toString());
            var builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(logs.resolve(name + ".log").toFile());
            builder.environment().putAll(environment);
            builder.environment().put("PORT", String.valueOf(port));
            return new RunningService(name, builder.start(), port);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + name, e);
        }
    }

    /**
     * Starts each service (name → its database URL) with the common environment, side by side, and waits until
     * all are ready.
     */
    static Map<String, RunningService> startAll(
            Map<String, String> common, Map<String, String> databases, Duration timeout) {
        var starting = new java.util.LinkedHashMap<String, java.util.concurrent.CompletableFuture<RunningService>>();
        databases.forEach((name, databaseUrl) -> {
            var environment = new java.util.HashMap<>(common);
            environment.put("DB_URL", databaseUrl);
            starting.put(
                    name,
                    java.util.concurrent.CompletableFuture.supplyAsync(
                            () -> start(name, environment).awaitReady(timeout)));
        });
        var started = new java.util.LinkedHashMap<String, RunningService>();
        starting.forEach((name, service) -> started.put(name, service.join()));
        return started;
    }

    /** Waits until the service says it is ready to take traffic (its readiness health group). */
    RunningService awaitReady(Duration timeout) {
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + "; see its log in " + System.getProperty("studyboard.logs"));
                    }
                    return status("/actuator/health/readiness") == 200;
                });
        return this;
    }

    URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** SIGTERM: the service shuts down gracefully, as on a rolling update. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(
                    java.util.concurrent.TimeUnit.SECONDS.toMillis(30), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private int status(String path) {
        try {
            var connection = (HttpURLConnection) url().resolve(path).toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
