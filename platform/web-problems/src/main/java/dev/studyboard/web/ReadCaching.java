package dev.studyboard.web;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * HTTP caching of a read (RFC 9111), one policy for every service: {@code Cache-Control: no-cache}. A client (or,
 * as each policy says, a cache on the way) may keep the answer but must ask again before each use, sending the ETag as
 * {@code If-None-Match}: the board changes while people work, so a stale copy is never shown, and an unchanged one
 * costs a 304 without a body. No {@code max-age}: nobody knows in advance how long a book stays unchanged.
 *
 * <p>Only the read of one versioned resource gets it. A list has no version to ask again with, so a kept copy
 * would save nothing; it, every change and every problem keep what Spring Security writes on any other answer,
 * {@code no-store}: kept nowhere.
 */
public enum ReadCaching {

    /**
     * The same answer for every caller (a book): the client's own cache may keep it, and a shared one on the way
     * only when the request carried no {@code Authorization} (RFC 9111 3.5: without {@code public} it keeps no
     * answer to a signed-in request).
     */
    SAME_FOR_EVERYONE(CacheControl.noCache(), List.of()),

    /**
     * An answer that depends on the caller (a member, whose e-mail only they and the organizer see): only the
     * caller's own cache may keep it ({@code private}), and use it only for the same token ({@code Vary}).
     */
    PER_CALLER(CacheControl.noCache().cachePrivate(), List.of(HttpHeaders.AUTHORIZATION));

    private final CacheControl cacheControl;
    private final List<String> varyBy;

    ReadCaching(CacheControl cacheControl, List<String> varyBy) {
        this.cacheControl = cacheControl;
        this.varyBy = varyBy;
    }

    /** Adds this policy's {@code Cache-Control} and {@code Vary} to a read's answer, a 200 or its 304. */
    <B extends ResponseEntity.HeadersBuilder<B>> B applyTo(B answer) {
        answer.cacheControl(cacheControl);
        if (!varyBy.isEmpty()) {
            answer.varyBy(varyBy.toArray(String[]::new));
        }
        return answer;
    }
}
