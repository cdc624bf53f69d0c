//! The output folder as the export sees it: opened once, locked against a second export, and
//! reached only through relative paths whose every component is checked. On Unix each step
//! goes through a folder handle (`openat` with `O_NOFOLLOW`), so a symbolic link planted
//! anywhere below the folder — or swapped in while the export runs — can never lead a write,
//! a rename or a removal outside it. Elsewhere the same checks are made on paths.

use std::ffi::OsStr;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::time::{Duration, Instant};

use super::ExportError;

/// Prefix of the hidden staging folders inside the output folder.
pub(super) const STAGING_PREFIX: &str = ".tripjournal-staging-";

/// How long an export waits for another one into the same folder to finish.
const LOCK_WAIT: Duration = Duration::from_secs(5);

/// What is at a path below the output folder.
#[derive(Debug)]
pub(super) enum Existing {
    Missing,
    File(Vec<u8>),
    Folder,
    /// A symbolic link as the last component.
    Symlink,
    /// A device, FIFO or socket.
    Special,
}

/// The relative path's components, refusing anything but plain names.
fn names(relative: &Path) -> Result<Vec<&OsStr>, ExportError> {
    let mut names = Vec::new();
    for component in relative.components() {
        match component {
            Component::Normal(name) => names.push(name),
            _ => {
                return Err(ExportError::OutsidePath(relative.to_path_buf()));
            }
        }
    }
    if names.is_empty() {
        return Err(ExportError::OutsidePath(relative.to_path_buf()));
    }
    Ok(names)
}

#[cfg(unix)]
mod platform {
    //! Folder handles and `*at` calls that never follow a symbolic link.

    use std::ffi::OsStr;
    use std::fs::File;
    use std::io::{self, Read, Write};
    use std::os::fd::OwnedFd;

    use rustix::fs::{AtFlags, FileType, FlockOperation, Mode, OFlags};

    pub type Dir = OwnedFd;

    fn dir_flags() -> OFlags {
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC
    }

    pub fn open_root(path: &std::path::Path) -> io::Result<Dir> {
        Ok(rustix::fs::open(path, dir_flags(), Mode::empty())?)
    }

    pub fn open_dir(parent: &Dir, name: &OsStr) -> io::Result<Dir> {
        Ok(rustix::fs::openat(
            parent,
            name,
            dir_flags(),
            Mode::empty(),
        )?)
    }

    pub fn make_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        Ok(rustix::fs::mkdirat(
            parent,
            name,
            Mode::from_raw_mode(0o755),
        )?)
    }

    /// A folder only the owner can enter (the staging folder: photos wait there unpublished).
    pub fn make_private_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        rustix::fs::mkdirat(parent, name, Mode::from_raw_mode(0o700))?;
        // The umask cannot widen 0700; a file system without modes refuses, which is fine.
        if let Ok(dir) = open_dir(parent, name) {
            let _ = rustix::fs::fchmod(&dir, Mode::from_raw_mode(0o700));
        }
        Ok(())
    }

    pub fn kind(parent: &Dir, name: &OsStr) -> io::Result<Option<super::Kind>> {
        match rustix::fs::statat(parent, name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => Ok(Some(match FileType::from_raw_mode(stat.st_mode) {
                FileType::RegularFile => super::Kind::File,
                FileType::Directory => super::Kind::Folder,
                FileType::Symlink => super::Kind::Symlink,
                _ => super::Kind::Special,
            })),
            Err(rustix::io::Errno::NOENT) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    pub fn read_file(parent: &Dir, name: &OsStr) -> io::Result<Vec<u8>> {
        let flags = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NONBLOCK;
        let mut file = File::from(rustix::fs::openat(parent, name, flags, Mode::empty())?);
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(bytes)
    }

    pub fn create_file(parent: &Dir, name: &OsStr, bytes: &[u8]) -> io::Result<()> {
        let flags =
            OFlags::WRONLY | OFlags::CREATE | OFlags::EXCL | OFlags::NOFOLLOW | OFlags::CLOEXEC;
        let mut file = File::from(rustix::fs::openat(
            parent,
            name,
            flags,
            Mode::from_raw_mode(0o644),
        )?);
        file.write_all(bytes)
    }

    pub fn rename(from: &Dir, from_name: &OsStr, to: &Dir, to_name: &OsStr) -> io::Result<()> {
        Ok(rustix::fs::renameat(from, from_name, to, to_name)?)
    }

    pub fn remove_file(parent: &Dir, name: &OsStr) -> io::Result<()> {
        Ok(rustix::fs::unlinkat(parent, name, AtFlags::empty())?)
    }

    pub fn remove_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        Ok(rustix::fs::unlinkat(parent, name, AtFlags::REMOVEDIR)?)
    }

    /// The lock lives as long as the folder's handle.
    pub struct Lock;

    /// Takes the folder's exclusive lock if it is free.
    pub fn try_lock(dir: &Dir) -> io::Result<Option<Lock>> {
        match rustix::fs::flock(dir, FlockOperation::NonBlockingLockExclusive) {
            Ok(()) => Ok(Some(Lock)),
            Err(rustix::io::Errno::WOULDBLOCK) => Ok(None),
            Err(error) => Err(error.into()),
        }
    }

    /// Whether a process with this id is running.
    pub fn process_alive(pid: u32) -> bool {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return false;
        };
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
}

