package dev.studyboard.demo;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.web.client.RestClient;

/**
 * Loads study notes into the running system through its public API only, the way a user would: members,
 * then the book, then — once progress-service's replicas have caught up by events — who writes what and
 * what is done. Safe to run again: it skips what is already there.
 */
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final StudyBoardClient api;
    private final String readerName;
    private final Map<String, String> accounts;
    private final RetryTemplate patiently;

    /**
     * A loader talking to the three services at these addresses (all the gateway's, in a deployment).
     *
     * @param http               a builder whose requests carry a token that may write ({@link ClientCredentials})
     * @param readerName         the member credited with a checklist's done sections, which name no writer
     * @param accounts           a writer's display name → their account on the auth-server, set on the member the
     *                           loader adds for them
     * @param replicationTimeout how long to wait for progress-service's replicas to catch up
     */
    public static DemoLoader connectedTo(
            RestClient.Builder http,
            URI catalogUrl,
            URI memberUrl,
            URI progressUrl,
            String readerName,
            Map<String, String> accounts,
            Duration replicationTimeout) {
        return new DemoLoader(
                new StudyBoardClient(http, catalogUrl, memberUrl, progressUrl),
                readerName,
                accounts,
                replicationTimeout);
    }

    DemoLoader(StudyBoardClient api, String readerName, Map<String, String> accounts, Duration replicationTimeout) {
        this.api = api;
        this.readerName = readerName;
        this.accounts = Map.copyOf(accounts);
        this.patiently = new RetryTemplate(RetryPolicy.builder()
                .delay(Duration.ofMillis(250))
                .timeout(replicationTimeout)
                .maxRetries(Long.MAX_VALUE)
                .build());
    }

    /** @return the book's id in the catalog */
    public UUID load(StudyNotes notes) {
        var memberIds = whenAvailable(api::memberIds); // behind a gateway that may still be finding the services
        var writers = new LinkedHashSet<String>();
        for (var row : notes.rows()) {
            if (row.writer() != null) {
                writers.add(row.writer());
            } else if (row.done()) {
                writers.add(readerName); // a checklist has no writers: its reader did the work
            }
        }
        for (var writer : writers) {
            // A writer with an account is linked to it: signed in, they are the member the notes name.
            memberIds.computeIfAbsent(writer, name -> api.addMember(name, accounts.get(name)));
        }
        var bookId = whenAvailable(() -> api.bookIdByTitle(notes.title()))
                .orElseGet(() -> api.registerBook(notes, "(from the notes)"));
        awaitReplicas(bookId, writers, memberIds);
        for (var row : notes.rows()) {
            var writer = row.writer() != null ? row.writer() : row.done() ? readerName : null;
            if (writer != null) {
                recordWork(bookId, row, memberIds.get(writer));
            }
        }
        log.info(
                "Loaded '{}' ({} sections) as book {}",
                notes.title(),
                notes.rows().size(),
                bookId);
        return bookId;
    }

    private void recordWork(UUID bookId, StudyNotes.Row row, UUID memberId) {
        var current = api.assignment(bookId, row.item());
        var status = current.get("status").asString();
        if (!"DONE".equals(status)
                && !memberId.toString().equals(current.path("assignee").asString(""))) {
            api.assign(bookId, row.item(), memberId);
        }
        if (row.done() && "TODO".equals(status)) {
            api.step(bookId, row.item(), "start");
            status = "IN_PROGRESS";
        }
        if (row.done() && "IN_PROGRESS".equals(status)) {
            api.step(bookId, row.item(), "complete");
        }
    }

    /** The replicas are built from events, so they lag a moment behind the writes above: wait for them. */
    private void awaitReplicas(UUID bookId, Iterable<String> writers, Map<String, UUID> memberIds) {
        try {
            for (var writer : writers) {
                patiently.execute(() -> require(api.progressKnows(bookId, memberIds.get(writer))));
            }
            patiently.execute(() -> require(api.progressKnows(bookId, null)));
        } catch (RetryException e) {
            throw new IllegalStateException("progress-service did not receive the book and members in time", e);
        }
    }

    private <T> T whenAvailable(java.util.function.Supplier<T> call) {
        try {
            return patiently.execute(call::get);
        } catch (RetryException e) {
            throw new IllegalStateException("The API did not answer in time", e);
        }
    }

    private static Boolean require(boolean condition) {
        if (!condition) {
            throw new IllegalStateException("not replicated yet");
        }
        return Boolean.TRUE;
    }
}
