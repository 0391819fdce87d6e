package dev.studyboard.progress.page.domain;

import dev.studyboard.progress.assignment.api.SectionWork.Step;
import dev.studyboard.progress.assignment.api.SectionWork.Worker;
import dev.studyboard.progress.board.api.Board;
import java.util.List;
import java.util.Optional;

/**
 * The buttons a row of the board offers the person looking at it: the steps that can succeed from the section's
 * status, for who they are. Only an offer: the use cases decide ({@code AssignmentWork}), so a button on a page that
 * has gone stale is refused there.
 */
public final class OfferedSteps {

    private OfferedSteps() {}

    public static List<Step> on(Board.Row row, Optional<Worker> viewer) {
        if (viewer.isEmpty()) {
            return List.of();
        }
        var worker = viewer.get();
        if (row.writerId() == null) {
            return worker.memberId().isPresent() ? List.of(Step.TAKE) : List.of();
        }
        if (!worker.writes(row.writerId()) && !worker.mayChangeAnyWork()) {
            return List.of();
        }
        return switch (row.status()) {
            case TODO -> List.of(Step.START, Step.RELEASE);
            case IN_PROGRESS -> List.of(Step.COMPLETE, Step.RELEASE);
            case DONE -> List.of(Step.REOPEN);
        };
    }
}
