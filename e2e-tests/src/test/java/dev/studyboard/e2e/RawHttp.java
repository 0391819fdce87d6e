package dev.studyboard.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 written byte for byte on a socket, one request per connection: no client library in between to
 * normalise a path, encode a character, drop a header or refuse to send something malformed. Only what the
 * gateway is asked can be hostile if the client does not tidy it up first.
 */
final class RawHttp {

    /** What came back: the final status (after any 1xx), the headers as sent, and at most {@code MAX_BODY} bytes. */
    record Answer(int status, List<String[]> headers, byte[] body) {

        Optional<String> header(String name) {
            return headers.stream()
                    .filter(header -> header[0].equalsIgnoreCase(name))
                    .map(header -> header[1])
                    .findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** No answer at all: the connection was closed or timed out before a status line came back. */
    static final class NoAnswer extends IOException {
        NoAnswer(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    private static final int MAX_BODY = 64 * 1024;

    private final InetSocketAddress server;
    private final Duration timeout;

    RawHttp(String host, int port, Duration timeout) {
        this.server = new InetSocketAddress(host, port);
        this.timeout = timeout;
    }

    /** Sends {@code request} (head and body, as bytes) and reads the answer; {@code head}: a HEAD request, no body. */
    Answer exchange(byte[] request, boolean head) throws NoAnswer {
        try (var socket = new Socket()) {
            socket.connect(server, (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                var out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException refusedMidway) {
                // A server may answer (413, 431) and close before it has read everything: the answer is still there.
            }
            return read(socket.getInputStream(), head);
        } catch (NoAnswer e) {
            throw e;
        } catch (IOException e) {
            throw new NoAnswer(e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        while (true) {
            var statusLine = line(in);
            if (statusLine == null) {
                throw new NoAnswer("connection closed without a status line", null);
            }
            var parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new NoAnswer("not an HTTP status line: " + statusLine, null);
            }
            int status = Integer.parseInt(parts[1]);
            var headers = new ArrayList<String[]>();
            for (var line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.add(new String[] {
                        line.substring(0, colon).strip(),
                        line.substring(colon + 1).strip()
                    });
                }
            }
            if (status >= 100 && status < 200) {
                continue; // 100 Continue and the like: the final answer follows
            }
            byte[] body = head || status == 204 || status == 304 ? new byte[0] : body(in, headers);
            return new Answer(status, List.copyOf(headers), body);
        }
    }

    private static byte[] body(InputStream in, List<String[]> headers) throws IOException {
        var transferEncoding = value(headers, "transfer-encoding");
        var contentLength = value(headers, "content-length");
        var body = new ByteArrayOutputStream();
        try {
            if (transferEncoding != null
                    && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
                    copy(in, body, size);
                    line(in); // the CRLF after the chunk
                }
            } else if (contentLength != null) {
                copy(in, body, Long.parseLong(contentLength));
            } else {
                copy(in, body, Long.MAX_VALUE); // until the server closes the connection
            }
        } catch (SocketTimeoutException e) {
            // what arrived is the answer: a body cut short still shows what it says
        }
        return body.toByteArray();
    }

    private static String value(List<String[]> headers, String name) {
        return headers.stream()
                .filter(header -> header[0].equalsIgnoreCase(name))
                .map(header -> header[1])
                .findFirst()
                .orElse(null);
    }

    private static int chunkSize(String line) {
        if (line == null || line.isBlank()) {
            return 0;
        }
        var size = line.split(";", 2)[0].strip();
        return Integer.parseInt(size, 16);
    }

    private static void copy(InputStream in, ByteArrayOutputStream body, long length) throws IOException {
        var buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                return;
            }
            if (body.size() < MAX_BODY) {
                body.write(buffer, 0, Math.min(read, MAX_BODY - body.size()));
            }
            left -= read;
        }
    }

    /** One line up to CRLF (or LF), ISO-8859-1 as HTTP's head is; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                var bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
