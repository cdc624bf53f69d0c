//! Keeping a journal healthy: integrity checks that re-hash every original, and consistent
//! backups taken while the journal is in use.

use std::path::Path;

use sha2::{Digest, Sha256};

use super::{Store, StoreError, StoreResult};

/// Problems found by [`Store::check`]; empty when the journal is sound.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckReport {
    pub problems: Vec<String>,
    pub photos_checked: u64,
}

impl CheckReport {
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Store {
    /// Runs SQLite's integrity and foreign-key checks and re-hashes every stored original.
    pub fn check(&self) -> StoreResult<CheckReport> {
        let mut report = CheckReport::default();
        let mut integrity = self.conn.prepare("PRAGMA integrity_check")?;
        for line in integrity.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                report.problems.push(format!("integrity: {line}"));
            }
        }
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
            report.problems.push(row?);
        }
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
        let mut hashes = self
            .conn
            .prepare("SELECT p.id, p.sha256, d.original FROM photos p JOIN photo_data d ON d.photo_id = p.id ORDER BY p.id")?;
        let mut rows = hashes.query([])?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let expected: String = row.get(1)?;
            let original = row.get_ref(2)?.as_blob().map_err(rusqlite::Error::from)?;
            let actual = hex_sha256(original);
            report.photos_checked += 1;
            if actual != expected {
                report.problems.push(format!(
                    "photo {id}: original bytes changed (sha256 {actual}, expected {expected})"
                ));
            }
        }
        Ok(report)
    }

    /// Writes a consistent copy of the journal to `destination`, which must not exist yet.
    /// Safe while other connections (the GUI) read and write the journal.
    pub fn backup_to(&self, destination: &Path) -> StoreResult<()> {
        if destination.exists() {
            return Err(StoreError::TargetExists(destination.to_path_buf()));
        }
        let text = destination.to_str().ok_or_else(|| {
            StoreError::CorruptValue(format!(
                "backup path is not UTF-8: {}",
                destination.display()
            ))
        })?;
        self.conn.execute("VACUUM INTO ?1", [text])?;
        Ok(())
    }
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
