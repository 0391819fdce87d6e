package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.system.RunningService.Launch;
import dev.studyboard.testsupport.KafkaOutage;
import dev.studyboard.testsupport.SharedContainers;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Guaranteed delivery, end to end (issue 12): under each fault a stream of members joins through member-service,
 * and every join it committed must arrive on {@code member.events} and be applied by progress-service exactly once;
 * 0 lost, 0 doubled. Duplicates on the wire are allowed (the outbox publishes at least once), in the effect they are
 * not. Each fault prints its count: {@code fault=… committed=… arrived=… (records=…) applied=… lost=… doubled=…}.
 */
@DisplayName("Faults under a stream of writes: every committed write arrives and is applied, exactly once")
class FaultSuiteIT {

    private static final int WRITES = 200;
    private static final Duration START = Duration.ofMinutes(3);

    /** The consumer under the faults; referring to it starts the system before any fault is set up. */
    private static final RunningService PROGRESS = StudyBoardSystem.PROGRESS;

    /** Prints the fault's count and requires 0 lost, 0 doubled, and no join refused that was done all the same. */
    private static void assertNothingLostOrDoubled(JoinStream.Tally tally, String... more) {
        System.out.println(tally.line() + (more.length == 0 ? "" : " " + String.join(" ", more)));
        assertThat(tally.lost()).as(tally.line()).isZero();
        assertThat(tally.doubled()).as(tally.line()).isZero();
        assertThat(tally.refusedButDone())
                .as("an error answer means not done: " + tally.line())
                .isZero();
    }

    @Nested
    @DisplayName("Kafka stopped during the stream, then back")
    class KafkaStopped {

        @Test
        @DisplayName("member-service commits every join meanwhile; its outbox holds the events until Kafka is back")
        void outboxHoldsTheEvents() {
            try (var stream = JoinStream.start("kafka-stopped", WRITES)) {
                stream.awaitAnswers(WRITES / 3);
                try (var outage = KafkaOutage.begin()) {
                    stream.awaitAnswers(2 * WRITES / 3); // the middle third is written while the broker is frozen
                }

                var tally = stream.awaitConverged();

                assertNothingLostOrDoubled(tally);
                assertThat(tally.committed()).as("no join waits for Kafka").isEqualTo(WRITES);
            }
        }
    }

    @Nested
    @DisplayName("The consumer SIGKILLed mid-stream, then restarted")
    class ConsumerKilled {

        @Test
        @DisplayName("progress-service goes on from its last committed offset: every join applied, none twice")
        void consumerPicksUpWhereItDied() {
            try (var stream = JoinStream.start("consumer-killed", WRITES)) {
                stream.awaitAnswers(WRITES / 3);
                PROGRESS.kill();
                PROGRESS.restart(START); // the rest of the stream is written meanwhile

                var tally = stream.awaitConverged();

                assertNothingLostOrDoubled(tally);
                assertThat(tally.committed()).as("the producer does not notice").isEqualTo(WRITES);
            }
        }
    }

    @Nested
    @DisplayName("The database restarted under the writes")
    class DatabaseRestarted {

        /**
         * PostgreSQL crashes and recovers on the same address: a server process SIGKILLed makes the postmaster end
         * every connection, replay its write-ahead log and accept connections again. (Restarting the container would
         * move the port Docker maps for it, and the running services know only the first one.)
         */
        private static void crashPostgres() throws Exception {
            var postgres = SharedContainers.POSTGRES;
            try (var connection = DriverManager.getConnection(
                            JoinStream.jdbcUrl("postgres"), postgres.getUsername(), postgres.getPassword());
                    var statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT pg_backend_pid()")) {
                result.next();
                var kill = postgres.execInContainer("kill", "-9", result.getString(1));
                assertThat(kill.getExitCode()).as(kill.getStderr()).isZero();
            }
        }

        @Test
        @DisplayName("a join that failed is not there and was refused 503, never 500; every committed one arrives"
                + " and is applied once")
        void committedJoinsSurviveTheCrash() throws Exception {
            try (var stream = JoinStream.start("database-restarted", WRITES)) {
                stream.awaitAnswers(WRITES / 3);
                crashPostgres();

                var tally = stream.awaitConverged();

                assertNothingLostOrDoubled(tally);
                assertThat(tally.refused().keySet())
                        .as("a join the database could not take is refused 503 (could not be completed, retry later): "
                                + tally.line())
                        .allMatch(status -> status == 503);
                assertThat(tally.committed())
                        .as("the stream resumed after the crash")
                        .isGreaterThan(WRITES / 2);
            }
        }
    }

