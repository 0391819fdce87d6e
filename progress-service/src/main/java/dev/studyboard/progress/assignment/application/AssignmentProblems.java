package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.SectionRef;
import java.util.Optional;
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

    /** The caller is who they say, but this is not theirs to do (a 403, unlike the conflicts above). */
    public abstract static class NotAllowedException extends RuntimeException {
        protected NotAllowedException(String message) {
            super(message);
        }
    }

    /** A member tried to change work that is not theirs; only its writer and the organizer may. */
    public static class NotYourAssignmentException extends NotAllowedException {
        public NotYourAssignmentException(SectionRef section) {
            super("Section " + section.item() + " is not assigned to you: only its writer or the organizer may"
                    + " change it");
        }
    }

    /**
     * The account acts as no active member here: it never joined, it left, or its joining has not reached this
     * service yet. A 403 rather than a 409: what is missing is the caller's standing, not something about the
     * section, and nothing the caller sends again changes it until they join (one who left stays out: member-service
     * keeps one member per account).
     */
    public static class NotAMemberException extends NotAllowedException {
        public NotAMemberException(Optional<String> account) {
            super(account.map(name -> "Account " + name).orElse("A machine client")
                    + " is not an active member of the study group here (never joined, left, or the joining is"
                    + " still on its way): join the group first");
        }
    }

    /** Handing work to someone else is the organizer's operation; a member takes a section for themself. */
    public static class OrganizerOnlyException extends NotAllowedException {
        public OrganizerOnlyException() {
            super("Only the organizer assigns sections to members; take a free section for yourself instead");
        }
    }
}
