//! Full and read-only disks: exporting to them and importing into a journal on a full one end
//! with a clear one-line error, no partial post and a journal that still opens and checks; a
//! journal on a read-only disk opens read-only.
//!
//! The disks are small tmpfs file systems mounted by the test, which needs root (or
//! CAP_SYS_ADMIN), as on the CI machines. Where mounting is not allowed the test says so on
//! its output and checks nothing (the read-only case then falls back to a folder without write
//! permission when not running as root).

use std::path::{Path, PathBuf};
use std::process::Command;

use tripjournal::export::{ExportError, ExportOptions, Layout, export_trip};
use tripjournal::store::{PhotoBytes, Store};

use crate::util::{TempJournal, cli_ok, cli_run, stderr, stdout, write_distinct_jpegs};

/// A tmpfs mounted for one test, unmounted when dropped.
pub(crate) struct SmallDisk {
    pub(crate) path: PathBuf,
}

impl SmallDisk {
    /// Mounts `size` (e.g. "1m") at `path`; None when this machine does not allow it.
    pub(crate) fn mount(path: &Path, size: &str) -> Option<SmallDisk> {
        std::fs::create_dir_all(path).expect("mount point");
        let mounted = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0777"),
                "tmpfs",
            ])
            .arg(path)
            .output()
            .is_ok_and(|output| output.status.success());
        if !mounted {
            println!("skipped: cannot mount a tmpfs here (needs root or CAP_SYS_ADMIN)");
            return None;
        }
        Some(SmallDisk {
            path: path.to_path_buf(),
        })
    }

    fn make_read_only(&self) {
        let status = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(&self.path)
            .status()
            .expect("mount runs");
        assert!(status.success(), "remount read-only");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).status();
    }
}

/// Every file below `dir`, relative to it.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                found.push(path.strip_prefix(dir).expect("below").to_path_buf());
            }
        }
    }
    found
}

fn demo_journal() -> (TempJournal, tripjournal::model::TripId) {
    let mut journal = TempJournal::new();
    let trip = tripjournal::demo::create_demo_trip(&mut journal.store).expect("demo trip");
    (journal, trip)
}

