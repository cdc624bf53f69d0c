use sha2::{Digest, Sha256};

use crate::util::names_in;
use tripjournal::store::{APPLICATION_ID, LATEST_VERSION, PathKind, Store, StoreError};

fn file_hash(path: &std::path::Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).expect("file is readable")).to_vec()
}

#[test]
fn a_new_file_gets_the_latest_schema_and_settings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("new.sqlite");
    let store = Store::open(&path).expect("opens");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
    let conn = store.connection();
    let page_size: u32 = conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .expect("page size");
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .expect("mode");
    let foreign_keys: bool = conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .expect("fk");
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .expect("app id");
    assert_eq!(page_size, 16384);
    assert_eq!(mode, "wal");
    assert!(foreign_keys);
    assert_eq!(app_id, APPLICATION_ID);
    drop(store);
    // Opening again migrates nothing and keeps the data.
    let again = Store::open(&path).expect("reopens");
    assert_eq!(again.schema_version().expect("version"), LATEST_VERSION);
}

#[test]
fn an_empty_file_becomes_a_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").expect("write");
    let store = Store::open(&path).expect("a zero-byte file is a new journal");
    assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
}

#[test]
fn a_journal_from_a_newer_program_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("future.sqlite");
    {
        let store = Store::open(&path).expect("opens");
        let conn = store.connection();
        conn.pragma_update(None, "journal_mode", "DELETE")
            .expect("leave WAL");
        conn.pragma_update(None, "user_version", LATEST_VERSION + 7)
            .expect("bump version");
    }
    let before = file_hash(&path);
    match Store::open(&path) {
        Err(error @ StoreError::NewerSchema { .. }) => {
            let message = error.to_string();
            assert!(
                message.contains(&(LATEST_VERSION + 7).to_string()),
                "{message}"
            );
            assert!(message.contains(&LATEST_VERSION.to_string()), "{message}");
        }
        Err(other) => panic!("expected a newer-schema error, got {other}"),
        Ok(_) => panic!("a newer journal must be refused"),
    }
    assert_eq!(
        file_hash(&path),
        before,
        "the refused file must be byte-for-byte unchanged"
    );
}

#[test]
fn a_text_file_is_not_a_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("notes.txt");
    std::fs::write(&path, "These are my notes, not a database.\n".repeat(100)).expect("write");
    let before = file_hash(&path);
    match Store::open(&path) {
        Err(StoreError::NotAJournal { .. }) => {}
        Err(other) => panic!("expected NotAJournal, got {other}"),
        Ok(_) => panic!("a text file must not open as a journal"),
    }
    assert_eq!(file_hash(&path), before);
}

#[test]
fn another_programs_database_is_not_a_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("other.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).expect("sqlite");
        conn.execute_batch("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');")
            .expect("create");
    }
    assert!(matches!(
        Store::open(&path),
        Err(StoreError::NotAJournal { .. })
    ));
}

#[test]
fn backup_is_a_complete_journal_and_never_overwrites() {
    let journal = crate::util::TempJournal::new();
    let trip = journal.berlin_trip();
    let backup = journal.dir.path().join("backup.sqlite");
    journal.store.backup_to(&backup).expect("backup");
    let copy = Store::open(&backup).expect("the backup opens");
    assert_eq!(
        copy.trip(trip).expect("trip in backup").fields.name,
        "Berlin Summit 2018"
    );
    assert!(matches!(
        journal.store.backup_to(&backup),
        Err(StoreError::TargetExists(_))
    ));
}

