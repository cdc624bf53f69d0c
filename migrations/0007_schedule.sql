-- 0007: a trip's conference programme. Each row is one talk of the imported file, keyed by the
-- file's own id for it (guid/UID, else title + start + room), so importing a newer version of
-- the programme updates times and rooms, adds new talks, marks dropped ones cancelled, and
-- keeps what the user added: the star and the session entry made from the talk.

CREATE TABLE schedule_items (
    id              INTEGER PRIMARY KEY,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    source_key      TEXT NOT NULL,
    title           TEXT NOT NULL,
    subtitle        TEXT NOT NULL DEFAULT '',
    start_utc       TEXT,                       -- RFC 3339 instant in UTC; NULL when all-day
    end_utc         TEXT,
    first_date      TEXT,                       -- YYYY-MM-DD of an all-day item
    last_date       TEXT,                       -- inclusive
    room            TEXT NOT NULL DEFAULT '',
    track           TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT '',
    speakers        TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    url             TEXT,
    abstract        TEXT NOT NULL DEFAULT '',
    starred         INTEGER NOT NULL DEFAULT 0 CHECK (starred IN (0, 1)),
    cancelled       INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
    entry_id        INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    imported_at     TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    CHECK ((start_utc IS NOT NULL AND end_utc IS NOT NULL)
        OR (first_date IS NOT NULL AND last_date IS NOT NULL)),
    UNIQUE (trip_id, source_key)
);
CREATE INDEX schedule_items_by_trip ON schedule_items(trip_id, start_utc, first_date);
CREATE INDEX schedule_items_by_entry ON schedule_items(entry_id);