#[cfg(not(unix))]
mod platform {
    //! Path-based fallback: every component is checked with `symlink_metadata` before use.

    use std::ffi::OsStr;
    use std::fs;
    use std::io::{self, Write};
    use std::path::PathBuf;

    pub type Dir = PathBuf;

    pub fn open_root(path: &std::path::Path) -> io::Result<Dir> {
        Ok(path.to_path_buf())
    }

    pub fn open_dir(parent: &Dir, name: &OsStr) -> io::Result<Dir> {
        let path = parent.join(name);
        let meta = fs::symlink_metadata(&path)?;
        if meta.file_type().is_symlink() || !meta.is_dir() {
            return Err(io::Error::other("not a folder"));
        }
        Ok(path)
    }

    pub fn make_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        fs::create_dir(parent.join(name))
    }

    pub fn make_private_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        fs::create_dir(parent.join(name))
    }

    pub fn kind(parent: &Dir, name: &OsStr) -> io::Result<Option<super::Kind>> {
        match fs::symlink_metadata(parent.join(name)) {
            Ok(meta) if meta.file_type().is_symlink() => Ok(Some(super::Kind::Symlink)),
            Ok(meta) if meta.is_dir() => Ok(Some(super::Kind::Folder)),
            Ok(meta) if meta.is_file() => Ok(Some(super::Kind::File)),
            Ok(_) => Ok(Some(super::Kind::Special)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    pub fn read_file(parent: &Dir, name: &OsStr) -> io::Result<Vec<u8>> {
        fs::read(parent.join(name))
    }

    pub fn create_file(parent: &Dir, name: &OsStr, bytes: &[u8]) -> io::Result<()> {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(parent.join(name))?;
        file.write_all(bytes)
    }

    pub fn rename(from: &Dir, from_name: &OsStr, to: &Dir, to_name: &OsStr) -> io::Result<()> {
        fs::rename(from.join(from_name), to.join(to_name))
    }

    pub fn remove_file(parent: &Dir, name: &OsStr) -> io::Result<()> {
        fs::remove_file(parent.join(name))
    }

    pub fn remove_dir(parent: &Dir, name: &OsStr) -> io::Result<()> {
        fs::remove_dir(parent.join(name))
    }

    /// A lock file beside the export's files, held open while exporting.
    pub type Lock = fs::File;

    pub fn try_lock(dir: &Dir) -> io::Result<Option<Lock>> {
        let file = fs::OpenOptions::new()
            .create(true)
            .write(true)
            .truncate(false)
            .open(dir.join(".tripjournal-export.lock"))?;
        match file.try_lock() {
            Ok(()) => Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) => Ok(None),
            Err(fs::TryLockError::Error(error)) => Err(error),
        }
    }

    pub fn process_alive(_pid: u32) -> bool {
        false
    }
}

/// The kind of a directory entry, links not followed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    File,
    Folder,
    Symlink,
    Special,
}

