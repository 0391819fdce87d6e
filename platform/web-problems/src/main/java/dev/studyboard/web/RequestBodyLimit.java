package dev.studyboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bound on the request body ({@code studyboard.web.max-request-body}, see {@link WebLimits}): a larger one is
 * answered 413 problem details. Tomcat bounds only form posts ({@code server.tomcat.max-http-form-post-size});
 * without this, one JSON body could make a service read any amount. A body that declares its length
 * ({@code Content-Length}) is refused at once, unread; one sent without it ({@code Transfer-Encoding: chunked})
 * is read first, and refused as soon as it passes the limit, so a service never holds more than the limit of it.
 * The gateway applies the same limit before it routes (api-gateway: its own {@code RequestBodyLimit}).
 */
public class RequestBodyLimit extends OncePerRequestFilter {

    private final long limit;
    private final JsonMapper json;

    public RequestBodyLimit(DataSize limit, JsonMapper json) {
        this.limit = limit.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            refuse(request, response);
            return;
        }
        if (declared < 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            var body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE));
            if (body.length > limit) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    /** 413, on the wire at once: Tomcat may close the connection rather than read the rest of a large body. */
    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var status = HttpStatus.CONTENT_TOO_LARGE;
        var problem = ProblemResponses.problem(
                status,
                status.getReasonPhrase(),
                "The request body is larger than this API accepts: at most " + limit + " bytes",
                request.getRequestURI());
        ProblemResponses.write(response, json, status, problem);
    }

    /** The request with the body already read (and counted): what the service reads from here on. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), charset()));
        }

        /** The request's charset, or UTF-8 where it names none this JVM knows. */
        private Charset charset() {
            try {
                return getCharacterEncoding() == null
                        ? StandardCharsets.UTF_8
                        : Charset.forName(getCharacterEncoding());
            } catch (IllegalArgumentException unknown) {
                return StandardCharsets.UTF_8;
            }
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
