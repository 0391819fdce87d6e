package dev.studyboard.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sends outbox rows to Kafka as CloudEvents in binary mode (the CloudEvents Kafka binding): the attributes
 * travel as {@code ce_*} headers, the JSON data as the record value, the aggregate id as the key.
 */
class CloudEventsKafkaPublisher implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, CloudEvent> producerFactory;
    private final KafkaTemplate<String, CloudEvent> kafka;
    private final URI source;
    private final Duration sendTimeout;
    private final ObservationRegistry observations;

    CloudEventsKafkaPublisher(
            DefaultKafkaProducerFactory<String, CloudEvent> producerFactory,
            URI source,
            Duration sendTimeout,
            ObservationRegistry observations) {
        this.producerFactory = producerFactory;
        this.kafka = new KafkaTemplate<>(producerFactory);
        // Always observed (a no-op without tracing): the relay's own producer is what carries the trace on,
        // so it does not depend on spring.kafka.template.observation-enabled, which is the application's.
        // The producer's span (and its traceparent header) is a child of the relay's span below.
        this.kafka.setObservationEnabled(true);
        this.kafka.setObservationRegistry(observations);
        this.source = source;
        this.sendTimeout = sendTimeout;
        this.observations = observations;
    }

    /**
     * Sends the whole batch, then waits until Kafka has acknowledged all of it. Sending first and waiting
     * once keeps the batch pipelined; the idempotent producer keeps each partition's order as long as the
     * records are accepted, and sending stops at the first one that is not.
     *
     * @throws OutboxPublishException if any record was not acknowledged; the caller retries the batch
     */
    void publish(List<PendingEvent> batch) {
        var sends = new CompletableFuture<?>[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            sends[i] = sendInTraceOfCause(batch.get(i));
            if (sends[i].isCompletedExceptionally()) {
                // Failed before it was even queued (no broker answered): sending the rest would only wait again,
                // and a later event of the same aggregate must not go out before this one.
                sends = Arrays.copyOf(sends, i + 1);
                break;
            }
        }
        try {
            CompletableFuture.allOf(sends).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new OutboxPublishException("Kafka did not acknowledge the batch", e);
        }
    }

    /**
     * Distributed tracing through the outbox: the relay runs long after the request that wrote the event, on
     * another thread, so it restores the trace context stored with the row (as a messaging consumer restores it
     * from a message) and sends inside that trace. The consumer in another service then continues the same
     * trace: request → relay → Kafka producer → consumer.
     */
    private CompletableFuture<?> sendInTraceOfCause(PendingEvent event) {
        var context = new ReceiverContext<Map<String, String>>((carrier, name) -> carrier.get(name));
        context.setCarrier(event.traceContext());
        context.setRemoteServiceName("outbox");
        var observation = Observation.createNotStarted("outbox.relay", () -> context, observations)
                .contextualName("outbox relay " + event.type())
                .lowCardinalityKeyValue("event.type", event.type())
                .start();
        CompletableFuture<?> sent;
        try (var scope = observation.openScope()) {
            sent = kafka.send(record(event));
        } catch (RuntimeException e) {
            observation.error(e);
            observation.stop();
            throw e;
        }
        // The span lasts until Kafka acknowledges (or refuses) the record, not just until it is queued.
        return sent.whenComplete((result, failure) -> {
            if (failure != null) {
                observation.error(failure);
            }
            observation.stop();
        });
    }

    private ProducerRecord<String, CloudEvent> record(PendingEvent event) {
        var cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withSource(source)
                .withType(event.type())
                .withSubject(event.aggregateId())
                .withTime(event.occurredAt().atOffset(ZoneOffset.UTC))
                .withDataSchema(URI.create(event.dataSchema()))
                .withDataContentType("application/json")
                .withData(event.payload().getBytes(UTF_8))
                .build();
        var record = new ProducerRecord<>(event.topic(), event.aggregateId(), cloudEvent);
        // The cause's trace context, as plain W3C headers. With tracing on, the producer's observation replaces
        // them with its own span's (a child of the cause); without it, they still reach the consumer.
        event.traceContext().forEach((name, value) -> record.headers().add(name, value.getBytes(UTF_8)));
        return record;
    }

    /** Closes the producer once the relay has stopped (lifecycles stop before beans are destroyed). */
    @Override
    public void destroy() {
        producerFactory.destroy();
    }

    static class OutboxPublishException extends RuntimeException {
        OutboxPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
