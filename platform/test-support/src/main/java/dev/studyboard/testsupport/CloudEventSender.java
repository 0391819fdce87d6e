package dev.studyboard.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays another service on the shared Kafka: sends CloudEvents exactly as the outbox relays them (binary mode, JSON
 * data, keyed and subjected by the aggregate, {@code dataschema} of version 1), so a test can stand in for a
 * producer, a saga's orchestrator or its participants.
 */
public final class CloudEventSender implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI source;
    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()),
            new StringSerializer(),
            new CloudEventSerializer());
    private final KafkaProducer<String, byte[]> rawProducer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** @param source the CloudEvents {@code source} of what it sends, e.g. {@code /studyboard/progress-service} */
    public CloudEventSender(String source) {
        this.source = URI.create(source);
    }

    /**
     * Sends a new event (a fresh id) and returns it, so a test can send the very same one again.
     *
     * @param type    e.g. {@code studyboard.progress.import.register-book}; its schema is {@code
     *                urn:studyboard:schema:progress.import.register-book:v1}
     * @param subject the aggregate: the record's key and the CloudEvents {@code subject}
     */
    public CloudEvent send(String topic, String type, String subject, Object data) {
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now())
                .withDataSchema(URI.create("urn:studyboard:schema:" + type.substring("studyboard.".length()) + ":v1"))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
        again(topic, event);
        return event;
    }

    /** Sends the same event (same id) again: a redelivery, or a saga's retry. */
    public void again(String topic, CloudEvent event) {
        producer.send(new ProducerRecord<>(topic, event.getSubject(), event));
        producer.flush();
    }

    /** A record nobody can read: not a CloudEvent at all. */
    public void garbage(String topic, String key) {
        rawProducer.send(new ProducerRecord<>(topic, key, "not a CloudEvent".getBytes(StandardCharsets.UTF_8)));
        rawProducer.flush();
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
