//! What the export last wrote where: the hash of each post file, so edits by the user are
//! recognized and never overwritten silently.

use std::path::Path;

use rusqlite::{OptionalExtension, params};

use super::{Store, StoreResult, now_text};
use crate::model::TripId;

impl Store {
    /// The SHA-256 of what tripjournal last wrote to `post_path`, if it ever did.
    pub fn last_export_hash(&self, post_path: &Path) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT sha256 FROM export_history WHERE post_path = ?1",
                [post_path.to_string_lossy()],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Records that tripjournal wrote bytes with this hash to `post_path`.
    pub fn record_export(&self, trip: TripId, post_path: &Path, sha256: &str) -> StoreResult<()> {
        self.conn.execute(
            "INSERT INTO export_history (post_path, trip_id, sha256, exported_at) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (post_path) DO UPDATE SET trip_id = ?2, sha256 = ?3, exported_at = ?4",
            params![post_path.to_string_lossy(), trip.0, sha256, now_text()],
        )?;
        Ok(())
    }
}
