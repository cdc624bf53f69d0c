use sha2::{Digest, Sha256};
use tripjournal::store::{APPLICATION_ID, LATEST_VERSION, Store, StoreError};

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
