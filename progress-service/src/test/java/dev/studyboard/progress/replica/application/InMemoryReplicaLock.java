package dev.studyboard.progress.replica.application;

/** The replicas' lock for tests in one thread, where no rebuild runs: it counts how often it was taken shared. */
class InMemoryReplicaLock implements ReplicaLock {

    int shared;

    @Override
    public void shared() {
        shared++;
    }

    @Override
    public void exclusive() {}
}
