//! Backups: a consistent copy of the journal written to a plain file path, checked before it
//! counts as written.
//!
//! The destination is always an ordinary file path, never a SQLite URI or a special name: it is
//! made absolute before SQLite sees it, so `:memory:` or `file:x?mode=memory` become files of
//! that name in the current folder. An existing file or any symbolic link there is refused. The
//! copy is written under a hidden temporary name beside the destination, opened read-only and
//! checked (a tripjournal journal of the same schema version, SQLite's integrity check, the
//! same number of trips, entries and photos as the journal had when it was copied), flushed to
//! disk and only then given its name, so a killed or failed backup never leaves a half file
//! under the destination's name. The same check and the same temporary files serve
//! `restore` (see `restore.rs`).

use std::ffi::OsString;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use super::{
    APPLICATION_ID, BUSY_TIMEOUT, LATEST_VERSION, Store, StoreError, StoreResult, first_line,
};

/// How many trips, entries and photos a journal holds: what a backup or a restore reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JournalCounts {
    pub trips: u64,
    pub entries: u64,
    pub photos: u64,
}

impl JournalCounts {
    pub(super) fn read(conn: &Connection) -> rusqlite::Result<JournalCounts> {
        let count = |table: &str| {
            conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|n| n.max(0) as u64)
        };
        Ok(JournalCounts {
            trips: count("trips")?,
            entries: count("entries")?,
            photos: count("photos")?,
        })
    }
}

impl std::fmt::Display for JournalCounts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counted = |n: u64, one: &str, many: &str| match n {
            1 => format!("1 {one}"),
            n => format!("{n} {many}"),
        };
        write!(
            f,
            "{}, {}, {}",
            counted(self.trips, "trip", "trips"),
            counted(self.entries, "entry", "entries"),
            counted(self.photos, "photo", "photos")
        )
    }
}

/// A backup that was written and passed its check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    /// Where it was written (absolute).
    pub path: PathBuf,
    pub schema_version: u32,
    pub counts: JournalCounts,
}

impl Store {
    /// Writes a consistent copy of the journal to `destination`, a plain file path that must not
    /// exist yet (nor be a symbolic link), and checks the copy before giving it that name.
    /// Safe while other connections (the window) read and write the journal.
    pub fn backup_to(&self, destination: &Path) -> StoreResult<BackupReport> {
        let destination = new_file_path(destination)?;
        let partial = PartialFile::beside(&destination)?;
        // Made private before SQLite writes a byte into it; the backup keeps this mode.
        super::private::create_private_file(partial.path())
            .map_err(|error| not_created(&error, &destination))?;
        let expected = self
            .copy_into(partial.path())
            .map_err(|error| not_written(error, &destination))?;
        let check_failed = |reason| StoreError::BackupCheckFailed {
            reason,
            path: destination.clone(),
        };
        let copy = inspect_copy(partial.path()).map_err(check_failed)?;
        if copy != expected {
            return Err(check_failed(format!(
                "it holds {} at schema version {}, the journal held {} at version {}",
                copy.counts, copy.version, expected.counts, expected.version
            )));
        }
        partial.sync().map_err(|source| StoreError::Io {
            context: "cannot flush the backup to disk".into(),
            source,
        })?;
        partial.place(&destination)?;
        Ok(BackupReport {
            path: destination,
            schema_version: copy.version,
            counts: copy.counts,
        })
    }

    /// Copies every page of the journal into a new database at `path` with SQLite's online
    /// backup, in one read transaction that also counts what the copy must hold.
    fn copy_into(&self, path: &Path) -> rusqlite::Result<CopyInfo> {
        let mut target = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        // The copy is thrown away if anything fails, so it needs no journal of its own; it is
        // flushed to disk once, at the end.
        target.pragma_update(None, "journal_mode", "OFF")?;
        target.pragma_update(None, "synchronous", "OFF")?;
        let snapshot =
            rusqlite::Transaction::new_unchecked(&self.conn, TransactionBehavior::Deferred)?;
        let expected = CopyInfo {
            version: snapshot.pragma_query_value(None, "user_version", |row| row.get(0))?,
            counts: JournalCounts::read(&snapshot)?,
        };
        copy_all_pages(&Backup::new(&snapshot, &mut target)?)?;
        snapshot.finish()?;
        // The copy opens read-only without `-wal` or `-shm` files beside it.
        target.pragma_update(None, "journal_mode", "DELETE")?;
        Ok(expected)
    }
}

