package dev.studyboard.progress;

import dev.studyboard.testsupport.CloudEventSender;
import io.cloudevents.CloudEvent;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plays catalog-service and member-service in progress-service's tests: publishes their events, and their replies to
 * the import saga's commands, exactly as docs/events.md and docs/import-saga.md specify them (CloudEvents, binary
 * mode, keyed by aggregate id). A consumer-side view of the contract; the system tests check the same flow with the
 * real services.
 */
public final class UpstreamEvents implements AutoCloseable {

    private final CloudEventSender catalog = new CloudEventSender("/studyboard/catalog-service");
    private final CloudEventSender members = new CloudEventSender("/studyboard/member-service");

    /** An event as published, so a test can publish the very same one again (a duplicate delivery). */
    public record Sent(String topic, String key, CloudEvent event) {}

    public Sent catalog(UUID bookId, String name, Map<String, Object> data) {
        return send(catalog, "catalog.events", bookId.toString(), "studyboard.catalog." + name, data);
    }

    public Sent member(UUID memberId, String name, Map<String, Object> data) {
        return send(members, "member.events", memberId.toString(), "studyboard.member." + name, data);
    }

    /**
     * A participant's reply to an import's command on {@code import.replies}, as catalog-service or member-service
     * sends it (docs/import-saga.md): {@code service} is {@code catalog} or {@code member}, {@code name} e.g.
     * {@code import.book-registered}.
     */
    public Sent importReply(String service, String name, UUID importId, Map<String, Object> data) {
        var sender = service.equals("catalog") ? catalog : members;
        return send(sender, "import.replies", importId.toString(), "studyboard." + service + "." + name, data);
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
        catalog.again(sent.topic(), sent.event());
    }

    /** A record no consumer can read: not a CloudEvent at all. */
    public void garbage(String topic, String key) {
        catalog.garbage(topic, key);
    }

    private static Sent send(CloudEventSender sender, String topic, String key, String type, Object data) {
        return new Sent(topic, key, sender.send(topic, type, key, data));
    }

    @Override
    public void close() {
        catalog.close();
        members.close();
    }
}
