use std::path::Path;

use egui_kittest::kittest::Queryable;

use crate::gui::{app_on, settle, shown_until, step_until};
use crate::util::{cli_fails, cli_ok, cli_run, stderr, stdout};

/// A journal with a trip in Kolkata's zone holding three notes, and a second trip.
fn journal_with_three_entries(dir: &Path) -> std::path::PathBuf {
    let journal = dir.join("journal.sqlite");
    let trip = cli_ok(
        &journal,
        &["trip", "new", "--name", "Kolkata", "--tz", "Asia/Kolkata"],
    );
    assert_eq!(trip.trim(), "1");
    cli_ok(&journal, &["trip", "new", "--name", "Other trip"]);
    for (title, at) in [
        ("Arrival", "2018-11-12 09:00"),
        ("Broken one", "2018-11-12 10:00"),
        ("Dinner", "2018-11-12 20:00"),
    ] {
        cli_ok(
            &journal,
            &[
                "entry", "add", "--trip", "1", "--kind", "note", "--title", title, "--at", at,
            ],
        );
    }
    journal
}

/// Writes a value straight into the file, as a damaged build or another program might.
fn damage(journal: &Path, sql: &str) {
    let conn = rusqlite::Connection::open(journal).expect("sqlite");
    conn.pragma_update(None, "ignore_check_constraints", true)
        .expect("pragma");
    assert_eq!(conn.execute(sql, []).expect("update runs"), 1, "{sql}");
}

