package dev.studyboard.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Loads study notes into the running system with one call per note: an import ({@code POST /api/imports}), the
 * orchestrated saga in which progress-service has the catalog register the book, member-service join the writers,
 * and then records who writes what (docs/import-saga.md). The loader sends the notes as they are written and
 * follows the import until it has ended.
 *
 * <p>Idempotency key: each note's key is derived from its text, so the loader may repeat a request the system did
 * not take (it is starting up) and may run again: the same note is always the same import, never a second book.
 */
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final ImportClient api;
    private final String readerName;
    private final Map<String, String> accounts;
    private final Duration timeout;
    private final RetryTemplate patiently;

    /**
     * A loader talking to the import API at this address (the gateway's, in a deployment; progress-service's own
     * in the system tests).
     *
     * @param http       a builder whose requests carry a token that may import ({@link ClientCredentials})
     * @param readerName who did the ticked tasks of a checklist, which names no writers
     * @param accounts   a writer's display name → their account on the auth-server, linked to the member the
     *                   import joins for them
     * @param timeout    how long to wait for the system to take an import (it may be starting), and then for the
     *                   import to end
     */
    public static DemoLoader connectedTo(
            RestClient.Builder http, URI apiUrl, String readerName, Map<String, String> accounts, Duration timeout) {
        return new DemoLoader(new ImportClient(http, apiUrl), readerName, accounts, timeout);
    }

    DemoLoader(ImportClient api, String readerName, Map<String, String> accounts, Duration timeout) {
        this.api = api;
        this.readerName = readerName;
        this.accounts = Map.copyOf(accounts);
        this.timeout = timeout;
        this.patiently = new RetryTemplate(RetryPolicy.builder()
                .predicate(DemoLoader::worthWaitingFor)
                .delay(Duration.ofMillis(250))
                .timeout(timeout)
                .maxRetries(Long.MAX_VALUE)
                .build());
    }

    /**
     * Imports one note and waits until the import has ended.
     *
     * @param notes the note's Markdown text, either form (tables or a checklist)
     * @return the completed import, with the book's id
     * @throws IllegalStateException if the import was undone (with its reason) or did not end in time
     */
    public Import load(String notes) {
        var key = idempotencyKey(notes);
        var location = patiently(
                "The import could not be started",
                () -> api.start(key, new ImportClient.ImportRequest(notes, accounts, readerName)));
        log.info("Import {} started (Idempotency-Key {})", location, key);
        var ended = patiently("Import " + location + " could not be followed", () -> ended(api.get(location)));
        if (!ended.isCompleted()) {
            throw new IllegalStateException(
                    "The import of '%s' was undone (%s): %s".formatted(ended.title(), ended.status(), ended.reason()));
        }
        log.info("Loaded '{}' as book {} (import {})", ended.title(), ended.bookId(), ended.id());
        return ended;
    }

    /** {@code seed-} and the SHA-256 of the note's text: the same note, the same key, however often it is sent. */
    static String idempotencyKey(String notes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(notes.getBytes(StandardCharsets.UTF_8));
            return "seed-" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }

    private static Import ended(Import current) {
        if (!current.isCompleted() && !current.isCompensated()) {
            throw new StillRunning(current);
        }
        return current;
    }

    private <T> T patiently(String problem, Supplier<T> call) {
        try {
            return patiently.invoke(call);
        } catch (StillRunning e) {
            throw new IllegalStateException(
                    "The import did not end within %s; it is at %s".formatted(timeout, e.current.status()), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException(problem + ": " + e.getMessage(), e);
        }
    }

    /**
     * What passes with time: an import still running, and a system still starting up — nothing listening yet, the
     * gateway not yet knowing progress-service (404, or 503 while it registers), a token not yet accepted (401:
     * the next request asks for a new one). Anything else (notes the service cannot read: 400) fails at once.
     */
    private static boolean worthWaitingFor(Throwable failure) {
        return failure instanceof StillRunning
                || failure instanceof ResourceAccessException
                || failure instanceof HttpClientErrorException.NotFound
                || failure instanceof HttpClientErrorException.Unauthorized
                || failure instanceof HttpServerErrorException.BadGateway
                || failure instanceof HttpServerErrorException.ServiceUnavailable
                || failure instanceof HttpServerErrorException.GatewayTimeout;
    }

    /** An import that has not ended yet: asked again after a moment. */
    private static final class StillRunning extends RuntimeException {

        private final transient Import current;

        StillRunning(Import current) {
            super("still " + current.status(), null, false, false);
            this.current = current;
        }
    }
}
