package dev.studyboard.progress.replica.application;

import java.util.UUID;

/** Identity of a received event: its CloudEvents id (unique, stable across redeliveries), source and type. */
public record ReceivedEvent(UUID id, String source, String type) {}
