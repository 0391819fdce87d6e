package dev.studyboard.testsupport;

/**
 * Makes the shared Kafka broker unreachable for a while by freezing its container (docker pause), the way
 * a network partition looks to a client: connections stay open but nothing answers. Unlike stopping the
 * container, its address stays the same, so the clients reconnect by themselves when it comes back.
 */
public final class KafkaOutage implements AutoCloseable {

    private KafkaOutage() {
        var kafka = SharedContainers.KAFKA;
        kafka.getDockerClient().pauseContainerCmd(kafka.getContainerId()).exec();
    }

    /** Freezes the broker until {@link #close()}. */
    public static KafkaOutage begin() {
        return new KafkaOutage();
    }

    /** The broker answers again. */
    @Override
    public void close() {
        var kafka = SharedContainers.KAFKA;
        kafka.getDockerClient().unpauseContainerCmd(kafka.getContainerId()).exec();
    }
}
