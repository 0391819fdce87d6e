-- member-service's own database (seed 000, 4.2 database per service): no other service connects to it.
CREATE TABLE member (
    id           UUID PRIMARY KEY,
    display_name TEXT        NOT NULL, -- as the notes write it: '이상경'
    email        TEXT,
    status       TEXT        NOT NULL CHECK (status IN ('ACTIVE', 'LEFT')),
    joined_at    TIMESTAMPTZ NOT NULL,
    left_at      TIMESTAMPTZ,
    version      BIGINT      NOT NULL  -- optimistic lock: 1 on joining, raised by one on every change
);

-- One member per e-mail address, however it is capitalised; the service checks first to name the field.
CREATE UNIQUE INDEX member_email ON member (lower(email));

CREATE INDEX member_display_name ON member (display_name, id);
CREATE INDEX member_status_display_name ON member (status, display_name, id);
