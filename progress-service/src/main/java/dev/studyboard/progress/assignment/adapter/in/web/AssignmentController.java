package dev.studyboard.progress.assignment.adapter.in.web;

import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.SectionRef;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
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
 * steps are sub-resources you POST to: {@code start}, {@code complete}, {@code reopen}.
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
    @Operation(summary = "The section's assignee and status")
    AssignmentResponse get(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.get(new SectionRef(bookId, item)));
    }

    @PutMapping("/assignee")
    @Operation(summary = "Assign the section to a member (who must not have left)")
    AssignmentResponse assign(
            @PathVariable UUID bookId, @PathVariable String item, @Valid @RequestBody AssignRequest request) {
        return AssignmentResponse.of(work.assign(new SectionRef(bookId, item), request.memberId()));
    }

    @DeleteMapping("/assignee")
    @Operation(summary = "Take the writer off an open section")
    AssignmentResponse unassign(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.unassign(new SectionRef(bookId, item)));
    }

    @PostMapping("/start")
    @Operation(summary = "to do → in progress (needs an assignee)")
    AssignmentResponse start(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.start(new SectionRef(bookId, item)));
    }

    @PostMapping("/complete")
    @Operation(summary = "in progress → done")
    AssignmentResponse complete(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.complete(new SectionRef(bookId, item)));
    }

    @PostMapping("/reopen")
    @Operation(summary = "done → in progress")
    AssignmentResponse reopen(@PathVariable UUID bookId, @PathVariable String item) {
        return AssignmentResponse.of(work.reopen(new SectionRef(bookId, item)));
    }
}
