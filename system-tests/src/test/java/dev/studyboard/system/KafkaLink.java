package dev.studyboard.system;

import com.github.dockerjava.api.model.ContainerNetwork;
import dev.studyboard.testsupport.SharedContainers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The network between one service and the shared Kafka broker, as a TCP link the test can cut and restore: a
 * network disconnect of that service alone. Cut, the link resets every connection and refuses new ones; restored,
 * it forwards again and the service's Kafka clients reconnect by themselves.
 *
 * <p>A Kafka client connects to the addresses the broker advertises, not to the one it was given, so forwarding one
 * port is not enough. The broker's inner listener advertises {@code <container hostname>:9093}; the link listens on
 * 127.0.0.2:9093 (a loopback address of its own) and the service's JVM resolves that hostname there, from a hosts
 * file of its own ({@code jdk.net.hosts.file}). Every connection the service makes to Kafka goes through the link;
 * it forwards them to the container's address (reachable from a Linux host, as in CI).
 */
final class KafkaLink implements AutoCloseable {

    private static final int BROKER_PORT = 9093; // the inner listener of Testcontainers' KafkaContainer

    private final ServerSocket server;
    private final InetSocketAddress broker;
    private final Set<Socket> open = new HashSet<>();
    private boolean cut;

    private KafkaLink() throws IOException {
        var container = SharedContainers.KAFKA.getContainerInfo().getNetworkSettings().getNetworks().values().stream()
                .map(ContainerNetwork::getIpAddress)
                .findFirst()
                .orElseThrow();
        broker = new InetSocketAddress(container, BROKER_PORT);
        server = new ServerSocket(BROKER_PORT, 50, InetAddress.getByName("127.0.0.2"));
        daemon("kafka-link", this::accept);
    }

    static KafkaLink open() {
        try {
            return new KafkaLink();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the link to Kafka on 127.0.0.2:" + BROKER_PORT, e);
        }
    }

    /**
     * The environment entries that send a service's Kafka clients through this link. Its hosts file names the broker
     * at the link, and every other name the service uses (localhost, this machine's, the Docker host's) as it
     * resolves here.
     */
    Map<String, String> environment() {
        var kafkaHost = SharedContainers.KAFKA.getContainerInfo().getConfig().getHostName();
        try {
            var hosts = new StringBuilder("127.0.0.2 " + kafkaHost + "\n");
            var names = Stream.of(
                            "localhost", InetAddress.getLocalHost().getHostName(), SharedContainers.POSTGRES.getHost())
                    .distinct()
                    .toList();
            for (var name : names) {
                for (var address : InetAddress.getAllByName(name)) {
                    hosts.append(address.getHostAddress())
                            .append(' ')
                            .append(name)
                            .append('\n');
                }
            }
            var file = Files.createTempFile("kafka-link", ".hosts");
            file.toFile().deleteOnExit();
            Files.writeString(file, hosts);
            return Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafkaHost + ":" + BROKER_PORT,
                    "JAVA_TOOL_OPTIONS", "-Djdk.net.hosts.file=" + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service is cut from Kafka: its connections are reset, new ones refused, until {@link #restore()}. */
    synchronized void cut() {
        cut = true;
        open.forEach(KafkaLink::reset);
        open.clear();
    }

    /** Connected again. */
    synchronized void restore() {
        cut = false;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                forward(server.accept());
            } catch (IOException e) {
                // the link was closed
            }
        }
    }

    private void forward(Socket client) {
        var upstream = new Socket();
        try {
            upstream.connect(broker, 2000);
        } catch (IOException e) { // the broker did not take it: the client sees a reset and tries again
            reset(client);
            return;
        }
        synchronized (this) {
            if (cut) {
                reset(client);
                closeQuietly(upstream);
                return;
            }
            open.add(client);
            open.add(upstream);
        }
        daemon("kafka-link-up", () -> pump(client, upstream));
        daemon("kafka-link-down", () -> pump(upstream, client));
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException e) {
            // reset by a cut or by either side
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            synchronized (this) {
                open.remove(from);
                open.remove(to);
            }
        }
    }

    private static void daemon(String name, Runnable work) {
        var thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closes with an RST, not a FIN: what the peer of a broken link sees. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // closed already
        }
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        cut();
    }
}
