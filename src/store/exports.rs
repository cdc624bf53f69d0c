//! What the exports wrote where. For each output folder (its canonical path) and trip: the
//! slug the trip has there, and every file the trip's last export wrote with the SHA-256 of
//! its bytes. The export reads this to know which files it may replace or remove (its own,
//! unchanged since) and which it must leave alone (the user's, another trip's, edited ones).
//! A trip's first exported slug is also kept on the trip, so renaming it keeps its address.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use super::{Store, StoreResult, now_text};
use crate::model::TripId;

/// One file recorded for an output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportedFile {
    pub trip: TripId,
    pub sha256: String,
}

/// What one export wrote: its folder, slug, layout and files (relative path → SHA-256).
#[derive(Debug, Clone)]
pub struct ExportRecord<'a> {
    pub out_dir: &'a str,
    pub trip: TripId,
    /// The slug in this folder ("berlin-2018-2" when "berlin-2018" belongs to another trip).
    pub slug: &'a str,
    /// The slug the trip keeps from now on ("berlin-2018").
    pub trip_slug: &'a str,
    pub layout: &'a str,
    pub files: &'a BTreeMap<String, String>,
}

impl Store {
    /// The SHA-256 that a tripjournal older than the export manifest recorded for the post at
    /// this absolute path, if it ever wrote one there.
    pub fn legacy_post_hash(&self, post_path: &str) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT sha256 FROM export_history WHERE post_path = ?1",
                [post_path],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// The slug kept on the trip since its first export, if any.
    pub fn trip_slug(&self, trip: TripId) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT slug FROM trips WHERE id = ?1", [trip.0], |row| {
                row.get::<_, Option<String>>(0)
            })
            .optional()?
            .flatten())
    }

    /// The slug this trip was exported under into `out_dir`, if it was.
    pub fn export_slug(&self, out_dir: &str, trip: TripId) -> StoreResult<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT slug FROM export_targets WHERE out_dir = ?1 AND trip_id = ?2",
                params![out_dir, trip.0],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Whether another trip was exported into `out_dir` under `slug`.
    pub fn slug_taken(&self, out_dir: &str, slug: &str, trip: TripId) -> StoreResult<bool> {
        Ok(self
            .conn
            .query_row(
                "SELECT 1 FROM export_targets WHERE out_dir = ?1 AND slug = ?2 AND trip_id != ?3",
                params![out_dir, slug, trip.0],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Who wrote the file at `path` (relative to `out_dir`) and what, if an export did.
    pub fn exported_file(&self, out_dir: &str, path: &str) -> StoreResult<Option<ExportedFile>> {
        Ok(self
            .conn
            .query_row(
                "SELECT trip_id, sha256 FROM export_files WHERE out_dir = ?1 AND path = ?2",
                params![out_dir, path],
                |row| {
                    Ok(ExportedFile {
                        trip: TripId(row.get(0)?),
                        sha256: row.get(1)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every file this trip's last export into `out_dir` wrote: relative path → SHA-256.
    pub fn exported_files(
        &self,
        out_dir: &str,
        trip: TripId,
    ) -> StoreResult<BTreeMap<String, String>> {
        let mut statement = self.conn.prepare(
            "SELECT path, sha256 FROM export_files WHERE out_dir = ?1 AND trip_id = ?2 ORDER BY path",
        )?;
        let rows = statement.query_map(params![out_dir, trip.0], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Replaces what is recorded for this trip in this folder with what its export just wrote,
    /// and keeps the slug on the trip if it had none. One transaction.
    pub fn record_export(&self, record: &ExportRecord<'_>) -> StoreResult<()> {
        self.ensure_writable()?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let trip = record.trip.0;
        tx.execute(
            "DELETE FROM export_files WHERE out_dir = ?1 AND trip_id = ?2",
            params![record.out_dir, trip],
        )?;
        {
            let mut insert = tx.prepare(
                "INSERT INTO export_files (out_dir, path, trip_id, sha256) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (out_dir, path) DO UPDATE SET trip_id = ?3, sha256 = ?4",
            )?;
            for (path, sha256) in record.files {
                insert.execute(params![record.out_dir, path, trip, sha256])?;
            }
        }
        tx.execute(
            "INSERT INTO export_targets (out_dir, trip_id, slug, layout, exported_at)
             VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (out_dir, trip_id) DO UPDATE SET slug = ?3, layout = ?4, exported_at = ?5",
            params![record.out_dir, trip, record.slug, record.layout, now_text()],
        )?;
        tx.execute(
            "UPDATE trips SET slug = ?2 WHERE id = ?1",
            params![trip, record.trip_slug],
        )?;
        tx.commit()?;
        Ok(())
    }
}
