package dev.studyboard.progress.benchmark;

import static dev.studyboard.testsupport.SharedContainers.POSTGRES;

import com.sun.management.OperatingSystemMXBean;
import dev.studyboard.progress.ProgressApplication;
import dev.studyboard.progress.assignment.api.RecordedWork;
import dev.studyboard.testsupport.SharedContainers;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scaling databases (seed 002, 11.8): does the board's read traffic need a read replica yet? Measures what one read
 * of the JSON board costs PostgreSQL and what it costs the service. Not a test: it prints.
 *
 * <p>progress-service (the real application, random port) runs on SharedContainers' PostgreSQL and Kafka, with a
 * board as big as the notes' ({@link StudyBoardSeed}). {@code benchmark.clients} threads read the larger book's
 * board over HTTP, {@code benchmark.warmup} seconds to warm up, then {@code benchmark.seconds} measured. Per read:
 * transactions, rows and buffers from {@code pg_stat_database}; CPU of the PostgreSQL container (its cgroup) and of
 * the service (this JVM's process CPU less the client threads'). Both less the idle system's own background (outbox
 * relay, saga timer, Kafka consumers), measured for {@code benchmark.idle} seconds before the load.
 *
 * <p>Run: {@code ./mvnw -pl progress-service -am -Pboard-benchmark verify -DskipTests [-Dbenchmark.clients=16 ...]}
 */
public final class BoardReadBenchmark {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private static volatile boolean running = true;
    private static volatile boolean measuring;

    private BoardReadBenchmark() {}

