//! The journal file: one SQLite database holding trips, entries and photos with their bytes.
//!
//! [`Store::open`] checks that a path names a file (`file.rs`: not a pipe, a device, a folder
//! or one of SQLite's special names) and that the file is a journal this program can read,
//! sets the connection up (WAL, foreign keys, a busy timeout, 16 KiB pages for new files) and
//! brings the schema up to date with the migrations in `migrations/`. A journal written by a
//! newer program is refused before anything is written to it. A journal that cannot be
//! changed (read-only storage, a write-protected file or folder) is opened read-only: reading
//! works, and every method that writes refuses with [`StoreError::ReadOnly`]. The query methods live in one file per table
//! family; all of them take `&self` or `&mut self` on a [`Store`], which owns one connection.
//! Several stores (threads or processes) may have the same file open at once.

mod backup;
mod clock_shift;
mod damage;
mod entries;
mod exports;
mod file;
mod maintenance;
mod migrations;
mod photos;
pub mod private;
mod restore;
mod schedule;
mod schema;
mod trips;
mod watch;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

/// The list rule lives in the model; the store's callers reach it here too.
pub use crate::model::rules::clean_list;
pub use backup::{BackupReport, JournalCounts};
pub use clock_shift::{ShiftReport, ShiftedPhoto};
pub use damage::{DamagedRow, Listing, RowTable};
pub use exports::{ExportRecord, ExportedFile};
pub use file::{NotAFile, PathKind, ReadOnlyReason};
pub use maintenance::{CheckReport, hex_sha256, loose_mode_problem};
pub use migrations::LATEST_VERSION;
pub use photos::{NewPhoto, PhotoBytes, PhotoInsert};
pub use restore::{RestoreReport, restore};
pub use schedule::{ScheduleImport, SessionFromTalk};
pub use watch::{SeenFile, SeenOutcome, WatchSetting};

use crate::model::ModelError;

/// `PRAGMA application_id` of a tripjournal file ("TRJL").
pub const APPLICATION_ID: i32 = 0x5452_4a4c;

/// How long a writer waits for another one before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(8);

/// Page size of new journals; larger pages store photo BLOBs faster.
pub const NEW_FILE_PAGE_SIZE: u32 = 16384;

/// What can go wrong with the journal file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the journal: {source}: {path}")]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("the journal must be a regular file, but this is {what}: {path}")]
    NotAFile { path: PathBuf, what: NotAFile },
    #[error(
        "the journal is open read-only because {reason}; copy it to a writable folder to change it: {path}"
    )]
    ReadOnly {
        path: PathBuf,
        reason: ReadOnlyReason,
    },
    #[error("cannot create the journal because {reason}: {path}")]
    CannotCreate {
        path: PathBuf,
        reason: ReadOnlyReason,
    },
    #[error(
        "this journal has schema version {file_version} and needs updating to version {latest}, but {reason}; copy it to a writable folder and open it there: {path}"
    )]
    OldSchemaReadOnly {
        path: PathBuf,
        file_version: u32,
        latest: u32,
        reason: ReadOnlyReason,
    },
    #[error(
        "the journal's latest changes are in its -wal file, which cannot be read because {reason}; copy the journal with its -wal file to a writable folder: {path}"
    )]
    UnreadableWal {
        path: PathBuf,
        reason: ReadOnlyReason,
    },
    #[error("not a tripjournal journal: {path}")]
    NotAJournal { path: PathBuf },
    #[error(
        "this journal has schema version {file_version}, but this program only knows up to version {supported}; use a newer tripjournal: {path}"
    )]
    NewerSchema {
        path: PathBuf,
        file_version: u32,
        supported: u32,
    },
    #[error("migration {name} failed: {source}")]
    Migration {
        name: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("{what} {id} does not exist")]
    NotFound { what: &'static str, id: String },
    #[error("no photo of the trip was taken with camera {camera:?} (its cameras: {})", known_cameras(.known))]
    UnknownCamera { camera: String, known: Vec<String> },
    #[error("no photo of the trip matches")]
    NoPhotosMatched,
    #[error("{0}")]
    Invalid(#[from] ModelError),
    #[error("the journal holds a value this program cannot read: {0}")]
    CorruptValue(String),
    #[error(
        "{0} cannot be read; the rest of the journal is fine: `tripjournal check --repair` sets it aside"
    )]
    Damaged(DamagedRow),
    #[error("refusing to overwrite an existing file: {0}")]
    TargetExists(PathBuf),
    #[error("refusing to write through a symbolic link: {0}")]
    TargetIsLink(PathBuf),
    #[error("the folder does not exist: {0}")]
    NoSuchFolder(PathBuf),
    #[error("the backup was not written ({reason}); nothing was left behind: {path}")]
    BackupFailed { reason: String, path: PathBuf },
    #[error("the backup failed its check ({reason}) and was removed: {path}")]
    BackupCheckFailed { reason: String, path: PathBuf },
    #[error("not a backup that can be restored ({reason}); the journal was not changed: {path}")]
    BadBackup { reason: String, path: PathBuf },
    #[error("cannot restore over this journal ({reason}): {path}")]
    CannotReplace { reason: String, path: PathBuf },
    #[error(
        "another program has the journal open (the window, a batch); close it and restore again: {0}"
    )]
    JournalInUse(PathBuf),
    #[error("the disk is full; nothing of the last change was saved")]
    DiskFull,
    #[error("the journal is busy (another program is writing to it); try again")]
    Busy,
    #[error(
        "the journal file is damaged ({0}); run `tripjournal check` and restore a backup if it reports problems"
    )]
    Corrupt(String),
    #[error("journal error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("{context}: {source}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked) => {
                StoreError::Busy
            }
            Some(rusqlite::ErrorCode::DatabaseCorrupt)
            | Some(rusqlite::ErrorCode::NotADatabase) => {
                StoreError::Corrupt(first_line(&error.to_string()))
            }
            _ => StoreError::Sqlite(error),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A trip's camera models as a list for a message, or "none recorded".