/// Runs the CLI with `--journal <journal>` in `cwd`, killed (and the test failed) if it has
/// not ended within a minute (far longer than it takes even on a busy machine): a named pipe
/// once made it wait forever.
fn cli_within_time(cwd: &std::path::Path, journal: &str, args: &[&str]) -> std::process::Output {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_tripjournal"))
        .current_dir(cwd)
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("TRIPJOURNAL_JOURNAL")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while child.try_wait().expect("waits").is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("tripjournal --journal {journal} {args:?} did not end within 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// Runs the CLI like [`cli_within_time`] and asserts it succeeded; returns its stdout.
fn cli_within_time_ok(cwd: &std::path::Path, journal: &str, args: &[&str]) -> String {
    let output = cli_within_time(cwd, journal, args);
    assert!(
        output.status.success(),
        "{journal} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Asserts `trip list` on `journal` (as typed, in `cwd`) is refused with exit 2 and one line
/// naming `what`, and returns that line.
fn refused_as(cwd: &std::path::Path, journal: &str, what: &str) -> String {
    let output = cli_within_time(cwd, journal, &["trip", "list"]);
    let err = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(2), "{journal}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{journal}: {err}");
    assert!(
        err.starts_with("error: the journal must be a regular file, but this is ")
            && err.contains(what),
        "{journal}: {err}"
    );
    err
}

#[test]
fn a_named_pipe_is_refused_at_once_and_nothing_is_made_beside_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    std::os::unix::fs::symlink("pipe", dir.path().join("to-pipe")).expect("link");
    refused_as(dir.path(), "pipe", "a named pipe (FIFO)");
    refused_as(dir.path(), "to-pipe", "a symbolic link to a named pipe");
    assert_eq!(names_in(dir.path()), ["pipe", "to-pipe"]);
    assert!(matches!(
        Store::open(&dir.path().join("pipe")),
        Err(StoreError::NotAFile { what, .. }) if what.kind == PathKind::NamedPipe
    ));
}

#[test]
fn a_device_a_folder_and_a_socket_are_refused_by_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let beside_null = ["/dev/null-journal", "/dev/null-wal", "/dev/null-shm"]
        .map(|p| std::path::Path::new(p).exists());
    refused_as(dir.path(), "/dev/null", "a character device");
    assert_eq!(
        ["/dev/null-journal", "/dev/null-wal", "/dev/null-shm"]
            .map(|p| std::path::Path::new(p).exists()),
        beside_null,
        "nothing made beside /dev/null"
    );
    std::fs::create_dir(dir.path().join("trips")).expect("folder");
    refused_as(dir.path(), "trips", "a folder");
    let _socket =
        std::os::unix::net::UnixListener::bind(dir.path().join("sock")).expect("a socket");
    refused_as(dir.path(), "sock", "a socket");
    assert_eq!(names_in(dir.path()), ["sock", "trips"]);
    assert!(names_in(&dir.path().join("trips")).is_empty());
}

#[test]
fn sqlite_s_special_names_are_refused_and_file_colon_names_are_plain_files_after_dot_slash() {
    let dir = tempfile::tempdir().expect("temp dir");
    refused_as(dir.path(), ":memory:", "an in-memory database");
    refused_as(dir.path(), "file:x?mode=memory", "a SQLite URI");
    refused_as(dir.path(), "file:journal.sqlite", "write ./file:");
    assert!(names_in(dir.path()).is_empty(), "nothing was created");
    assert!(matches!(
        Store::open(std::path::Path::new(":memory:")),
        Err(StoreError::NotAFile { what, .. }) if what.kind == PathKind::MemoryName
    ));

    // Written as a path, a name starting with "file:" is a file of that name.
    cli_within_time_ok(
        dir.path(),
        "./file:x?mode=memory",
        &["trip", "new", "--name", "Kept"],
    );
    assert_eq!(names_in(dir.path()), ["file:x?mode=memory"]);
    assert!(
        cli_within_time_ok(dir.path(), "./file:x?mode=memory", &["trip", "list"]).contains("Kept")
    );
}

#[test]
fn a_link_to_a_journal_opens_it_and_a_dangling_link_is_refused_without_creating_its_target() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = dir.path().join("real.sqlite");
    drop(Store::open(&real).expect("a journal"));
    std::os::unix::fs::symlink("real.sqlite", dir.path().join("link.sqlite")).expect("link");
    cli_within_time_ok(
        dir.path(),
        "link.sqlite",
        &["trip", "new", "--name", "Linked"],
    );
    let store = Store::open(&real).expect("opens");
    assert_eq!(store.trips().expect("trips")[0].fields.name, "Linked");
    drop(store);

    std::os::unix::fs::symlink("missing.sqlite", dir.path().join("dangling.sqlite")).expect("link");
    refused_as(
        dir.path(),
        "dangling.sqlite",
        "a symbolic link to a file that does not exist",
    );
    assert!(!dir.path().join("missing.sqlite").exists());
}
