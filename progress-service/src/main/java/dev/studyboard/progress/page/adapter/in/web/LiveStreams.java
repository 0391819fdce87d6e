package dev.studyboard.progress.page.adapter.in.web;

import dev.studyboard.progress.page.application.LiveBoards;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter.SseEventBuilder;

/**
 * The live boards on this instance: the server-sent event streams open per book, each sent {@code board-changed}
 * (the item) when its book's board changed. A stream ends after {@code studyboard.page.live-timeout} (the browser's
 * EventSource opens it again by itself) and is forgotten when it ends or fails; a heartbeat comment keeps an idle
 * one open through proxies that close quiet connections. When the service stops, it ends them all first: a graceful
 * shutdown waits for open requests, and each browser reconnects, to an instance that runs.
 */
@Component
@EnableScheduling
class LiveStreams implements LiveBoards, SmartLifecycle {

    static final String BOARD_CHANGED = "board-changed";

    private final Map<UUID, Set<SseEmitter>> open = new ConcurrentHashMap<>();
    private final Duration timeout;
    private volatile boolean running;

    LiveStreams(@Value("${studyboard.page.live-timeout:30m}") Duration timeout) {
        this.timeout = timeout;
    }

    SseEmitter open(UUID bookId) {
        var stream = new SseEmitter(timeout.toMillis());
        open.computeIfAbsent(bookId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        stream.onCompletion(() -> forget(bookId, stream));
        stream.onError(failure -> forget(bookId, stream));
        stream.onTimeout(stream::complete); // an end the browser reconnects after, not an error
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
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }
}
