-- 0002: remember what the export wrote where, so a post the user edited afterwards is never
-- overwritten silently. One row per written post file (absolute path), with the SHA-256 of
-- the bytes tripjournal last wrote there.

CREATE TABLE export_history (
    post_path       TEXT PRIMARY KEY,
    trip_id         INTEGER REFERENCES trips(id) ON DELETE SET NULL,
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    exported_at     TEXT NOT NULL
);