/// Runs a backup in one step, so the copy is the snapshot of the source's read transaction;
/// waits (up to the busy timeout) while SQLite reports the files locked.
fn copy_all_pages(backup: &Backup<'_, '_>) -> rusqlite::Result<()> {
    let started = Instant::now();
    loop {
        match backup.step(-1)? {
            StepResult::Done => return Ok(()),
            StepResult::More => {}
            _ if started.elapsed() > BUSY_TIMEOUT => {
                return Err(rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
                    None,
                ));
            }
            _ => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}

/// Why a backup could not be written: the disk or the folder, not the journal (a journal that
/// cannot be read is still reported as damaged, a locked one as busy).
fn not_written(error: rusqlite::Error, destination: &Path) -> StoreError {
    use rusqlite::ErrorCode;
    let reason = match error.sqlite_error_code() {
        Some(
            ErrorCode::DatabaseCorrupt
            | ErrorCode::NotADatabase
            | ErrorCode::DatabaseBusy
            | ErrorCode::DatabaseLocked,
        ) => return error.into(),
        Some(ErrorCode::DiskFull) => "the disk is full".to_string(),
        Some(ErrorCode::CannotOpen) => "cannot create a file in that folder".to_string(),
        Some(ErrorCode::ReadOnly) | Some(ErrorCode::PermissionDenied) => {
            "the folder is not writable".to_string()
        }
        _ => first_line(&error.to_string()),
    };
    StoreError::BackupFailed {
        reason,
        path: destination.to_path_buf(),
    }
}

/// Why the backup's file could not even be created, worded as [`not_written`] words SQLite's.
fn not_created(error: &std::io::Error, destination: &Path) -> StoreError {
    let reason = match error.kind() {
        ErrorKind::StorageFull => "the disk is full".to_string(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "the folder is not writable".to_string()
        }
        _ => "cannot create a file in that folder".to_string(),
    };
    StoreError::BackupFailed {
        reason,
        path: destination.to_path_buf(),
    }
}

/// `path` made absolute (so SQLite never reads it as a URI or a special name), checked to be
/// free: nothing there, not even a symbolic link, and an existing folder above it.
fn new_file_path(path: &Path) -> StoreResult<PathBuf> {
    let io_error = |context: &str, source| StoreError::Io {
        context: format!("{context}: {}", path.display()),
        source,
    };
    let path =
        std::path::absolute(path).map_err(|error| io_error("not a usable file path", error))?;
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.file_type().is_symlink() => return Err(StoreError::TargetIsLink(path)),
        Ok(_) => return Err(StoreError::TargetExists(path)),
        Err(error) if error.kind() == ErrorKind::NotFound => {}
        Err(error) => return Err(io_error("cannot look at the path", error)),
    }
    let folder = path.parent().unwrap_or(Path::new("/"));
    if path.file_name().is_none() || !folder.is_dir() {
        return Err(StoreError::NoSuchFolder(folder.to_path_buf()));
    }
    Ok(path)
}

/// What a copy of a journal holds, as found by [`inspect_copy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct CopyInfo {
    pub version: u32,
    pub counts: JournalCounts,
}

/// Opens a copy read-only and checks it is a tripjournal journal this program can open, whole
/// by SQLite's integrity check. The error is the reason, in words.
pub(super) fn inspect_copy(path: &Path) -> Result<CopyInfo, String> {
    let reason = |error: rusqlite::Error| first_line(&error.to_string());
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(reason)?;
    super::schema::harden(&conn).map_err(reason)?;
    let header = |name: &str| conn.pragma_query_value(None, name, |row| row.get::<_, i64>(0));
    let (application_id, version) = match (header("application_id"), header("user_version")) {
        (Ok(id), Ok(version)) => (id, version),
        (Err(error), _) | (_, Err(error)) => {
            return Err(match error.sqlite_error_code() {
                Some(rusqlite::ErrorCode::NotADatabase) => "not a tripjournal journal".into(),
                _ => reason(error),
            });
        }
    };
    if application_id != i64::from(APPLICATION_ID) || version < 1 {
        return Err("not a tripjournal journal".into());
    }
    if version > i64::from(LATEST_VERSION) {
        return Err(format!(
            "it has schema version {version}, newer than this program's {LATEST_VERSION}; use a newer tripjournal"
        ));
    }
    let integrity: String = conn
        .query_row("PRAGMA integrity_check(1)", [], |row| row.get(0))
        .map_err(reason)?;
    if integrity != "ok" {
        return Err(format!("damaged: {}", first_line(&integrity)));
    }
    let version = version as u32;
    let differences = super::schema::schema_differences(&conn, version).map_err(reason)?;
    if let Some(first) = differences.first() {
        return Err(format!("its schema is not tripjournal's: {first}"));
    }
    Ok(CopyInfo {
        version,
        counts: JournalCounts::read(&conn).map_err(reason)?,
    })
}

