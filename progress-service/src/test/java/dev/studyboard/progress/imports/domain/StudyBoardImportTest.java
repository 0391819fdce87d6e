package dev.studyboard.progress.imports.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("An import of a study board (the saga's state machine)")
class StudyBoardImportTest {

    private static final SagaTimeouts TIMEOUTS = new SagaTimeouts(Duration.ofSeconds(10), 3, Duration.ofSeconds(60));
    private static final Instant START = Instant.parse("2026-12-07T10:00:00Z");
    private static final UUID WRITER = UUID.randomUUID();

    private static final ImportedBoard BOARD = new ImportedBoard(
            "마이크로서비스 아키텍처 구축",
            List.of("Sam Newman"),
            List.of(new ImportedBoard.Chapter(
                    1,
                    "마이크로서비스",
                    List.of(
                            new ImportedBoard.Section("1.1", "마이크로서비스란", 1, "이상경", true),
                            new ImportedBoard.Section("1.2", "주요 혜택", 5, null, false)))),
            List.of(new ImportedBoard.Writer("이상경", "sanggyeong")));

    private final StudyBoardImport saga =
            StudyBoardImport.start(UUID.randomUUID(), UUID.randomUUID(), "organizer", BOARD, START, TIMEOUTS);

    private static Instant at(int seconds) {
        return START.plusSeconds(seconds);
    }

    /** The one command the import just decided to send. */
    private SagaCommand sent() {
        var commands = saga.pullCommands();
        assertThat(commands).hasSize(1);
        return commands.get(0);
    }

    private void registerTheBook() {
        saga.bookRegistered(sent().id(), at(1), TIMEOUTS);
    }

    private void joinTheWriters() {
        saga.writersJoined(sent().id(), List.of(new JoinedWriter("이상경", WRITER, true)), at(2), TIMEOUTS);
    }

    @Nested
    @DisplayName("going forward")
    class Forward {

        @Test
        @DisplayName("starts by asking catalog-service to register the book under the id it chose")
        void registersTheBookFirst() {
            var command = sent();

            assertThat(command).isInstanceOf(SagaCommand.RegisterBook.class);
            assertThat(((SagaCommand.RegisterBook) command).bookId()).isEqualTo(saga.bookId());
            assertThat(saga.status()).isEqualTo(ImportStatus.REGISTERING_BOOK);
            assertThat(saga.steps()).containsEntry(ImportStep.REGISTER_BOOK, StepState.RUNNING);
        }

        @Test
        @DisplayName("book registered → asks member-service to join the writers, with their accounts")
        void thenJoinsTheWriters() {
            registerTheBook();

            var command = sent();
            assertThat(command).isInstanceOf(SagaCommand.JoinWriters.class);
            assertThat(((SagaCommand.JoinWriters) command).writers())
                    .containsExactly(new ImportedBoard.Writer("이상경", "sanggyeong"));
            assertThat(saga.status()).isEqualTo(ImportStatus.JOINING_WRITERS);
        }

        @Test
        @DisplayName("writers joined → waits for the replicas, then plans each written section for its member")
        void thenRecordsTheWork() {
            registerTheBook();
            joinTheWriters();

            assertThat(saga.waitsForReplicas()).isTrue();
            assertThat(saga.dueAt()).contains(at(2));
            assertThat(saga.plannedWork()).containsExactly(new StudyBoardImport.PlannedWork("1.1", WRITER, true));

            saga.workRecorded(at(3));

            assertThat(saga.status()).isEqualTo(ImportStatus.COMPLETED);
            assertThat(saga.steps())
                    .containsOnlyKeys(ImportStep.values())
                    .allSatisfy((step, state) -> assertThat(state).isEqualTo(StepState.DONE));
            assertThat(saga.dueAt()).isEmpty();
        }

