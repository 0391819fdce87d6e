package dev.studyboard.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request of {@link HostileRequests}, as the bytes it puts on the wire: a method and a request target exactly as
 * written (nothing encoded or normalised), headers, and a body sent with its length or chunked. Who sends it is a
 * {@link Caller}, so the same seed gives the same requests whatever tokens a run signs in for.
 *
 * @param number   its place in the generated list: {@code -Dhostile.only=<number>} sends it alone
 * @param hostility what is hostile about it
 * @param framed   true if {@code headers} already say how the body is framed (a hostile Content-Length or
 *                 Transfer-Encoding), so none is added
 */
record HostileRequest(
        int number,
        Hostility hostility,
        String method,
        String target,
        Caller caller,
        List<Header> headers,
        byte[] body,
        boolean chunked,
        boolean framed) {

    /** The kinds of hostile input, as issue 12 lists them. */
    enum Hostility {
        ROUTE_AND_METHOD,
        BROKEN_JSON,
        DEEP_JSON,
        CONTENT_TYPE,
        BODY_OVER_LIMIT,
        INVALID_ID,
        PATH_TRAVERSAL,
        CONTROL_CHARACTERS,
        EXTREME_NUMBERS,
        BAD_IF_MATCH,
        BAD_TRACEPARENT,
        OVERSIZED_HEADERS,
        ODD_HEADERS,
        HOSTILE_TEXT,
        BAD_TOKEN
    }

    /** Who sends a request. A refused token counts against the address (the gateway's failed-authentication limit). */
    enum Caller {
        ANONYMOUS,
        ORGANIZER,
        MEMBER,
        /** A token the gateway refuses: a fixed few per run, below that limit. */
        REFUSED
    }

    /** A header line as sent; the value may hold any byte a hostile client would send (ISO-8859-1, one per char). */
    record Header(String name, String value) {}

    /** The request's bytes, with {@code Authorization} from {@code tokens} for its caller. */
    byte[] bytes(String host, Map<Caller, String> tokens) {
        var head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(target)
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append("\r\nConnection: close\r\n");
        if (tokens.containsKey(caller)) {
            head.append("Authorization: ").append(tokens.get(caller)).append("\r\n");
        }
        headers.forEach(header ->
                head.append(header.name()).append(": ").append(header.value()).append("\r\n"));
        if (!framed && body.length > 0) {
            head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        var bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(chunked && !framed ? chunks(body) : body);
        return bytes.toByteArray();
    }

    /** Chunked transfer coding: chunks of at most 8KB, then the last, empty one. */
    private static byte[] chunks(byte[] body) {
        var out = new ByteArrayOutputStream();
        for (int start = 0; start < body.length; start += 8192) {
            int length = Math.min(8192, body.length - start);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, start, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The request as a person reads it to replay it: every unprintable character escaped, long values cut. */
    String describe() {
        var text = new StringBuilder()
                .append('#')
                .append(number)
                .append(' ')
                .append(hostility)
                .append(" as ")
                .append(caller)
                .append(": ")
                .append(printable(method, 120))
                .append(' ')
                .append(printable(target, 300));
        headers.forEach(header -> text.append("\n      ")
                .append(printable(header.name(), 80))
                .append(": ")
                .append(printable(header.value(), 200)));
        if (body.length > 0) {
            text.append("\n      body (")
                    .append(body.length)
                    .append(" bytes")
                    .append(chunked ? ", chunked" : "")
                    .append("): ")
                    .append(printable(new String(body, StandardCharsets.UTF_8), 200));
        }
        return text.toString();
    }

    static String printable(String text, int most) {
        var out = new StringBuilder();
        text.codePoints().limit(most).forEach(c -> {
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || (c >= 0xd800 && c <= 0xdfff) || c == 0xfffd) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (text.codePointCount(0, text.length()) > most) {
            out.append("… (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
