package dev.studyboard.outbox;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The naming convention of every Study Board event, in one place: what kind of event it is (CloudEvents
 * {@code type}) and which contract, in which version, its data follows (CloudEvents {@code dataschema}).
 *
 * <p>{@code EventType.v1("catalog", "book.registered")} is {@code studyboard.catalog.book.registered}, with
 * data schema {@code urn:studyboard:schema:catalog.book.registered:v1}. The type stays when the contract
 * changes incompatibly; the schema's version goes up (docs/events.md, versioning).
 *
 * @param service the publishing service's short name, e.g. {@code catalog}
 * @param name    what happened, e.g. {@code book.registered}
 * @param version the version of the data's contract, from 1
 */
public record EventType(String service, String name, int version) {

    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern WORDS = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

    public EventType {
        if (service == null || !WORD.matcher(service).matches()) {
            throw new IllegalArgumentException("Service must be one lower-case word: " + service);
        }
        if (name == null || !WORDS.matcher(name).matches()) {
            throw new IllegalArgumentException("Name must be lower-case words joined by dots: " + name);
        }
        if (version < 1) {
            throw new IllegalArgumentException("Version must be 1 or more: " + version);
        }
    }

    /** The first version of an event's contract. */
    public static EventType v1(String service, String name) {
        return new EventType(service, name, 1);
    }

    /** CloudEvents {@code type}: {@code studyboard.<service>.<name>}. */
    public String cloudEventsType() {
        return "studyboard." + service + "." + name;
    }

    /** CloudEvents {@code dataschema}: {@code urn:studyboard:schema:<service>.<name>:v<version>}. */
    public URI dataSchema() {
        return URI.create("urn:studyboard:schema:" + service + "." + name + ":v" + version);
    }
}
