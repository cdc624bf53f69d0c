-- 0001: the first journal schema: trips, entries of four kinds, photos with their bytes.
-- Photo bytes live in photo_data, apart from the photo rows, so listing photos never reads
-- megabytes; originals are kept whole so the journal file is a complete backup.

CREATE TABLE trips (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL CHECK (length(trim(name)) > 0),
    city            TEXT NOT NULL DEFAULT '',
    country         TEXT NOT NULL DEFAULT '',
    start_date      TEXT,                       -- YYYY-MM-DD
    end_date        TEXT,                       -- YYYY-MM-DD
    time_zone       TEXT NOT NULL DEFAULT 'UTC',-- IANA name
    author          TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',   -- Markdown
    tags            TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    cover_photo_id  INTEGER REFERENCES photos(id) ON DELETE SET NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);

CREATE TABLE entries (
    id              INTEGER PRIMARY KEY,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind IN ('session', 'meal', 'rating', 'note')),
    title           TEXT NOT NULL DEFAULT '',
    at_utc          TEXT NOT NULL,              -- RFC 3339 instant in UTC
    section         TEXT,
    position        INTEGER NOT NULL,
    tags            TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    body            TEXT NOT NULL DEFAULT '',   -- Markdown
    -- session
    speakers        TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    track           TEXT NOT NULL DEFAULT '',
    room            TEXT NOT NULL DEFAULT '',
    duration_min    INTEGER CHECK (duration_min IS NULL OR duration_min >= 0),
    role            TEXT CHECK (role IS NULL OR role IN ('attended', 'speaker')),
    link            TEXT,
    notes           TEXT NOT NULL DEFAULT '',
    takeaways       TEXT NOT NULL DEFAULT '',
    -- meal and food rating
    meal_type       TEXT CHECK (meal_type IS NULL OR meal_type IN ('breakfast', 'lunch', 'dinner', 'snack')),
    venue           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    dishes          TEXT NOT NULL DEFAULT '[]', -- JSON array of strings
    dish            TEXT NOT NULL DEFAULT '',
    category        TEXT NOT NULL DEFAULT '',
    source          TEXT NOT NULL DEFAULT 'own',
    verdict         TEXT NOT NULL DEFAULT '',
    -- ratings in half stars (1 = 0.5 stars .. 10 = 5 stars): usefulness, meal rating or overall
    rating          INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 10),
    taste           INTEGER CHECK (taste IS NULL OR taste BETWEEN 1 AND 10),
    value_rating    INTEGER CHECK (value_rating IS NULL OR value_rating BETWEEN 1 AND 10),
    service         INTEGER CHECK (service IS NULL OR service BETWEEN 1 AND 10),
    atmosphere      INTEGER CHECK (atmosphere IS NULL OR atmosphere BETWEEN 1 AND 10),
    -- price in minor units of an ISO 4217 currency
    price_minor     INTEGER CHECK (price_minor IS NULL OR price_minor >= 0),
    currency        TEXT CHECK (currency IS NULL OR length(currency) = 3),
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX entries_by_trip ON entries(trip_id, position);

CREATE TABLE photos (
    id              INTEGER PRIMARY KEY,
    trip_id         INTEGER NOT NULL REFERENCES trips(id) ON DELETE CASCADE,
    entry_id        INTEGER REFERENCES entries(id) ON DELETE SET NULL,
    caption         TEXT NOT NULL DEFAULT '',
    position        INTEGER NOT NULL,
    sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
    mime_type       TEXT NOT NULL,
    width           INTEGER NOT NULL CHECK (width > 0),
    height          INTEGER NOT NULL CHECK (height > 0),
    taken_at_local  TEXT,                       -- YYYY-MM-DDTHH:MM:SS camera wall clock
    taken_at_offset INTEGER,                    -- seconds east of UTC, when the camera said
    gps_latitude    REAL,
    gps_longitude   REAL,
    camera_model    TEXT,
    original_name   TEXT NOT NULL DEFAULT '',
    byte_size       INTEGER NOT NULL,
    imported_at     TEXT NOT NULL,
    UNIQUE (trip_id, sha256)
);
CREATE INDEX photos_by_trip ON photos(trip_id, entry_id, position);
CREATE INDEX photos_by_entry ON photos(entry_id);

CREATE TABLE photo_data (
    photo_id        INTEGER PRIMARY KEY REFERENCES photos(id) ON DELETE CASCADE,
    original        BLOB NOT NULL,
    preview         BLOB NOT NULL,              -- JPEG, upright, long edge <= 1600 px
    thumbnail       BLOB NOT NULL               -- JPEG, upright, long edge <= 256 px
);
