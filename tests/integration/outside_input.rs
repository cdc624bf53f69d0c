//! What comes from outside the journal and must never break a trip or empty it: schedule
//! events at the edge of the years a journal holds, backups that carry their own SQL code or
//! a committed `-wal`, as a hostile probe found them. Each test is one probe, made the way an
//! attacker or a broken tool would make it (raw SQL, hand-written files), run through the CLI.

use std::path::Path;

use crate::util::{cli_ok, cli_run, stderr, stdout};

fn export(journal: &Path, out: &Path) {
    cli_ok(
        journal,
        &[
            "export",
            "--trip",
            "1",
            "--layout",
            "plain",
            "--out",
            &out.to_string_lossy(),
        ],
    );
}

const YEAR_RULE: &str = "is outside the years 1000 to 9999 that a journal holds";

/// An iCalendar file with one good talk and one that starts on the last evening of 9999 and
/// lasts two hours, so it ends in the year 10000.
fn ics_with_a_talk_past_9999() -> String {
    [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "UID:good@x",
        "SUMMARY:Good talk",
        "DTSTART:20181113T090000Z",
        "DURATION:PT1H",
        "END:VEVENT",
        "BEGIN:VEVENT",
        "UID:edge@x",
        "SUMMARY:Edge of time",
        "DTSTART:99991231T230000Z",
        "DURATION:PT2H",
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .join("\r\n")
}

fn frab_with_a_talk_past_9999() -> String {
    "<schedule><conference><title>Edge</title></conference>\
     <day index=\"1\" date=\"9999-12-31\"><room name=\"Hall\">\
     <event guid=\"edge\"><date>9999-12-31T23:00:00+00:00</date><start>23:00</start>\
     <duration>02:00</duration><title>Edge of time</title></event>\
     <event guid=\"ok\"><date>9999-12-31T20:00:00+00:00</date><start>20:00</start>\
     <duration>01:00</duration><title>Last talk</title></event>\
     </room></day></schedule>"
        .to_owned()
}

#[test]
fn a_schedule_event_ending_after_9999_is_skipped_with_the_year_rule_and_the_trip_still_works() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Edge", "--tz", "UTC"]);
    for (name, text, kept) in [
        ("edge.ics", ics_with_a_talk_past_9999(), "Good talk"),
        ("edge.xml", frab_with_a_talk_past_9999(), "Last talk"),
    ] {
        let file = dir.path().join(name);
        std::fs::write(&file, text).expect("writes");
        let output = cli_run(
            &journal,
            &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
        );
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert!(
            stdout(&output).ends_with("skipped 1\n"),
            "{}",
            stdout(&output)
        );
        let reason = stderr(&output);
        assert!(
            reason.contains("Edge of time")
                && reason.contains("+10000-01-01T01:00:00Z")
                && reason.contains(YEAR_RULE),
            "{name}: {reason}"
        );
        let listed = cli_ok(&journal, &["schedule", "list", "--trip", "1"]);
        assert!(listed.contains(kept), "{name}: {listed}");
        assert!(!listed.contains("Edge of time"), "{name}: {listed}");
    }
    let out = dir.path().join("post");
    export(&journal, &out);
    assert_eq!(cli_ok(&journal, &["check"]), "ok\n");
}