pub(super) use platform::Dir;

/// The locked output folder.
pub(super) struct OutFolder {
    root: Dir,
    _lock: platform::Lock,
    /// The canonical path of the folder.
    path: PathBuf,
}

impl OutFolder {
    /// Creates the folder if needed, opens it and takes its export lock (waiting a few seconds
    /// for another export to finish).
    pub fn open_locked(out_dir: &Path) -> Result<OutFolder, ExportError> {
        std::fs::create_dir_all(out_dir)
            .map_err(|e| ExportError::io("cannot create the output folder", out_dir, e))?;
        let path = std::fs::canonicalize(out_dir)
            .map_err(|e| ExportError::io("cannot open the output folder", out_dir, e))?;
        let root = platform::open_root(&path)
            .map_err(|e| ExportError::io("cannot open the output folder", &path, e))?;
        let started = Instant::now();
        let lock = loop {
            match platform::try_lock(&root) {
                Ok(Some(lock)) => break lock,
                Ok(None) if started.elapsed() < LOCK_WAIT => {
                    std::thread::sleep(Duration::from_millis(100))
                }
                Ok(None) => return Err(ExportError::Busy(path)),
                Err(e) => return Err(ExportError::io("cannot lock the output folder", &path, e)),
            }
        };
        Ok(OutFolder {
            root,
            _lock: lock,
            path,
        })
    }

    /// The canonical path of the output folder.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The absolute path of a relative one, for messages and reports.
    pub fn absolute(&self, relative: &Path) -> PathBuf {
        self.path.join(relative)
    }

