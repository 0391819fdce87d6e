package dev.studyboard.outbox;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Captures the current span's context with Micrometer Tracing's propagator (W3C headers with OpenTelemetry). */
class MicrometerTraceContextCapture implements TraceContextCapture {

    private final Tracer tracer;
    private final Propagator propagator;

    MicrometerTraceContextCapture(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    @Override
    public Map<String, String> current() {
        var span = tracer.currentSpan();
        if (span == null) {
            return Map.of();
        }
        var headers = new LinkedHashMap<String, String>();
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }
}
