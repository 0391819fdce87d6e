package dev.studyboard.progress.replica.application;

/**
 * Port to the lock that keeps a rebuild of the replicas apart from everything else that uses them. It lives in the
 * shared database, so it holds across every instance of the service; either mode is held until the transaction ends.
 */
public interface ReplicaLock {

    /**
     * Taken by each transaction that applies an event to the replicas or answers from them: they run side by side,
     * and wait while a rebuild runs.
     */
    void shared();

    /** Taken by a rebuild: waits for the transactions that hold it shared, then keeps new ones waiting until it ends. */
    void exclusive();
}
