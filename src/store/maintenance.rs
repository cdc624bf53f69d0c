//! Keeping a journal healthy: integrity checks that re-hash every original and look at every
//! preview and thumbnail. (Backups and restoring them live in `backup.rs` and `restore.rs`.)

use sha2::{Digest, Sha256};

use super::{DamagedRow, Store, StoreResult};
use crate::model::PhotoId;

/// Problems found by [`Store::check`]; empty when the journal is sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<String>,
    pub photos_checked: u64,
    /// Photos whose original is sound but whose preview or thumbnail is missing or unreadable;
    /// `tripjournal check --repair` rebuilds them.
    pub damaged_derivatives: Vec<PhotoId>,
    /// Rows that cannot be read; `tripjournal check --repair` sets them aside.
    pub damaged_rows: Vec<DamagedRow>,
    /// Files of the journal other accounts can read; `tripjournal check --repair` makes them
    /// `0600`.
    pub loose_modes: Vec<super::private::LooseMode>,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Runs SQLite's integrity and foreign-key checks, re-hashes every stored original and looks
    /// at every preview and thumbnail. A damaged file is reported, not returned as an error, so
    /// that `check` can always say what it found.
    pub fn check(&self) -> StoreResult<CheckReport> {
        let mut report = CheckReport::default();
        let damaged = |report: &mut CheckReport, what: &str, error: rusqlite::Error| {
            report.problems.push(format!(
                "{what} failed: {}",
                error.to_string().lines().next().unwrap_or_default()
            ));
        };
        if let Err(error) = self.integrity_problems(&mut report.problems) {
            damaged(&mut report, "integrity check", error);
            // Reading rows of a damaged file can only add noise.
            return Ok(report);
        }
        match super::schema::schema_differences(&self.conn, self.schema_version()?) {
            Ok(differences) => report.problems.extend(
                differences
                    .into_iter()
                    .map(|line| format!("schema: {line} (restore a backup made by tripjournal)")),
            ),
            Err(error) => damaged(&mut report, "schema check", error),
        }
        if let Err(error) = self.foreign_key_problems(&mut report.problems) {
            damaged(&mut report, "foreign-key check", error);
        }
        if let Err(error) = self.photo_problems(&mut report) {
            damaged(&mut report, "photo check", error);
        }
        report.loose_modes = super::private::loose_modes(&self.private_files());
        for loose in &report.loose_modes {
            report.problems.push(loose_mode_problem(loose));
        }
        report.damaged_rows = self.damaged_rows()?;
        for row in &report.damaged_rows {
            report.problems.push(format!(
                "{row} cannot be read (tripjournal check --repair sets it aside, keeping it)"
            ));
        }
        Ok(report)
    }

    fn integrity_problems(&self, problems: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut integrity = self.conn.prepare("PRAGMA integrity_check")?;
        for line in integrity.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(format!("integrity: {line}"));
            }
        }
        Ok(())
    }

    fn foreign_key_problems(&self, problems: &mut Vec<String>) -> rusqlite::Result<()> {
        let mut foreign = self.conn.prepare("PRAGMA foreign_key_check")?;
        let rows = foreign.query_map([], |row| {
            Ok(format!(
                "foreign key: {} row {} points to a missing {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?
                    .map_or("?".to_string(), |id| id.to_string()),
                row.get::<_, String>(2)?
            ))
        })?;
        for row in rows {
            problems.push(row?);
        }
        Ok(())
    }

    fn photo_problems(&self, report: &mut CheckReport) -> rusqlite::Result<()> {
        let missing: i64 = self.conn.query_row(
            "SELECT count(*) FROM photos WHERE id NOT IN (SELECT photo_id FROM photo_data)",
            [],
            |row| row.get(0),
        )?;
        if missing > 0 {
            report
                .problems
                .push(format!("{missing} photo(s) have no stored bytes"));
        }
        let mut photos = self.conn.prepare(
            "SELECT p.id, p.sha256, d.original, d.preview, d.thumbnail
             FROM photos p JOIN photo_data d ON d.photo_id = p.id ORDER BY p.id",
        )?;
        let mut rows = photos.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let expected: String = row.get(1)?;
            let original = row.get_ref(2)?.as_blob().unwrap_or_default();
            let actual = hex_sha256(original);
            report.photos_checked += 1;
            if actual != expected {
                report.problems.push(format!(
                    "photo {id}: original bytes changed (sha256 {actual}, expected {expected})"
                ));
                continue;
            }
            let preview = row.get_ref(3)?.as_blob().unwrap_or_default();
            let thumbnail = row.get_ref(4)?.as_blob().unwrap_or_default();
            let broken: Vec<&str> = [("preview", preview), ("thumbnail", thumbnail)]
                .into_iter()
                .filter(|(_, bytes)| !is_whole_jpeg(bytes))
                .map(|(name, _)| name)
                .collect();
            if !broken.is_empty() {
                report.problems.push(format!(
                    "photo {id}: {} missing or damaged (tripjournal check --repair rebuilds it from the original)",
                    broken.join(" and ")
                ));
                report.damaged_derivatives.push(PhotoId(id));
            }
        }
        Ok(())
    }
}

/// Whether the bytes look like a complete JPEG: start-of-image first, end-of-image last (a
/// derivative we wrote ends exactly there). Cheap enough to run over every stored photo.
fn is_whole_jpeg(bytes: &[u8]) -> bool {
    bytes.len() > 4 && bytes.starts_with(&[0xFF, 0xD8, 0xFF]) && bytes.ends_with(&[0xFF, 0xD9])
}

/// Lower-case hex SHA-256 of some bytes.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut text = String::with_capacity(64);
    for byte in digest {
        text.push_str(&format!("{byte:02x}"));
    }
    text
}

/// How `check` names a file or folder other accounts can read.
pub fn loose_mode_problem(loose: &super::private::LooseMode) -> String {
    format!(
        "readable by other accounts (mode {:04o}): {} (tripjournal check --repair makes it private)",
        loose.mode,
        loose.path.display()
    )
}
