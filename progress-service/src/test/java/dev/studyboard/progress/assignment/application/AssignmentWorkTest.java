package dev.studyboard.progress.assignment.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotAMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotYourAssignmentException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.OrganizerOnlyException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.Assignment;
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
import dev.studyboard.progress.assignment.domain.SectionTakenException;
import dev.studyboard.progress.replica.api.ReplicatedData.MemberStanding;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The use cases of the work on a section, through their ports, in memory: no Spring, no database, no Kafka. Who
 * may change which work (ownership) is decided here, from the {@link Actor} the web adapter builds.
 */
@DisplayName("Assignment work")
class AssignmentWorkTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final UUID bookId = UUID.randomUUID();
    private final SectionRef section31 = new SectionRef(bookId, "3.1");
    private final SectionRef section32 = new SectionRef(bookId, "3.2");
    private final UUID 이상경 = UUID.randomUUID();
    private final UUID 김상초 = UUID.randomUUID();
    private final UUID 김태현 = UUID.randomUUID();

    private final Actor organizer = Actor.organizer("organizer");
    private final Actor asSanggyeong = Actor.member("sanggyeong");
    private final Actor asSangcho = Actor.member("sangcho");
    private final Actor demoLoader = Actor.client(true); // progress.write
    private final Actor syntheticCheck = Actor.client(false); // studyboard.read only

    private final InMemoryAssignmentRepository assignments = new InMemoryAssignmentRepository();
    private final KnownReplicas replicas = new KnownReplicas()
            .section(section31)
            .section(section32)
            .member(이상경, MemberStanding.ACTIVE, "sanggyeong")
            .member(김상초, MemberStanding.ACTIVE, "sangcho")
            .member(김태현, MemberStanding.LEFT, "taehyun");
    private final List<AssignmentEvent> published = new ArrayList<>();
    private final AssignmentWork work = workOn(assignments);

    private AssignmentWork workOn(AssignmentRepository repository) {
        return new AssignmentWork(repository, replicas, published::addAll, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private Assignment stored(SectionRef section) {
        return assignments.find(section).orElseThrow();
    }

    private void doneBy(SectionRef section, UUID memberId) {
        work.assign(section, memberId, organizer);
        work.start(section, organizer);
        work.complete(section, organizer);
        published.clear();
    }

    @Nested
    @DisplayName("assigning a section")
    class Assigning {

        @Test
        @DisplayName("to an active member saves it at version 1 and publishes that it was assigned")
        void toActiveMember() {
            var assigned = work.assign(section31, 이상경, organizer);

            assertThat(assigned.assignee()).contains(이상경);
            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.version()).isOne());
            assertThat(published).singleElement().isEqualTo(new SectionAssigned(section31, 1, NOW, 이상경));
        }

        @Test
        @DisplayName("to the member who has it already changes nothing and publishes nothing")
        void toItsWriterAgain() {
            work.assign(section31, 이상경, organizer);
            published.clear();

            work.assign(section31, 이상경, organizer);

            assertThat(assignments.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.version()).isOne());
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("that the catalog does not have is refused: unknown section")
        void unknownSection() {
            var missing = new SectionRef(bookId, "3.9");

            assertThatThrownBy(() -> work.assign(missing, 이상경, organizer)).isInstanceOf(UnknownSectionException.class);
            assertThat(assignments.find(missing)).isEmpty();
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("to a member no event has told of is refused: unknown member")
        void unknownMember() {
            assertThatThrownBy(() -> work.assign(section31, UUID.randomUUID(), organizer))
                    .isInstanceOf(UnknownMemberException.class);
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("to a member who left is refused")
        void memberWhoLeft() {
            replicas.member(이상경, MemberStanding.LEFT);

            assertThatThrownBy(() -> work.assign(section31, 이상경, organizer)).isInstanceOf(MemberLeftException.class);
            assertThat(assignments.find(section31)).isEmpty();
        }
    }

    @Nested
    @DisplayName("a member taking a section for themself")
    class Taking {

        @Test
        @DisplayName("a free one becomes theirs, saved at version 1 and published as assigned")
        void free() {
            var taken = work.take(section31, asSanggyeong);

            assertThat(taken.assignee()).contains(이상경);
            assertThat(stored(section31).version()).isOne();
            assertThat(published).singleElement().isEqualTo(new SectionAssigned(section31, 1, NOW, 이상경));
        }

        @Test
        @DisplayName("their own again changes nothing and publishes nothing")
        void ownAgain() {
            work.take(section31, asSanggyeong);
            published.clear();

            var again = work.take(section31, asSanggyeong);

            assertThat(again.assignee()).contains(이상경);
            assertThat(stored(section31).version()).isOne();
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("someone else's, open or done, is refused as taken and stays theirs")
        void someoneElses() {
            work.take(section31, asSangcho);
            doneBy(section32, 김상초);
            published.clear();

            assertThatThrownBy(() -> work.take(section31, asSanggyeong)).isInstanceOf(SectionTakenException.class);
            assertThatThrownBy(() -> work.take(section32, asSanggyeong)).isInstanceOf(SectionTakenException.class);

            assertThat(stored(section31).assignee()).contains(김상초);
            assertThat(stored(section32).assignee()).contains(김상초);
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("lost to another taker between reading and saving, it is refused as taken: the winner keeps it")
        void lostRace() {
            var racing = new InMemoryAssignmentRepository() {
                private boolean raced;

                @Override
                public Optional<Assignment> find(SectionRef section) {
                    var seen = super.find(section);
                    if (!raced) { // 김상초's take commits right after this read saw the section free
                        raced = true;
                        super.save(Assignment.restore(section, 김상초, AssignmentStatus.TODO, 1));
                    }
                    return seen;
                }
            };

            assertThatThrownBy(() -> workOn(racing).take(section31, asSanggyeong))
                    .isInstanceOf(SectionTakenException.class);

            assertThat(racing.find(section31))
                    .hasValueSatisfying(a -> assertThat(a.assignee()).contains(김상초));
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("by an account that is no member here (never joined, not replicated yet, or left) is refused")
        void notAMember() {
            assertThatThrownBy(() -> work.take(section31, Actor.member("newcomer")))
                    .isInstanceOf(NotAMemberException.class)
                    .hasMessageContaining("newcomer");
            assertThatThrownBy(() -> work.take(section31, Actor.member("taehyun")))
                    .isInstanceOf(NotAMemberException.class);
            assertThatThrownBy(() -> work.take(section31, demoLoader)).isInstanceOf(NotAMemberException.class);

            assertThat(assignments.find(section31)).isEmpty();
            assertThat(published).isEmpty();
        }
    }

    @Nested
    @DisplayName("who may change the work on a section")
    class Ownership {

        @BeforeEach
        void givenSanggyeongWritesUp31() {
            work.take(section31, asSanggyeong);
            published.clear();
        }

        @Test
        @DisplayName("its writer may start, complete, reopen it and take themself off")
        void itsWriter() {
            work.start(section31, asSanggyeong);
            work.complete(section31, asSanggyeong);
            work.reopen(section31, asSanggyeong);
            var released = work.unassign(section31, asSanggyeong);

            assertThat(released.assignee()).isEmpty();
            assertThat(published).hasSize(4);
        }

        @Test
        @DisplayName("another member completing it is refused as not theirs: nothing saved, nothing published")
        void anotherMemberCompletes() {
            work.start(section31, asSanggyeong);
            published.clear();

            assertThatThrownBy(() -> work.complete(section31, asSangcho))
                    .isInstanceOf(NotYourAssignmentException.class)
                    .hasMessageContaining("3.1");

            assertThat(stored(section31).status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
            assertThat(stored(section31).version()).isEqualTo(2);
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("another member can neither start it, take its writer off, nor reopen it")
        void anotherMemberOtherSteps() {
            assertThatThrownBy(() -> work.start(section31, asSangcho)).isInstanceOf(NotYourAssignmentException.class);
            assertThatThrownBy(() -> work.unassign(section31, asSangcho))
                    .isInstanceOf(NotYourAssignmentException.class);
            doneBy(section32, 이상경);
            assertThatThrownBy(() -> work.reopen(section32, asSangcho)).isInstanceOf(NotYourAssignmentException.class);

            assertThat(stored(section31).assignee()).contains(이상경);
            assertThat(stored(section32).status()).isEqualTo(AssignmentStatus.DONE);
            assertThat(published).isEmpty();
        }

        @Test
        @DisplayName("a section nobody writes up is no member's to start: they take it first")
        void nobodysSection() {
            assertThatThrownBy(() -> work.start(section32, asSangcho)).isInstanceOf(NotYourAssignmentException.class);
            assertThat(assignments.find(section32)).isEmpty();
        }

        @Test
        @DisplayName("the organizer may change anyone's work")
        void organizer() {
            work.start(section31, organizer);
            var done = work.complete(section31, organizer);

            assertThat(done.status()).isEqualTo(AssignmentStatus.DONE);
            assertThat(done.assignee()).contains(이상경);
        }

        @Test
        @DisplayName("a client with progress.write (the demo-loader) may; one without (the synthetic check) may not")
        void clients() {
            work.start(section31, demoLoader);

            assertThatThrownBy(() -> work.complete(section31, syntheticCheck))
                    .isInstanceOf(NotYourAssignmentException.class);
            assertThat(stored(section31).status()).isEqualTo(AssignmentStatus.IN_PROGRESS);
        }

        @Test
        @DisplayName("assigning to someone, even to oneself, is the organizer's operation; a member takes instead")
        void assigningIsTheOrganizers() {
            assertThatThrownBy(() -> work.assign(section32, 김상초, asSangcho)).isInstanceOf(OrganizerOnlyException.class);
            assertThatThrownBy(() -> work.assign(section31, 김상초, asSangcho)).isInstanceOf(OrganizerOnlyException.class);

            assertThat(stored(section31).assignee()).contains(이상경);
            assertThat(assignments.find(section32)).isEmpty();
            assertThat(work.assign(section31, 김상초, demoLoader).assignee()).contains(김상초);
        }
    }

    @Nested
    @DisplayName("the steps of the state machine")
    class Steps {

        @Test
        @DisplayName("start, complete and reopen are saved and published in order, each one version up")
        void inOrder() {
            work.assign(section31, 이상경, organizer);

            work.start(section31, organizer);
            work.complete(section31, organizer);
            var reopened = work.reopen(section31, organizer);

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
            work.assign(section31, 이상경, organizer);
            published.clear();

            assertThatThrownBy(() -> work.complete(section31, organizer))
                    .isInstanceOf(IllegalTransitionException.class);

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

            assertThatThrownBy(() -> work.reopen(section31, organizer)).isInstanceOf(MemberLeftException.class);
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
            work.assign(section32, 이상경, organizer);
            work.start(section32, organizer);
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
            work.assign(section31, 김상초, organizer);
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
            work.assign(section32, 김상초, organizer);
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
            work.assign(section31, 이상경, organizer);

            work.dropAssignmentsOf(bookId, List.of("3.2"));

            assertThat(assignments.find(section31)).isPresent();
        }
    }
}
