//! Restoring a backup: the backup takes the journal's place, and the journal it replaces is
//! kept beside it.
//!
//! The backup is copied to a temporary file beside the journal and that copy is checked (a
//! tripjournal journal not newer than this program, whole by SQLite's integrity check, with
//! the schema this program makes; a committed `-wal` beside the backup is folded in), so
//! SQLite never opens the backup itself and what was checked is exactly what goes in place.
//! The journal is only replaced when no other program has it open: SQLite cannot take a WAL
//! journal out of WAL mode while another connection uses it, so that switch is the test, and
//! it also moves everything from the `-wal` file into the main file. The old journal is kept
//! as `NAME.before-restore-YYYYMMDD-HHMMSS` (never replacing a file); a damaged one is kept
//! with its `-wal` and `-shm` as they were. No `-wal` or `-shm` of the old file stays beside
//! the restored one, so SQLite never mixes the two, and the copy replaces the journal in one
//! rename: the journal's name holds the old file or the restored one, never a half. A program
//! that starts in the instant of the swap is not noticed, which is why the README says to
//! close the window first. An older backup is brought up to date when it is opened.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};

use super::backup::{
    JournalCounts, PartialFile, inspect_copy, name_without_replacing, with_suffix,
};
use super::{Store, StoreError, StoreResult};

/// How long restore waits for another program to let go of the journal before refusing.
const IN_USE_WAIT: Duration = Duration::from_millis(500);

/// What [`restore`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// The journal that now holds the backup's contents (absolute).
    pub journal: PathBuf,
    /// The backup's schema version, before the journal was brought up to date.
    pub backup_version: u32,
    /// The journal's schema version now.
    pub schema_version: u32,
    pub counts: JournalCounts,
    /// Where the journal that was replaced is kept; `None` when there was none.
    pub kept_as: Option<PathBuf>,
}

/// Puts the backup at `backup` in place of the journal at `journal`, keeping the journal that
/// was there as a dated file beside it. Refuses, leaving the journal as it was, when the backup
/// is not a sound tripjournal journal this program can open or another program has the journal
/// open.
pub fn restore(journal: &Path, backup: &Path) -> StoreResult<RestoreReport> {
    let journal = journal_file(journal)?;
    let bad = |reason: String| StoreError::BadBackup {
        reason,
        path: backup.to_path_buf(),
    };
    let partial = PartialFile::beside(&journal)?;
    copy_backup(backup, &journal, partial.path()).map_err(|error| match error {
        CopyError::Bad(reason) => bad(reason),
        CopyError::Write(source) => StoreError::Io {
            context: format!(
                "cannot copy the backup beside the journal {}",
                journal.display()
            ),
            source,
        },
    })?;
    let copy = inspect_copy(partial.path()).map_err(bad)?;
    let kept_as = match std::fs::symlink_metadata(&journal) {
        Ok(_) => Some(set_aside(&journal)?),
        Err(_) => None,
    };
    partial.replace(&journal).map_err(|source| StoreError::Io {
        context: format!("cannot put the backup in place of {}", journal.display()),
        source,
    })?;
    let store = Store::open(&journal)?;
    Ok(RestoreReport {
        backup_version: copy.version,
        schema_version: store.schema_version()?,
        counts: JournalCounts::read(&store.conn)?,
        journal,
        kept_as,
    })
}

