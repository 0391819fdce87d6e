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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One service's runnable jar started as its own process, configured only by environment variables, with its API on
 * one port and its actuator on another (the management port, which only the network reaches in a deployment).
 */
final class RunningService {

    /** What to start: the jar's name, the port its API listens on, and its environment. */
    record Launch(String name, int port, Map<String, String> environment) {

        /** On a free port. */
        Launch(String name, Map<String, String> environment) {
            this(name, freePort(), environment);
        }
    }

    private final Launch launch;
    private final String name;
    private final int port;
    private Process process; // a new one after restart(), on the same API port
    private int managementPort;

    private RunningService(Launch launch, Process process, int managementPort) {
        this.launch = launch;
        this.name = launch.name();
        this.process = process;
        this.port = launch.port();
        this.managementPort = managementPort;
    }

    /**
     * Starts the service's runnable jar, {@code <studyboard.jars>/<name>.jar} (the build copies it there), on the
     * launch's port ({@code PORT}) and a free management port ({@code MANAGEMENT_PORT}).
     */
    static RunningService start(Launch launch) {
        int managementPort = freePort();
        return new RunningService(launch, launch(launch, managementPort), managementPort);
    }

    private static Process launch(Launch launch, int managementPort) {
        var jar = Path.of(System.getProperty("studyboard.jars"), launch.name() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No runnable jar at " + jar + ": run ./mvnw -pl system-tests -am verify");
        }
        try {
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
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            logs.resolve(launch.name() + ".log").toFile()));
            builder.environment().putAll(launch.environment());
            builder.environment().put("PORT", String.valueOf(launch.port()));
            builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start " + launch.name(), e);
        }
    }

    /** Starts the services side by side, and waits until all are ready. */
    static Map<String, RunningService> startAll(List<Launch> launches, Duration timeout) {
        var starting = new LinkedHashMap<String, CompletableFuture<RunningService>>();
        for (var launch : launches) {
            starting.put(
                    launch.name(),
                    CompletableFuture.supplyAsync(() -> start(launch).awaitReady(timeout)));
        }
        var started = new LinkedHashMap<String, RunningService>();
        starting.forEach((name, service) -> started.put(name, service.join()));
        return started;
    }

    /** The common environment with one service's own entries added. */
    static Map<String, String> environment(Map<String, String> common, Map<String, String> own) {
        var environment = new HashMap<>(common);
        environment.putAll(own);
        return environment;
    }

    /** Waits until the service says, on its management port, that it is ready to take traffic. */
    RunningService awaitReady(Duration timeout) {
        await(name + " ready")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited with " + process.exitValue()
                                + "; see its log in " + System.getProperty("studyboard.logs"));
                    }
                    return status(managementUrl().resolve("/actuator/health/readiness")) == 200;
                });
        return this;
    }

    /** What it was started with: another instance can be launched from it. */
    Launch launch() {
        return launch;
    }

    /** Where its API answers. */
    URI url() {
        return URI.create("http://localhost:" + port);
    }

    /** Where its actuator answers. */
    URI managementUrl() {
        return URI.create("http://localhost:" + managementPort);
    }

    /** SIGTERM: the service shuts down gracefully, as on a rolling update. */
    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** SIGKILL: the process dies on the spot, in the middle of whatever it was doing, as in a crash. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the service again, as it was configured and on the same API port, and waits until it is ready. */
    void restart(Duration timeout) {
        managementPort = freePort();
        process = launch(launch, managementPort);
        awaitReady(timeout);
    }

    private static int status(URI url) {
        try {
            var connection = (HttpURLConnection) url.toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode();
        } catch (IOException e) {
            return -1;
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port", e);
        }
    }
}
