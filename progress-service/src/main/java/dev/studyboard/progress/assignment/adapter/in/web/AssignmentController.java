package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.application.Actor;
import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.security.Authorities;
import dev.studyboard.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Web adapter for the work on one section: who writes it up and how far along it is. The state machine's
 * steps are sub-resources you POST to: {@code start}, {@code complete}, {@code reopen}; a member takes a free
 * section with {@code take}, the organizer hands one to anyone with {@code PUT assignee}.
 */
@RestController
@RequestMapping("/api/progress/books/{bookId}/sections/{item}")
@Tag(name = "Assignments", description = "Who writes up a section, and its status: to do → in progress → done")
class AssignmentController {

    record AssignRequest(@NotNull UUID memberId) {}

    record AssignmentResponse(UUID bookId, String item, UUID assignee, AssignmentStatus status, long version) {

        static AssignmentResponse of(Assignment assignment) {
            return new AssignmentResponse(
                    assignment.section().bookId(),
                    assignment.section().item(),
                    assignment.assignee().orElse(null),
                    assignment.status(),
                    assignment.version());
        }
    }

    private final AssignmentWork work;

    AssignmentController(AssignmentWork work) {
        this.work = work;
    }

    @GetMapping
    @Operation(summary = "The section's assignee and status (anyone)")
    AssignmentResponse get(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.get(new SectionRef(bookId, item)));
    }

    @PostMapping("/take")
    @Operation(
            summary = "Take a free section for yourself (a member)",
            description = "200 with you as the assignee, also if it was yours already; 409 if someone else has it"
                    + " (of members racing for it, exactly one gets it)")
    AssignmentResponse take(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.take(new SectionRef(bookId, item), actor()));
    }

    @PutMapping("/assignee")
    @Operation(summary = "Assign or reassign the section to any member who has not left (organizer, progress.write)")
    AssignmentResponse assign(
            @PathVariable UUID bookId, @PathVariable String item, @Valid @RequestBody AssignRequest request) {
        return AssignmentResponse.of(work.assign(new SectionRef(bookId, item), request.memberId(), actor()));
    }

    @DeleteMapping("/assignee")
    @Operation(summary = "Take the writer off an open section (its writer, organizer, progress.write)")
    AssignmentResponse unassign(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.unassign(new SectionRef(bookId, item), actor()));
    }

    @PostMapping("/start")
    @Operation(summary = "to do → in progress, needs an assignee (its writer, organizer, progress.write)")
    AssignmentResponse start(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.start(new SectionRef(bookId, item), actor()));
    }

    @PostMapping("/complete")
    @Operation(summary = "in progress → done (its writer, organizer, progress.write)")
    AssignmentResponse complete(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.complete(new SectionRef(bookId, item), actor()));
    }

    @PostMapping("/reopen")
    @Operation(summary = "done → in progress (its writer, organizer, progress.write)")
    AssignmentResponse reopen(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.reopen(new SectionRef(bookId, item), actor()));
    }

    /**
     * The verified caller as the use cases see them: a person acts as their account (the token's subject), a
     * machine client as no member; the organizer and a client with {@code progress.write} may change anyone's
     * work. No verified caller cannot happen past the security rules; if it did, Spring Security answers 401.
     */
    static Actor actor(Caller caller) {
        var account = caller.isPerson() ? Optional.of(caller.subject()) : Optional.<String>empty();
        return new Actor(account, caller.isOrganizer() || caller.has(Authorities.PROGRESS_WRITE));
    }

    /** The caller of the current request, as above. */
    static Actor actor() {
        return actor(Caller.current().orElseThrow(() -> new AccessDeniedException("No verified caller")));
    }
}
