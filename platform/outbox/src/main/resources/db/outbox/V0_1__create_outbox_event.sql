-- Transactional outbox: a service inserts its events here in the same transaction as the change they
-- describe; the relay publishes them to Kafka afterwards. Shipped by the outbox module and applied by
-- each service's own Flyway (location classpath:db/outbox). Its versions stay below 1 so they never
-- collide with a service's own migrations.
CREATE TABLE outbox_event (
    position       BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- publication order
    event_id       UUID        NOT NULL UNIQUE,                     -- CloudEvents id, stable across retries
    topic          TEXT        NOT NULL,
    aggregate_type TEXT        NOT NULL,
    aggregate_id   TEXT        NOT NULL,                            -- Kafka key and CloudEvents subject
    event_type     TEXT        NOT NULL,
    data_schema    TEXT        NOT NULL,
    payload        JSON        NOT NULL,                            -- JSON keeps the text exactly as written
    trace_context  JSONB       NOT NULL DEFAULT '{}',               -- W3C traceparent/tracestate of the cause
    occurred_at    TIMESTAMPTZ NOT NULL,
    published_at   TIMESTAMPTZ
);

-- The relay only ever scans unpublished rows in order; the cleaner only published ones by age.
CREATE INDEX outbox_event_unpublished ON outbox_event (position) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Wake every relay (any replica) when events commit: NOTIFY is delivered at commit, never for a rollback.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_inserted
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
