-- 0006: rows this program could not read, set aside by `tripjournal check --repair` (or the
-- window's "Set aside") so that the rest of their trip lists and exports again. Nothing is
-- deleted: the row's columns are kept here as a JSON object, with what was wrong with it.
-- An unreadable entry is moved here whole; a trip or photo keeps its row and only the
-- unreadable values are reset (the JSON holds them as they were).

CREATE TABLE set_aside_rows (
    id              INTEGER PRIMARY KEY,
    source_table    TEXT NOT NULL CHECK (source_table IN ('trips', 'entries', 'photos')),
    source_id       INTEGER NOT NULL,
    trip_id         INTEGER,
    row_json        TEXT NOT NULL,
    problem         TEXT NOT NULL,
    set_aside_at    TEXT NOT NULL
);
