package dev.studyboard.observability;

import io.micrometer.tracing.Tracer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audit log: every state-changing request (POST, PUT, PATCH, DELETE) is recorded on the {@code audit} logger
 * with who made it, what it was, how it ended and the trace id that leads to everything it caused.
 *
 * <p>Who: the caller the service's security verified (the token's subject, name and client), which it leaves in
 * the request attribute {@link #CALLER}; otherwise {@code anonymous} and the address of the connection (behind the gateway, the gateway's; the
 * {@code X-Forwarded-For} it sent is logged beside it as {@code audit.forwarded_for}, a claim, not a proof).
 * Refused requests (401, 403) are recorded too: this filter runs outside the security filters. The entries are
 * key-value pairs, so the JSON logs of the containers carry them as fields a log store can search.
 */
public class AuditLogFilter extends OncePerRequestFilter {

    /** The request attribute holding the verified {@link Caller}, set by the security filters. */
    public static final String CALLER = AuditLogFilter.class.getName() + ".caller";

    /**
     * Who made a request, as a verified token says.
     *
     * @param subject  the account of a person, the client id of a machine client
     * @param name     a person's display name, or null
     * @param clientId the client the token was issued to
     */
    public record Caller(String subject, String name, String clientId) {}

    private static final Logger AUDIT = LoggerFactory.getLogger("audit");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Tracer tracer;

    public AuditLogFilter(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !STATE_CHANGING.contains(request.getMethod())
                || request.getRequestURI().startsWith("/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        // The server observation (an earlier filter) has started the request's span.
        var span = tracer.currentSpan();
        var traceId = span != null ? span.context().traceId() : "none";
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR; // unless the chain says otherwise
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            var what = request.getMethod() + " " + request.getRequestURI();
            var caller = request.getAttribute(CALLER) instanceof Caller verified ? verified : null;
            // Who is what a verified token says, else only the connection's address: a header is no proof of
            // anything (X-Forwarded-For is kept beside it, as a claim, for an investigation).
            var who = caller != null ? caller.subject() : "anonymous@" + request.getRemoteAddr();
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            AUDIT.atInfo()
                    .addKeyValue("audit.who", who)
                    .addKeyValue("audit.name", caller != null ? caller.name() : null)
                    .addKeyValue("audit.client_id", caller != null ? caller.clientId() : null)
                    .addKeyValue("audit.forwarded_for", request.getHeader("X-Forwarded-For"))
                    .addKeyValue("audit.what", what)
                    .addKeyValue("audit.status", status)
                    .addKeyValue("audit.trace_id", traceId)
                    .log("{} by {} -> {} in {} ms (trace {})", what, who, status, millis, traceId);
        }
    }
}
