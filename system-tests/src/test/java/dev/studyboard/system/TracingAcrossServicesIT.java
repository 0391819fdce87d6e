package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Distributed tracing: one trace id follows a change from the HTTP request that made
 * it in catalog-service, through its outbox and Kafka, to the consumer that applies it in progress-service.
 * The spans are the ones the services really exported to a real Zipkin.
 */
@DisplayName("One trace across HTTP, the outbox, Kafka and another service")
class TracingAcrossServicesIT {

    private final RestClient catalog = StudyBoardSystem.asDemoLoader(StudyBoardSystem.CATALOG);
    private final RestClient zipkin = RestClient.create(StudyBoardSystem.zipkinUrl());

    @Test
    @DisplayName("registering a book and progress-service consuming book.registered are spans of one trace")
    void requestAndConsumerShareOneTrace() {
        // given a caller that starts a trace (as the gateway does) and passes it on as W3C traceparent
        var traceId = HexFormat.of().formatHex(randomBytes(16));
        var traceparent = "00-" + traceId + "-" + HexFormat.of().formatHex(randomBytes(8)) + "-01";

        // when it registers a book
        catalog.post()
                .uri("/api/catalog/books")
                .header("traceparent", traceparent)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title",
                        "Tracing " + UUID.randomUUID(),
                        "authors",
                        List.of("Sam Newman"),
                        "chapters",
                        List.of(Map.of(
                                "number",
                                8,
                                "title",
                                "모니터링",
                                "sections",
                                List.of(Map.of("item", "8.4", "title", "상관관계 ID", "page", 282))))))
                .retrieve()
                .toBodilessEntity();

        // then Zipkin holds the request, the relay, the producer and progress-service's consumer in that one trace
        var spans = await("the whole trace in Zipkin")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions()
                .until(() -> trace(traceId), TracingAcrossServicesIT::isComplete);
        printSpans(traceId, spans);

        var byId = new HashMap<String, JsonNode>();
        spans.forEach(span -> byId.put(span.get("id").asString(), span));
        var request = only(spans, "catalog-service", "SERVER");
        var produce = only(spans, "catalog-service", "PRODUCER");
        var consume = only(spans, "progress-service", "CONSUMER");
        assertThat(request.get("name").asString()).contains("post");
        assertThat(ancestors(consume, byId))
                .as("the consumer's span descends from the producer and the request")
                .contains(produce.get("id").asString(), request.get("id").asString());
        assertThat(spans)
                .as("the relay's span joins them across the outbox table")
                .anySatisfy(span -> assertThat(span.get("name").asString()).startsWith("outbox relay"));
    }

    private List<JsonNode> trace(String traceId) {
        var spans = zipkin.get().uri("/api/v2/trace/{id}", traceId).retrieve().body(JsonNode.class);
        return StreamSupport.stream(spans.spliterator(), false).toList();
    }

    /** Each service sends its spans in its own batches: wait for all four, not just the last one. */
    private static boolean isComplete(List<JsonNode> spans) {
        return spans.stream().anyMatch(span -> isOf(span, "catalog-service", "SERVER"))
                && spans.stream().anyMatch(span -> isOf(span, "catalog-service", "PRODUCER"))
                && spans.stream().anyMatch(span -> span.path("name").asString().startsWith("outbox relay"))
                && spans.stream().anyMatch(span -> isOf(span, "progress-service", "CONSUMER"));
    }

    private static JsonNode only(List<JsonNode> spans, String service, String kind) {
        var matching = spans.stream().filter(span -> isOf(span, service, kind)).toList();
        assertThat(matching).as("%s spans of %s", kind, service).hasSize(1);
        return matching.get(0);
    }

    private static boolean isOf(JsonNode span, String service, String kind) {
        return service.equals(span.at("/localEndpoint/serviceName").asString())
                && kind.equals(span.path("kind").asString());
    }

    /** The span ids from this span's parent up to the root. */
    private static List<String> ancestors(JsonNode span, Map<String, JsonNode> byId) {
        var ids = new ArrayList<String>();
        var parent = span.path("parentId").asString(null);
        while (parent != null && byId.containsKey(parent)) {
            ids.add(parent);
            parent = byId.get(parent).path("parentId").asString(null);
        }
        return ids;
    }

    private static void printSpans(String traceId, List<JsonNode> spans) {
        System.out.println("Trace " + traceId + ":");
        spans.stream()
                .sorted(Comparator.comparingLong(span -> span.path("timestamp").asLong()))
                .forEach(span -> System.out.printf(
                        "  %-17s %-9s %-45s id=%s parent=%s%n",
                        span.at("/localEndpoint/serviceName").asString(),
                        span.path("kind").asString("-"),
                        span.path("name").asString(),
                        span.get("id").asString(),
                        span.path("parentId").asString("-")));
    }

    private static byte[] randomBytes(int length) {
        var bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
