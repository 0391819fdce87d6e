package dev.studyboard.outbox;

import java.util.Map;

/**
 * Captures the trace context (W3C {@code traceparent}, {@code tracestate}) of the request that causes an
 * event, so the relay can send it along and the consumer's work joins the same trace.
 */
@FunctionalInterface
public interface TraceContextCapture {

    /** Header name to value; empty when there is no current trace. */
    Map<String, String> current();

    /** For applications without tracing. */
    TraceContextCapture NONE = Map::of;
}
