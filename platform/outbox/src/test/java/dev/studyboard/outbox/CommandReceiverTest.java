package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.outbox.CommandReceiver.Reply;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.SharedContainers;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A saga participant's {@link CommandReceiver}: "register this title" commands, whose effect is a row in a small
 * table of the test's own, answered through the outbox on the service's topic.
 */
@SpringBootTest(properties = "studyboard.outbox.poll-interval=1h")
@Import(SharedContainers.class)
@DisplayName("A participant receiving a command")
class CommandReceiverTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final EventType REGISTERED = EventType.v1("test", "title.registered");
    private static final EventType REFUSED = EventType.v1("test", "title.refused");

    @Autowired
    CommandReceiver receiver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** The saga the commands belong to: the subject of every reply, so the test finds its own. */
    private final String saga = "saga-" + UUID.randomUUID();

    private final AtomicInteger effects = new AtomicInteger();

    record RegisterTitle(String title) {}

    record Registered(UUID titleId) {}

    record Refused(String reason) {}

    @BeforeEach
    void createTheParticipantsTable() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS registered_title (title_id UUID PRIMARY KEY, title TEXT NOT NULL)")
                .update();
    }

    @Test
    @DisplayName("handles it once: its effect and its reply commit together, and the reply is sent")
    void handledOnce() {
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            var command = command("Building Microservices");

            receiver.handleOnce(command, register(command), notARefusal());

            assertThat(effects).hasValue(1);
            assertThat(titlesNamed("Building Microservices")).isOne();
            assertThat(recorder.awaitSubject(saga, 1, TIMEOUT))
                    .singleElement()
                    .satisfies(
                            reply -> assertThat(reply.value().getType()).isEqualTo("studyboard.test.title.registered"));
        }
    }

    @Test
    @DisplayName("rolls its effect back when the reply cannot be recorded: both commit or neither does")
    void effectAndReplyInOneTransaction() {
        var command = command("Without a reply topic");
        Supplier<Reply> effectWithBrokenReply = () -> {
            insertTitle(UUID.randomUUID(), "Without a reply topic");
            return new Reply(null, "import", saga, REGISTERED, new Registered(UUID.randomUUID()));
        };

        assertThatThrownBy(() -> receiver.handleOnce(command, effectWithBrokenReply, notARefusal()))
                .isInstanceOf(DataIntegrityViolationException.class);

        assertThat(titlesNamed("Without a reply topic")).isZero();
        assertThat(handled(command)).isFalse();
    }

    @Test
    @DisplayName("delivered again: no second effect, and the same reply again")
    void deliveredAgain() {
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            var command = command("Redelivered");

            receiver.handleOnce(command, register(command), notARefusal());
            receiver.handleOnce(command, register(command), notARefusal());

            assertThat(effects).hasValue(1);
            assertThat(titlesNamed("Redelivered")).isOne();
            var replies = recorder.awaitSubject(saga, 2, TIMEOUT);
            assertThat(replies)
                    .extracting(reply -> reply.value().getId())
                    .as("two replies, each its own event")
                    .doesNotHaveDuplicates();
            assertThat(replies)
                    .extracting(reply -> json.readTree(reply.value().getData().toBytes()))
                    .as("with the same data: the titleId of the only registration")
                    .containsOnly(json.valueToTree(new Registered(onlyTitleIdNamed("Redelivered"))));
        }
    }

    @Test
    @DisplayName("refused: its effect is rolled back, and the refusal is recorded and sent")
    void refused() {
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            var command = command("Refused title");
            Supplier<Reply> effectThatRefuses = () -> {
                insertTitle(UUID.randomUUID(), "Refused title");
                throw new IllegalArgumentException("no such book in the catalog");
            };

            receiver.handleOnce(command, effectThatRefuses, refusingInvalidArguments());

            assertThat(titlesNamed("Refused title")).isZero();
            assertThat(handled(command)).isTrue();
            assertThat(recorder.awaitSubject(saga, 1, TIMEOUT)).singleElement().satisfies(reply -> {
                assertThat(reply.value().getType()).isEqualTo("studyboard.test.title.refused");
                assertThat(json.readTree(reply.value().getData().toBytes()))
                        .isEqualTo(json.valueToTree(new Refused("no such book in the catalog")));
            });
        }
    }

    @Test
    @DisplayName("failing for another reason: rethrown with nothing recorded, so that a retry handles it")
    void failedForAnotherReason() {
        var command = command("Failed once");
        var hiccup = new IllegalStateException("connection reset");
        Supplier<Reply> effectThatFails = () -> {
            insertTitle(UUID.randomUUID(), "Failed once");
            throw hiccup;
        };

        assertThatThrownBy(() -> receiver.handleOnce(command, effectThatFails, refusingInvalidArguments()))
                .isSameAs(hiccup);

        assertThat(titlesNamed("Failed once")).isZero();
        assertThat(handled(command)).isFalse();
        assertThat(repliesInOutbox()).isZero();

        receiver.handleOnce(command, register(command), refusingInvalidArguments());

        assertThat(titlesNamed("Failed once")).isOne();
        assertThat(handled(command)).isTrue();
        assertThat(repliesInOutbox()).isOne();
    }

    private ReceivedCommand command(String title) {
        return new ReceivedCommand(
                UUID.randomUUID(),
                "studyboard.test.title.register",
                saga,
                json.writeValueAsBytes(new RegisterTitle(title)));
    }

    /** The effect: registers the command's title under a new id, and answers with that id. */
    private Supplier<Reply> register(ReceivedCommand command) {
        return () -> {
            effects.incrementAndGet();
            var title = json.readValue(command.data(), RegisterTitle.class).title();
            var titleId = UUID.randomUUID();
            insertTitle(titleId, title);
            return new Reply(OutboxTestApplication.TOPIC, "import", saga, REGISTERED, new Registered(titleId));
        };
    }

    private static Function<RuntimeException, Optional<Reply>> notARefusal() {
        return failure -> Optional.empty();
    }

    /** An invalid argument is the participant's "no"; anything else is not a refusal. */
    private Function<RuntimeException, Optional<Reply>> refusingInvalidArguments() {
        return failure -> failure instanceof IllegalArgumentException
                ? Optional.of(new Reply(
                        OutboxTestApplication.TOPIC, "import", saga, REFUSED, new Refused(failure.getMessage())))
                : Optional.empty();
    }

    private void insertTitle(UUID titleId, String title) {
        jdbc.sql("INSERT INTO registered_title (title_id, title) VALUES (:id, :title)")
                .param("id", titleId)
                .param("title", title)
                .update();
    }

    private long titlesNamed(String title) {
        return jdbc.sql("SELECT count(*) FROM registered_title WHERE title = :title")
                .param("title", title)
                .query(Long.class)
                .single();
    }

    private UUID onlyTitleIdNamed(String title) {
        return jdbc.sql("SELECT title_id FROM registered_title WHERE title = :title")
                .param("title", title)
                .query(UUID.class)
                .single();
    }

    private boolean handled(ReceivedCommand command) {
        return jdbc.sql("SELECT count(*) FROM handled_command WHERE command_id = :id")
                        .param("id", command.id())
                        .query(Long.class)
                        .single()
                == 1;
    }

    private long repliesInOutbox() {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :saga")
                .param("saga", saga)
                .query(Long.class)
                .single();
    }
}
