package dev.studyboard.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A stand-in for an instance killed in the middle of its answer, which WireMock cannot be: to every request it
 * writes the beginning of an answer (a status, headers, perhaps part of the body), and then its connection ends.
 */
final class CutOffService implements AutoCloseable {

    /** How the connection ends. */
    enum End {
        /** Closed (FIN): the process closed it, or died with nothing left unread. */
        CLOSED,
        /** Reset (RST): the process died with the request's bytes unread, or the host dropped it. */
        RESET
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^content-length:\\s*(\\d+)");

    private final String name;
    private final ServerSocket server;
    private volatile String beginning = "";
    private volatile End end = End.CLOSED;

    CutOffService(String name) {
        this.name = name;
        try {
            server = new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var accepting = new Thread(this::accept, name + "-cut-off");
        accepting.setDaemon(true);
        accepting.start();
    }

    /** From now on, every request is answered with {@code beginning}, and then the connection {@code end}s. */
    void answers(String beginning, End end) {
        this.beginning = beginning;
        this.end = end;
    }

    /** Lists this server as the service's one instance. */
    void listIn(DynamicPropertyRegistry registry) {
        var url = "http://localhost:" + server.getLocalPort();
        registry.add("spring.cloud.discovery.client.simple.instances." + name + "[0].uri", () -> url);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                var connection = server.accept();
                var answering = new Thread(() -> answer(connection));
                answering.setDaemon(true);
                answering.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void answer(Socket connection) {
        try (connection) {
            readRequest(connection.getInputStream()); // all of it: the answer breaks off, not the request
            // One write, so that all of it is on its way before a reset, which would discard what was not.
            connection.getOutputStream().write(beginning.getBytes(StandardCharsets.UTF_8));
            connection.getOutputStream().flush();
            if (end == End.RESET) {
                connection.setSoLinger(true, 0); // closing then resets the connection
            }
        } catch (IOException e) {
            // the gateway has gone: nothing to cut off
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        var head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("request ended early");
            }
            head.write(next);
        }
        var length = CONTENT_LENGTH.matcher(
                head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT));
        in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
    }
}