#[test]
fn a_schedule_row_no_reader_can_read_is_seen_by_check_and_set_aside_by_repair() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Edge", "--tz", "UTC"]);
    let file = dir.path().join("talks.ics");
    std::fs::write(&file, ics_with_a_talk_past_9999()).expect("writes");
    cli_ok(
        &journal,
        &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
    );
    // What an older build wrote: the good talk with an end beyond the year 9999.
    let conn = rusqlite::Connection::open(&journal).expect("sqlite");
    let changed = conn
        .execute(
            "UPDATE schedule_items SET end_utc = '+10000-01-01T01:00:00Z' WHERE source_key = 'good@x'",
            [],
        )
        .expect("update");
    assert_eq!(changed, 1);
    drop(conn);

    let checked = cli_run(&journal, &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    let problems = stdout(&checked);
    assert!(
        problems.contains("schedule item 1 of trip 1") && problems.contains("+10000-01-01"),
        "{problems}"
    );
    // Listing names the row and goes on; the export refuses rather than drop a talk.
    let listed = cli_run(&journal, &["schedule", "list", "--trip", "1"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert!(
        stderr(&listed).contains("schedule item 1 of trip 1"),
        "{}",
        stderr(&listed)
    );

    let repaired = cli_ok(&journal, &["check", "--repair"]);
    assert!(
        repaired.contains("schedule item 1 of trip 1") && repaired.contains("set aside"),
        "{repaired}"
    );
    assert!(repaired.ends_with("ok\n"), "{repaired}");
    let out = dir.path().join("post");
    export(&journal, &out);
    // Importing the file again brings the talk back, readable.
    let again = cli_ok(
        &journal,
        &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
    );
    assert!(again.starts_with("imported 1,"), "{again}");
    assert!(cli_ok(&journal, &["schedule", "list", "--trip", "1"]).contains("Good talk"));
    let kept: i64 = rusqlite::Connection::open(&journal)
        .expect("sqlite")
        .query_row(
            "SELECT count(*) FROM set_aside_rows WHERE source_table = 'schedule_items'",
            [],
            |row| row.get(0),
        )
        .expect("count");
    assert_eq!(kept, 1);
}

#[test]
fn importing_a_schedule_again_rewrites_a_row_that_could_not_be_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Edge", "--tz", "UTC"]);
    let file = dir.path().join("talks.ics");
    std::fs::write(&file, ics_with_a_talk_past_9999()).expect("writes");
    let import = || {
        cli_ok(
            &journal,
            &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
        )
    };
    import();
    rusqlite::Connection::open(&journal)
        .expect("sqlite")
        .execute(
            "UPDATE schedule_items SET start_utc = 'soon' WHERE source_key = 'good@x'",
            [],
        )
        .expect("update");
    assert_eq!(import(), "imported 0, updated 1, cancelled 0, skipped 1\n");
    assert_eq!(cli_ok(&journal, &["check"]), "ok\n");
    assert!(Path::new(&journal).exists());
}

/// A journal with one trip, two notes and a photo, and a backup of it at `backup` changed by
/// `sql` (run on the backup as a hostile tool would, with plain SQLite).
fn journal_and_hostile_backup(dir: &Path, sql: &str) -> (std::path::PathBuf, std::path::PathBuf) {
    let journal = dir.join("journal.sqlite");
    cli_ok(
        &journal,
        &["trip", "new", "--name", "Berlin", "--tz", "Europe/Berlin"],
    );
    for title in ["Arrival", "Dinner"] {
        cli_ok(
            &journal,
            &[
                "entry", "add", "--trip", "1", "--kind", "note", "--title", title,
            ],
        );
    }
    let photo = crate::util::fixture("plain.jpg");
    cli_ok(
        &journal,
        &["photo", "add", "--trip", "1", &photo.to_string_lossy()],
    );
    let backup = dir.join("hostile-backup.sqlite");
    cli_ok(&journal, &["backup", &backup.to_string_lossy()]);
    rusqlite::Connection::open(&backup)
        .expect("sqlite")
        .execute_batch(sql)
        .expect("the hostile change applies");
    (journal, backup)
}

fn count(journal: &Path, table: &str) -> i64 {
    rusqlite::Connection::open(journal)
        .expect("sqlite")
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .expect("count")
}

#[test]
fn restore_refuses_a_backup_that_carries_a_trigger_or_a_view_and_changes_nothing() {
    for (sql, named) in [
        (
            "CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN
                 DELETE FROM entries WHERE id <> new.id; DELETE FROM photo_data; DELETE FROM photos;
             END;",
            "it has a trigger \"wipe\" on entries that tripjournal does not make",
        ),
        (
            "DROP TABLE export_targets;
             CREATE VIEW export_targets AS SELECT 1 AS trip_id, '' AS folder, '' AS slug;",
            "its \"export_targets\" is a view, where tripjournal makes a table",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp dir");
        let (journal, backup) = journal_and_hostile_backup(dir.path(), sql);
        let before = std::fs::read(&journal).expect("journal reads");
        let error = crate::util::cli_fails(&journal, &["restore", &backup.to_string_lossy()], 2);
        assert!(
            error.contains("its schema is not tripjournal's") && error.contains(named),
            "{error}"
        );
        assert_eq!(std::fs::read(&journal).expect("journal reads"), before);
        let names = crate::util::names_in(dir.path());
        assert!(
            !names.iter().any(|name| name.contains("before-restore")),
            "{names:?}"
        );
    }
}

#[test]
fn a_journal_that_already_holds_a_trigger_never_runs_it_and_check_names_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Berlin"]);
    cli_ok(
        &journal,
        &[
            "entry", "add", "--trip", "1", "--kind", "note", "--title", "Arrival",
        ],
    );
    let photo = crate::util::fixture("plain.jpg");
    cli_ok(
        &journal,
        &["photo", "add", "--trip", "1", &photo.to_string_lossy()],
    );
    // Put there by another program, behind tripjournal's back.
    rusqlite::Connection::open(&journal)
        .expect("sqlite")
        .execute_batch(
            "CREATE TRIGGER wipe AFTER INSERT ON entries BEGIN
                 DELETE FROM entries WHERE id <> new.id; DELETE FROM photo_data; DELETE FROM photos;
             END;",
        )
        .expect("trigger");
    cli_ok(
        &journal,
        &[
            "entry", "add", "--trip", "1", "--kind", "note", "--title", "Dinner",
        ],
    );
    assert_eq!(count(&journal, "entries"), 2);
    assert_eq!(count(&journal, "photos"), 1);
    let checked = cli_run(&journal, &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        stdout(&checked).contains("schema: it has a trigger \"wipe\" on entries"),
        "{}",
        stdout(&checked)
    );
}

#[test]
fn restore_reads_a_backup_with_the_committed_changes_of_its_wal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let backup = dir.path().join("copied-journal.sqlite");
    cli_ok(&backup, &["trip", "new", "--name", "In the main file"]);
    // A second connection that stays open keeps the CLI from folding its changes into the main
    // file; it then closes without folding them either, as a copy taken mid-session would be.
    let holder = rusqlite::Connection::open(&backup).expect("sqlite");
    holder
        .set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )
        .expect("no checkpoint on close");
    holder
        .query_row("SELECT count(*) FROM trips", [], |row| row.get::<_, i64>(0))
        .expect("reads");
    cli_ok(&backup, &["trip", "new", "--name", "Only in the wal"]);
    drop(holder);
    let wal = dir.path().join("copied-journal.sqlite-wal");
    assert!(
        std::fs::metadata(&wal).is_ok_and(|meta| meta.len() > 0),
        "the backup keeps changes in its -wal"
    );

    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Before"]);
    let restored = cli_ok(&journal, &["restore", &backup.to_string_lossy()]);
    assert!(restored.contains("2 trips"), "{restored}");
    let trips = cli_ok(&journal, &["trip", "list"]);
    assert!(
        trips.contains("In the main file") && trips.contains("Only in the wal"),
        "{trips}"
    );
    assert!(!trips.contains("Before"), "{trips}");
    // The backup and its -wal are left as they were.
    assert!(std::fs::metadata(&wal).is_ok_and(|meta| meta.len() > 0));
    let names = crate::util::names_in(dir.path());
    assert!(
        !names.iter().any(|name| name.contains("partial")),
        "{names:?}"
    );
}

