package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.domain.StudyBoardImport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to the imports in progress-service's own database: the orchestrator's state. */
public interface ImportRepository {

    /**
     * Stores a new import under its caller's idempotency key.
     *
     * @return false if that caller already has an import with that key (nothing stored)
     */
    boolean add(StudyBoardImport started, IdempotencyKey key);

    /** The import a caller started with this key, and the fingerprint of the request that started it. */
    Optional<KeyedImport> findByKey(IdempotencyKey key);

    record KeyedImport(UUID importId, String requestFingerprint) {}

    Optional<StudyBoardImport> find(UUID id);

    /** The import, locked until the transaction ends: replies and the timer change one import one at a time. */
    Optional<StudyBoardImport> lock(UUID id);

    /** The ids of up to {@code limit} unfinished imports whose time has come, the longest due first. */
    List<UUID> findDue(Instant now, int limit);

    /**
     * The import, locked, unless another transaction holds it (a reply being applied, or another instance's timer):
     * then empty, and the timer passes it over this time.
     */
    Optional<StudyBoardImport> tryLock(UUID id);

    void save(StudyBoardImport changed);
}
