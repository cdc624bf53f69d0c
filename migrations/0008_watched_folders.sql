-- 0008: a trip can watch a folder (a phone's sync folder, a card reader) and import the photos
-- that arrive there. `watch_folders` holds each folder a trip has watched (the window or
-- `photo watch`); `watching` marks the one the window resumes when it opens (one per trip).
-- `baseline_at` is set once the photos that were already in the folder when watching began
-- were imported or declined, so they are offered only once.
-- `watch_seen` records every file of a watched folder that was handled, by its path in the
-- folder with the size and modification time it had, and how it ended; a file seen with the
-- same size and time is not offered again, even after a restart. Copies are still caught by
-- the photos' SHA-256.

CREATE TABLE watch_folders (
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    folder          TEXT NOT NULL,              -- absolute, canonical path
    watching        INTEGER NOT NULL DEFAULT 0 CHECK (watching IN (0, 1)),
    baseline_at     TEXT,                       -- NULL until the first batch was decided
    added_at        TEXT NOT NULL,
    PRIMARY KEY (trip_id, folder)
);

CREATE UNIQUE INDEX watch_folders_one_per_trip ON watch_folders (trip_id) WHERE watching = 1;

CREATE TABLE watch_seen (
    trip_id         INTEGER NOT NULL,
    folder          TEXT NOT NULL,
    rel_path        TEXT NOT NULL,              -- '/'-separated, relative to the folder
    size            INTEGER NOT NULL,
    mtime_ns        INTEGER NOT NULL,           -- nanoseconds since 1970 (UTC)
    outcome         TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed', 'declined')),
    photo_id        INTEGER REFERENCES photos(id) ON DELETE SET NULL,
    detail          TEXT NOT NULL DEFAULT '',   -- why it failed
    seen_at         TEXT NOT NULL,
    PRIMARY KEY (trip_id, folder, rel_path),
    FOREIGN KEY (trip_id, folder) REFERENCES watch_folders (trip_id, folder) ON DELETE CASCADE
);
