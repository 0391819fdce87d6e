package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to the assignments in progress-service's own database. */
public interface AssignmentRepository {

    Optional<Assignment> find(SectionRef section);

    /** The open (not done) assignments of a member. */
    List<Assignment> findOpenWorkOf(UUID memberId);

    /** The assignments of these sections of a book, where there are any. */
    List<Assignment> findAll(UUID bookId, List<String> items);

    /**
     * Saves the assignment if the stored one is still the version it was changed from (none stored: version 0).
     * Of concurrent saves from the same version exactly one succeeds, whether the row exists yet or not.
     *
     * @throws AssignmentProblems.ConcurrentAssignmentChangeException if someone else changed it since it was read
     */
    void save(Assignment assignment);

    void delete(SectionRef section);
}
