package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.UUID;

/** Why an assignment request was refused, beyond the state machine's own rules. */
public final class AssignmentProblems {

    private AssignmentProblems() {}

    /** The catalog has no such section, as far as this service's replica knows. */
    public static class UnknownSectionException extends RuntimeException {
        public UnknownSectionException(SectionRef section) {
            super("No section " + section.item() + " in book " + section.bookId());
        }
    }

    /** No such member is known here (never joined, or their joining has not reached this service yet). */
    public static class UnknownMemberException extends RuntimeException {
        public UnknownMemberException(UUID memberId) {
            super("No member " + memberId + " is known");
        }
    }

    public static class MemberLeftException extends RuntimeException {
        public MemberLeftException(UUID memberId) {
            super("Member " + memberId + " has left the study group");
        }
    }

    /** Another request changed the same assignment at the same moment; nothing was saved. */
    public static class ConcurrentAssignmentChangeException extends RuntimeException {
        public ConcurrentAssignmentChangeException(SectionRef section) {
            super("Section " + section.item() + " was changed by another request; read it again and retry");
        }
    }
}
