package dev.studyboard.progress.imports.domain;

import java.util.UUID;

/** A writer as member-service answered: the member they are, and whether this import created them. */
public record JoinedWriter(String displayName, UUID memberId, boolean created) {}