fn daily_coffee(extra: &str) -> String {
    [
        "BEGIN:VCALENDAR",
        "BEGIN:VEVENT",
        "UID:coffee@x",
        "SUMMARY:Coffee",
        "DTSTART:20181113T090000Z",
        "DURATION:PT30M",
        "RRULE:FREQ=DAILY;COUNT=3",
        extra,
        "END:VEVENT",
        "END:VCALENDAR",
        "",
    ]
    .into_iter()
    .filter(|line| !line.is_empty())
    .collect::<Vec<_>>()
    .join("\r\n")
        + "\r\n"
}

#[test]
fn a_repeating_event_imports_every_occurrence_and_importing_again_updates_never_duplicates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(
        &journal,
        &["trip", "new", "--name", "Coffee", "--tz", "UTC"],
    );
    let file = dir.path().join("talks.ics");
    let import = |text: String| {
        std::fs::write(&file, text).expect("writes");
        cli_ok(
            &journal,
            &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
        )
    };
    assert_eq!(
        import(daily_coffee("")),
        "imported 3, updated 0, cancelled 0, skipped 0\n"
    );
    assert_eq!(
        import(daily_coffee("")),
        "imported 0, updated 0, cancelled 0, skipped 0\n"
    );
    assert_eq!(
        import(daily_coffee("EXDATE:20181114T090000Z")),
        "imported 0, updated 0, cancelled 1, skipped 0\n"
    );
    let listed = cli_ok(&journal, &["schedule", "list", "--trip", "1"]);
    assert_eq!(listed.matches("Coffee").count(), 3, "{listed}");
    assert_eq!(count(&journal, "schedule_items"), 3);
}