/// The journal's real path: absolute, through a symbolic link to the file it names, and a
/// regular file when it exists.
fn journal_file(journal: &Path) -> StoreResult<PathBuf> {
    let absolute = std::path::absolute(journal).map_err(|source| StoreError::Io {
        context: format!("cannot find the path {}", journal.display()),
        source,
    })?;
    let path = std::fs::canonicalize(&absolute).unwrap_or(absolute);
    let cannot = |reason: &str| StoreError::CannotReplace {
        reason: reason.to_string(),
        path: path.clone(),
    };
    match std::fs::symlink_metadata(&path) {
        Ok(meta) if meta.is_file() => Ok(path),
        Ok(meta) if meta.is_dir() => Err(cannot("it is a folder")),
        Ok(meta) if meta.file_type().is_symlink() => Err(cannot("it is a broken symbolic link")),
        Ok(_) => Err(cannot("it is not a regular file")),
        Err(error) if error.kind() == ErrorKind::NotFound => {
            match path.parent().filter(|folder| folder.is_dir()) {
                Some(_) => Ok(path),
                None => Err(StoreError::NoSuchFolder(
                    path.parent().unwrap_or(Path::new("/")).to_path_buf(),
                )),
            }
        }
        Err(source) => Err(StoreError::Io {
            context: format!("cannot look at the journal {}", path.display()),
            source,
        }),
    }
}

/// Why the backup could not be copied: something about the backup, or writing the copy.
enum CopyError {
    Bad(String),
    Write(std::io::Error),
}

/// Copies the backup's bytes to `to` (a new file) and flushes them to the disk.
fn copy_backup(backup: &Path, journal: &Path, to: &Path) -> Result<(), CopyError> {
    let bad = |reason: &str| CopyError::Bad(reason.to_string());
    let meta = std::fs::metadata(backup).map_err(|error| match error.kind() {
        ErrorKind::NotFound => bad("there is no such file"),
        _ => CopyError::Bad(error.to_string()),
    })?;
    if meta.is_dir() {
        return Err(bad("it is a folder"));
    }
    if !meta.is_file() {
        // A FIFO or a device could block forever or never end.
        return Err(bad("it is not a regular file"));
    }
    if std::fs::canonicalize(backup).is_ok_and(|real| real == journal) {
        return Err(bad("it is the journal itself"));
    }
    let mut source =
        std::fs::File::open(backup).map_err(|error| CopyError::Bad(error.to_string()))?;
    let mut target = super::private::create_private_file(to).map_err(CopyError::Write)?;
    std::io::copy(&mut source, &mut target).map_err(CopyError::Write)?;
    target.sync_all().map_err(CopyError::Write)?;
    drop(target);
    copy_committed_wal(backup, to)
}

/// A backup left in WAL mode keeps its latest committed changes in `NAME-wal` beside it: that
/// file is copied beside the copy and folded into it, so the restored journal holds them too.
/// (A `-wal` that does not belong to the file is ignored by SQLite, as it would be anyway.)
fn copy_committed_wal(backup: &Path, copy: &Path) -> Result<(), CopyError> {
    let wal = with_suffix(backup, "-wal");
    let meta = match std::fs::metadata(&wal) {
        Ok(meta) => meta,
        Err(error) if error.kind() == ErrorKind::NotFound => return Ok(()),
        Err(error) => {
            return Err(CopyError::Bad(format!(
                "its -wal file cannot be read: {error}"
            )));
        }
    };
    if !meta.is_file() {
        return Err(CopyError::Bad("its -wal file is not a regular file".into()));
    }
    if meta.len() == 0 {
        return Ok(());
    }
    let copied_wal = with_suffix(copy, "-wal");
    let mut source = std::fs::File::open(&wal)
        .map_err(|error| CopyError::Bad(format!("its -wal file cannot be read: {error}")))?;
    let mut target = super::private::create_private_file(&copied_wal).map_err(CopyError::Write)?;
    std::io::copy(&mut source, &mut target).map_err(CopyError::Write)?;
    target.sync_all().map_err(CopyError::Write)?;
    drop(target);
    fold_wal(copy).map_err(|error| {
        CopyError::Bad(format!(
            "its -wal file cannot be read with it: {}",
            error.to_string().lines().next().unwrap_or_default()
        ))
    })
}

