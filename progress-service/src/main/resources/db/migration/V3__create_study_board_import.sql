-- The import saga's orchestrator state (docs/import-saga.md): one row per import, changed in the transaction that
-- writes its next command to the outbox. A restarted service carries on from here.
CREATE TABLE study_board_import (
    id                  UUID PRIMARY KEY,
    initiator           TEXT        NOT NULL,   -- the token subject that started it
    idempotency_key     TEXT        NOT NULL,   -- the caller's Idempotency-Key
    request_fingerprint TEXT        NOT NULL,   -- tells a retry of the same request from a reuse of the key
    board               JSONB       NOT NULL,   -- the notes, as the anti-corruption layer translated them
    book_id             UUID        NOT NULL,   -- the book's id in the catalog, chosen here
    status              TEXT        NOT NULL,
    steps               JSONB       NOT NULL,   -- each step's state
    members             JSONB       NOT NULL DEFAULT '[]', -- the writers as member-service answered
    reason              TEXT,                   -- why it was undone
    awaiting            TEXT,                   -- the kind of command whose reply it waits for
    awaiting_command    UUID,                   -- that command's id
    attempts            INTEGER     NOT NULL DEFAULT 0,
    due_at              TIMESTAMPTZ,            -- when the timer looks at it next (null: finished)
    step_started_at     TIMESTAMPTZ NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    UNIQUE (initiator, idempotency_key)
);

-- The timer only ever looks for unfinished imports that are due.
CREATE INDEX study_board_import_due ON study_board_import (due_at) WHERE due_at IS NOT NULL;