    /** What to run: {@code -Dbenchmark.clients=16 -Dbenchmark.seconds=20 -Dbenchmark.warmup=20 -Dbenchmark.idle=10}. */
    record Settings(int clients, int seconds, int warmup, int idle) {

        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("benchmark.clients", 16),
                    Integer.getInteger("benchmark.seconds", 20),
                    Integer.getInteger("benchmark.warmup", 20),
                    Integer.getInteger("benchmark.idle", 10));
        }
    }

    public static void main(String[] args) throws Exception {
        var run = Settings.fromSystemProperties();
        // HttpURLConnection keeps 5 connections alive by default: the other clients would reconnect on every read.
        System.setProperty("http.maxConnections", String.valueOf(run.clients()));

        // As command-line arguments, so they win over the application's own: random ports, no Eureka to register with.
        var settings = Stream.concat(
                        Stream.of(
                                "--server.port=0",
                                "--management.server.port=0",
                                "--eureka.client.enabled=false",
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=WARN"),
                        Arrays.stream(args))
                .toArray(String[]::new);
        try (var context =
                        new SpringApplicationBuilder(ProgressApplication.class, SharedContainers.class).run(settings);
                var statistics = DriverManager.getConnection(
                        POSTGRES.getJdbcUrl(), POSTGRES.getUsername(), POSTGRES.getPassword())) {
            var service =
                    URI.create("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
            var seeded = new StudyBoardSeed(
                            service, context.getBean(RecordedWork.class), context.getBean(TransactionTemplate.class))
                    .seed();
            var book = StudyBoardSeed.BUILDING_MICROSERVICES;
            var board = service.resolve("/api/progress/books/" + book.id() + "/board")
                    .toURL();

            // PostgreSQL publishes an idle backend's statistics up to 10 s late: let the seeding's arrive first.
            TimeUnit.SECONDS.sleep(11);
            var idleFrom = snapshot(statistics, List.of());
            TimeUnit.SECONDS.sleep(run.idle());
            var background = snapshot(statistics, List.of()).minus(idleFrom);

            var readers = new ArrayList<Reader>();
            for (int i = 0; i < run.clients(); i++) {
                readers.add(new Reader(board, i));
            }
            readers.forEach(Thread::start);
            TimeUnit.SECONDS.sleep(run.warmup());
            // Both snapshots under load, so statistics still pending in the backends are alike at either end.
            var from = snapshot(statistics, readers);
            measuring = true;
            TimeUnit.SECONDS.sleep(run.seconds());
            measuring = false;
            var load = snapshot(statistics, readers).minus(from);
            running = false;
            for (var reader : readers) {
                reader.join();
                if (reader.failure != null) {
                    throw new IllegalStateException("A board read failed", reader.failure);
                }
            }

            long[] latencies = readers.stream()
                    .flatMap(reader -> reader.latencies.stream())
                    .mapToLong(Long::longValue)
                    .sorted()
                    .toArray();
            var idlePerSecond = background.usage().times(1 / background.seconds());
            var perRead =
                    load.usage().minus(idlePerSecond.times(load.seconds())).times(1.0 / latencies.length);
            print(run, seeded.get(book), readers.get(0).bytes, load, latencies, idlePerSecond, perRead);
        }
    }

    private static void print(
            Settings run,
            StudyBoardSeed.Seeded board,
            long bytes,
            Window load,
            long[] latencies,
            Usage idlePerSecond,
            Usage perRead) {
        double database = perRead.postgresCpuMicros();
        double service = perRead.serviceCpuMicros();
        double databaseShare = database / (database + service);
        double groupReadsPerSecond = StudyBoardSeed.MEMBERS.size() / 5.0;
        System.out.printf(
                "%nBoard read benchmark (seed 002, 11.8): progress-service and PostgreSQL 17 (container), %d cores%n",
                Runtime.getRuntime().availableProcessors());
        System.out.printf(
                "Board of \"%s\": %d chapters, %d sections, %d assigned, %d done; %d members; %.1f KB of JSON%n",
                board.book().title(),
                board.book().sectionsPerChapter().size(),
                board.sections(),
                board.assigned(),
                board.done(),
                StudyBoardSeed.MEMBERS.size(),
                bytes / 1024.0);
        System.out.printf(
                "%d clients for %d s after %d s of warm-up: %.0f reads/s   p50 %.1f ms   p99 %.1f ms%n",
                run.clients(),
                run.seconds(),
                run.warmup(),
                latencies.length / load.seconds(),
                percentile(latencies, 50) / 1e3,
                percentile(latencies, 99) / 1e3);
        System.out.printf(
                "Idle, per second (measured for %d s, subtracted below): %.1f transactions, CPU PostgreSQL %.0f µs,"
                        + " service %.0f µs%n",
                run.idle(),
                idlePerSecond.transactions(),
                idlePerSecond.postgresCpuMicros(),
                idlePerSecond.serviceCpuMicros());
        System.out.printf("Per board read:%n");
        System.out.printf(
                "  PostgreSQL  %.2f transactions; tup_returned %.0f (rows scanned, index entries),"
                        + " tup_fetched %.0f (rows fetched by index)%n",
                perRead.transactions(), perRead.rowsReturned(), perRead.rowsFetched());
        System.out.printf(
                "              buffers %.0f hit, %.0f read from disk%n",
                perRead.buffersHit(),
                Math.max(0, perRead.buffersRead())); // none: the idle rate subtracted can leave a hair below zero
        System.out.printf(
                "              statements not counted (the shared container does not load pg_stat_statements):"
                        + " JdbcBoardReadModel sends 2%n");
        System.out.printf(
                "  CPU         PostgreSQL %.0f µs, service %.0f µs: the database is %.0f%% of the work%n",
                database, service, databaseShare * 100);
        System.out.printf(
                "Conclusion: PostgreSQL spent %.0f µs of CPU per board read, the service %.0f µs: the database is %.0f%%"
                        + " of the work; at this rate one database serves %.0f reads/s for every core, a study group"
                        + " of %d refreshing every 5 s needs %.0f (%.2f%% of a core); %s%n%n",
                database,
                service,
                databaseShare * 100,
                1e6 / database,
                StudyBoardSeed.MEMBERS.size(),
                groupReadsPerSecond,
                groupReadsPerSecond * database / 1e4,
                databaseShare < 0.5
                        ? String.format(
                                "the service runs out of CPU %.1fx sooner: add service instances before a read"
                                        + " replica",
                                service / database)
                        : "the database is the larger cost: a read replica or a cache would pay off first");
    }

    /** One client: reads the board over and over on one kept-alive connection, timing the reads while measuring. */
    private static final class Reader extends Thread {

        private final URL board;
        private final List<Long> latencies = new ArrayList<>(); // µs
        private volatile long bytes;
        private volatile Exception failure;

        Reader(URL board, int number) {
            super("board-reader-" + number);
            setDaemon(true); // should the benchmark fail, Maven's JVM still ends
            this.board = board;
        }

        @Override
        public void run() {
            try {
                while (running) {
                    long started = System.nanoTime();
                    bytes = read();
                    if (measuring) {
                        latencies.add((System.nanoTime() - started) / 1_000);
                    }
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            }
        }

        /** In this thread only (no client pool threads), so its CPU time is all the client's. */
        private long read() throws IOException {
            var connection = (HttpURLConnection) board.openConnection();
            connection.setRequestProperty("Accept", "application/json");
            try (var body = connection.getInputStream()) { // throws on 4xx and 5xx
                return body.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    /** What the database and the service spent: over a window, or per read. */
    record Usage(
            double transactions,
            double rowsReturned,
            double rowsFetched,
            double buffersHit,
            double buffersRead,
            double postgresCpuMicros,
            double serviceCpuMicros) {

        Usage minus(Usage other) {
            return new Usage(
                    transactions - other.transactions,
                    rowsReturned - other.rowsReturned,
                    rowsFetched - other.rowsFetched,
                    buffersHit - other.buffersHit,
                    buffersRead - other.buffersRead,
                    postgresCpuMicros - other.postgresCpuMicros,
                    serviceCpuMicros - other.serviceCpuMicros);
        }

        Usage times(double factor) {
            return new Usage(
                    transactions * factor,
                    rowsReturned * factor,
                    rowsFetched * factor,
                    buffersHit * factor,
                    buffersRead * factor,
                    postgresCpuMicros * factor,
                    serviceCpuMicros * factor);
        }
    }

    /** Counters read at one moment ({@link #snapshot}), or their difference over a window of time. */
    record Window(double seconds, Usage usage) {

        Window minus(Window earlier) {
            return new Window(seconds - earlier.seconds, usage.minus(earlier.usage));
        }
    }

    private static Window snapshot(Connection statistics, List<Reader> clients) throws Exception {
        long clientCpuNanos = 0;
        var threads = ManagementFactory.getThreadMXBean();
        for (var client : clients) {
            clientCpuNanos += threads.getThreadCpuTime(client.getId());
        }
        double serviceCpuMicros = (OS.getProcessCpuTime() - clientCpuNanos) / 1e3;
        double postgresCpuMicros = postgresCpuMicros();
        try (var query = statistics.prepareStatement(
                        "SELECT xact_commit + xact_rollback, tup_returned, tup_fetched, blks_hit, blks_read"
                                + " FROM pg_stat_database WHERE datname = current_database()");
                var row = query.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("No statistics for the database");
            }
            return new Window(
                    System.nanoTime() / 1e9,
                    new Usage(
                            row.getLong(1),
                            row.getLong(2),
                            row.getLong(3),
                            row.getLong(4),
                            row.getLong(5),
                            postgresCpuMicros,
                            serviceCpuMicros));
        }
    }

    /** CPU the PostgreSQL container has used: its cgroup's, v2 ({@code cpu.stat}, µs) or v1 ({@code cpuacct}, ns). */
    private static double postgresCpuMicros() throws Exception {
        var stat = POSTGRES.execInContainer(
                        "sh",
                        "-c",
                        "cat /sys/fs/cgroup/cpu.stat 2>/dev/null || cat /sys/fs/cgroup/cpuacct/cpuacct.usage")
                .getStdout();
        var v2 = Pattern.compile("usage_usec (\\d+)").matcher(stat);
        return v2.find() ? Long.parseLong(v2.group(1)) : Long.parseLong(stat.trim()) / 1e3;
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