/// A file written beside its final place under a hidden temporary name. Dropping it removes it
/// (with any `-journal`, `-wal` or `-shm` SQLite left beside it) unless it was given its name.
pub(super) struct PartialFile {
    path: PathBuf,
}

impl PartialFile {
    /// A fresh, unused temporary name in the folder of `target` (an absolute path).
    pub(super) fn beside(target: &Path) -> StoreResult<PartialFile> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let folder = target.parent().unwrap_or(Path::new("/"));
        let mut name = OsString::from(".");
        name.push(target.file_name().unwrap_or_default());
        loop {
            let mut candidate = name.clone();
            candidate.push(format!(
                ".partial-{}-{}",
                std::process::id(),
                NEXT.fetch_add(1, Ordering::Relaxed)
            ));
            let path = folder.join(candidate);
            if std::fs::symlink_metadata(&path).is_err() {
                return Ok(PartialFile { path });
            }
        }
    }

    pub(super) fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes the file's bytes to the disk.
    pub(super) fn sync(&self) -> std::io::Result<()> {
        std::fs::File::open(&self.path)?.sync_all()
    }

    /// Gives the file the name `target`, never replacing a file (or link) already there.
    pub(super) fn place(self, target: &Path) -> StoreResult<()> {
        name_without_replacing(&self.path, target).map_err(|error| {
            if error.kind() == ErrorKind::AlreadyExists {
                StoreError::TargetExists(target.to_path_buf())
            } else {
                StoreError::Io {
                    context: format!("cannot name the file {}", target.display()),
                    source: error,
                }
            }
        })?;
        sync_folder_of(target);
        Ok(())
    }

    /// Puts the file in place of `target`, replacing what is there in one step.
    pub(super) fn replace(self, target: &Path) -> std::io::Result<()> {
        remove_sidecars(&self.path);
        std::fs::rename(&self.path, target)?;
        sync_folder_of(target);
        Ok(())
    }
}

impl Drop for PartialFile {
    fn drop(&mut self) {
        // Gone already when it was renamed into place; then this removes nothing.
        let _ = std::fs::remove_file(&self.path);
        remove_sidecars(&self.path);
    }
}

/// Removes the files SQLite keeps beside a database (`-journal`, `-wal`, `-shm`), if any.
pub(super) fn remove_sidecars(path: &Path) {
    for suffix in ["-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(path, suffix));
    }
}

/// `path` with `suffix` appended to its file name (`journal.sqlite` → `journal.sqlite-wal`).
pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Makes the file at `from` reachable as `to` without ever replacing a file already at `to`: a
/// hard link (`from` keeps its name too) where the file system has them, else a rename after
/// looking. An existing `to` is `AlreadyExists`.
pub(super) fn name_without_replacing(from: &Path, to: &Path) -> std::io::Result<()> {
    match std::fs::hard_link(from, to) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == ErrorKind::AlreadyExists => Err(error),
        Err(_) if std::fs::symlink_metadata(to).is_ok() => Err(ErrorKind::AlreadyExists.into()),
        Err(_) => std::fs::rename(from, to),
    }
}

/// Makes a new or renamed name in a folder survive a power cut (where the system allows it).
fn sync_folder_of(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let _ = std::fs::File::open(folder).and_then(|folder| folder.sync_all());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_damaged_copy_fails_its_check() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journal.sqlite");
        drop(Store::open(&journal).expect("journal"));
        let mut bytes = std::fs::read(&journal).expect("read");
        let page = super::super::NEW_FILE_PAGE_SIZE as usize;
        // Scribble over the second page (the first table's root).
        bytes[page..page * 2].fill(0xA5);
        std::fs::write(&journal, bytes).expect("write");
        let reason = inspect_copy(&journal).expect_err("a scribbled file is refused");
        assert!(!reason.is_empty());
    }

    #[test]
    fn a_copy_is_read_with_its_counts() {
        let dir = tempfile::tempdir().expect("temp dir");
        let journal = dir.path().join("journal.sqlite");
        let store = Store::open(&journal).expect("journal");
        store
            .create_trip(&crate::model::TripFields::named("Lisbon"))
            .expect("trip");
        let report = store
            .backup_to(&dir.path().join("copy.sqlite"))
            .expect("backup");
        let copy = inspect_copy(&report.path).expect("the backup is sound");
        assert_eq!(copy.counts.trips, 1);
        assert_eq!(copy.version, LATEST_VERSION);
        let text = dir.path().join("notes.txt");
        std::fs::write(&text, "not a journal\n".repeat(300)).expect("write");
        assert_eq!(
            inspect_copy(&text).expect_err("text is refused"),
            "not a tripjournal journal"
        );
    }
}