#[test]
fn an_unreadable_entry_is_named_and_never_hides_the_others() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = journal_with_three_entries(dir.path());
    damage(
        &journal,
        "UPDATE entries SET at_utc = '-0001-12-31T18:06:32Z' WHERE title = 'Broken one'",
    );

    let listed = cli_run(&journal, &["entry", "list", "--trip", "1"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    let rows: Vec<String> = stdout(&listed).lines().map(str::to_string).collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(
        rows[0].ends_with("Arrival") && rows[1].ends_with("Dinner"),
        "{rows:?}"
    );
    let warning = stderr(&listed);
    assert!(
        warning.contains("entry 2 of trip 1") && warning.contains("-0001-12-31T18:06:32Z"),
        "{warning}"
    );
    let json = cli_ok(&journal, &["entry", "list", "--trip", "1", "--json"]);
    assert_eq!(json.matches("\"title\"").count(), 2, "{json}");
    let trips = cli_ok(&journal, &["trip", "list", "--json"]);
    assert!(trips.contains("\"entry_count\": 2"), "{trips}");

    // A post missing an entry would be silently wrong: the export refuses, naming the row.
    let export_dir = dir.path().join("blog");
    let export_dir_text = export_dir.to_string_lossy().to_string();
    let export_args = [
        "export",
        "--trip",
        "1",
        "--layout",
        "plain",
        "--out",
        &export_dir_text,
    ];
    let error = cli_fails(&journal, &export_args, 1);
    assert!(
        error.contains("entry 2") && error.contains("check --repair"),
        "{error}"
    );

    let checked = cli_run(&journal, &["check"]);
    assert_eq!(checked.status.code(), Some(1));
    assert!(
        stdout(&checked).contains("entry 2 of trip 1"),
        "{}",
        stdout(&checked)
    );

    let repaired = cli_ok(&journal, &["check", "--repair"]);
    assert!(
        repaired.contains("entry 2 of trip 1") && repaired.contains("set aside"),
        "{repaired}"
    );
    assert!(repaired.trim_end().ends_with("ok"), "{repaired}");
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");
    let listed = cli_run(&journal, &["entry", "list", "--trip", "1"]);
    assert_eq!(stderr(&listed), "", "no warning once set aside");
    assert_eq!(stdout(&listed).lines().count(), 2);
    cli_ok(&journal, &export_args);

    // Set aside, not deleted: the row is kept whole in the journal.
    let conn = rusqlite::Connection::open(&journal).expect("sqlite");
    let (table, kept, problem): (String, String, String) = conn
        .query_row(
            "SELECT source_table, row_json, problem FROM set_aside_rows",
            [],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .expect("one set-aside row");
    assert_eq!(table, "entries");
    assert!(
        kept.contains("Broken one") && kept.contains("-0001-12-31T18:06:32Z"),
        "{kept}"
    );
    assert!(problem.contains("time"), "{problem}");
}

#[test]
fn an_unreadable_trip_hides_only_itself_and_repair_keeps_its_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = journal_with_three_entries(dir.path());
    damage(
        &journal,
        "UPDATE trips SET time_zone = 'Mars/Olympus' WHERE id = 1",
    );

    let listed = cli_run(&journal, &["trip", "list"]);
    assert!(listed.status.success(), "{}", stderr(&listed));
    assert_eq!(stdout(&listed).lines().count(), 1, "{}", stdout(&listed));
    assert!(stdout(&listed).contains("Other trip"));
    assert!(
        stderr(&listed).contains("trip 1: time zone \"Mars/Olympus\""),
        "{}",
        stderr(&listed)
    );
    // The other trip is still found by name.
    cli_ok(&journal, &["trip", "show", "Other trip"]);

    let repaired = cli_ok(&journal, &["check", "--repair"]);
    assert!(
        repaired.contains("trip 1") && repaired.contains("set aside"),
        "{repaired}"
    );
    let shown = cli_ok(&journal, &["trip", "show", "1"]);
    assert!(
        shown.contains("time zone: UTC") && shown.contains("entries:   3"),
        "{shown}"
    );
    let conn = rusqlite::Connection::open(&journal).expect("sqlite");
    let kept: String = conn
        .query_row(
            "SELECT row_json FROM set_aside_rows WHERE source_table = 'trips'",
            [],
            |row| row.get(0),
        )
        .expect("the trip's old values are kept");
    assert!(kept.contains("Mars/Olympus"), "{kept}");
}

#[test]
fn an_unreadable_photo_time_is_named_and_reset_by_repair() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = journal_with_three_entries(dir.path());
    let photo = dir.path().join("photo.png");
    image::RgbImage::from_pixel(40, 30, image::Rgb([200, 40, 40]))
        .save(&photo)
        .expect("writes a png");
    cli_ok(
        &journal,
        &["photo", "add", "--trip", "1", &photo.to_string_lossy()],
    );
    damage(&journal, "UPDATE photos SET taken_at_local = 'yesterday'");

    let listed = cli_run(&journal, &["photo", "list", "--trip", "1"]);
    assert!(listed.status.success());
    assert_eq!(stdout(&listed), "");
    assert!(
        stderr(&listed).contains("photo 1 of trip 1: taken-at \"yesterday\""),
        "{}",
        stderr(&listed)
    );
    cli_ok(&journal, &["check", "--repair"]);
    let listed = cli_ok(&journal, &["photo", "list", "--trip", "1"]);
    assert_eq!(listed.lines().count(), 1, "{listed}");
}

#[test]
fn the_window_names_an_unreadable_entry_shows_the_rest_and_sets_it_aside() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = journal_with_three_entries(dir.path());
    damage(
        &journal,
        "UPDATE entries SET kind = 'poem' WHERE title = 'Broken one'",
    );
    let mut harness = app_on(&journal);
    step_until(&mut harness, "the trip with its readable entries", |app| {
        app.current_trip()
            .is_some_and(|open| open.trip.id.0 == 1 && open.entries.len() == 2)
    });
    settle(&mut harness);
    harness.get_by_label_contains("1 row of this journal cannot be read");
    harness.get_by_label_contains("entry 2 of trip 1: entry kind \"poem\"");
    harness.get_by_label("Arrival");
    harness.get_by_label("Dinner");

    harness.get_by_label("Set aside").click();
    step_until(&mut harness, "the banner to go", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("Set aside 1 row"))
    });
    // The banner follows the journal thread's list of damaged rows, sent after the notice.
    shown_until(
        &mut harness,
        "the banner to go once the row is set aside",
        |harness| harness.query_by_label_contains("cannot be read").is_none(),
    );
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");
}
