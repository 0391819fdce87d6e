package dev.studyboard.outbox;

import java.util.List;
import java.util.Optional;

/**
 * What Kafka made of a batch: the rows it acknowledged, and the first row (in the batch's order) that it did
 * not, if any. The rows after that one may have been acknowledged too, or not sent at all; those wait for the
 * next round.
 */
record Delivery(List<PendingEvent> acknowledged, Optional<FailedSend> failure) {}
