package dev.studyboard.progress.assignment.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.assignment.domain.AssignmentEvent.Reason;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionAssigned;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionCompleted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionStarted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionUnassigned;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A section's assignment")
class AssignmentTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final UUID 이상경 = UUID.randomUUID();
    private static final UUID 김상초 = UUID.randomUUID();

    private final Assignment assignment = Assignment.unassigned(new SectionRef(UUID.randomUUID(), "4.3"));

    @Nested
    @DisplayName("follows the state machine to do → in progress → done")
    class StateMachine {

        @Test
        @DisplayName("assigned, started and completed, it records each step with a rising version")
        void happyPath() {
            assignment.assignTo(이상경, NOW);
            assignment.start(NOW);
            assignment.complete(NOW);

            assertThat(assignment.status()).isEqualTo(AssignmentStatus.DONE);
            assertThat(assignment.version()).isEqualTo(3);
            assertThat(assignment.pullEvents())
                    .satisfiesExactly(
                            e -> assertThat(e).isInstanceOf(SectionAssigned.class),
                            e -> assertThat(e).isInstanceOf(SectionStarted.class),
                            e -> assertThat(e)
                                    .isInstanceOfSatisfying(
                                            SectionCompleted.class,
                                            c -> assertThat(c.memberId()).isEqualTo(이상경)));
        }

        @Test
        @DisplayName("a done section can be reopened, and is in progress again")
        void reopen() {
            assignment.assignTo(이상경, NOW);
            assignment.start(NOW);
            assignment.complete(NOW);

            assignment.reopen(NOW);

            assertThat(assignment.status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        }

        @Test
        @DisplayName("refuses steps out of order: complete before start, start twice, reopen what is not done")
        void illegalTransitions() {
            assignment.assignTo(이상경, NOW);

            assertThatThrownBy(() -> assignment.complete(NOW)).isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> assignment.reopen(NOW)).isInstanceOf(IllegalTransitionException.class);
            assignment.start(NOW);
            assertThatThrownBy(() -> assignment.start(NOW)).isInstanceOf(IllegalTransitionException.class);
            assertThat(assignment.status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        }

        @Test
        @DisplayName("nobody can start a section nobody is assigned to")
        void startNeedsAssignee() {
            assertThatThrownBy(() -> assignment.start(NOW))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("Assign section 4.3");
        }
    }

    @Nested
    @DisplayName("assignee")
    class Assignee {

        @Test
        @DisplayName("open work can be handed over; assigning the same member again changes nothing")
        void handOver() {
            assignment.assignTo(이상경, NOW);
            assignment.assignTo(이상경, NOW);
            assignment.assignTo(김상초, NOW);

            assertThat(assignment.assignee()).contains(김상초);
            assertThat(assignment.pullEvents()).hasSize(2);
        }

        @Test
        @DisplayName("released when the writer leaves: back to to-do, unassigned, with the reason")
        void release() {
            assignment.assignTo(이상경, NOW);
            assignment.start(NOW);
            assignment.pullEvents();

            assignment.unassign(Reason.MEMBER_LEFT, NOW);

            assertThat(assignment.assignee()).isEmpty();
            assertThat(assignment.status()).isEqualTo(AssignmentStatus.TODO);
            assertThat(assignment.pullEvents()).singleElement().isInstanceOfSatisfying(SectionUnassigned.class, e -> {
                assertThat(e.memberId()).isEqualTo(이상경);
                assertThat(e.reason()).isEqualTo(Reason.MEMBER_LEFT);
            });
        }

        @Test
        @DisplayName("a done write-up keeps its writer: it cannot be unassigned or reassigned")
        void doneKeepsWriter() {
            assignment.assignTo(이상경, NOW);
            assignment.start(NOW);
            assignment.complete(NOW);

            assertThatThrownBy(() -> assignment.unassign(Reason.REQUESTED, NOW))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> assignment.assignTo(김상초, NOW)).isInstanceOf(IllegalTransitionException.class);
            assertThat(assignment.isOpenWorkOf(이상경)).isFalse();
        }
    }
}
