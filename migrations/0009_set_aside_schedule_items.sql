-- 0009: a schedule item that cannot be read (a talk written by an older build with a time
-- beyond the year 9999) can be set aside too, like an entry: moved whole into set_aside_rows.
-- SQLite cannot change a CHECK, so the table is made again with the wider one and its rows
-- copied over unchanged.

CREATE TABLE set_aside_rows_new (
    id              INTEGER PRIMARY KEY,
    source_table    TEXT NOT NULL
                    CHECK (source_table IN ('trips', 'entries', 'photos', 'schedule_items')),
    source_id       INTEGER NOT NULL,
    trip_id         INTEGER,
    row_json        TEXT NOT NULL,
    problem         TEXT NOT NULL,
    set_aside_at    TEXT NOT NULL
);

INSERT INTO set_aside_rows_new (id, source_table, source_id, trip_id, row_json, problem, set_aside_at)
    SELECT id, source_table, source_id, trip_id, row_json, problem, set_aside_at FROM set_aside_rows;

DROP TABLE set_aside_rows;

ALTER TABLE set_aside_rows_new RENAME TO set_aside_rows;
