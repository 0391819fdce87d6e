package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.domain.JoinedWriter;
import java.util.List;
import java.util.UUID;

/** A participant's reply to one of the import's commands, as the messaging adapter read it. */
public sealed interface ImportReply {

    UUID importId();

    /** The id of the command it answers. */
    UUID commandId();

    record BookRegistered(UUID importId, UUID commandId) implements ImportReply {}

    record BookRefused(UUID importId, UUID commandId, String reason) implements ImportReply {}

    record BookRemoved(UUID importId, UUID commandId) implements ImportReply {}

    record WritersJoined(UUID importId, UUID commandId, List<JoinedWriter> members) implements ImportReply {}

    record WritersRefused(UUID importId, UUID commandId, String reason) implements ImportReply {}

    record ImportedMembersRemoved(UUID importId, UUID commandId) implements ImportReply {}
}