fn known_cameras(known: &[String]) -> String {
    match known.is_empty() {
        true => "none recorded".to_string(),
        false => known.join(", "),
    }
}

/// An open journal file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Set when the journal cannot be changed: it was opened read-only.
    read_only: Option<ReadOnlyReason>,
}

impl Store {
    /// Opens (or creates) the journal at `path` and migrates it to the latest schema. A path
    /// that is not a regular file is refused before SQLite sees it; a journal that cannot be
    /// changed (read-only storage, a write-protected file or folder) is opened read-only.
    pub fn open(path: &Path) -> StoreResult<Store> {
        let found = file::inspect(path)?;
        let absolute = file::sqlite_path(path)?;
        if found.is_new && found.read_only.is_none() {
            create_new_journal_file(path, &absolute)?;
        }
        let conn = match found.read_only {
            None => open_writable(path, &absolute, found.is_new)?,
            Some(reason) => open_read_only(path, &absolute, reason, found.folder_writable)?,
        };
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            read_only: found.read_only,
        };
        if store.read_only.is_none() {
            migrations::migrate(&mut store.conn)?;
        }
        Ok(store)
    }

    /// Whether the journal was opened read-only (see [`Store::read_only_reason`]).
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why the journal cannot be changed, when it was opened read-only.
    pub fn read_only_reason(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    /// Refuses a change to a journal opened read-only; every method that writes asks first.
    pub fn ensure_writable(&self) -> StoreResult<()> {
        match self.read_only {
            None => Ok(()),
            Some(reason) => Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason,
            }),
        }
    }

    /// The file this store has open.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> StoreResult<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// A number that changes whenever another connection (another program, or another thread
    /// of this one) commits a change to the journal; this connection's own commits leave it.
    pub fn data_version(&self) -> StoreResult<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?)
    }

    /// The journal's file and the `-wal` and `-shm` files SQLite keeps beside it: what must
    /// stay private (see [`private`]).
    pub fn private_files(&self) -> Vec<PathBuf> {
        let main = file::sqlite_path(&self.path).unwrap_or_else(|_| self.path.clone());
        vec![
            file::sibling(&main, "-wal"),
            file::sibling(&main, "-shm"),
            main,
        ]
    }

    /// The underlying connection, for read-only queries that have no method yet.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

struct Header {
    user_version: u32,
    application_id: i32,
    object_count: i64,
}

fn read_header(conn: &Connection) -> rusqlite::Result<Header> {
    Ok(Header {
        user_version: conn.pragma_query_value(None, "user_version", |row| row.get(0))?,
        application_id: conn.pragma_query_value(None, "application_id", |row| row.get(0))?,
        object_count: conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?,
    })
}

