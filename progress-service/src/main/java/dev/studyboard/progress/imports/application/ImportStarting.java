package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.application.ImportProblems.IdempotencyKeyReusedException;
import dev.studyboard.progress.imports.domain.ImportedBoard;
import dev.studyboard.progress.imports.domain.StudyBoardImport;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a caller asks for a study board to be imported. The import is stored with its first command in one
 * transaction; the saga then runs on its own. Asked again with the same {@code Idempotency-Key} and the same notes,
 * it answers the import it started the first time.
 */
@Service
public class ImportStarting {

    private final ImportRepository imports;
    private final SagaCommands commands;
    private final SagaSettings settings;
    private final Clock clock;

    ImportStarting(ImportRepository imports, SagaCommands commands, SagaSettings settings, Clock clock) {
        this.imports = imports;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    /** @return the import's id: a new one, or the one this key started before */
    @Transactional
    public UUID start(ImportedBoard board, String initiator, IdempotencyKey key) {
        var earlier = imports.findByKey(key);
        if (earlier.isPresent()) {
            return sameRequest(earlier.get(), key);
        }
        var started = StudyBoardImport.start(
                UUID.randomUUID(), UUID.randomUUID(), initiator, board, clock.instant(), settings.timeouts());
        if (!imports.add(started, key)) {
            // The same key, at the same moment, from a request that got there first: that one is the import.
            return sameRequest(imports.findByKey(key).orElseThrow(), key);
        }
        started.pullCommands().forEach(commands::send);
        return started.id();
    }

    private static UUID sameRequest(ImportRepository.KeyedImport earlier, IdempotencyKey key) {
        if (!earlier.requestFingerprint().equals(key.requestFingerprint())) {
            throw new IdempotencyKeyReusedException(key.key());
        }
        return earlier.importId();
    }
}
