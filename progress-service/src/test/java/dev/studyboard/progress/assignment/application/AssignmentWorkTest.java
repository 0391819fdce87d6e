package dev.studyboard.progress.assignment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.AssignmentEvent;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.Reason;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionAssigned;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionCompleted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionReopened;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionStarted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionUnassigned;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.progress.replica.api.ReplicatedData.MemberStanding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The use cases of the work on a section, through their ports, in memory: no Spring, no database, no Kafka. */
@DisplayName("Assignment work")
class AssignmentWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final UUID bookId = UUID.randomUUID();
    private final SectionRef section31 = new SectionRef(bookId, "3.1");
    private final SectionRef section32 = new SectionRef(bookId, "3.2");
    private final UUID 이상경 = UUID.randomUUID();
    private final UUID 김상초 = UUID.randomUUID();

    private final InMemoryAssignmentRepository assignments = new InMemoryAssignmentRepository();
    private final KnownReplicas replicas = new KnownReplicas()
            .section(section31)
            .section(section32)
            .member(이상경, MemberStanding.ACTIVE)
            .member(김상초, MemberStanding.ACTIVE);
    private final List<AssignmentEvent> published = new ArrayList<>();
    private final AssignmentWork work =
            new AssignmentWork(assignments, replicas, published::addAll, Clock.fixed(NOW, ZoneOffset.UTC));

    private void doneBy(SectionRef section, UUID memberId) {
        work.assign(section, memberId);
        work.start(section);
        work.complete(section);
        published.clear();
    }

    @Nested
    @DisplayName("assigning a section")
    class Assigning {

        @Test
        @DisplayName("to an active member saves it at version 1 and publishes that it was assigned")
        void toActiveMember() {
            var assigned = work.assign(section31, 이상경);

            assertThat(assigned.assignee()).contains(이상경);
            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.version()).isOne());
            assertThat(published).singleElement().isEqualTo(new SectionAssigned(section31, 1, NOW, 이상경));
        }

        @Test
        @DisplayName("to the member who has it already changes nothing and publishes nothing")
        void toItsWriterAgain() {
            work.assign(section31, 이상경);
            published.clear();

            work.assign(section31, 이상경);

            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.version()).isOne());
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("that the catalog does not have is refused: unknown section")
        void unknownSection() {
            var missing = new SectionRef(bookId, "3.9");

            assertThatThrownBy(() -> work.assign(missing, 이상경)).isInstanceOf(UnknownSectionException.class);
            assertThat(assignments.find(missing)).isEmpty();
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("to a member no event has told of is refused: unknown member")
        void unknownMember() {
            assertThatThrownBy(() -> work.assign(section31, UUID.randomUUID()))
                    .isInstanceOf(UnknownMemberException.class);
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("to a member who left is refused")
        void memberWhoLeft() {
            replicas.member(이상경, MemberStanding.LEFT);

            assertThatThrownBy(() -> work.assign(section31, 이상경)).isInstanceOf(MemberLeftException.class);
            assertThat(assignments.find(section31)).isEmpty();
        }
    }

    @Nested
    @DisplayName("the steps of the state machine")
    class Steps {

        @Test
        @DisplayName("start, complete and reopen are saved and published in order, each one version up")
        void inOrder() {
            work.assign(section31, 이상경);

            work.start(section31);
            work.complete(section31);
            var reopened = work.reopen(section31);

            assertThat(reopened.status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
            assertThat(published)
                    .containsExactly(
                            new SectionAssigned(section31, 1, NOW, 이상경),
                            new SectionStarted(section31, 2, NOW, 이상경),
                            new SectionCompleted(section31, 3, NOW, 이상경),
                            new SectionReopened(section31, 4, NOW, 이상경));
            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.version()).isEqualTo(4));
        }

        @Test
        @DisplayName("a step the state machine refuses saves and publishes nothing")
        void refusedStep() {
            work.assign(section31, 이상경);
            published.clear();

            assertThatThrownBy(() -> work.complete(section31)).isInstanceOf(IllegalTransitionException.class);

            assertThat(assignments.find(section31)).hasValueSatisfying(a -> {
                assertThat(a.status()).isEqualTo(AssignmentStatus.TODO);
                assertThat(a.version()).isOne();
            });
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("a done write-up whose writer has left cannot be reopened")
        void reopenNeedsActiveWriter() {
            doneBy(section31, 이상경);
            replicas.member(이상경, MemberStanding.LEFT);

            assertThatThrownBy(() -> work.reopen(section31)).isInstanceOf(MemberLeftException.class);
            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(AssignmentStatus.DONE));
        }

        @Test
        @DisplayName("a section nobody took yet reads as an unassigned to-do, and is not stored by reading it")
        void readUntouched() {
            var untouched = work.get(section32);

            assertThat(untouched.assignee()).isEmpty();
            assertThat(untouched.status()).isEqualTo(AssignmentStatus.TODO);
            assertThat(assignments.find(section32)).isEmpty();
        }
    }

    @Nested
    @DisplayName("when a member leaves the group")
    class MemberLeaves {

        @Test
        @DisplayName(
                "their open write-ups go back to the to-do list, announced with the reason; done ones keep their writer")
        void releasesOpenWork() {
            doneBy(section31, 이상경);
            work.assign(section32, 이상경);
            work.start(section32);
            published.clear();

            work.releaseOpenWorkOf(이상경);

            assertThat(assignments.find(section32)).hasValueSatisfying(a -> {
                assertThat(a.assignee()).isEmpty();
                assertThat(a.status()).isEqualTo(AssignmentStatus.TODO);
            });
            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.assignee()).contains(이상경));
            assertThat(published)
                    .singleElement()
                    .isEqualTo(new SectionUnassigned(section32, 3, NOW, 이상경, Reason.MEMBER_LEFT));
        }

        @Test
        @DisplayName("someone else's work is not touched")
        void othersUntouched() {
            work.assign(section31, 김상초);
            published.clear();

            work.releaseOpenWorkOf(이상경);

            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.assignee()).contains(김상초));
            assertThat(published).isEmpty();
        }
    }

    @Nested
    @DisplayName("when sections leave the catalog")
    class SectionsLeaveTheCatalog {

        @Test
        @DisplayName("their assignments go; open work is first released and announced, so its writer hears of it")
        void dropsAssignments() {
            doneBy(section31, 이상경);
            work.assign(section32, 김상초);
            published.clear();

            work.dropAssignmentsOf(bookId, List.of("3.1", "3.2"));

            assertThat(assignments.find(section31)).isEmpty();
            assertThat(assignments.find(section32)).isEmpty();
            assertThat(published)
                    .singleElement()
                    .isEqualTo(new SectionUnassigned(section32, 2, NOW, 김상초, Reason.SECTION_REMOVED));
        }

        @Test
        @DisplayName("the book's other sections keep theirs")
        void othersKept() {
            work.assign(section31, 이상경);

            work.dropAssignmentsOf(bookId, List.of("3.2"));

            assertThat(assignments.find(section31)).isPresent();
        }
    }
}
