package dev.studyboard.outbox;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.thread.Threading;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * One background loop on Spring's lifecycle, the skeleton of the outbox's relay, listener and cleaner: started
 * and stopped with the application context, it repeats {@link #work()} on a thread of its own until stopped.
 *
 * <ul>
 *   <li>A round that fails is tried again after a pause from the {@link BackOff}, longer with each failure in
 *       a row; a round that succeeds starts the pauses over. A stop cuts a pause short.</li>
 *   <li>The thread comes from a {@link SimpleAsyncTaskExecutor}: virtual when the application turns virtual
 *       threads on ({@code spring.threads.virtual.enabled} on JDK 21+), as Spring Boot's own executors.</li>
 *   <li>A stop lets the round in flight finish within the stop timeout, then interrupts it.</li>
 * </ul>
 */
abstract class BackgroundWorker implements SmartLifecycle, EnvironmentAware {

    private final String name;
    private final BackOff backOff;
    private final Duration stopTimeout;
    private boolean virtualThreads;

    private volatile CountDownLatch stopSignal = new CountDownLatch(0);
    private SimpleAsyncTaskExecutor executor;

    BackgroundWorker(String name, BackOff backOff, Duration stopTimeout) {
        this.name = name;
        this.backOff = backOff;
        this.stopTimeout = stopTimeout;
    }

    /** One round of the loop, called again and again while the worker runs. */
    abstract void work() throws Exception;

    /** Reports a round that failed (log, count); the next one starts after {@code retryIn}. */
    abstract void failed(Exception failure, Duration retryIn);

    /** Called on the stopping thread as a stop begins, to wake a round that is waiting for something. */
    void stopping() {}

    /**
     * Waits for {@code pause}, or less if the worker stops meanwhile.
     *
     * @return whether the worker is stopping
     */
    final boolean awaitStop(Duration pause) {
        try {
            return stopSignal.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private void repeatUntilStopped() {
        BackOffExecution retries = null; // the pauses of the current run of failures
        while (isRunning()) {
            try {
                work();
                retries = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // a stop that timed out
                return;
            } catch (Exception e) {
                if (!isRunning()) {
                    return; // failed because it is stopping: nothing to report or retry
                }
                if (retries == null) {
                    retries = backOff.start();
                }
                long pause = retries.nextBackOff();
                if (pause == BackOffExecution.STOP) { // a back-off that gives up: the worker does not, it starts over
                    retries = backOff.start();
                    pause = Math.max(retries.nextBackOff(), 0);
                }
                var retryIn = Duration.ofMillis(pause);
                failed(e, retryIn);
                awaitStop(retryIn);
            }
        }
    }

    @Override
    public void setEnvironment(Environment environment) {
        this.virtualThreads = Threading.VIRTUAL.isActive(environment);
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopSignal = new CountDownLatch(1);
        executor = new SimpleAsyncTaskExecutor(name + "-");
        executor.setVirtualThreads(virtualThreads);
        executor.setDaemon(true); // as virtual threads are: a worker never keeps the JVM alive
        executor.setTaskTerminationTimeout(stopTimeout.toMillis()); // how long close() waits before it interrupts
        executor.execute(this::repeatUntilStopped);
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        stopSignal.countDown();
        stopping();
        executor.close();
        executor = null;
    }

    @Override
    public boolean isRunning() {
        return stopSignal.getCount() > 0;
    }
}
