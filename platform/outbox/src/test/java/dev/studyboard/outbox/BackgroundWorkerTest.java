package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/** The lifecycle the relay, the NOTIFY listener and the cleaner share, on a worker whose rounds the test scripts. */
@DisplayName("A background worker")
class BackgroundWorkerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Each round takes the next step of its script; with the script done, a round waits a moment and succeeds. */
    static class ScriptedWorker extends BackgroundWorker {

        final Queue<Step> script = new ConcurrentLinkedQueue<>();
        final AtomicInteger rounds = new AtomicInteger();
        final List<Duration> pauses = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final CountDownLatch stopRequested = new CountDownLatch(1);

        ScriptedWorker(BackOff backOff, Duration stopTimeout) {
            super("test-worker", backOff, stopTimeout);
        }

        @Override
        void work() throws Exception {
            threads.add(Thread.currentThread());
            rounds.incrementAndGet();
            var step = script.poll();
            if (step != null) {
                step.run();
            } else {
                awaitStop(Duration.ofMillis(10));
            }
        }

        @Override
        void failed(Exception failure, Duration retryIn) {
            pauses.add(retryIn);
        }

        @Override
        void stopping() {
            stopRequested.countDown();
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static final Step FAIL = () -> {
        throw new IllegalStateException("Kafka is down");
    };
    private static final Step SUCCEED = () -> {};

    private ScriptedWorker worker;

    @AfterEach
    void stopWorker() {
        worker.stop();
    }

    @Test
    @DisplayName("repeats its round on a daemon thread of its own until stopped, then runs no more")
    void repeatsUntilStopped() {
        worker = new ScriptedWorker(new FixedBackOff(0), TIMEOUT);

        worker.start();
        await().atMost(TIMEOUT).until(() -> worker.rounds.get() >= 3);
        worker.stop();

        assertThat(worker.isRunning()).isFalse();
        int rounds = worker.rounds.get();
        await().during(Duration.ofMillis(200)).atMost(TIMEOUT).until(() -> worker.rounds.get() == rounds);
        assertThat(worker.threads).allSatisfy(thread -> {
            assertThat(thread).isNotSameAs(Thread.currentThread());
            assertThat(thread.getName()).startsWith("test-worker-");
            assertThat(thread.isDaemon()).isTrue();
        });
    }

    @Test
    @DisplayName("after failed rounds waits growing pauses from its back-off; a round that succeeds starts them over")
    void backsOffAfterFailures() {
        worker = new ScriptedWorker(new ExponentialBackOff(10, 2), TIMEOUT);
        worker.script.addAll(List.of(FAIL, FAIL, FAIL, SUCCEED, FAIL));

        worker.start();

        await().atMost(TIMEOUT).until(() -> worker.script.isEmpty() && worker.pauses.size() == 4);
        assertThat(worker.pauses)
                .containsExactly(
                        Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofMillis(10));
    }

    @Test
    @DisplayName("a stop cuts a back-off pause short")
    void stopCutsPauseShort() {
        worker = new ScriptedWorker(new FixedBackOff(Duration.ofHours(1).toMillis()), TIMEOUT);
        worker.script.add(FAIL);

        worker.start();
        await().atMost(TIMEOUT).until(() -> worker.pauses.size() == 1);

        assertTimeoutPreemptively(TIMEOUT, () -> worker.stop());
        assertThat(worker.rounds).hasValue(1);
    }

    @Nested
    @DisplayName("on stop")
    class OnStop {

        private final CountDownLatch inRound = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final AtomicBoolean finished = new AtomicBoolean();
        private final AtomicBoolean interrupted = new AtomicBoolean();

        /** A round that waits for the test to release it, and remembers how it ended. */
        private final Step longRound = () -> {
            inRound.countDown();
            try {
                release.await();
                finished.set(true);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        };

        @Test
        @DisplayName("lets the round in flight finish before it returns")
        void letsRoundFinish() throws Exception {
            worker = new ScriptedWorker(new FixedBackOff(0), TIMEOUT);
            worker.script.add(longRound);
            worker.start();
            inRound.await();

            var stop = CompletableFuture.supplyAsync(() -> {
                worker.stop();
                return finished.get();
            });
            worker.stopRequested.await();
            release.countDown();

            assertThat(stop.get())
                    .as("the round had finished when stop() returned")
                    .isTrue();
            assertThat(interrupted).isFalse();
        }

        @Test
        @DisplayName("interrupts a round that outlasts the stop timeout")
        void interruptsLateRound() throws Exception {
            worker = new ScriptedWorker(new FixedBackOff(0), Duration.ofMillis(100));
            worker.script.add(longRound);
            worker.start();
            inRound.await();

            assertTimeoutPreemptively(TIMEOUT, () -> worker.stop());

            await().atMost(TIMEOUT).untilTrue(interrupted);
            assertThat(finished).isFalse();
        }
    }

    @Test
    @DisplayName("starts again after a stop, on a new thread")
    void restarts() {
        worker = new ScriptedWorker(new FixedBackOff(0), TIMEOUT);
        worker.start();
        await().atMost(TIMEOUT).until(() -> worker.rounds.get() >= 1);
        worker.stop();
        var firstThread = worker.threads.get(0);
        int rounds = worker.rounds.get();

        worker.start();

        await().atMost(TIMEOUT).until(() -> worker.rounds.get() > rounds);
        assertThat(worker.isRunning()).isTrue();
        assertThat(worker.threads.get(worker.threads.size() - 1)).isNotSameAs(firstThread);
    }

    @Test
    @DisplayName("runs on a virtual thread when the application turns them on and the JDK has them (21+)")
    void followsVirtualThreadsSetting() throws Exception {
        worker = new ScriptedWorker(new FixedBackOff(0), TIMEOUT);
        worker.setEnvironment(new MockEnvironment().withProperty("spring.threads.virtual.enabled", "true"));

        worker.start();
        await().atMost(TIMEOUT).until(() -> worker.rounds.get() >= 1);

        assertThat(isVirtual(worker.threads.get(0))).isEqualTo(Runtime.version().feature() >= 21);
    }

    /** {@code Thread.isVirtual()} is JDK 21 API; the tests compile for 17. */
    private static boolean isVirtual(Thread thread) throws Exception {
        try {
            return (boolean) Thread.class.getMethod("isVirtual").invoke(thread);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