    @Nested
    @DisplayName("member-service cut from Kafka (network disconnect), then reconnected")
    class CutFromKafka {

        /** A member-service instance of its own, with its own database, whose only way to Kafka is the link. */
        private static RunningService memberServiceBehind(KafkaLink link, String database) throws Exception {
            var postgres = SharedContainers.POSTGRES;
            try (var connection = DriverManager.getConnection(
                            JoinStream.jdbcUrl("postgres"), postgres.getUsername(), postgres.getPassword());
                    var statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
            var environment = new HashMap<>(StudyBoardSystem.MEMBERS.launch().environment());
            // Its own database: the shared instance's relay would otherwise publish its events past the cut.
            environment.put("DB_URL", JoinStream.jdbcUrl(database));
            // It only publishes: the import saga's commands stay with the shared instance.
            environment.put("SPRING_KAFKA_LISTENER_AUTO_STARTUP", "false");
            environment.putAll(link.environment());
            var memberService = RunningService.start(new Launch("member-service", environment));
            try {
                return memberService.awaitReady(START);
            } catch (RuntimeException e) {
                memberService.stop();
                throw e;
            }
        }

        @Test
        @DisplayName("the joins it commits while cut wait in its outbox and go out once it is reconnected")
        void outboxWaitsForTheLink() throws Exception {
            try (var link = KafkaLink.open()) {
                var memberService = memberServiceBehind(link, "member_behind_link");
                try (var stream = JoinStream.start("cut-from-kafka", WRITES, memberService, "member_behind_link")) {
                    stream.awaitAnswers(WRITES / 3);
                    link.cut();
                    int committedAtTheCut = stream.tally().committed();
                    stream.awaitAnswers(2 * WRITES / 3);
                    int arrivedWhileCut = stream.tally().arrived();
                    link.restore();

                    var tally = stream.awaitConverged();

                    assertNothingLostOrDoubled(
                            tally,
                            "(while cut: arrived=%d, committed at the cut=%d)"
                                    .formatted(arrivedWhileCut, committedAtTheCut));
                    assertThat(arrivedWhileCut)
                            .as("nothing committed after the cut reached Kafka before the link was back")
                            .isLessThanOrEqualTo(committedAtTheCut);
                    assertThat(tally.committed()).as("no join waits for Kafka").isEqualTo(WRITES);
                } finally {
                    memberService.stop();
                }
            }
        }
    }

    @Nested
    @DisplayName("Records delivered twice (the consumer's offsets replayed)")
    class DeliveredTwice {

        private static final String GROUP = "progress-service";
        private static final String TOPIC = "member.events";

        private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions().stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition()))
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().entrySet().stream()
                    .collect(Collectors.toMap(
                            Map.Entry::getKey, e -> e.getValue().offset()));
        }

        private static boolean caughtUpWith(Admin admin, Map<TopicPartition, Long> end) throws Exception {
            var committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get();
            return end.entrySet().stream().allMatch(e -> {
                var offset = committed.get(e.getKey());
                return offset != null && offset.offset() >= e.getValue();
            });
        }

        @Test
        @DisplayName("progress-service reads the whole stream again and applies nothing twice")
        void replayChangesNothing() throws Exception {
            try (var admin = Admin.create(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()))) {
                var start = endOffsets(admin); // where the stream's records will begin
                try (var stream = JoinStream.start("delivered-twice", WRITES)) {
                    var once = stream.awaitConverged();
                    var end = endOffsets(admin);

                    var rewound = start.entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, e -> new OffsetAndMetadata(e.getValue())));
                    PROGRESS.stop(); // a consumer group's offsets change only while it is empty
                    try {
                        await("the group's offsets on " + TOPIC + " back at the stream's start")
                                .atMost(Duration.ofSeconds(30))
                                .ignoreExceptions() // until the stopped consumers have left the group
                                .until(() -> {
                                    admin.alterConsumerGroupOffsets(GROUP, rewound)
                                            .all()
                                            .get();
                                    return true;
                                });
                    } finally {
                        PROGRESS.restart(START);
                    }
                    await("progress-service read the stream again")
                            .atMost(Duration.ofMinutes(1))
                            .until(() -> caughtUpWith(admin, end));

                    var twice = stream.awaitConverged();

                    long redelivered = end.entrySet().stream()
                            .mapToLong(e -> e.getValue() - start.get(e.getKey()))
                            .sum();
                    assertNothingLostOrDoubled(twice, "redelivered=" + redelivered);
                    assertThat(redelivered).as("every record of the stream").isGreaterThanOrEqualTo(once.records());
                    assertThat(twice.applied()).isEqualTo(once.applied());
                }
            }
        }
    }
}
