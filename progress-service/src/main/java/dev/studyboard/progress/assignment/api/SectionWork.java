package dev.studyboard.progress.assignment.api;

import java.util.Optional;
import java.util.UUID;

/**
 * The work on one section, changed by the person signed in (the verified token of the current request): the same
 * use cases, the same rules and the same caller as the API's, for the board page's buttons.
 */
public interface SectionWork {

    /** Who is signed in, as the rules see them; empty for an anonymous request. */
    Optional<Worker> signedIn();

    /**
     * Takes, starts, completes, reopens or releases the section for whoever is signed in.
     *
     * @throws WorkRefusedException if the rules refuse it (nothing changed)
     */
    void perform(UUID bookId, String item, Step step);

    /** What a member does with a section; {@code RELEASE} gives an open one back (its writer taken off). */
    enum Step {
        TAKE,
        START,
        COMPLETE,
        REOPEN,
        RELEASE
    }

    /**
     * @param memberId         the member they act as; empty if they are no active member here (yet)
     * @param mayChangeAnyWork the organizer: may change anyone's work, not only their own
     */
    record Worker(Optional<UUID> memberId, boolean mayChangeAnyWork) {

        public boolean writes(UUID writerId) {
            return memberId.isPresent() && memberId.get().equals(writerId);
        }
    }

    /** Why a step was refused, as the use cases said it. */
    enum Refusal {
        /** the section is someone else's, and the caller is not the organizer */
        NOT_YOUR_SECTION,
        /** the caller acts as no active member here: never joined, left, or the joining is on its way */
        NOT_A_MEMBER,
        UNKNOWN_SECTION,
        UNKNOWN_MEMBER,
        MEMBER_LEFT,
        /** someone else has taken it */
        SECTION_TAKEN,
        /** the state machine does not allow that step from the section's status */
        ILLEGAL_STEP,
        /** another request changed it at the same moment */
        CHANGED_MEANWHILE
    }

    class WorkRefusedException extends RuntimeException {

        private final Refusal refusal;

        public WorkRefusedException(Refusal refusal, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }
}
