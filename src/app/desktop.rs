//! What the window asks of the desktop around it: whether a file dialog can be shown (the
//! portal needs a session bus) and showing a folder in the file manager. Both are plain
//! process and environment work, done off the window's thread by the caller.

use std::path::Path;

use super::OpenFolderError;

/// Whether a desktop file dialog can be shown here (on Linux the portal needs a session bus).
pub fn file_dialog_available() -> bool {
    cfg!(any(target_os = "windows", target_os = "macos"))
        || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}

/// Opens a folder in the system's file manager and waits for the opener (call it off the
/// window's thread): xdg-open starts, finds no file manager and exits with an error, which
/// must reach the user. Explorer exits 1 even when it opened the folder, so only its start
/// counts there.
pub fn open_folder(path: &Path) -> Result<(), OpenFolderError> {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(target_os = "windows") {
        "explorer"
    } else {
        "xdg-open"
    };
    let status = std::process::Command::new(program)
        .arg(path)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .map_err(|error| OpenFolderError::NoOpener { program, error })?;
    if status.success() || cfg!(target_os = "windows") {
        Ok(())
    } else {
        Err(OpenFolderError::NotOpened(path.to_path_buf()))
    }
}
