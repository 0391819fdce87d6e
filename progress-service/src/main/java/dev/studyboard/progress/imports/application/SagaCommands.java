package dev.studyboard.progress.imports.application;

import dev.studyboard.progress.imports.domain.SagaCommand;

/** Port: sends a command to its participant, in the transaction that decided it (through the outbox). */
public interface SagaCommands {

    void send(SagaCommand command);
}
