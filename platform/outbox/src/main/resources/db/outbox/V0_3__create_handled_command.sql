-- Idempotent receiver (CommandReceiver): each command a participant of a saga has handled, with the reply it
-- gave, so a command delivered again is answered the same and has no second effect. Shipped by the outbox
-- module next to the outbox table.
CREATE TABLE handled_command (
    command_id           UUID        PRIMARY KEY,  -- CloudEvents id of the command
    command_type         TEXT        NOT NULL,
    reply_topic          TEXT        NOT NULL,
    reply_aggregate_type TEXT        NOT NULL,
    reply_aggregate_id   TEXT        NOT NULL,
    reply_service        TEXT        NOT NULL,     -- the reply's EventType: service, name, version
    reply_name           TEXT        NOT NULL,
    reply_version        INT         NOT NULL,
    reply_data           JSONB       NOT NULL,
    handled_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
