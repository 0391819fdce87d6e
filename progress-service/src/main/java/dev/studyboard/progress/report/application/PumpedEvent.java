package dev.studyboard.progress.report.application;

import java.time.Instant;
import java.util.UUID;

/** An event the pump applies: its CloudEvents {@code id} (the same on every redelivery) and {@code time}. */
public record PumpedEvent(UUID id, Instant time) {}
