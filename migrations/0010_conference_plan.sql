-- 0010: a conference companion's marks and memory. Beside the star a talk can be "maybe" (kept
-- visible but out of the plan), "attended" and "watch later" (its recording); each talk counts
-- its revisions by the programme (a new time or room) and when the last one came, so the plan
-- exported as a calendar updates the phone's events instead of adding new ones. The changes
-- the last import made to the user's plan are kept, each until seen.

ALTER TABLE schedule_items ADD COLUMN maybe INTEGER NOT NULL DEFAULT 0 CHECK (maybe IN (0, 1));
ALTER TABLE schedule_items ADD COLUMN attended INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1));
ALTER TABLE schedule_items ADD COLUMN watch_later INTEGER NOT NULL DEFAULT 0 CHECK (watch_later IN (0, 1));
ALTER TABLE schedule_items ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE schedule_items ADD COLUMN changed_at TEXT;   -- RFC 3339 UTC; NULL: as imported

CREATE TABLE schedule_changes (
    id              INTEGER PRIMARY KEY,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    item_id         INTEGER NOT NULL REFERENCES schedule_items(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('moved', 'cancelled', 'new')),
    old_start_utc   TEXT,                      -- a moved talk's time and room before
    old_end_utc     TEXT,
    old_first_date  TEXT,
    old_last_date   TEXT,
    old_room        TEXT,
    imported_at     TEXT NOT NULL,
    seen            INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
);
CREATE INDEX schedule_changes_by_trip ON schedule_changes(trip_id, id);
