package dev.studyboard.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Responses that carry the version of what they return as {@code ETag} (see {@link EntityTags}), so the client
 * can send it back as {@code If-Match} with its next change.
 */
public final class VersionedResponses {

    private VersionedResponses() {}

    /** 200 OK with the version as ETag. */
    public static <T> ResponseEntity<T> ok(long version, T body) {
        return ResponseEntity.ok().eTag(EntityTags.of(version)).body(body);
    }

    /**
     * 201 Created for what the request added to the collection it was sent to: {@code Location} is the
     * request's path followed by {@code /id} ({@code POST /api/members} → {@code /api/members/<id>}). Only the
     * path: behind the gateway, this service's own host is not the one the client called.
     */
    public static <T> ResponseEntity<T> created(Object id, long version, T body) {
        var collection =
                ServletUriComponentsBuilder.fromCurrentRequestUri().build().getPath();
        var location = URI.create(collection + "/" + UriUtils.encodePathSegment(id.toString(), StandardCharsets.UTF_8));
        return ResponseEntity.created(location).eTag(EntityTags.of(version)).body(body);
    }
}
