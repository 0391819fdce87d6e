package dev.studyboard.progress.page.domain;

import static dev.studyboard.progress.assignment.api.SectionWork.Step.COMPLETE;
import static dev.studyboard.progress.assignment.api.SectionWork.Step.RELEASE;
import static dev.studyboard.progress.assignment.api.SectionWork.Step.REOPEN;
import static dev.studyboard.progress.assignment.api.SectionWork.Step.START;
import static dev.studyboard.progress.assignment.api.SectionWork.Step.TAKE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.progress.assignment.api.SectionWork.Worker;
import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.board.api.WriteUpStatus;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The buttons a row offers")
class OfferedStepsTest {

    private static final UUID 이상경 = UUID.randomUUID();
    private static final UUID 김상초 = UUID.randomUUID();

    private static final Optional<Worker> ANONYMOUS = Optional.empty();
    private static final Optional<Worker> SANGGYEONG = Optional.of(new Worker(Optional.of(이상경), false));
    private static final Optional<Worker> ORGANIZER = Optional.of(new Worker(Optional.empty(), true));
    private static final Optional<Worker> NOT_JOINED_YET = Optional.of(new Worker(Optional.empty(), false));

    private static Board.Row free() {
        return new Board.Row("3.1", "서비스 구조", 44, null, null, WriteUpStatus.TODO);
    }

    private static Board.Row writtenBy(UUID writer, WriteUpStatus status) {
        return new Board.Row("3.1", "서비스 구조", 44, writer, "작성자", status);
    }

    @Nested
    @DisplayName("to an anonymous visitor")
    class Anonymous {

        @ParameterizedTest(name = "{0}")
        @EnumSource(WriteUpStatus.class)
        @DisplayName("none, whoever writes the section")
        void none(WriteUpStatus status) {
            assertThat(OfferedSteps.on(free(), ANONYMOUS)).isEmpty();
            assertThat(OfferedSteps.on(writtenBy(이상경, status), ANONYMOUS)).isEmpty();
        }
    }

    @Nested
    @DisplayName("to a member")
    class Member {

        @Test
        @DisplayName("a free section: take")
        void freeSection() {
            assertThat(OfferedSteps.on(free(), SANGGYEONG)).containsExactly(TAKE);
        }

        @Test
        @DisplayName("their own: the next step of its status, and giving back an open one")
        void own() {
            assertThat(OfferedSteps.on(writtenBy(이상경, WriteUpStatus.TODO), SANGGYEONG))
                    .containsExactly(START, RELEASE);
            assertThat(OfferedSteps.on(writtenBy(이상경, WriteUpStatus.IN_PROGRESS), SANGGYEONG))
                    .containsExactly(COMPLETE, RELEASE);
            assertThat(OfferedSteps.on(writtenBy(이상경, WriteUpStatus.DONE), SANGGYEONG))
                    .containsExactly(REOPEN);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(WriteUpStatus.class)
        @DisplayName("someone else's: none")
        void someoneElses(WriteUpStatus status) {
            assertThat(OfferedSteps.on(writtenBy(김상초, status), SANGGYEONG)).isEmpty();
        }

        @Test
        @DisplayName("signed in, but not a member here yet: not even take")
        void notJoinedYet() {
            assertThat(OfferedSteps.on(free(), NOT_JOINED_YET)).isEmpty();
        }
    }

    @Nested
    @DisplayName("to the organizer")
    class Organizer {

        @Test
        @DisplayName("anyone's section: the same steps as its writer has")
        void anyones() {
            assertThat(OfferedSteps.on(writtenBy(김상초, WriteUpStatus.TODO), ORGANIZER))
                    .containsExactly(START, RELEASE);
            assertThat(OfferedSteps.on(writtenBy(김상초, WriteUpStatus.IN_PROGRESS), ORGANIZER))
                    .containsExactly(COMPLETE, RELEASE);
            assertThat(OfferedSteps.on(writtenBy(김상초, WriteUpStatus.DONE), ORGANIZER))
                    .containsExactly(REOPEN);
        }

        @Test
        @DisplayName("a free section: take only as a member of the group, which this organizer is not")
        void freeSection() {
            assertThat(OfferedSteps.on(free(), ORGANIZER)).isEmpty();
        }
    }
}
