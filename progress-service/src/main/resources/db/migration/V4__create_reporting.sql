-- The reporting store (seed 002, 5.14 reporting database): study progress per member and per week, shaped for the
-- questions a report asks rather than for the use cases. It is the published contract for reporting tools, which
-- may read it with SQL; the service's own tables are not part of it and stay free to change. The database does not
-- enforce that by itself: give a reporting tool a role that can read only this schema. The operator creates it,
-- not Flyway (a migration holds no passwords), e.g.:
--   CREATE ROLE reporting_reader LOGIN PASSWORD '...';
--   GRANT USAGE ON SCHEMA reporting TO reporting_reader;
--   GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO reporting_reader;
--   ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO reporting_reader; -- tables to come
-- Written only by the event data pump (5.16, ReportingPump) from progress.events and member.events: no use case of
-- the service writes it, nothing but the weekly report (GET /api/progress/reports/weekly) reads it, and the pump reads
-- none of the service's own tables. A schema here keeps the demo stack small; in production the pump could write to a
-- separate reporting database, and nothing else would change.
-- Each event is counted at most once: one dead-lettered after its retries (e.g. a database outage longer than the
-- back-off) is missing until the store is rebuilt. The topics keep every event, so it can be: empty these tables and
-- reset the consumer group progress-service-reporting to the earliest offsets.
CREATE SCHEMA reporting;

-- One row per member and week: what happened to their sections, counted by the events' kinds. A handover is one
-- section.assigned for the new writer: the former writer's taken stays, their dropped does not move. A report's done
-- is completed - reopened over its weeks: negative when a completion before them is reopened in them, and more than
-- the service's DONE count once DONE sections are removed from the catalog (their assignments go without an event).
CREATE TABLE reporting.member_week (
    member_id          UUID    NOT NULL,  -- the member the event names (no foreign key: events may come in any order)
    week_start         DATE    NOT NULL,  -- the Monday of the ISO week the event happened in, in the study group's zone
    sections_taken     INTEGER NOT NULL DEFAULT 0,  -- section.assigned: taken, assigned or handed to them
    sections_started   INTEGER NOT NULL DEFAULT 0,  -- section.started
    sections_completed INTEGER NOT NULL DEFAULT 0,  -- section.completed
    sections_reopened  INTEGER NOT NULL DEFAULT 0,  -- section.reopened
    sections_dropped   INTEGER NOT NULL DEFAULT 0,  -- section.unassigned: taken off an open section
    PRIMARY KEY (member_id, week_start),
    CHECK (EXTRACT(ISODOW FROM week_start) = 1)
);

-- A report reads a range of weeks.
CREATE INDEX member_week_week_start ON reporting.member_week (week_start);

-- The members as member.events last told them: the name a report shows.
CREATE TABLE reporting.member (
    member_id    UUID PRIMARY KEY,
    display_name TEXT,                    -- null until an event names them
    active       BOOLEAN NOT NULL,        -- false once they left the group (or were removed by an undone import)
    version      BIGINT  NOT NULL         -- the memberVersion last applied: older events are ignored
);

-- The pump's memory (idempotent receiver): every event applied, by its ce_id, written in the same transaction as its
-- effect, so a redelivery changes nothing.
CREATE TABLE reporting.pumped_event (
    event_id  UUID PRIMARY KEY,
    pumped_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
