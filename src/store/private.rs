//! Files only their owner can read. The journal holds every photo and its GPS position, so the
//! folder it is created in is made `0700` and every file this program writes that holds journal
//! data — the journal itself (SQLite gives its `-wal` and `-shm` the journal's mode), backups,
//! restored copies and the journal set aside by a restore, scratch copies of photos — is created
//! `0600`, whatever the umask. Modes are set explicitly after creation, so a permissive umask
//! (`000`) cannot widen them. A file system without Unix modes (FAT, some network shares)
//! refuses the change; that is not an error, as such a file system cannot express privacy
//! anyway. Files already there are never changed here: [`loose_modes`] names them, and
//! `check --repair` tightens them through [`tighten`]. On systems without Unix modes every
//! function here does nothing beyond creating.

use std::fs::File;
use std::io;
use std::path::{Path, PathBuf};

/// The mode of a file holding journal data: read and write for the owner only.
pub const PRIVATE_FILE_MODE: u32 = 0o600;

/// The mode of a folder this program creates for a journal.
pub const PRIVATE_FOLDER_MODE: u32 = 0o700;

/// Creates `folder` and any missing parents; the folders created now get mode `0700` (as the
/// XDG base directory specification asks of a data folder it creates). Existing ones are left.
pub fn create_private_folder(folder: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut current = Some(folder);
    while let Some(path) = current.filter(|p| !p.as_os_str().is_empty()) {
        if std::fs::symlink_metadata(path).is_ok() {
            break;
        }
        missing.push(path.to_path_buf());
        current = path.parent();
    }
    for path in missing.iter().rev() {
        match make_folder(path) {
            Ok(()) => set_mode(path, PRIVATE_FOLDER_MODE),
            // Another process made it meanwhile: fine, it is theirs to have chosen the mode.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    if std::fs::metadata(folder)?.is_dir() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "a file of that name is in the way",
        ))
    }
}

/// Creates a new file at `path` (failing when anything is there) with mode `0600`.
pub fn create_private_file(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(PRIVATE_FILE_MODE);
    }
    let file = options.open(path)?;
    set_file_mode(&file, PRIVATE_FILE_MODE);
    Ok(file)
}

/// Gives an existing file mode `0600` (or a folder `0700`): what `check --repair` does to a
/// journal found readable by others, and what a restore does to the journal it sets aside.
pub fn tighten(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::symlink_metadata(path)?;
        let mode = if meta.is_dir() {
            PRIVATE_FOLDER_MODE
        } else {
            PRIVATE_FILE_MODE
        };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        std::fs::symlink_metadata(path).map(|_| ())
    }
}

/// A file or folder that other accounts can read or write, with its mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LooseMode {
    pub path: PathBuf,
    /// The permission bits found (`0o644`…).
    pub mode: u32,
}

/// Of `paths`, those that exist and give the group or others any access. Paths that do not
/// exist are skipped; so is everything where the system has no Unix modes.
pub fn loose_modes(paths: &[PathBuf]) -> Vec<LooseMode> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        paths
            .iter()
            .filter_map(|path| {
                let meta = std::fs::symlink_metadata(path).ok()?;
                if meta.file_type().is_symlink() {
                    return None;
                }
                let mode = meta.permissions().mode() & 0o777;
                (mode & 0o077 != 0).then(|| LooseMode {
                    path: path.clone(),
                    mode,
                })
            })
            .collect()
    }
    #[cfg(not(unix))]
    {
        let _ = paths;
        Vec::new()
    }
}

#[cfg(unix)]
fn make_folder(path: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .mode(PRIVATE_FOLDER_MODE)
        .create(path)
}

#[cfg(not(unix))]
fn make_folder(path: &Path) -> io::Result<()> {
    std::fs::create_dir(path)
}

/// Sets a mode on a path this program just created; a file system without modes refuses,
/// which is left at that (see the module's note).
fn set_mode(path: &Path, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (path, mode);
}

fn set_file_mode(file: &File, mode: u32) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = file.set_permissions(std::fs::Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = (file, mode);
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    fn mode(path: &Path) -> u32 {
        std::fs::metadata(path).expect("stat").permissions().mode() & 0o777
    }

    #[test]
    fn created_folders_are_private_and_existing_ones_are_left() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755))
            .expect("chmod");
        let deep = dir.path().join("share").join("tripjournal");
        create_private_folder(&deep).expect("created");
        assert_eq!(mode(&deep), 0o700);
        assert_eq!(mode(&dir.path().join("share")), 0o700);
        assert_eq!(mode(dir.path()), 0o755, "an existing folder keeps its mode");
        create_private_folder(&deep).expect("a second call finds it");
    }

    #[test]
    fn a_file_in_the_way_of_the_folder_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("taken");
        std::fs::write(&file, b"x").expect("write");
        assert!(create_private_folder(&file).is_err());
    }

    #[test]
    fn private_files_are_0600_and_never_replace_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("copy.sqlite");
        create_private_file(&path).expect("created");
        assert_eq!(mode(&path), 0o600);
        assert!(create_private_file(&path).is_err());
    }

    #[test]
    fn loose_modes_names_what_others_can_read_and_tighten_fixes_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let open = dir.path().join("open.sqlite");
        let closed = dir.path().join("closed.sqlite");
        std::fs::write(&open, b"x").expect("write");
        std::fs::write(&closed, b"x").expect("write");
        std::fs::set_permissions(&open, std::fs::Permissions::from_mode(0o644)).expect("chmod");
        std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        let paths = [open.clone(), closed, dir.path().join("missing")];
        assert_eq!(
            loose_modes(&paths),
            vec![LooseMode {
                path: open.clone(),
                mode: 0o644
            }]
        );
        tighten(&open).expect("tightened");
        assert_eq!(mode(&open), 0o600);
        assert!(loose_modes(&paths).is_empty());
    }
}