/// Creates the empty file of a new journal with mode `0600` before SQLite opens it, so the
/// journal and the `-wal` and `-shm` files SQLite gives the journal's mode are private. Another
/// program creating it meanwhile is fine: SQLite then opens theirs.
fn create_new_journal_file(path: &Path, absolute: &Path) -> StoreResult<()> {
    match private::create_private_file(absolute) {
        Ok(_) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io {
            context: format!("cannot create the journal {}", path.display()),
            source,
        }),
    }
}

/// Opens (or creates) a journal that can be written and sets the connection up; the caller
/// migrates it.
fn open_writable(path: &Path, absolute: &Path, is_new: bool) -> StoreResult<Connection> {
    let open_error = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let mut conn = Connection::open_with_flags(
        absolute,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(open_error)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
    schema::harden(&conn).map_err(open_error)?;
    // Look before touching anything: these reads never write to the file.
    check_header(&conn, path)?;
    if is_new {
        conn.pragma_update(None, "page_size", NEW_FILE_PAGE_SIZE)
            .map_err(open_error)?;
    }
    let mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .map_err(open_error)?;
    if !mode.eq_ignore_ascii_case("wal") {
        // A file system without shared memory: keep the rollback journal, still correct.
        log_warning(&format!("journal_mode stays {mode}: {}", path.display()));
    }
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(open_error)?;
    // FULL: a change the program reported as saved survives a power cut, not only a crash.
    conn.pragma_update(None, "synchronous", "FULL")
        .map_err(open_error)?;
    // Writers take the write lock when they begin, so a second program waits for it (up to
    // the busy timeout) instead of failing when a read would turn into a write.
    conn.set_transaction_behavior(rusqlite::TransactionBehavior::Immediate);
    Ok(conn)
}

/// Opens a journal that cannot be changed, for reading only. Where SQLite cannot create the
/// `-shm` file a shared read needs (a read-only folder or medium) the file is opened as
/// immutable; its `-wal` file, if one holds changes, could then not be read, so such a
/// journal is refused rather than shown without its latest changes.
fn open_read_only(
    path: &Path,
    absolute: &Path,
    reason: ReadOnlyReason,
    folder_writable: bool,
) -> StoreResult<Connection> {
    let immutable = !folder_writable && !file::sibling(absolute, "-shm").exists();
    let wal_has_changes =
        std::fs::metadata(file::sibling(absolute, "-wal")).is_ok_and(|m| m.len() > 0);
    if immutable && wal_has_changes {
        return Err(StoreError::UnreadableWal {
            path: path.to_path_buf(),
            reason,
        });
    }
    let open_error = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    let conn = Connection::open_with_flags(
        file::read_only_uri(absolute, immutable),
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(open_error)?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(open_error)?;
    schema::harden(&conn).map_err(open_error)?;
    let header = check_header(&conn, path)?;
    if header.user_version < LATEST_VERSION {
        return Err(StoreError::OldSchemaReadOnly {
            path: path.to_path_buf(),
            file_version: header.user_version,
            latest: LATEST_VERSION,
            reason,
        });
    }
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(open_error)?;
    Ok(conn)
}

/// Reads the file's header and refuses a file that is not a journal of this program (another
/// program's database, a newer schema). Only reads.
fn check_header(conn: &Connection, path: &Path) -> StoreResult<Header> {
    let not_a_journal = || StoreError::NotAJournal {
        path: path.to_path_buf(),
    };
    let header = read_header(conn).map_err(|error| match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => not_a_journal(),
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source: error,
        },
    })?;
    if header.user_version > LATEST_VERSION && header.application_id == APPLICATION_ID {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            file_version: header.user_version,
            supported: LATEST_VERSION,
        });
    }
    let looks_foreign = match header.user_version {
        0 => {
            header.object_count > 0
                || (header.application_id != 0 && header.application_id != APPLICATION_ID)
        }
        _ => header.application_id != APPLICATION_ID,
    };
    if looks_foreign {
        return Err(not_a_journal());
    }
    Ok(header)
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}

fn log_warning(message: &str) {
    eprintln!("warning: {message}");
}

/// The current time as stored in `created_at`/`updated_at` columns.
fn now_text() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Stores a list of strings as a JSON array.
fn to_json_list(items: &[String]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_string())
}

/// Reads a list of strings stored as a JSON array.
fn from_json_list(text: &str) -> StoreResult<Vec<String>> {
    serde_json::from_str(text)
        .map_err(|_| StoreError::CorruptValue(format!("not a list of strings: {text}")))
}
