-- 0003: record every file an export writes, so a re-export replaces and removes only what this
-- trip's last export wrote (and the user has not changed since), and so two trips never share
-- a post. `trips.slug` keeps a trip's slug once it has been exported, whatever its name becomes.
-- `export_targets` says which slug a trip has in an output folder (canonical path); a slug is
-- unique per folder. `export_files` lists each file with the SHA-256 of the bytes written.
-- The older `export_history` (posts only) is kept: posts it lists are still recognised.

ALTER TABLE trips ADD COLUMN slug TEXT;

CREATE TABLE export_targets (
    out_dir         TEXT NOT NULL,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    slug            TEXT NOT NULL,
    layout          TEXT NOT NULL,
    exported_at     TEXT NOT NULL,
    PRIMARY KEY (out_dir, trip_id),
    UNIQUE (out_dir, slug)
);

CREATE TABLE export_files (
    out_dir         TEXT NOT NULL,
    path            TEXT NOT NULL,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    PRIMARY KEY (out_dir, path)
);

CREATE INDEX export_files_by_trip ON export_files (trip_id, out_dir);
