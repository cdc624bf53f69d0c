//! The journal is private whatever the umask: its folder 0700; the journal, its `-wal` and
//! `-shm`, backups and the copies a restore makes 0600. An existing journal others can read is
//! named by `check` and made private by `check --repair`. The exported post keeps ordinary modes.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::util::{names_in, write_distinct_jpegs};

/// The built binary run by `sh` under `umask`, with `home` as its HOME (so the journal is the
/// default one, in `home/.local/share/tripjournal`).
fn under_umask(umask: &str, home: &Path, args: &[&str]) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$@\""))
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_tripjournal"))
        .args(args)
        .env("HOME", home)
        .env_remove("XDG_DATA_HOME")
        .env_remove("TRIPJOURNAL_JOURNAL");
    command
}

fn run_ok(umask: &str, home: &Path, args: &[&str]) -> String {
    let output = under_umask(umask, home, args).output().expect("runs");
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

fn data_folder(home: &Path) -> PathBuf {
    home.join(".local/share/tripjournal")
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Everything the program writes with journal data, under one umask.
fn journal_files_are_private_under(umask: &str) {
    let home = tempfile::tempdir().expect("temp dir");
    let photos = tempfile::tempdir().expect("temp dir");
    let photo = write_distinct_jpegs(photos.path(), 1, 64, 48).remove(0);
    let folder = data_folder(home.path());
    let journal = folder.join("journal.sqlite");

    // A batch holds the journal open, so its -wal and -shm are there to be looked at.
    let mut batch = under_umask(umask, home.path(), &["batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch starts");
    let mut stdin = batch.stdin.take().expect("stdin");
    let mut replies = BufReader::new(batch.stdout.take().expect("stdout"));
    for args in [
        serde_json::json!(["trip", "new", "--name", "Berlin"]),
        serde_json::json!([
            "photo",
            "add",
            "--trip",
            "1",
            photo.to_str().expect("UTF-8")
        ]),
    ] {
        writeln!(stdin, "{args}").expect("write");
        let mut reply = String::new();
        replies.read_line(&mut reply).expect("reply");
        assert!(reply.contains("\"ok\":true"), "{reply}");
    }
    assert_eq!(mode(&folder), 0o700, "umask {umask}: data folder");
    for path in [
        journal.clone(),
        sidecar(&journal, "-wal"),
        sidecar(&journal, "-shm"),
    ] {
        assert_eq!(mode(&path), 0o600, "umask {umask}: {}", path.display());
    }
    let backup = home.path().join("journal-backup.sqlite");
    run_ok(
        umask,
        home.path(),
        &["backup", backup.to_str().expect("UTF-8")],
    );
    assert_eq!(mode(&backup), 0o600, "umask {umask}: backup");
    drop(stdin);
    batch.wait().expect("batch ends");

    run_ok(
        umask,
        home.path(),
        &["restore", backup.to_str().expect("UTF-8")],
    );
    assert_eq!(mode(&journal), 0o600, "umask {umask}: restored journal");
    let kept: Vec<String> = names_in(&folder)
        .into_iter()
        .filter(|name| name.contains("before-restore"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(
        mode(&folder.join(&kept[0])),
        0o600,
        "umask {umask}: set aside"
    );

    // The post is meant to be published: ordinary modes (readable by others under 022/002).
    let out = home.path().join("post");
    run_ok(
        umask,
        home.path(),
        &[
            "export",
            "--trip",
            "1",
            "--layout",
            "plain",
            "--out",
            out.to_str().expect("UTF-8"),
        ],
    );
    let written: Vec<PathBuf> = walk(&out);
    assert!(written.len() >= 2, "{written:?}");
    for path in written {
        assert_eq!(
            mode(&path) & 0o004,
            0o004,
            "umask {umask}: {}",
            path.display()
        );
    }
}

#[test]
fn journal_folder_and_files_are_private_under_umask_022() {
    journal_files_are_private_under("022");
}

#[test]
fn journal_folder_and_files_are_private_under_umask_002() {
    journal_files_are_private_under("002");
}

#[test]
fn journal_files_are_private_even_under_umask_000() {
    journal_files_are_private_under("000");
}

#[test]
fn check_names_a_journal_others_can_read_and_repair_makes_it_private() {
    let home = tempfile::tempdir().expect("temp dir");
    run_ok("022", home.path(), &["trip", "new", "--name", "Berlin"]);
    let folder = data_folder(home.path());
    let journal = folder.join("journal.sqlite");
    // As an older tripjournal left them.
    std::fs::set_permissions(&journal, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).expect("chmod");

    let output = under_umask("022", home.path(), &["check"])
        .output()
        .expect("runs");
    let printed = String::from_utf8_lossy(&output.stdout);
    assert!(!output.status.success(), "{printed}");
    assert!(
        printed.contains(&format!(
            "readable by other accounts (mode 0644): {}",
            journal.display()
        )),
        "{printed}"
    );
    assert!(
        printed.contains(&format!("(mode 0755): {}", folder.display())),
        "{printed}"
    );
    // Opening and checking it changed nothing by itself.
    assert_eq!(mode(&journal), 0o644);

    let repaired = run_ok("022", home.path(), &["check", "--repair"]);
    assert!(repaired.contains("made private"), "{repaired}");
    assert!(repaired.trim_end().ends_with("ok"), "{repaired}");
    assert_eq!(mode(&journal), 0o600);
    assert_eq!(mode(&folder), 0o700);
    assert_eq!(run_ok("022", home.path(), &["check"]).trim(), "ok");
}

/// Every file under `dir` except the export's lock file.
fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else if !entry.file_name().to_string_lossy().ends_with(".lock") {
            files.push(path);
        }
    }
    files
}