    /// The handle of the folder holding `relative` and the last name. Every folder on the way
    /// must be a real folder; missing ones are created (and listed in `created`) when asked,
    /// else `None` is returned.
    pub fn parent_of<'p>(
        &self,
        relative: &'p Path,
        mut created: Option<&mut Vec<PathBuf>>,
    ) -> Result<Option<(Dir, &'p OsStr)>, ExportError> {
        let names = names(relative)?;
        let (last, folders) = names
            .split_last()
            .ok_or_else(|| ExportError::OutsidePath(relative.to_path_buf()))?;
        let mut dir = self.reopen_root()?;
        let mut walked = PathBuf::new();
        for name in folders {
            walked.push(name);
            match platform::kind(&dir, name).map_err(|e| {
                ExportError::io("cannot read the output folder", self.absolute(&walked), e)
            })? {
                Some(Kind::Folder) => {}
                Some(Kind::Symlink) => return Err(ExportError::Symlink(self.absolute(&walked))),
                Some(_) => return Err(ExportError::Blocked(self.absolute(&walked))),
                None => match created.as_deref_mut() {
                    Some(created) => {
                        platform::make_dir(&dir, name).map_err(|e| {
                            ExportError::io("cannot create a folder", self.absolute(&walked), e)
                        })?;
                        created.push(walked.clone());
                    }
                    None => return Ok(None),
                },
            }
            dir = platform::open_dir(&dir, name).map_err(|e| self.open_error(&walked, e))?;
        }
        Ok(Some((dir, last)))
    }

    fn open_error(&self, relative: &Path, error: io::Error) -> ExportError {
        // A link swapped in after the check: ELOOP or ENOTDIR from O_NOFOLLOW.
        ExportError::io(
            "refusing to follow a link or open",
            self.absolute(relative),
            error,
        )
    }

    fn reopen_root(&self) -> Result<Dir, ExportError> {
        platform::open_dir(&self.root, OsStr::new("."))
            .or_else(|_| platform::open_root(&self.path))
            .map_err(|e| ExportError::io("cannot open the output folder", &self.path, e))
    }

    /// What is at `relative` now (read whole if it is a file). A link among the folders on
    /// the way is an error naming it; a link as the last component is reported as such.
    pub fn existing(&self, relative: &Path) -> Result<Existing, ExportError> {
        let Some((dir, name)) = self.parent_of(relative, None)? else {
            return Ok(Existing::Missing);
        };
        let absolute = self.absolute(relative);
        Ok(
            match platform::kind(&dir, name)
                .map_err(|e| ExportError::io("cannot read the output folder", &absolute, e))?
            {
                None => Existing::Missing,
                Some(Kind::Folder) => Existing::Folder,
                Some(Kind::Symlink) => Existing::Symlink,
                Some(Kind::Special) => Existing::Special,
                Some(Kind::File) => Existing::File(
                    platform::read_file(&dir, name)
                        .map_err(|e| ExportError::io("cannot read a file", &absolute, e))?,
                ),
            },
        )
    }

    /// Makes this process's staging folder (removing leftovers of exports whose process is
    /// gone) and returns its handle and relative name.
    pub fn make_staging(&self) -> Result<(Dir, PathBuf), ExportError> {
        self.remove_orphaned_staging();
        let name = PathBuf::from(format!("{STAGING_PREFIX}{}", std::process::id()));
        let root = self.reopen_root()?;
        let _ = std::fs::remove_dir_all(self.path.join(&name));
        platform::make_private_dir(&root, name.as_os_str())
            .map_err(|e| ExportError::io("cannot write to the output folder", &self.path, e))?;
        let dir =
            platform::open_dir(&root, name.as_os_str()).map_err(|e| self.open_error(&name, e))?;
        Ok((dir, name))
    }

    /// Removes staging folders of exports that were killed. Under the folder's lock no other
    /// export is running, and a folder is only removed when its process is gone.
    fn remove_orphaned_staging(&self) {
        let Ok(entries) = std::fs::read_dir(&self.path) else {
            return;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(pid) = name
                .to_str()
                .and_then(|name| name.strip_prefix(STAGING_PREFIX))
                .and_then(|pid| pid.parse::<u32>().ok())
            else {
                continue;
            };
            let is_real_folder = entry.file_type().is_ok_and(|kind| kind.is_dir());
            if is_real_folder && pid != std::process::id() && !platform::process_alive(pid) {
                // remove_dir_all never follows links inside the folder.
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }

    /// Removes the staging folder and everything left in it.
    pub fn remove_staging(&self, name: &Path) {
        if let Ok(root) = self.reopen_root()
            && matches!(
                platform::kind(&root, name.as_os_str()),
                Ok(Some(Kind::Folder))
            )
        {
            let _ = std::fs::remove_dir_all(self.path.join(name));
        }
    }
}

/// Writes a new file into a folder handle (never through a link, never over a file).
pub(super) fn create_file(dir: &Dir, name: &OsStr, bytes: &[u8]) -> io::Result<()> {
    platform::create_file(dir, name, bytes)
}

/// Renames between two folder handles; the target name is replaced if it is a file.
pub(super) fn rename(from: &Dir, from_name: &OsStr, to: &Dir, to_name: &OsStr) -> io::Result<()> {
    platform::rename(from, from_name, to, to_name)
}

/// Removes a file (or a link itself) from a folder handle.
pub(super) fn remove_file(dir: &Dir, name: &OsStr) -> io::Result<()> {
    platform::remove_file(dir, name)
}

/// Removes an empty folder.
pub(super) fn remove_dir(dir: &Dir, name: &OsStr) -> io::Result<()> {
    platform::remove_dir(dir, name)
}
