package dev.studyboard.web;

import java.util.OptionalLong;

/**
 * A version (of a book, a member, …) as an HTTP entity tag: {@code ETag: "3"} on every read, {@code If-Match: "3"} on a change.
 * A missing If-Match (or {@code *}) means "whatever the current version is".
 */
public final class EntityTags {

    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        var tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new MalformedIfMatchException(ifMatch);
        }
    }

    public static class MalformedIfMatchException extends RuntimeException {
        MalformedIfMatchException(String ifMatch) {
            super("If-Match '" + ifMatch + "' is not an entity tag of this API, like \"3\"");
        }
    }
}
