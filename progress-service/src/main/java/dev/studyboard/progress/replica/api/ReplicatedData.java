package dev.studyboard.progress.replica.api;

import java.util.Optional;
import java.util.UUID;

/**
 * Data join: the questions that cross service boundaries, answered from this service's replicas without calling
 * catalog-service or member-service. An answer holds until the asking transaction ends: the replica row is
 * share-locked, so an event that removes the section or marks the member as left waits for that transaction, and
 * then sees what it did. While the replicas are being rebuilt, a question waits for the rebuild.
 */
public interface ReplicatedData {

    boolean sectionExists(UUID bookId, String item);

    /** True once the book's registration has arrived here, and until its removal does. */
    boolean bookExists(UUID bookId);

    /** {@code empty} if no event about this member has arrived (yet). */
    Optional<MemberStanding> member(UUID memberId);

    /**
     * The member an account (a token's subject) acts as: who "me" is. {@code empty} if that account never joined,
     * or its joining has not reached this service yet.
     */
    Optional<AccountMember> memberByAccount(String account);

    enum MemberStanding {
        ACTIVE,
        LEFT
    }

    record AccountMember(UUID memberId, MemberStanding standing) {}
}
