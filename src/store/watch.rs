//! Watched folders: which folder a trip watches (the window's setting, resumed when it opens)
//! and the record of every file of a watched folder that was handled, with how it ended.
//!
//! A folder is named by its canonical absolute path. A file is named by its path inside the
//! folder ('/'-separated) and known by the size and modification time it had when it was
//! handled: the same name with another size or time is a new file. The first batch (the files
//! already in the folder when watching began) is decided once; `baseline_at` remembers that.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{Store, StoreError, StoreResult, now_text};
use crate::model::{PhotoId, TripId};

/// A file of a watched folder as it was when looked at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SeenFile {
    /// Its path inside the folder, '/'-separated.
    pub rel_path: String,
    pub size: u64,
    /// Modification time in nanoseconds since 1970.
    pub mtime_ns: i64,
}

/// How a file of a watched folder ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeenOutcome {
    Imported(PhotoId),
    Duplicate(PhotoId),
    /// It could not be imported (one line why); it is not tried again unless it changes.
    Failed(String),
    /// It was in the folder when watching began and the user chose not to import it.
    Declined,
}

impl SeenOutcome {
    fn columns(&self) -> (&'static str, Option<i64>, &str) {
        match self {
            SeenOutcome::Imported(id) => ("imported", Some(id.0), ""),
            SeenOutcome::Duplicate(id) => ("duplicate", Some(id.0), ""),
            SeenOutcome::Failed(reason) => ("failed", None, reason),
            SeenOutcome::Declined => ("declined", None, ""),
        }
    }
}

/// A folder a trip watches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WatchSetting {
    pub trip: TripId,
    /// Canonical absolute path.
    pub folder: String,
}

impl Store {
    /// Registers `folder` as watched by `trip` (the window's setting is not changed). Returns
    /// whether its first batch is still to be decided.
    pub fn add_watch_folder(&self, trip: TripId, folder: &str) -> StoreResult<bool> {
        self.ensure_writable()?;
        self.trip(trip)?;
        self.conn.execute(
            "INSERT OR IGNORE INTO watch_folders (trip_id, folder, added_at) VALUES (?1, ?2, ?3)",
            params![trip.0, folder, now_text()],
        )?;
        self.watch_baseline_pending(trip, folder)
    }

    /// Whether the files that were in `folder` when `trip` began watching it are still to be
    /// imported or declined (true for a folder never watched).
    pub fn watch_baseline_pending(&self, trip: TripId, folder: &str) -> StoreResult<bool> {
        let decided: Option<Option<String>> = self
            .conn
            .query_row(
                "SELECT baseline_at FROM watch_folders WHERE trip_id = ?1 AND folder = ?2",
                params![trip.0, folder],
                |row| row.get(0),
            )
            .optional()?;
        Ok(!matches!(decided, Some(Some(_))))
    }

    /// Records that the first batch of `folder` was decided (imported or declined).
    pub fn finish_watch_baseline(&self, trip: TripId, folder: &str) -> StoreResult<()> {
        self.ensure_writable()?;
        finish_baseline(&self.conn, trip, folder)
    }

    /// Makes `folder` the one `trip` watches whenever the window is open (replacing another).
    pub fn set_watching(&mut self, trip: TripId, folder: &str) -> StoreResult<()> {
        self.add_watch_folder(trip, folder)?;
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE watch_folders SET watching = 0 WHERE trip_id = ?1",
            [trip.0],
        )?;
        tx.execute(
            "UPDATE watch_folders SET watching = 1 WHERE trip_id = ?1 AND folder = ?2",
            params![trip.0, folder],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Stops the window watching a folder for `trip`; what was seen is kept.
    pub fn stop_watching(&self, trip: TripId) -> StoreResult<()> {
        self.ensure_writable()?;
        self.conn.execute(
            "UPDATE watch_folders SET watching = 0 WHERE trip_id = ?1",
            [trip.0],
        )?;
        Ok(())
    }

    /// The folder `trip` watches when the window is open, if any.
    pub fn watched_folder(&self, trip: TripId) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT folder FROM watch_folders WHERE trip_id = ?1 AND watching = 1",
                [trip.0],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Every trip's watched folder, by trip id.
    pub fn watch_settings(&self) -> StoreResult<Vec<WatchSetting>> {
        let mut statement = self.conn.prepare(
            "SELECT trip_id, folder FROM watch_folders WHERE watching = 1 ORDER BY trip_id",
        )?;
        let settings = statement
            .query_map([], |row| {
                Ok(WatchSetting {
                    trip: TripId(row.get("trip_id")?),
                    folder: row.get("folder")?,
                })
            })?
            .collect::<Result<Vec<_>, _>>()?;
        Ok(settings)
    }

    /// The files of `folder` already handled for `trip`: path → (size, modification time).
    pub fn seen_files(&self, trip: TripId, folder: &str) -> StoreResult<HashMap<String, SeenFile>> {
        let mut statement = self.conn.prepare(
            "SELECT rel_path, size, mtime_ns FROM watch_seen WHERE trip_id = ?1 AND folder = ?2",
        )?;
        let rows = statement.query_map(params![trip.0, folder], |row| {
            Ok(SeenFile {
                rel_path: row.get("rel_path")?,
                size: row.get::<_, i64>("size")?.max(0) as u64,
                mtime_ns: row.get("mtime_ns")?,
            })
        })?;
        let mut seen = HashMap::new();
        for file in rows {
            let file = file?;
            seen.insert(file.rel_path.clone(), file);
        }
        Ok(seen)
    }

    /// Records how a file of a watched folder ended (replacing what an older version of the
    /// same name left). The folder must have been added first.
    pub fn record_seen(
        &self,
        trip: TripId,
        folder: &str,
        file: &SeenFile,
        outcome: &SeenOutcome,
    ) -> StoreResult<()> {
        self.ensure_writable()?;
        insert_seen(&self.conn, trip, folder, file, outcome)
    }

    /// Declines the first batch of `folder`: its files are recorded as seen and the batch as
    /// decided, all or none.
    pub fn decline_watch_baseline(
        &mut self,
        trip: TripId,
        folder: &str,
        files: &[SeenFile],
    ) -> StoreResult<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        for file in files {
            insert_seen(&tx, trip, folder, file, &SeenOutcome::Declined)?;
        }
        finish_baseline(&tx, trip, folder)?;
        tx.commit()?;
        Ok(())
    }
}

fn insert_seen(
    conn: &Connection,
    trip: TripId,
    folder: &str,
    file: &SeenFile,
    outcome: &SeenOutcome,
) -> StoreResult<()> {
    let (outcome, photo, detail) = outcome.columns();
    let size = i64::try_from(file.size)
        .map_err(|_| StoreError::CorruptValue(format!("file size {}", file.size)))?;
    conn.execute(
        "INSERT OR REPLACE INTO watch_seen
         (trip_id, folder, rel_path, size, mtime_ns, outcome, photo_id, detail, seen_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            trip.0,
            folder,
            file.rel_path,
            size,
            file.mtime_ns,
            outcome,
            photo,
            detail,
            now_text()
        ],
    )?;
    Ok(())
}

fn finish_baseline(conn: &Connection, trip: TripId, folder: &str) -> StoreResult<()> {
    conn.execute(
        "UPDATE watch_folders SET baseline_at = ?3
         WHERE trip_id = ?1 AND folder = ?2 AND baseline_at IS NULL",
        params![trip.0, folder, now_text()],
    )?;
    Ok(())
}
