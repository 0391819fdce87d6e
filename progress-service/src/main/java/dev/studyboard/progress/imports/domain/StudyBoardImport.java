package dev.studyboard.progress.imports.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Saga orchestrator: one import of a study board, the state machine that decides each next step from the replies
 * it gets. It is stored after every change, so an orchestrator that is killed carries on from here after a
 * restart; the commands it decides to send are taken ({@link #pullCommands()}) and written to the outbox in the
 * same transaction.
 *
 * <p>Forward: register the book → join the writers → record the work. A refusal, or a step that gets no reply
 * after its attempts, starts the compensation: the steps that happened (or may have happened) are undone in
 * reverse, and the import ends {@link ImportStatus#COMPENSATED} with the reason.
 */
public class StudyBoardImport {

    /** How often the replicas are looked at while the import waits for them. */
    static final Duration REPLICA_POLL = Duration.ofMillis(500);

    private final UUID id;
    private final String initiator;
    private final ImportedBoard board;
    private final UUID bookId;
    private final Instant createdAt;
    private final Map<ImportStep, StepState> steps;
    private ImportStatus status;
    private List<JoinedWriter> members;
    private String reason;
    private SagaCommand.Kind awaiting;
    private UUID awaitingCommand;
    private int attempts;
    private Instant dueAt;
    private Instant stepStartedAt;
    private Instant updatedAt;
    private final List<SagaCommand> outgoing = new ArrayList<>();

    private StudyBoardImport(
            UUID id,
            String initiator,
            ImportedBoard board,
            UUID bookId,
            Instant createdAt,
            Map<ImportStep, StepState> steps,
            ImportStatus status,
            List<JoinedWriter> members,
            String reason,
            SagaCommand.Kind awaiting,
            UUID awaitingCommand,
            int attempts,
            Instant dueAt,
            Instant stepStartedAt,
            Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.initiator = Objects.requireNonNull(initiator, "initiator");
        this.board = Objects.requireNonNull(board, "board");
        this.bookId = Objects.requireNonNull(bookId, "bookId");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.steps = new EnumMap<>(steps);
        this.status = Objects.requireNonNull(status, "status");
        this.members = List.copyOf(members);
        this.reason = reason;
        this.awaiting = awaiting;
        this.awaitingCommand = awaitingCommand;
        this.attempts = attempts;
        this.dueAt = dueAt;
        this.stepStartedAt = stepStartedAt;
        this.updatedAt = updatedAt;
    }

    /** A new import: its first command, registering the book, is ready to be sent. */
    public static StudyBoardImport start(
            UUID id, UUID bookId, String initiator, ImportedBoard board, Instant now, SagaTimeouts timeouts) {
        var steps = new EnumMap<ImportStep, StepState>(ImportStep.class);
        for (var step : ImportStep.values()) {
            steps.put(step, StepState.PENDING);
        }
        var started = new StudyBoardImport(
                id,
                initiator,
                board,
                bookId,
                now,
                steps,
                ImportStatus.REGISTERING_BOOK,
                List.of(),
                null,
                null,
                null,
                0,
                null,
                now,
                now);
        started.begin(ImportStep.REGISTER_BOOK, started.registerBook(UUID.randomUUID()), now, timeouts);
        return started;
    }

    /** An import as stored. */
    public static StudyBoardImport restore(
            UUID id,
            String initiator,
            ImportedBoard board,
            UUID bookId,
            Instant createdAt,
            Map<ImportStep, StepState> steps,
            ImportStatus status,
            List<JoinedWriter> members,
            String reason,
            SagaCommand.Kind awaiting,
            UUID awaitingCommand,
            int attempts,
            Instant dueAt,
            Instant stepStartedAt,
            Instant updatedAt) {
        return new StudyBoardImport(
                id,
                initiator,
                board,
                bookId,
                createdAt,
                steps,
                status,
                members,
                reason,
                awaiting,
                awaitingCommand,
                attempts,
                dueAt,
                stepStartedAt,
                updatedAt);
    }

    // Replies. Each is applied only if it answers the command the import waits for: a duplicate, or a late reply
    // to a command that was given up, changes nothing.

    public void bookRegistered(UUID commandId, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.REGISTER_BOOK, commandId)) {
            steps.put(ImportStep.REGISTER_BOOK, StepState.DONE);
            status = ImportStatus.JOINING_WRITERS;
            begin(
                    ImportStep.JOIN_WRITERS,
                    new SagaCommand.JoinWriters(UUID.randomUUID(), id, board.writers(), initiator),
                    now,
                    timeouts);
        }
    }

    public void bookRefused(UUID commandId, String why, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.REGISTER_BOOK, commandId)) {
            steps.put(ImportStep.REGISTER_BOOK, StepState.FAILED);
            compensate("catalog-service refused the book: " + why, now, timeouts);
        }
    }

    public void writersJoined(UUID commandId, List<JoinedWriter> joined, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.JOIN_WRITERS, commandId)) {
            steps.put(ImportStep.JOIN_WRITERS, StepState.DONE);
            members = List.copyOf(joined);
            var answered = joined.stream().map(JoinedWriter::displayName).toList();
            var unanswered = board.writers().stream()
                    .map(ImportedBoard.Writer::displayName)
                    .filter(writer -> !answered.contains(writer))
                    .findFirst();
            if (unanswered.isPresent()) { // a reply that breaks the contract: undo what it did, do not guess
                compensate("member-service did not answer for writer " + unanswered.get(), now, timeouts);
                return;
            }
            status = ImportStatus.RECORDING_WORK;
            steps.put(ImportStep.RECORD_WORK, StepState.RUNNING);
            stopWaiting();
            stepStartedAt = now;
            dueAt = now; // the replicas may have caught up already
            updatedAt = now;
        }
    }

    public void writersRefused(UUID commandId, String why, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.JOIN_WRITERS, commandId)) {
            steps.put(ImportStep.JOIN_WRITERS, StepState.FAILED);
            compensate("member-service refused the writers: " + why, now, timeouts);
        }
    }

    public void importedMembersRemoved(UUID commandId, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.REMOVE_IMPORTED_MEMBERS, commandId)) {
            steps.put(ImportStep.JOIN_WRITERS, StepState.UNDONE);
            undoNext(now, timeouts);
        }
    }

    public void bookRemoved(UUID commandId, Instant now, SagaTimeouts timeouts) {
        if (answers(SagaCommand.Kind.REMOVE_BOOK, commandId)) {
            steps.put(ImportStep.REGISTER_BOOK, StepState.UNDONE);
            undoNext(now, timeouts);
        }
    }

    // The last step, here.

    /** True while the import waits for the replicas before it records the work. */
    public boolean waitsForReplicas() {
        return status == ImportStatus.RECORDING_WORK;
    }

    /** What the last step records: each section with a writer, given to the member the writer is. */
    public List<PlannedWork> plannedWork() {
        var memberIds = new java.util.HashMap<String, UUID>();
        members.forEach(member -> memberIds.put(member.displayName(), member.memberId()));
        return board.sections().stream()
                .filter(section -> section.writer() != null)
                .map(section -> new PlannedWork(section.item(), memberIds.get(section.writer()), section.done()))
                .toList(); // every writer has a member: writersJoined compensates a reply that leaves one out
    }

    /** One section's work, as the last step records it. */
    public record PlannedWork(String item, UUID memberId, boolean done) {}

    public void workRecorded(Instant now) {
        if (waitsForReplicas()) {
            steps.put(ImportStep.RECORD_WORK, StepState.DONE);
            status = ImportStatus.COMPLETED;
            dueAt = null;
            updatedAt = now;
        }
    }

    /** The work could not be recorded; its transaction changed nothing, so only the earlier steps are undone. */
    public void workRefused(String why, Instant now, SagaTimeouts timeouts) {
        if (waitsForReplicas()) {
            steps.put(ImportStep.RECORD_WORK, StepState.FAILED);
            compensate("the work could not be recorded: " + why, now, timeouts);
        }
    }

    /** The replicas do not have everything yet: look again soon, or give up after the replicas' timeout. */
    public void replicasNotCaughtUp(Instant now, SagaTimeouts timeouts) {
        if (!waitsForReplicas()) {
            return;
        }
        if (now.isAfter(stepStartedAt.plus(timeouts.replicas()))) {
            steps.put(ImportStep.RECORD_WORK, StepState.TIMED_OUT);
            compensate(
                    "progress-service's replicas did not receive the book and the writers within "
                            + timeouts.replicas().toSeconds() + " s",
                    now,
                    timeouts);
        } else {
            dueAt = now.plus(REPLICA_POLL);
            updatedAt = now;
        }
    }

    /**
     * The awaited reply did not come in time: the same command goes again (same id, so a participant that did it
     * answers from its record). A forward step fails after its attempts; undoing never gives up.
     */
    public void replyOverdue(Instant now, SagaTimeouts timeouts) {
        if (awaiting == null) {
            return;
        }
        boolean undoing = status == ImportStatus.COMPENSATING;
        if (!undoing && attempts >= timeouts.attempts()) {
            var step = stepOf(awaiting);
            steps.put(step, StepState.TIMED_OUT);
            compensate(
                    participantOf(awaiting) + " did not answer " + step + " after " + attempts + " attempts",
                    now,
                    timeouts);
            return;
        }
        attempts++;
        outgoing.add(command(awaiting, awaitingCommand));
        dueAt = now.plus(timeouts.reply());
        updatedAt = now;
    }

    /** Something went wrong that may pass (a database hiccup): the timer looks at this import again later. */
    public void postpone(Instant until) {
        if (dueAt != null) {
            dueAt = until;
        }
    }

    public List<SagaCommand> pullCommands() {
        var commands = List.copyOf(outgoing);
        outgoing.clear();
        return commands;
    }

    private void compensate(String why, Instant now, SagaTimeouts timeouts) {
        status = ImportStatus.COMPENSATING;
        reason = why;
        undoNext(now, timeouts);
    }

    /** Undoes the latest step that happened, or may have: members before the book (reverse order). */
    private void undoNext(Instant now, SagaTimeouts timeouts) {
        stopWaiting();
        if (happened(ImportStep.JOIN_WRITERS)) {
            send(new SagaCommand.RemoveImportedMembers(UUID.randomUUID(), id, initiator), now, timeouts);
        } else if (happened(ImportStep.REGISTER_BOOK)) {
            send(new SagaCommand.RemoveBook(UUID.randomUUID(), id, bookId, initiator), now, timeouts);
        } else {
            status = ImportStatus.COMPENSATED;
            dueAt = null;
        }
        updatedAt = now;
    }

    private boolean happened(ImportStep step) {
        var state = steps.get(step);
        return state == StepState.DONE || state == StepState.TIMED_OUT;
    }

    private void begin(ImportStep step, SagaCommand command, Instant now, SagaTimeouts timeouts) {
        steps.put(step, StepState.RUNNING);
        stepStartedAt = now;
        send(command, now, timeouts);
    }

    private void send(SagaCommand command, Instant now, SagaTimeouts timeouts) {
        awaiting = command.kind();
        awaitingCommand = command.id();
        attempts = 1;
        dueAt = now.plus(timeouts.reply());
        updatedAt = now;
        outgoing.add(command);
    }

    private void stopWaiting() {
        awaiting = null;
        awaitingCommand = null;
        attempts = 0;
        dueAt = null;
    }

    private boolean answers(SagaCommand.Kind kind, UUID commandId) {
        return kind == awaiting && commandId.equals(awaitingCommand);
    }

    /** The awaited command, rebuilt from the import's state with its id: what a retry sends. */
    private SagaCommand command(SagaCommand.Kind kind, UUID commandId) {
        return switch (kind) {
            case REGISTER_BOOK -> registerBook(commandId);
            case JOIN_WRITERS -> new SagaCommand.JoinWriters(commandId, id, board.writers(), initiator);
            case REMOVE_IMPORTED_MEMBERS -> new SagaCommand.RemoveImportedMembers(commandId, id, initiator);
            case REMOVE_BOOK -> new SagaCommand.RemoveBook(commandId, id, bookId, initiator);
        };
    }

    private SagaCommand registerBook(UUID commandId) {
        return new SagaCommand.RegisterBook(commandId, id, bookId, board, initiator);
    }

    private static ImportStep stepOf(SagaCommand.Kind kind) {
        return switch (kind) {
            case REGISTER_BOOK, REMOVE_BOOK -> ImportStep.REGISTER_BOOK;
            case JOIN_WRITERS, REMOVE_IMPORTED_MEMBERS -> ImportStep.JOIN_WRITERS;
        };
    }

    private static String participantOf(SagaCommand.Kind kind) {
        return stepOf(kind) == ImportStep.REGISTER_BOOK ? "catalog-service" : "member-service";
    }

    public UUID id() {
        return id;
    }

    public String initiator() {
        return initiator;
    }

    public ImportedBoard board() {
        return board;
    }

    public UUID bookId() {
        return bookId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Map<ImportStep, StepState> steps() {
        return Map.copyOf(steps);
    }

    public ImportStatus status() {
        return status;
    }

    public List<JoinedWriter> members() {
        return members;
    }

    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    public Optional<SagaCommand.Kind> awaiting() {
        return Optional.ofNullable(awaiting);
    }

    public Optional<UUID> awaitingCommand() {
        return Optional.ofNullable(awaitingCommand);
    }

    public int attempts() {
        return attempts;
    }

    public Optional<Instant> dueAt() {
        return Optional.ofNullable(dueAt);
    }

    public Instant stepStartedAt() {
        return stepStartedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
