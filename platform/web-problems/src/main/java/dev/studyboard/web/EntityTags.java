package dev.studyboard.web;

import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.springframework.http.ETag;

/**
 * A version (of a book, a member, …) as an HTTP entity tag: {@code ETag: "3"} on every read, {@code If-Match: "3"} on
 * a change, {@code If-None-Match: "3"} on a read of what the client already has. A missing If-Match (or {@code *})
 * means "whatever the current version is".
 *
 * <p>Where one version has several representations (a member, with or without their personal details), each view
 * has its own tag, {@code "3"} and {@code "3.personal"}: a strong validator differs between representations (RFC 9110
 * 8.8.1), so a copy kept for one caller is never confirmed (304) for another.
 */
public final class EntityTags {

    /** The view part of a tag, {@code .personal} in {@code "3.personal"}. */
    private static final Pattern VIEW = Pattern.compile("\\.[a-z]+$");

    private EntityTags() {}

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The tag of one view of a version, e.g. {@code "3.personal"}. */
    public static String of(long version, String view) {
        return "\"" + version + "." + view + "\"";
    }

    /**
     * The version an If-Match names. Only the version counts, not the view ({@code "3"} and {@code "3.personal"}
     * both name version 3): a lost update depends on the version alone.
     */
    public static OptionalLong expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        var tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = VIEW.matcher(tag.replace("\"", "")).replaceFirst("");
        try {
            return OptionalLong.of(Long.parseLong(tag));
        } catch (NumberFormatException e) {
            throw new MalformedIfMatchException(ifMatch);
        }
    }

    /**
     * Conditional read (RFC 9110 13.1.2): whether {@code If-None-Match} names {@code version}, so the client's copy
     * is current and the answer is 304. Weak comparison, as RFC 9110 asks for this header: {@code W/"3"} names
     * version 3 as {@code "3"} does; {@code *} names any version; a list, each of its tags. A header with no tag
     * in it ({@code 3} without quotes, {@code "3} unclosed) names nothing: the read is answered in full, never
     * refused. Read the way Spring MVC reads it ({@link ETag#parse}), so that this 304 and the one Spring MVC
     * gives itself to a loaded answer with an ETag agree.
     */
    public static boolean matches(String ifNoneMatch, long version) {
        return matches(ifNoneMatch, of(version));
    }

    /** The same for the tag of one view ({@link #of(long, String)}): {@code "3"} does not name {@code "3.personal"}. */
    public static boolean matches(String ifNoneMatch, String eTag) {
        if (ifNoneMatch == null) {
            return false;
        }
        var current = ETag.create(eTag);
        return ETag.parse(ifNoneMatch).stream().anyMatch(tag -> tag.isWildcard() || tag.compare(current, false));
    }

    public static class MalformedIfMatchException extends RuntimeException {
        MalformedIfMatchException(String ifMatch) {
            super("If-Match '" + ifMatch + "' is not an entity tag of this API, like \"3\"");
        }
    }
}