#[test]
fn exporting_to_a_full_disk_fails_cleanly_and_leaves_no_partial_post() {
    let (journal, trip) = demo_journal();
    // How much the export writes, measured on the normal disk.
    let roomy = journal.dir.path().join("roomy");
    export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&roomy, Layout::Jekyll),
    )
    .expect("export");
    let needed: u64 = files_below(&roomy)
        .iter()
        .map(|file| std::fs::metadata(roomy.join(file)).expect("size").len())
        .sum();
    assert!(
        needed > 200 * 1024,
        "the demo export is big enough to fill the disk: {needed}"
    );

    let Some(disk) = SmallDisk::mount(
        &journal.dir.path().join("full"),
        &format!("{}k", needed / 1024 / 2),
    ) else {
        return;
    };
    let out = disk.path.join("blog");
    let error = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&out, Layout::Jekyll),
    )
    .expect_err("the disk is too small");
    assert!(matches!(error, ExportError::DiskFull(_)), "{error}");
    let message = error.to_string();
    assert!(
        message.contains("disk is full") && !message.contains('\n'),
        "{message}"
    );
    assert_eq!(
        files_below(&out),
        Vec::<PathBuf>::new(),
        "nothing is left behind"
    );

    // The same through the command line: one line, exit 1, and still nothing written.
    let output = cli_run(
        &journal.path(),
        &[
            "export",
            "--trip",
            &trip.to_string(),
            "--layout",
            "jekyll",
            "--out",
            out.to_str().expect("UTF-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("disk is full"), "{err}");
    assert_eq!(files_below(&out), Vec::<PathBuf>::new());
}

#[test]
fn exporting_to_a_read_only_folder_fails_cleanly() {
    let (journal, trip) = demo_journal();
    let place = journal.dir.path().join("read-only");
    let disk = SmallDisk::mount(&place, "4m");
    let out = place.join("blog");
    match &disk {
        Some(disk) => {
            std::fs::create_dir(&out).expect("blog folder");
            disk.make_read_only();
        }
        None => {
            std::fs::create_dir_all(&out).expect("blog folder");
            std::fs::set_permissions(&out, std::os::unix::fs::PermissionsExt::from_mode(0o555))
                .expect("chmod");
            if std::fs::write(out.join("probe"), b"x").is_ok() {
                println!(
                    "skipped: running as root without mount rights; cannot make a read-only folder"
                );
                return;
            }
        }
    }
    let error = export_trip(
        &journal.store,
        trip,
        &ExportOptions::new(&out, Layout::Hugo),
    )
    .expect_err("read-only");
    let message = error.to_string();
    assert!(!message.contains('\n'), "{message}");
    assert!(
        message.to_lowercase().contains("read-only")
            || message.to_lowercase().contains("permission"),
        "says why: {message}"
    );
    assert_eq!(files_below(&out), Vec::<PathBuf>::new());
}

#[test]
fn importing_into_a_journal_on_a_full_disk_fails_cleanly_and_keeps_the_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let photos = write_distinct_jpegs(dir.path(), 24, 1200, 900);
    let total: u64 = photos
        .iter()
        .map(|p| std::fs::metadata(p).expect("size").len())
        .sum();
    let Some(disk) = SmallDisk::mount(&dir.path().join("disk"), &format!("{}k", total / 1024 / 2))
    else {
        return;
    };
    let journal = disk.path.join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Full"]);
    let mut args = vec!["photo", "add", "--trip", "Full", "--"];
    let names: Vec<&str> = photos.iter().map(|p| p.to_str().expect("UTF-8")).collect();
    args.extend(&names);
    let output = cli_run(&journal, &args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "some photos do not fit: {}",
        stdout(&output)
    );
    let said = stdout(&output);
    assert!(said.contains("imported "), "the first photos fit: {said}");
    assert!(said.contains("disk is full"), "the reason is given: {said}");
    for line in said.lines() {
        assert!(
            line.starts_with("imported ") || line.starts_with("failed "),
            "{line}"
        );
    }
    assert!(!stderr(&output).contains("panicked"));

    // The journal opens, checks out, and every photo it says it has is whole.
    let store = Store::open(&journal).expect("opens on the full disk");
    let report = store.check().expect("check");
    assert!(report.is_ok(), "{:?}", report.problems);
    let trip = store.find_trip("Full").expect("trip");
    let stored = store.photos(trip.id).expect("photos");
    let imported = said
        .lines()
        .filter(|line| line.starts_with("imported "))
        .count();
    assert_eq!(stored.len(), imported);
    for photo in &stored {
        let preview = store
            .photo_bytes(photo.id, PhotoBytes::Preview)
            .expect("preview");
        image::load_from_memory(&preview).expect("the preview decodes");
    }
    drop(store);
    // Listing (a read on the still-full disk) works too.
    let output = cli_run(&journal, &["photo", "list", "--trip", "Full"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), imported);
    drop(disk);
}

#[test]
fn a_journal_on_a_read_only_disk_opens_read_only_and_stays_untouched() {
    let (journal, _trip) = demo_journal();
    let TempJournal { dir, store } = journal;
    drop(store);
    let Some(disk) = SmallDisk::mount(&dir.path().join("stick"), "16m") else {
        return;
    };
    let copy = disk.path.join("journal.sqlite");
    std::fs::copy(dir.path().join("journal.sqlite"), &copy).expect("copies");
    disk.make_read_only();
    let before = std::fs::read(&copy).expect("reads");
    assert_eq!(cli_ok(&copy, &["trip", "list"]).lines().count(), 1);
    let output = cli_run(&copy, &["trip", "new", "--name", "Nope"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(
        err.contains("open read-only because it is on read-only storage"),
        "{err}"
    );
    assert_eq!(std::fs::read(&copy).expect("reads"), before);
}
