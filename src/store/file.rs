//! What is at the journal's path, looked at before SQLite opens it.
//!
//! SQLite opens whatever it is given: it waits forever on a named pipe, writes a `-journal`
//! file beside a device, and takes `:memory:` or a `file:` URI as a database that saves
//! nothing or one with parameters. So a path is first looked at here: a regular file, a
//! symbolic link to one, or nothing yet (a new journal) passes; everything else is refused
//! with what it is ([`PathKind`]). For a path that passes, this also finds out whether the
//! journal can be changed and, if not, why ([`ReadOnlyReason`]): then it is opened read-only.
//! SQLite is always handed an absolute path (or a URI built here), never the text as typed.

use std::fmt;
use std::path::{Path, PathBuf};

use super::{StoreError, StoreResult};

/// What a journal path names when it is not a journal file (or a place for a new one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathKind {
    Folder,
    NamedPipe,
    CharacterDevice,
    BlockDevice,
    Socket,
    /// A file type this program does not know.
    OtherSpecial,
    /// A symbolic link whose target does not exist (or cannot be followed).
    DanglingLink,
    /// `:memory:`, SQLite's name for a database that lives in memory only.
    MemoryName,
    /// Text starting with `file:`, which SQLite reads as a URI with parameters.
    SqliteUri,
    /// No name at all (SQLite would make a temporary database).
    EmptyName,
}

impl PathKind {
    /// What it is, as the end of "…, but this is ___".
    fn describe(self) -> &'static str {
        match self {
            PathKind::Folder => "a folder (name a journal file inside it)",
            PathKind::NamedPipe => "a named pipe (FIFO)",
            PathKind::CharacterDevice => "a character device",
            PathKind::BlockDevice => "a block device (a disk or partition)",
            PathKind::Socket => "a socket",
            PathKind::OtherSpecial => "a special file",
            PathKind::DanglingLink => "a symbolic link to a file that does not exist",
            PathKind::MemoryName => {
                "SQLite's name for an in-memory database, which would save nothing"
            }
            PathKind::SqliteUri => "a SQLite URI (write ./file:… for a file of that name)",
            PathKind::EmptyName => "an empty name",
        }
    }
}

/// What is at a path that cannot be a journal: its kind, and whether a link leads there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAFile {
    pub kind: PathKind,
    /// The path is a symbolic link to it.
    pub through_link: bool,
}

impl fmt::Display for NotAFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.through_link && self.kind != PathKind::DanglingLink {
            write!(f, "a symbolic link to {}", self.kind.describe())
        } else {
            f.write_str(self.kind.describe())
        }
    }
}

/// Why a journal cannot be changed, so it is opened read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOnlyReason {
    /// The file system is mounted read-only (a DVD, a locked card, a read-only share).
    Storage,
    /// The file itself is write-protected (no write permission for this user).
    FileProtected,
    /// The folder holding it is write-protected: SQLite keeps its `-wal` and `-shm` files
    /// beside the journal and cannot create them.
    FolderProtected,
}

impl fmt::Display for ReadOnlyReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ReadOnlyReason::Storage => "it is on read-only storage",
            ReadOnlyReason::FileProtected => "the file is write-protected",
            ReadOnlyReason::FolderProtected => {
                "its folder is write-protected (the journal keeps files beside it)"
            }
        })
    }
}

/// What was found at a journal path that may be opened.
#[derive(Debug, Clone, Copy)]
pub(super) struct Found {
    /// No file yet, or an empty one: a new journal.
    pub is_new: bool,
    /// Why the journal cannot be changed, if it cannot.
    pub read_only: Option<ReadOnlyReason>,
    /// Whether files can be created beside it (SQLite's `-wal` and `-shm`).
    pub folder_writable: bool,
}

/// Looks at `path` without opening it: refuses anything that is not a regular file or
/// nothing, and finds out whether it can be written.
pub(super) fn inspect(path: &Path) -> StoreResult<Found> {
    if let Some(kind) = special_name(path) {
        return Err(not_a_file(path, kind, false));
    }
    let through_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => Some(metadata),
        Err(_) if through_link => {
            return Err(not_a_file(path, PathKind::DanglingLink, true));
        }
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(StoreError::Io {
                context: "cannot look at the journal".into(),
                source,
            });
        }
    };
    if let Some(kind) = metadata.as_ref().and_then(|m| special_kind(&m.file_type())) {
        return Err(not_a_file(path, kind, through_link));
    }
    let folder_problem = write_problem(&folder_of(path));
    let file_problem = metadata.as_ref().and_then(|_| write_problem(path));
    let read_only = file_problem.or(folder_problem);
    if metadata.is_none()
        && let Some(reason) = read_only
    {
        return Err(StoreError::CannotCreate {
            path: path.to_path_buf(),
            reason,
        });
    }
    Ok(Found {
        is_new: metadata.is_none_or(|m| m.len() == 0),
        read_only,
        folder_writable: folder_problem.is_none(),
    })
}

