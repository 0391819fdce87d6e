package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.assignment.api.RecordedWork;
import dev.studyboard.progress.assignment.api.RecordedWork.WorkNotRecordedException;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import dev.studyboard.progress.replica.api.ReplicatedData;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: the imports whose time has come. A step whose reply is overdue sends its command again (or fails and
 * starts undoing); an import waiting for the replicas looks at them and, once they have the book and every
 * writer, records the work — the saga's last step, local to this service. After a restart this is what picks
 * every unfinished import up again: its state is all in the database.
 */
@Service
public class DueImports {

    private static final int BATCH = 10;
    private static final Duration AFTER_A_FAILURE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(DueImports.class);

    private final ImportRepository imports;
    private final SagaCommands commands;
    private final ReplicatedData replicas;
    private final RecordedWork work;
    private final SagaSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DueImports(
            ImportRepository imports,
            SagaCommands commands,
            ReplicatedData replicas,
            RecordedWork work,
            SagaSettings settings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.imports = imports;
        this.commands = commands;
        this.replicas = replicas;
        this.work = work;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * Moves every due import on by one step, each in its own transaction. One that fails for a reason that may pass
     * is looked at again a little later, and the others still get their turn.
     */
    public void run() {
        for (var id : imports.findDue(clock.instant(), BATCH)) {
            try {
                moveOn(id);
            } catch (RuntimeException e) {
                log.warn("Import {} could not move on now; looking again in {}", id, AFTER_A_FAILURE, e);
                transactions.executeWithoutResult(status -> imports.tryLock(id).ifPresent(saga -> {
                    saga.postpone(clock.instant().plus(AFTER_A_FAILURE));
                    imports.save(saga);
                }));
            }
        }
    }

    private void moveOn(UUID id) {
        try {
            transactions.executeWithoutResult(status -> imports.tryLock(id).ifPresent(this::moveOn));
        } catch (WorkNotRecordedException refused) {
            // The work's transaction rolled back whole: record the refusal and start undoing, in a new one.
            transactions.executeWithoutResult(status -> imports.lock(id).ifPresent(saga -> {
                saga.workRefused(refused.getMessage(), clock.instant(), settings.timeouts());
                saveAndSend(saga);
            }));
        }
    }

    private void moveOn(StudyBoardImport saga) {
        var now = clock.instant();
        if (saga.dueAt().map(now::isBefore).orElse(true)) {
            return; // moved on meanwhile (a reply came), or finished
        }
        if (saga.waitsForReplicas()) {
            if (replicasCaughtUp(saga)) {
                work.record(
                        saga.bookId(),
                        saga.plannedWork().stream()
                                .map(planned ->
                                        new RecordedWork.Work(planned.item(), planned.memberId(), planned.done()))
                                .toList());
                saga.workRecorded(now);
            } else {
                saga.replicasNotCaughtUp(now, settings.timeouts());
            }
        } else {
            saga.replyOverdue(now, settings.timeouts());
        }
        saveAndSend(saga);
    }

    private boolean replicasCaughtUp(StudyBoardImport saga) {
        return replicas.bookExists(saga.bookId())
                && saga.members().stream()
                        .allMatch(member -> replicas.member(member.memberId()).isPresent());
    }

    private void saveAndSend(StudyBoardImport saga) {
        imports.save(saga);
        saga.pullCommands().forEach(commands::send);
    }
}
