package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.api.SectionWork;
import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotAMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotYourAssignmentException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.progress.assignment.domain.SectionTakenException;
import dev.studyboard.security.Caller;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The pages' way to the assignment use cases ({@link SectionWork}): the caller is the verified token of the request,
 * made an {@code Actor} exactly as for the API ({@link AssignmentController#actor(Caller)}), so every rule is the
 * same code; a refusal is named, for the page to put in its own words.
 */
@Component
class SignedInSectionWork implements SectionWork {

    private final AssignmentWork work;

    SignedInSectionWork(AssignmentWork work) {
        this.work = work;
    }

    @Override
    public Optional<Worker> signedIn() {
        return Caller.current()
                .map(AssignmentController::actor)
                .map(actor -> new Worker(work.activeMember(actor), actor.mayManageAll()));
    }

    @Override
    public void perform(UUID bookId, String item, Step step) {
        var actor = AssignmentController.actor();
        var section = new SectionRef(bookId, item);
        try {
            switch (step) {
                case TAKE -> work.take(section, actor);
                case START -> work.start(section, actor);
                case COMPLETE -> work.complete(section, actor);
                case REOPEN -> work.reopen(section, actor);
                case RELEASE -> work.unassign(section, actor);
            }
        } catch (NotYourAssignmentException e) {
            throw new WorkRefusedException(Refusal.NOT_YOUR_SECTION, e);
        } catch (NotAMemberException e) {
            throw new WorkRefusedException(Refusal.NOT_A_MEMBER, e);
        } catch (UnknownSectionException e) {
            throw new WorkRefusedException(Refusal.UNKNOWN_SECTION, e);
        } catch (UnknownMemberException e) {
            throw new WorkRefusedException(Refusal.UNKNOWN_MEMBER, e);
        } catch (MemberLeftException e) {
            throw new WorkRefusedException(Refusal.MEMBER_LEFT, e);
        } catch (SectionTakenException e) {
            throw new WorkRefusedException(Refusal.SECTION_TAKEN, e);
        } catch (IllegalTransitionException e) {
            throw new WorkRefusedException(Refusal.ILLEGAL_STEP, e);
        } catch (ConcurrentAssignmentChangeException e) {
            throw new WorkRefusedException(Refusal.CHANGED_MEANWHILE, e);
        }
    }
}
