package dev.studyboard.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Responses that carry the version of what they return as {@code ETag} (see {@link EntityTags}), so the client
 * can send it back as {@code If-Match} with its next change, or as {@code If-None-Match} to read it again.
 */
public final class VersionedResponses {

    private VersionedResponses() {}

    /** 200 OK with the version as ETag. */
    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ok(EntityTags.of(version), body);
    }

    /** 200 OK with the tag of one view of the version ({@link EntityTags#of(long, String)}). */
    public static <T> ResponseEntity<T> ok(String eTag, T body) {
        return ResponseEntity.ok().eTag(eTag).body(body);
    }

    /** 200 OK for a read: the version as ETag, and how the answer may be kept ({@link ReadCaching}). */
    public static <T> ResponseEntity<T> read(ReadCaching caching, long version, T body) {
        return read(caching, EntityTags.of(version), body);
    }

    /** The same with the tag of one view of the version. */
    public static <T> ResponseEntity<T> read(ReadCaching caching, String eTag, T body) {
        return caching.applyTo(ResponseEntity.ok().eTag(eTag)).body(body);
    }

    /**
     * 304 Not Modified, for a read whose {@code If-None-Match} names the current version
     * ({@link EntityTags#matches}): no body, and the headers the 200 would have had, its ETag and caching (RFC 9110
     * 15.4.5), so the client's copy is current again.
     */
    public static <T> ResponseEntity<T> notModified(ReadCaching caching, long version) {
        return notModified(caching, EntityTags.of(version));
    }

    /** The same with the tag of one view of the version: the one the 200 to this caller would have had. */
    public static <T> ResponseEntity<T> notModified(ReadCaching caching, String eTag) {
        return caching.applyTo(ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(eTag))
                .build();
    }

    /**
     * 201 Created for what the request added to the collection it was sent to: {@code Location} is the
     * request's path followed by {@code /id} ({@code POST /api/members} → {@code /api/members/<id>}). Only the
     * path: behind the gateway, this service's own host is not the one the client called.
     */
    public static <T> ResponseEntity<T> created(Object id, long version, T body) {
        return created(id, EntityTags.of(version), body);
    }

    /** The same with the tag of one view of the version. */
    public static <T> ResponseEntity<T> created(Object id, String eTag, T body) {
        var collection =
                ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        var location = URI.create(collection + "/" + UriUtils.encodePathSegment(id.toString(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).eTag(eTag).body(body);
    }
}
