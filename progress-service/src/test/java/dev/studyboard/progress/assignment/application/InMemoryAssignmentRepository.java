package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The assignments in a map, with the same optimistic version check as the database's. */
class InMemoryAssignmentRepository implements AssignmentRepository {

    private final Map<SectionRef, Row> rows = new LinkedHashMap<>();

    private record Row(UUID assignee, AssignmentStatus status, long version) {}

    @Override
    public Optional<Assignment> find(SectionRef section) {
        return Optional.ofNullable(rows.get(section)).map(row -> restore(section, row));
    }

    @Override
    public List<Assignment> findOpenWorkOf(UUID memberId) {
        return all().stream()
                .filter(assignment -> assignment.isOpenWorkOf(memberId))
                .toList();
    }

    @Override
    public List<Assignment> findAll(UUID bookId, List<String> items) {
        return all().stream()
                .filter(a -> a.section().bookId().equals(bookId)
                        && items.contains(a.section().item()))
                .toList();
    }

    @Override
    public void save(Assignment assignment) {
        var stored = rows.get(assignment.section());
        if (stored != null && stored.version() != assignment.version() - 1) {
            throw new ConcurrentAssignmentChangeException(assignment.section());
        }
        rows.put(
                assignment.section(),
                new Row(assignment.assignee().orElse(null), assignment.status(), assignment.version()));
    }

    @Override
    public void delete(SectionRef section) {
        rows.remove(section);
    }

    private List<Assignment> all() {
        return rows.entrySet().stream()
                .map(entry -> restore(entry.getKey(), entry.getValue()))
                .toList();
    }

    private static Assignment restore(SectionRef section, Row row) {
        return Assignment.restore(section, row.assignee(), row.status(), row.version());
    }
}
