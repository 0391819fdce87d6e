package dev.studyboard.progress.replica.api;

import java.util.UUID;

/**
 * A member left the study group, as the member replica has just recorded. Published in the transaction that
 * records it and handled synchronously in that same transaction, so what follows from it commits with it.
 */
public record MemberLeftGroup(UUID memberId) {}
