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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
     * Sends the batch in order, then waits until Kafka has answered for all of it, at most the send timeout.
     * Sending first and waiting once keeps the batch pipelined; the idempotent producer keeps each partition's
     * order. Sending stops at a record refused before it was even queued (too large, no broker answered), so a
     * later event of the same aggregate never overtakes it, and a broker that is down is waited for only once.
     *
     * @return the rows Kafka acknowledged, and the first one it did not, with why
     */
    Delivery publish(List<PendingEvent> batch) {
        var sends = new ArrayList<CompletableFuture<?>>(batch.size());
        for (var event : batch) {
            var send = sendInTraceOfCause(event);
            sends.add(send);
            if (send.isCompletedExceptionally()) {
                break;
            }
        }
        awaitAnswers(sends);
        var acknowledged = new ArrayList<PendingEvent>();
        FailedSend firstFailure = null;
        for (int i = 0; i < sends.size(); i++) {
            var failure = failureOf(sends.get(i));
            if (failure == null) {
                acknowledged.add(batch.get(i));
            } else if (firstFailure == null) {
                firstFailure = new FailedSend(batch.get(i), failure);
            }
        }
        return new Delivery(acknowledged, Optional.ofNullable(firstFailure));
    }

    private void awaitAnswers(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxPublishException("Interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            // Some record failed or is not answered yet: failureOf tells which.
        }
    }

    /** Why {@code send} did not succeed, or null if Kafka acknowledged it. */
    private Throwable failureOf(CompletableFuture<?> send) {
        if (!send.isDone()) {
            return new TimeoutException("Kafka did not answer within " + sendTimeout.toMillis() + " ms");
        }
        try {
            send.join();
            return null;
        } catch (CompletionException | CancellationException e) {
            return e.getCause() != null ? e.getCause() : e;
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
            sent = CompletableFuture.failedFuture(e); // refused before it was queued, e.g. too large
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