/// Moves everything of the copy's `-wal` into the copy itself and removes the `-wal`.
fn fold_wal(copy: &Path) -> rusqlite::Result<()> {
    let conn = Connection::open_with_flags(
        copy,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::schema::harden(&conn)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(rusqlite::Error::InvalidQuery);
    }
    conn.close().map_err(|(_, error)| error)
}

/// Keeps the journal as a dated file beside it, with its `-wal` moved into it (or, when the
/// journal is damaged, beside it as it was), and removes its `-wal` and `-shm`.
fn set_aside(journal: &Path) -> StoreResult<PathBuf> {
    // Held until the journal has its second name, so nobody writes to it meanwhile.
    let hold = take_alone(journal)?;
    let kept = keep_under_dated_name(journal)?;
    for suffix in ["-wal", "-shm"] {
        let sidecar = with_suffix(journal, suffix);
        if std::fs::symlink_metadata(&sidecar).is_err() {
            continue;
        }
        let moved = match hold {
            // Everything of the `-wal` is in the main file now; the `-shm` is only an index.
            Some(_) => std::fs::remove_file(&sidecar),
            None => std::fs::rename(&sidecar, with_suffix(&kept, suffix)),
        };
        moved.map_err(|source| StoreError::Io {
            context: format!("cannot move {} aside", sidecar.display()),
            source,
        })?;
    }
    drop(hold);
    // The journal set aside holds everything the journal held: only its owner reads it.
    for path in [
        kept.clone(),
        with_suffix(&kept, "-wal"),
        with_suffix(&kept, "-shm"),
    ] {
        let _ = super::private::tighten(&path);
    }
    Ok(kept)
}

/// Opens the journal alone: out of WAL mode (which folds the `-wal` into the main file and
/// fails while any other connection has the file open) and under an exclusive lock. `None`
/// when the journal is too damaged for SQLite to read; it is then kept as it is.
fn take_alone(journal: &Path) -> StoreResult<Option<Connection>> {
    let conn = Connection::open_with_flags(
        journal,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| StoreError::Open {
        path: journal.to_path_buf(),
        source,
    })?;
    // Closing must not fold a damaged journal's `-wal` into it or delete it: it is kept as is.
    let alone = conn
        .set_db_config(DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)
        .and_then(|_| super::schema::harden(&conn))
        .and_then(|()| conn.busy_timeout(IN_USE_WAIT))
        .and_then(|()| {
            let mode: String =
                conn.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
            conn.execute_batch("PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE")?;
            Ok(mode)
        });
    match alone {
        Ok(mode) if mode.eq_ignore_ascii_case("delete") => Ok(Some(conn)),
        Ok(_) => Err(StoreError::JournalInUse(journal.to_path_buf())),
        Err(error) => match StoreError::from(error) {
            StoreError::Busy => Err(StoreError::JournalInUse(journal.to_path_buf())),
            StoreError::Corrupt(_) => Ok(None),
            other => Err(other),
        },
    }
}

/// Gives the journal a second name, `NAME.before-restore-YYYYMMDD-HHMMSS` (with `-2`, `-3`…
/// when that is taken), never replacing a file.
fn keep_under_dated_name(journal: &Path) -> StoreResult<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let base = with_suffix(journal, &format!(".before-restore-{stamp}"));
    let mut last_error = None;
    for number in 1..=100 {
        let kept = match number {
            1 => base.clone(),
            n => with_suffix(&base, &format!("-{n}")),
        };
        match name_without_replacing(journal, &kept) {
            Ok(()) => return Ok(kept),
            Err(error) if error.kind() == ErrorKind::AlreadyExists => last_error = Some(error),
            Err(source) => {
                return Err(StoreError::Io {
                    context: format!("cannot keep the journal as {}", kept.display()),
                    source,
                });
            }
        }
    }
    Err(StoreError::Io {
        context: format!("cannot find a free name like {}", base.display()),
        source: last_error.unwrap_or_else(|| ErrorKind::AlreadyExists.into()),
    })
}
