package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.Optional;
import java.util.UUID;

/**
 * Port to this service's replicas of other services' data (seed 000, 3.7 data joins): the checks that
 * cross service boundaries are answered locally, without calling catalog-service or member-service.
 */
public interface ReplicatedData {

    boolean sectionExists(SectionRef section);

    /** {@code empty} if no event about this member has arrived (yet). */
    Optional<MemberStanding> member(UUID memberId);

    enum MemberStanding { ACTIVE, LEFT }
}
