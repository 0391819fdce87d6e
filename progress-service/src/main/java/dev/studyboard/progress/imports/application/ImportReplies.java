package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.application.ImportReply.BookRefused;
import dev.studyboard.progress.imports.application.ImportReply.BookRegistered;
import dev.studyboard.progress.imports.application.ImportReply.BookRemoved;
import dev.studyboard.progress.imports.application.ImportReply.ImportedMembersRemoved;
import dev.studyboard.progress.imports.application.ImportReply.WritersJoined;
import dev.studyboard.progress.imports.application.ImportReply.WritersRefused;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: a participant answered. The import moves on (or starts undoing) and its next command is written, in
 * one transaction: a reply is either fully taken into account or not at all, and then it is delivered again.
 */
@Service
public class ImportReplies {

    private static final Logger log = LoggerFactory.getLogger(ImportReplies.class);

    private final ImportRepository imports;
    private final SagaCommands commands;
    private final SagaSettings settings;
    private final Clock clock;

    ImportReplies(ImportRepository imports, SagaCommands commands, SagaSettings settings, Clock clock) {
        this.imports = imports;
        this.commands = commands;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public void apply(ImportReply reply) {
        var found = imports.lock(reply.importId());
        if (found.isEmpty()) {
            log.warn("Reply {} for unknown import {}: ignored", reply.getClass().getSimpleName(), reply.importId());
            return;
        }
        var saga = found.get();
        var now = clock.instant();
        var timeouts = settings.timeouts();
        if (reply instanceof BookRegistered r) {
            saga.bookRegistered(r.commandId(), now, timeouts);
        } else if (reply instanceof BookRefused r) {
            saga.bookRefused(r.commandId(), r.reason(), now, timeouts);
        } else if (reply instanceof BookRemoved r) {
            saga.bookRemoved(r.commandId(), now, timeouts);
        } else if (reply instanceof WritersJoined r) {
            saga.writersJoined(r.commandId(), r.members(), now, timeouts);
        } else if (reply instanceof WritersRefused r) {
            saga.writersRefused(r.commandId(), r.reason(), now, timeouts);
        } else if (reply instanceof ImportedMembersRemoved r) {
            saga.importedMembersRemoved(r.commandId(), now, timeouts);
        }
        imports.save(saga);
        saga.pullCommands().forEach(commands::send);
    }
}