        @Test
        @DisplayName("replicas not there yet → looks again soon; after the replicas' timeout it gives up and undoes")
        void waitsForTheReplicasWithALimit() {
            registerTheBook();
            joinTheWriters();

            saga.replicasNotCaughtUp(at(3), TIMEOUTS);
            assertThat(saga.dueAt()).contains(at(3).plus(StudyBoardImport.REPLICA_POLL));

            saga.replicasNotCaughtUp(at(63), TIMEOUTS);
            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATING);
            assertThat(saga.reason())
                    .hasValueSatisfying(reason -> assertThat(reason).contains("replicas"));
            assertThat(sent()).isInstanceOf(SagaCommand.RemoveImportedMembers.class);
        }
    }

    @Nested
    @DisplayName("replies that are not the awaited one")
    class OtherReplies {

        @Test
        @DisplayName("a duplicate reply changes nothing")
        void duplicate() {
            var registration = sent();
            saga.bookRegistered(registration.id(), at(1), TIMEOUTS);
            var join = sent();

            saga.bookRegistered(registration.id(), at(2), TIMEOUTS);

            assertThat(saga.pullCommands()).isEmpty();
            assertThat(saga.status()).isEqualTo(ImportStatus.JOINING_WRITERS);
            assertThat(saga.awaitingCommand()).contains(join.id());
        }

        @Test
        @DisplayName("a reply to another command, or of another kind, changes nothing")
        void unrelated() {
            var registration = sent();

            saga.bookRegistered(UUID.randomUUID(), at(1), TIMEOUTS);
            saga.writersJoined(registration.id(), List.of(), at(1), TIMEOUTS);

            assertThat(saga.status()).isEqualTo(ImportStatus.REGISTERING_BOOK);
            assertThat(saga.pullCommands()).isEmpty();
        }
    }

    @Nested
    @DisplayName("compensating")
    class Compensating {

        @Test
        @DisplayName("book refused → nothing happened, so nothing to undo: COMPENSATED with the reason")
        void refusedFirstStep() {
            saga.bookRefused(sent().id(), "section 1.1 appears twice", at(1), TIMEOUTS);

            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATED);
            assertThat(saga.reason()).contains("catalog-service refused the book: section 1.1 appears twice");
            assertThat(saga.steps()).containsEntry(ImportStep.REGISTER_BOOK, StepState.FAILED);
            assertThat(saga.pullCommands()).isEmpty();
        }

        @Test
        @DisplayName("writers refused → the book is removed, then COMPENSATED")
        void refusedSecondStep() {
            registerTheBook();
            saga.writersRefused(sent().id(), "account sanggyeong belongs to a member who left", at(2), TIMEOUTS);

            var removal = sent();
            assertThat(removal).isInstanceOf(SagaCommand.RemoveBook.class);
            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATING);

            saga.bookRemoved(removal.id(), at(3), TIMEOUTS);

            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATED);
            assertThat(saga.steps())
                    .containsEntry(ImportStep.REGISTER_BOOK, StepState.UNDONE)
                    .containsEntry(ImportStep.JOIN_WRITERS, StepState.FAILED)
                    .containsEntry(ImportStep.RECORD_WORK, StepState.PENDING);
        }

        @Test
        @DisplayName("a reply that leaves a writer out → undone like a refusal: members it made removed, then the book")
        void incompleteReply() {
            registerTheBook();

            saga.writersJoined(sent().id(), List.of(), at(2), TIMEOUTS);

            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATING);
            assertThat(saga.reason()).contains("member-service did not answer for writer 이상경");
            assertThat(sent()).isInstanceOf(SagaCommand.RemoveImportedMembers.class);
        }

        @Test
        @DisplayName("work refused → the imported members are removed, then the book: in reverse order")
        void refusedLastStep() {
            registerTheBook();
            joinTheWriters();

            saga.workRefused("section 1.1: unknown", at(3), TIMEOUTS);
            var first = sent();
            saga.importedMembersRemoved(first.id(), at(4), TIMEOUTS);
            var second = sent();
            saga.bookRemoved(second.id(), at(5), TIMEOUTS);

            assertThat(first).isInstanceOf(SagaCommand.RemoveImportedMembers.class);
            assertThat(second).isInstanceOf(SagaCommand.RemoveBook.class);
            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATED);
            assertThat(saga.steps())
                    .containsEntry(ImportStep.REGISTER_BOOK, StepState.UNDONE)
                    .containsEntry(ImportStep.JOIN_WRITERS, StepState.UNDONE)
                    .containsEntry(ImportStep.RECORD_WORK, StepState.FAILED);
        }
    }

    @Nested
    @DisplayName("when a participant does not answer")
    class Timeouts {

        @Test
        @DisplayName("the same command goes again, with the same id, up to the attempts")
        void retriesTheSameCommand() {
            var first = sent();

            saga.replyOverdue(at(10), TIMEOUTS);

            var again = sent();
            assertThat(again).isEqualTo(first);
            assertThat(saga.attempts()).isEqualTo(2);
            assertThat(saga.dueAt()).contains(at(20));
        }

        @Test
        @DisplayName("after the last attempt the step fails; since it may have happened, it is undone too")
        void givesUpAndUndoesWhatMayHaveHappened() {
            sent();
            saga.replyOverdue(at(10), TIMEOUTS);
            saga.replyOverdue(at(20), TIMEOUTS);
            saga.pullCommands();

            saga.replyOverdue(at(30), TIMEOUTS);

            assertThat(saga.steps()).containsEntry(ImportStep.REGISTER_BOOK, StepState.TIMED_OUT);
            assertThat(saga.reason()).contains("catalog-service did not answer REGISTER_BOOK after 3 attempts");
            assertThat(sent()).isInstanceOf(SagaCommand.RemoveBook.class);
        }

        @Test
        @DisplayName("undoing never gives up: the compensating command goes again however long it takes")
        void compensationKeepsTrying() {
            saga.replyOverdue(at(10), TIMEOUTS);
            saga.replyOverdue(at(20), TIMEOUTS);
            saga.replyOverdue(at(30), TIMEOUTS);
            var removal = saga.pullCommands().get(3); // after the first command and its two retries

            for (int i = 1; i <= 10; i++) {
                saga.replyOverdue(at(30 + 10 * i), TIMEOUTS);
            }

            assertThat(saga.status()).isEqualTo(ImportStatus.COMPENSATING);
            assertThat(saga.pullCommands())
                    .hasSize(10)
                    .allSatisfy(command -> assertThat(command).isEqualTo(removal));
        }
    }
}
