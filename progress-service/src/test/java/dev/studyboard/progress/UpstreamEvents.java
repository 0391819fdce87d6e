package dev.studyboard.progress;

import dev.studyboard.testsupport.SharedContainers;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.CloudEventSerializer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Plays catalog-service and member-service in progress-service's tests: publishes their events exactly as
 * docs/events.md specifies them (CloudEvents, binary mode, keyed by aggregate id). A consumer-side view of the
 * contract; the system tests check the same flow with the real services.
 */
public final class UpstreamEvents implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaProducer<String, CloudEvent> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()),
            new StringSerializer(),
            new CloudEventSerializer());
    private final KafkaProducer<String, byte[]> rawProducer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    /** An event as published, so a test can publish the very same one again (a duplicate delivery). */
    public record Sent(String topic, String key, CloudEvent event) {}

    public Sent catalog(UUID bookId, String name, Map<String, Object> data) {
        return send(
                "catalog.events", bookId.toString(), "/studyboard/catalog-service", "studyboard.catalog." + name, data);
    }

    public Sent member(UUID memberId, String name, Map<String, Object> data) {
        return send(
                "member.events", memberId.toString(), "/studyboard/member-service", "studyboard.member." + name, data);
    }

    public Sent bookRegistered(UUID bookId, String title, List<Map<String, Object>> chapters) {
        return catalog(
                bookId,
                "book.registered",
                Map.of(
                        "bookId",
                        bookId,
                        "bookVersion",
                        1,
                        "title",
                        title,
                        "authors",
                        List.of("Author"),
                        "chapters",
                        chapters));
    }

    /** A member joined, as member-service published it before accounts existed: no {@code account}. */
    public Sent memberJoined(UUID memberId, String displayName) {
        return member(
                memberId,
                "joined",
                Map.of(
                        "memberId",
                        memberId,
                        "memberVersion",
                        1,
                        "displayName",
                        displayName,
                        "joinedAt",
                        "2026-11-28T00:00:00Z"));
    }

    /** A member joined, linked to the account (token subject) they sign in with; the e-mail is never published. */
    public Sent memberJoined(UUID memberId, String displayName, String account) {
        var data = new java.util.HashMap<String, Object>();
        data.put("memberId", memberId);
        data.put("memberVersion", 1);
        data.put("displayName", displayName);
        data.put("email", null);
        data.put("account", account);
        data.put("joinedAt", "2026-11-28T00:00:00Z");
        return member(memberId, "joined", data);
    }

    public static Map<String, Object> chapter(int number, String title, Map<String, Object>... sections) {
        return Map.of("number", number, "title", title, "sections", List.of(sections));
    }

    public static Map<String, Object> section(String item, String title, Integer page) {
        var section = new java.util.HashMap<String, Object>();
        section.put("item", item);
        section.put("title", title);
        section.put("page", page);
        return section;
    }

    /** Publishes the same event (same id) again. */
    public void again(Sent sent) {
        producer.send(new ProducerRecord<>(sent.topic(), sent.key(), sent.event()));
        producer.flush();
    }

    /** A record no consumer can read: not a CloudEvent at all. */
    public void garbage(String topic, String key) {
        rawProducer.send(new ProducerRecord<>(topic, key, "not an event".getBytes(StandardCharsets.UTF_8)));
        rawProducer.flush();
    }

    private Sent send(String topic, String key, String source, String type, Map<String, Object> data) {
        var event = CloudEventBuilder.v1()
                .withId(UUID.randomUUID().toString())
                .withSource(URI.create(source))
                .withType(type)
                .withSubject(key)
                .withTime(OffsetDateTime.now())
                .withDataSchema(URI.create("urn:studyboard:schema:" + type.substring("studyboard.".length()) + ":v1"))
                .withDataContentType("application/json")
                .withData(JSON.writeValueAsBytes(data))
                .build();
        var sent = new Sent(topic, key, event);
        again(sent);
        return sent;
    }

    @Override
    public void close() {
        producer.close();
        rawProducer.close();
    }
}
