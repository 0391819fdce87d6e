package dev.studyboard.member.commands;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The import saga's contract with member-service, version 1 (docs/import-saga.md): the JSON data of the commands
 * progress-service sends on {@code member.commands}, and of the replies member-service sends on
 * {@code import.replies}. Commands are read as tolerant readers: fields they do not name are ignored.
 */
final class ImportCommandMessages {

    private ImportCommandMessages() {}

    /** {@code studyboard.progress.import.join-writers}; no writers is nothing to join. */
    record JoinWritersV1(UUID importId, List<WriterV1> writers, String initiator) {
        JoinWritersV1 {
            Objects.requireNonNull(importId, "importId");
            writers = writers == null ? List.of() : List.copyOf(writers);
        }
    }

    /** @param account null if the notes do not know the writer's account */
    record WriterV1(String displayName, String account) {}

    /** {@code studyboard.progress.import.remove-imported-members}: undoes join-writers. */
    record RemoveImportedMembersV1(UUID importId, String initiator) {
        RemoveImportedMembersV1 {
            Objects.requireNonNull(importId, "importId");
        }
    }

    /**
     * {@code studyboard.member.import.writers-joined}: the member every writer is, in the command's order.
     *
     * @param commandId the CloudEvents id of the command it answers
     */
    record WritersJoinedV1(UUID importId, UUID commandId, List<JoinedMemberV1> members) {}

    /** @param created whether the import created the member; false for one who was a member before */
    record JoinedMemberV1(String displayName, UUID memberId, boolean created) {}

    /** {@code studyboard.member.import.writers-refused}: nobody joined; {@code reason} names the writer. */
    record WritersRefusedV1(UUID importId, UUID commandId, String reason) {}

    /** {@code studyboard.member.import.imported-members-removed}: empty if there was nobody (left) to remove. */
    record ImportedMembersRemovedV1(UUID importId, UUID commandId, List<UUID> memberIds) {}
}
