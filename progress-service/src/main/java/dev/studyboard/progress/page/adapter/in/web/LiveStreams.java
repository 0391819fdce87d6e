package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.page.application.LiveBoards;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The live boards on this instance: the server-sent event streams open per book, each sent {@code board-changed}
 * (the item) when its book's board changed. A stream ends after {@code studyboard.page.live-timeout} (the browser's
 * EventSource opens it again by itself) and is forgotten when it ends or fails; a heartbeat comment keeps an idle
 * one open through proxies that close quiet connections. When the service stops, it ends them all first: a graceful
 * shutdown waits for open requests, and each browser reconnects, to an instance that runs. Each stream holds a
 * connection, so an instance keeps at most {@code studyboard.page.max-live-streams} open, and opens none while it
 * stops: the browser is told to come back later (503), and reconnects by itself.
 */
@Component
class LiveStreams implements LiveBoards, SmartLifecycle {

    static final String BOARD_CHANGED = "board-changed";

    private final Map<UUID, Set<SseEmitter>> open = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final Duration timeout;
    private final int max;
    private volatile boolean running;

    LiveStreams(
            @Value("${studyboard.page.live-timeout:30m}") Duration timeout,
            @Value("${studyboard.page.max-live-streams:1000}") int max) {
        this.timeout = timeout;
        this.max = max;
    }

    /** @throws StreamRefusedException past the most streams an instance keeps, or once it stops */
    SseEmitter open(UUID bookId) {
        if (!running) {
            throw new StreamRefusedException("stopping");
        }
        if (count.incrementAndGet() > max) {
            count.decrementAndGet();
            throw new StreamRefusedException("already " + max + " live streams");
        }
        var stream = new SseEmitter(timeout.toMillis());
        // Added and forgotten inside the map's compute, atomic per book: a set emptied and removed by forget is
        // never the one a new stream is added to.
        open.compute(bookId, (id, streams) -> {
            var set = streams == null ? ConcurrentHashMap.<SseEmitter>newKeySet() : streams;
            set.add(stream);
            return set;
        });
        stream.onCompletion(() -> forget(bookId, stream));
        stream.onError(failure -> forget(bookId, stream));
        stream.onTimeout(stream::complete); // an end the browser reconnects after, not an error
        if (!running) { // stop() began meanwhile and may not have seen this stream
            forget(bookId, stream);
            throw new StreamRefusedException("stopping");
        }
        return stream;
    }

    @Override
    public void changed(UUID bookId, String item) {
        open.getOrDefault(bookId, Set.of())
                .forEach(stream -> send(
                        bookId, stream, SseEmitter.event().name(BOARD_CHANGED).data(item)));
    }

    @Scheduled(fixedRateString = "${studyboard.page.heartbeat:15s}")
    void heartbeat() {
        open.forEach((bookId, streams) -> streams.forEach(
                stream -> send(bookId, stream, SseEmitter.event().comment("heartbeat"))));
    }

    @Override
    public void start() {
        running = true;
    }

    /** Runs before the web server's graceful shutdown (a lower phase), which would wait for every open stream. */
    @Override
    public void stop() {
        running = false;
        open.values().forEach(streams -> streams.forEach(SseEmitter::complete));
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void send(UUID bookId, SseEmitter stream, SseEventBuilder event) {
        try {
            stream.send(event);
        } catch (IOException | IllegalStateException gone) {
            forget(bookId, stream); // the browser went away; Spring MVC ends the request
        }
    }

    private void forget(UUID bookId, SseEmitter stream) {
        open.computeIfPresent(bookId, (id, streams) -> {
            if (streams.remove(stream)) {
                count.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    /** No stream now: this instance keeps as many as it may, or it stops (503, the browser comes back later). */
    static class StreamRefusedException extends RuntimeException {
        StreamRefusedException(String why) {
            super("No live stream now: " + why);
        }
    }
}
