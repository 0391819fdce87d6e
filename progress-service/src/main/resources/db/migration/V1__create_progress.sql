-- progress-service's own database. It never reads another service's database: the catalog's sections and the
-- members it needs are replicas, built only from catalog.events and member.events (seed 000, 3.6).

-- Replicas. No foreign keys point into another service (seed 002, 5.7 breaking foreign key relationships):
-- the replicas are this service's own copy, kept current by events, and may lag behind for a moment.
CREATE TABLE book_replica (
    book_id  UUID PRIMARY KEY,
    title    TEXT    NOT NULL,
    version  BIGINT  NOT NULL,           -- the catalog's bookVersion last applied: older events are ignored
    removed  BOOLEAN NOT NULL DEFAULT FALSE -- a tombstone, so a late redelivery cannot bring the book back
);

CREATE TABLE chapter_replica (
    book_id UUID    NOT NULL REFERENCES book_replica (book_id) ON DELETE CASCADE,
    number  INTEGER NOT NULL,
    title   TEXT    NOT NULL,
    PRIMARY KEY (book_id, number)
);

CREATE TABLE section_replica (
    book_id        UUID    NOT NULL,
    item           TEXT    NOT NULL,
    chapter_number INTEGER NOT NULL,
    title          TEXT    NOT NULL,
    page           INTEGER,
    PRIMARY KEY (book_id, item),
    FOREIGN KEY (book_id, chapter_number) REFERENCES chapter_replica (book_id, number) ON DELETE CASCADE
);

CREATE TABLE member_replica (
    member_id    UUID PRIMARY KEY,
    display_name TEXT    NOT NULL,
    active       BOOLEAN NOT NULL,
    version      BIGINT  NOT NULL         -- the member's memberVersion last applied
);

-- What this service owns: who writes up which section, and how far along it is.
CREATE TABLE assignment (
    book_id    UUID        NOT NULL,
    item       TEXT        NOT NULL,
    assignee   UUID,                      -- a member id; no foreign key: members live in member-service
    status     TEXT        NOT NULL CHECK (status IN ('TODO', 'IN_PROGRESS', 'DONE')),
    version    BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (book_id, item)
);

CREATE INDEX assignment_assignee ON assignment (assignee) WHERE assignee IS NOT NULL;

-- Idempotent consumer: the id of every event applied, written in the same transaction as its effect.
CREATE TABLE processed_event (
    event_id     UUID PRIMARY KEY,
    source       TEXT        NOT NULL,
    type         TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
