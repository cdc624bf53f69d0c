//! A journal that cannot be changed (a write-protected file, a read-only folder or mount)
//! opens read-only: every command that only reads works, each command that writes is refused
//! with one line saying why, and the file stays byte for byte as it was. Made read-only with
//! a bind mount as root (CI) and with chmod otherwise (see `util::ReadOnly`).

use std::path::{Path, PathBuf};

use tripjournal::store::{LATEST_VERSION, Store, StoreError};

use crate::util::{
    ReadOnly, TempJournal, cli_fails, cli_ok, cli_run, fixture, names_in, stderr, stdout,
};

/// A folder holding `journal.sqlite` with the demo trip (closed, so it is one file).
fn demo_journal_in(dir: &Path) -> PathBuf {
    std::fs::create_dir_all(dir).expect("folder");
    let path = dir.join("journal.sqlite");
    let mut store = Store::open(&path).expect("new journal");
    tripjournal::demo::create_demo_trip(&mut store).expect("demo trip");
    path
}

/// Every command that only reads, on a read-only journal; `scratch` is a writable folder.
fn reading_commands_work(journal: &Path, scratch: &Path) {
    assert!(cli_ok(journal, &["trip", "list"]).contains("Berlin Summit 2018"));
    assert!(cli_ok(journal, &["trip", "show", "1", "--json"]).contains("Berlin"));
    assert!(
        cli_ok(journal, &["entry", "list", "--trip", "1"]).contains("Ceph in a multi-cloud world")
    );
    assert!(cli_ok(journal, &["photo", "list", "--trip", "1"]).contains("demo-00.jpg"));
    assert_eq!(cli_ok(journal, &["check"]).trim(), "ok");

    let out = scratch.join("blog");
    let output = cli_run(
        journal,
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
    assert!(output.status.success(), "export: {}", stderr(&output));
    let post = PathBuf::from(stdout(&output).lines().last().expect("the post's path"));
    assert!(post.is_file(), "the post is written: {}", post.display());
    let warning = stderr(&output);
    assert!(
        warning.starts_with("warning: ") && warning.contains("not recorded"),
        "the export says the journal could not record it: {warning}"
    );

    let backup = scratch.join("backup.sqlite");
    cli_ok(journal, &["backup", backup.to_str().expect("UTF-8")]);
    let copy = Store::open(&backup).expect("the backup opens");
    assert!(!copy.is_read_only(), "the backup is a writable journal");
    assert_eq!(copy.trips().expect("trips").len(), 1);
}

/// Reading commands work, writing ones are refused, and the file stays as it was (`before`).
fn works_read_only(journal: &Path, scratch: &Path, before: &[u8]) {
    reading_commands_work(journal, scratch);
    writing_commands_are_refused(journal);
    assert_eq!(
        std::fs::read(journal).expect("reads"),
        before,
        "nothing written"
    );
}

/// Each command that writes fails with one line naming the read-only journal, exit 1.
fn writing_commands_are_refused(journal: &Path) {
    let photo = fixture("plain.jpg");
    let photo = photo.to_str().expect("UTF-8");
    for args in [
        &[
            "entry", "add", "--trip", "1", "--kind", "note", "--title", "x",
        ][..],
        &["entry", "edit", "1", "--title", "x"],
        &["entry", "delete", "1"],
        &["trip", "new", "--name", "x"],
        &["photo", "add", "--trip", "1", photo],
        &["check", "--repair"],
        &["demo"],
    ] {
        let err = cli_fails(journal, args, 1);
        assert!(
            err.contains("the journal is open read-only because")
                && err.contains("copy it to a writable folder"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_write_protected_journal_file_opens_read_only_for_every_reading_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = demo_journal_in(&dir.path().join("trips"));
    let before = std::fs::read(&journal).expect("reads");
    let Some(_protected) = ReadOnly::make(&journal) else {
        return;
    };
    let store = Store::open(&journal).expect("opens read-only");
    assert!(store.is_read_only());
    assert!(store.read_only_reason().is_some());
    assert!(matches!(
        store.create_trip(&tripjournal::model::TripFields::named("x")),
        Err(StoreError::ReadOnly { .. })
    ));
    drop(store);
    works_read_only(&journal, dir.path(), &before);
}

#[test]
fn a_wal_mode_journal_in_a_read_only_folder_opens_without_the_files_sqlite_keeps_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("dvd");
    let journal = demo_journal_in(&folder);
    let before = std::fs::read(&journal).expect("reads");
    assert_eq!(before[18], 2, "the journal is in WAL mode (header byte 18)");
    assert_eq!(names_in(&folder), ["journal.sqlite"]);
    let Some(_protected) = ReadOnly::make(&folder) else {
        return;
    };
    works_read_only(&journal, dir.path(), &before);
    assert_eq!(
        names_in(&folder),
        ["journal.sqlite"],
        "no -wal or -shm beside it"
    );
}

#[test]
fn an_older_journal_on_read_only_storage_is_refused_with_what_to_do() {
    const { assert!(LATEST_VERSION > 1, "there is an older schema to test") };
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("dvd");
    std::fs::create_dir(&folder).expect("folder");
    let journal = folder.join("old.sqlite");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/journals/v1.tripjournal"),
        &journal,
    )
    .expect("copies the version 1 journal");
    let before = std::fs::read(&journal).expect("reads");
    let Some(_protected) = ReadOnly::make(&folder) else {
        return;
    };
    let err = cli_fails(&journal, &["trip", "list"], 1);
    assert!(
        err.contains("schema version 1") && err.contains("copy it to a writable folder"),
        "{err}"
    );
    assert!(matches!(
        Store::open(&journal),
        Err(StoreError::OldSchemaReadOnly {
            file_version: 1,
            ..
        })
    ));
    assert_eq!(std::fs::read(&journal).expect("reads"), before);
}

#[test]
fn no_journal_is_created_in_a_read_only_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("dvd");
    std::fs::create_dir(&folder).expect("folder");
    let Some(_protected) = ReadOnly::make(&folder) else {
        return;
    };
    let err = cli_fails(&folder.join("new.sqlite"), &["trip", "list"], 1);
    assert!(err.contains("cannot create the journal because"), "{err}");
    assert!(names_in(&folder).is_empty());
}

#[test]
fn changes_left_in_a_wal_file_on_read_only_storage_are_not_silently_skipped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = TempJournal::new();
    journal
        .store
        .connection()
        .pragma_update(None, "wal_autocheckpoint", 0)
        .expect("no checkpoint");
    journal.berlin_trip();
    // A copy taken while the journal is open: the new trip is only in the -wal file.
    let folder = dir.path().join("stick");
    std::fs::create_dir(&folder).expect("folder");
    let copy = folder.join("journal.sqlite");
    std::fs::copy(journal.path(), &copy).expect("copies the journal");
    let wal = folder.join("journal.sqlite-wal");
    std::fs::copy(journal.dir.path().join("journal.sqlite-wal"), &wal).expect("copies its -wal");
    assert!(std::fs::metadata(&wal).expect("wal").len() > 0);
    let Some(_protected) = ReadOnly::make(&folder) else {
        return;
    };
    let err = cli_fails(&copy, &["trip", "list"], 1);
    assert!(err.contains("-wal file"), "{err}");
}
