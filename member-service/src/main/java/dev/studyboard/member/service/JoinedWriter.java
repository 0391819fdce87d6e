package dev.studyboard.member.service;

import java.util.UUID;

/**
 * A writer of an import and the member they are.
 *
 * @param displayName the writer's, as the import named them
 * @param created     whether this import created the member; false for a member who was there before
 */
public record JoinedWriter(String displayName, UUID memberId, boolean created) {}
