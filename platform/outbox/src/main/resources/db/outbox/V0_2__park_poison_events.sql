-- Poison events: a row the relay can never publish (larger than Kafka accepts, say) is parked with its reason
-- instead of blocking the relay for good. The later rows of its aggregate wait behind it, so their order stays
-- intact, until an operator retries or discards it (the outbox actuator endpoint). Adding columns with a constant
-- default does not rewrite the table.
ALTER TABLE outbox_event
    ADD COLUMN attempts     INT NOT NULL DEFAULT 0, -- sends Kafka refused; a retry by an operator starts over
    ADD COLUMN last_error   TEXT,                   -- why the last send failed, whatever the cause
    ADD COLUMN parked_at    TIMESTAMPTZ,            -- set: the relay no longer sends it
    ADD COLUMN park_reason  TEXT,
    ADD COLUMN discarded_at TIMESTAMPTZ;            -- set by an operator: never sent, kept for the record

-- The parked rows of an aggregate, which the relay's claim looks up for every candidate.
CREATE INDEX outbox_event_parked ON outbox_event (aggregate_type, aggregate_id, position)
    WHERE parked_at IS NOT NULL AND discarded_at IS NULL;