fn not_a_file(path: &Path, kind: PathKind, through_link: bool) -> StoreError {
    StoreError::NotAFile {
        path: path.to_path_buf(),
        what: NotAFile { kind, through_link },
    }
}

/// Names SQLite gives a meaning of its own, whatever is on disk.
fn special_name(path: &Path) -> Option<PathKind> {
    let text = path.as_os_str();
    if text.is_empty() {
        Some(PathKind::EmptyName)
    } else if text == ":memory:" {
        Some(PathKind::MemoryName)
    } else if text.as_encoded_bytes().starts_with(b"file:") {
        Some(PathKind::SqliteUri)
    } else {
        None
    }
}

/// The kind of anything that is not a regular file.
fn special_kind(file_type: &std::fs::FileType) -> Option<PathKind> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(PathKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(PathKind::NamedPipe);
        }
        if file_type.is_char_device() {
            return Some(PathKind::CharacterDevice);
        }
        if file_type.is_block_device() {
            return Some(PathKind::BlockDevice);
        }
        if file_type.is_socket() {
            return Some(PathKind::Socket);
        }
    }
    Some(PathKind::OtherSpecial)
}

/// The folder that holds the journal (where SQLite creates its `-wal` and `-shm`).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Why this user cannot write `path`, if the system says so (a missing folder is left to
/// SQLite, which names it).
#[cfg(unix)]
fn write_problem(path: &Path) -> Option<ReadOnlyReason> {
    use rustix::io::Errno;
    match rustix::fs::access(path, rustix::fs::Access::WRITE_OK) {
        Err(Errno::ROFS) => Some(ReadOnlyReason::Storage),
        Err(Errno::ACCESS | Errno::PERM) if path.is_dir() => Some(ReadOnlyReason::FolderProtected),
        Err(Errno::ACCESS | Errno::PERM) => Some(ReadOnlyReason::FileProtected),
        _ => None,
    }
}

#[cfg(not(unix))]
fn write_problem(path: &Path) -> Option<ReadOnlyReason> {
    let protected =
        std::fs::metadata(path).is_ok_and(|m| !m.is_dir() && m.permissions().readonly());
    protected.then_some(ReadOnlyReason::FileProtected)
}

/// The absolute path SQLite is given, so that it never reads the text as a URI or a name of
/// its own.
pub(super) fn sqlite_path(path: &Path) -> StoreResult<PathBuf> {
    std::path::absolute(path).map_err(|source| StoreError::Io {
        context: "cannot find the journal's full path".into(),
        source,
    })
}

/// A file SQLite keeps beside the journal: `-wal` or `-shm`.
pub(super) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The `file:` URI that opens the journal at the absolute path `path` read-only, and with
/// `immutable=1` when SQLite cannot create the `-shm` file it needs for a shared read.
pub(super) fn read_only_uri(path: &Path, immutable: bool) -> String {
    let mut uri = String::from("file:");
    for &byte in path_bytes(path).iter() {
        if byte.is_ascii_alphanumeric() || b"/-._~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push_str("?mode=ro");
    if immutable {
        uri.push_str("&immutable=1");
    }
    uri
}

#[cfg(unix)]
fn path_bytes(path: &Path) -> Vec<u8> {
    use std::os::unix::ffi::OsStrExt;
    path.as_os_str().as_bytes().to_vec()
}

/// Elsewhere the URI uses `/` separators and starts with one (`/C:/…`).
#[cfg(not(unix))]
fn path_bytes(path: &Path) -> Vec<u8> {
    let text = path.to_string_lossy().replace('\\', "/");
    let text = if text.starts_with('/') {
        text
    } else {
        format!("/{text}")
    };
    text.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_sqlite_reads_its_own_way_are_told_apart() {
        assert_eq!(
            special_name(Path::new(":memory:")),
            Some(PathKind::MemoryName)
        );
        assert_eq!(
            special_name(Path::new("file:x?mode=memory")),
            Some(PathKind::SqliteUri)
        );
        assert_eq!(special_name(Path::new("")), Some(PathKind::EmptyName));
        assert_eq!(special_name(Path::new("./file:x")), None);
        assert_eq!(special_name(Path::new("journal.sqlite")), None);
    }

    #[test]
    fn the_read_only_uri_escapes_everything_a_uri_would_read() {
        let uri = read_only_uri(Path::new("/media/dvd/my trip?#%.sqlite"), true);
        assert_eq!(
            uri,
            "file:/media/dvd/my%20trip%3F%23%25.sqlite?mode=ro&immutable=1"
        );
        assert_eq!(
            read_only_uri(Path::new("/a/b.sqlite"), false),
            "file:/a/b.sqlite?mode=ro"
        );
    }

    #[test]
    fn a_link_to_a_special_file_says_so() {
        let what = NotAFile {
            kind: PathKind::NamedPipe,
            through_link: true,
        };
        assert_eq!(what.to_string(), "a symbolic link to a named pipe (FIFO)");
    }
}
