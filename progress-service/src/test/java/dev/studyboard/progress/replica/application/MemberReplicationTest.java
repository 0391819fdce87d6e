package dev.studyboard.progress.replica.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.progress.replica.api.MemberLeftGroup;
import dev.studyboard.progress.replica.application.InMemoryMemberReplicaStore.Member;
import dev.studyboard.progress.replica.application.MemberChange.MemberJoined;
import dev.studyboard.progress.replica.application.MemberChange.MemberLeft;
import dev.studyboard.progress.replica.application.MemberChange.MemberRenamed;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The replica of the members, through its ports, in memory: no Spring, no database, no Kafka. */
@DisplayName("Member replication")
class MemberReplicationTest {

    private final UUID 이상경 = UUID.randomUUID();
    private final InMemoryMemberReplicaStore members = new InMemoryMemberReplicaStore();
    private final List<Object> announced = new ArrayList<>();
    private final List<Boolean> activeWhenAnnounced = new ArrayList<>();
    private final InMemoryReplicaLock lock = new InMemoryReplicaLock();
    private final MemberReplication replication =
            new MemberReplication(lock, new IdempotentConsumer(new InMemoryProcessedEvents()), members, event -> {
                activeWhenAnnounced.add(member().active());
                announced.add(event);
            });

    private void apply(MemberChange change) {
        var type = "studyboard.member." + change.getClass().getSimpleName();
        replication.apply(new ReceivedEvent(UUID.randomUUID(), "/studyboard/member-service", type), change);
    }

    private Member member() {
        return members.member(이상경).orElseThrow();
    }

    @Nested
    @DisplayName("in order")
    class InOrder {

        @Test
        @DisplayName("a member who joins is copied, active, with their account; a rename replaces the name")
        void joinedAndRenamed() {
            apply(new MemberJoined(이상경, 1, "이상경", "sanggyeong"));
            apply(new MemberRenamed(이상경, 2, "이상경 (스터디장)"));

            assertThat(member()).isEqualTo(new Member(2, "이상경 (스터디장)", "sanggyeong", true));
            assertThat(announced).isEmpty();
        }

        @Test
        @DisplayName("a joined event from before accounts existed still applies, with no account")
        void joinedWithoutAccount() {
            apply(new MemberJoined(이상경, 1, "이상경", null));

            assertThat(member()).isEqualTo(new Member(1, "이상경", null, true));
        }

        @Test
        @DisplayName("a member who leaves is marked inactive first, then announced, so their open work is released")
        void left() {
            apply(new MemberJoined(이상경, 1, "이상경", "sanggyeong"));

            apply(new MemberLeft(이상경, 2));

            assertThat(member().active()).isFalse();
            assertThat(announced).containsExactly(new MemberLeftGroup(이상경));
            assertThat(activeWhenAnnounced).containsExactly(false);
        }
    }

    @Nested
    @DisplayName("out of order")
    class OutOfOrder {

        @Test
        @DisplayName("old news is ignored")
        void oldNews() {
            apply(new MemberJoined(이상경, 1, "이상경", "sanggyeong"));
            apply(new MemberRenamed(이상경, 2, "newer"));

            apply(new MemberRenamed(이상경, 2, "older"));

            assertThat(member().displayName()).isEqualTo("newer");
        }

        @Test
        @DisplayName("a skipped version is refused")
        void gap() {
            apply(new MemberJoined(이상경, 1, "이상경", "sanggyeong"));

            assertThatThrownBy(() -> apply(new MemberLeft(이상경, 3))).isInstanceOf(ReplicaGapException.class);
            assertThat(member().active()).isTrue();
            assertThat(announced).isEmpty();
        }

        @Test
        @DisplayName("news of a member never seen is refused")
        void neverSeen() {
            assertThatThrownBy(() -> apply(new MemberRenamed(이상경, 2, "who?")))
                    .isInstanceOf(ReplicaGapException.class)
                    .hasMessageContaining("never seen");
        }
    }

    @Nested
    @DisplayName("replayed in a rebuild")
    class Replayed {

        private void replay(MemberChange change, boolean announce) {
            var type = "studyboard.member." + change.getClass().getSimpleName();
            replication.replay(
                    new ReceivedEvent(UUID.randomUUID(), "/studyboard/member-service", type), change, announce);
        }

        @Test
        @DisplayName("a leaving applied before the rebuild marks the member inactive but announces nothing")
        void appliedBefore() {
            replay(new MemberJoined(이상경, 1, "이상경", "sanggyeong"), false);

            replay(new MemberLeft(이상경, 2), false);

            assertThat(member().active()).isFalse();
            assertThat(announced).isEmpty();
            assertThat(lock.shared).isZero();
        }

        @Test
        @DisplayName("a leaving new to the replicas is announced, so the open work is released")
        void newEvent() {
            replay(new MemberJoined(이상경, 1, "이상경", "sanggyeong"), false);

            replay(new MemberLeft(이상경, 2), true);

            assertThat(announced).containsExactly(new MemberLeftGroup(이상경));
        }
    }
}
