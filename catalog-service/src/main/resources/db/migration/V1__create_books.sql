-- catalog-service's own database (seed 000, 4.2 database per service): no other service connects to it.
CREATE TABLE book (
    id       UUID PRIMARY KEY,
    title    TEXT   NOT NULL,
    authors  TEXT[] NOT NULL,
    edition  TEXT,
    language TEXT,
    version  BIGINT NOT NULL -- optimistic lock: raised by one on every change
);

CREATE INDEX book_title ON book (title, id);

CREATE TABLE chapter (
    book_id UUID    NOT NULL REFERENCES book (id) ON DELETE CASCADE,
    number  INTEGER NOT NULL,
    title   TEXT    NOT NULL,
    PRIMARY KEY (book_id, number)
);

CREATE TABLE section (
    book_id        UUID    NOT NULL,
    chapter_number INTEGER NOT NULL,
    item           TEXT    NOT NULL, -- as the notes write it: '3.1', '4.10'
    title          TEXT    NOT NULL,
    page           INTEGER,
    PRIMARY KEY (book_id, item),
    FOREIGN KEY (book_id, chapter_number) REFERENCES chapter (book_id, number) ON DELETE CASCADE
);
