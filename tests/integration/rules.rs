//! One rule, one answer: the same typed inputs given to the command line and to the rules the
//! window's editor calls (`model::rules`, `EntryPatch`) are accepted or refused alike and
//! stored alike.

use tripjournal::model::rules::{clean_section, parse_local_time, split_list};
use tripjournal::model::{EntryFields, EntryKind, EntryPatch};

use crate::util::{TempJournal, cli_run, stderr, stdout};

/// Adds a session through the CLI with one extra flag; returns the stored entry's JSON, or
/// None when the CLI refused it (exit 2).
fn cli_entry(
    journal: &TempJournal,
    trip: &str,
    flag: &str,
    value: &str,
) -> Option<serde_json::Value> {
    let path = journal.path();
    let mut args = vec![
        "entry", "add", "--trip", trip, "--kind", "session", "--title", "t",
    ];
    if flag != "--at" {
        args.extend(["--at", "2018-11-13 10:00"]);
    }
    args.extend([flag, value]);
    let output = cli_run(&path, &args);
    if !output.status.success() {
        assert_eq!(
            output.status.code(),
            Some(2),
            "{flag} {value:?}: {}",
            stderr(&output)
        );
        return None;
    }
    let id = stdout(&output).trim().parse::<i64>().expect("an id");
    let list = cli_run(&path, &["entry", "list", "--trip", trip, "--json"]);
    let entries: Vec<serde_json::Value> = serde_json::from_str(&stdout(&list)).expect("JSON");
    entries.into_iter().find(|entry| entry["id"] == id)
}

#[test]
fn the_cli_and_the_windows_rules_accept_and_store_alike() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip().0.to_string();
    let zone = chrono_tz::Europe::Berlin;

    let times = [
        "2018-11-13 16:20",
        "2018-11-13T16:20",
        " 2018-11-13 16:20:30 ",
        "2018-11-13",
        "2019-03-31 02:30", // skipped by the clock change
        "25:99",
        "13.11.2018 16:20",
        "",
    ];
    for text in times {
        let window = parse_local_time(text, zone).ok();
        let cli = cli_entry(&journal, &trip, "--at", text)
            .map(|entry| entry["at"].as_str().expect("at").to_string());
        let window = window.map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
        assert_eq!(cli, window, "time {text:?}");
    }

    let lists = ["Ada, Grace", "李雷，韩梅梅、Lucy", " , ,", "one"];
    for text in lists {
        let cli = cli_entry(&journal, &trip, "--speakers", text).expect("accepted");
        let stored: Vec<String> =
            serde_json::from_value(cli["session"]["speakers"].clone()).expect("speakers");
        assert_eq!(stored, split_list(text), "list {text:?}");
    }

    let sections = ["  一、社区在发展  ", "", "   ", "Day 2"];
    for text in sections {
        let cli = cli_entry(&journal, &trip, "--section", text).expect("accepted");
        assert_eq!(
            cli["section"].as_str().map(str::to_string),
            clean_section(text),
            "section {text:?}"
        );
    }

    // Kind rules: the CLI's refusal and the patch's are the same decision.
    let at = parse_local_time("2018-11-13 10:00", zone).expect("time");
    for (kind, flag, value) in [
        ("note", "--speakers", "A"),
        ("meal", "--speakers", "A"),
        ("session", "--venue", "Hall"),
        ("rating", "--meal", "lunch"),
        ("meal", "--meal", "lunch"),
        ("session", "--room", "Hall 7"),
    ] {
        let path = journal.path();
        let output = cli_run(
            &path,
            &[
                "entry", "add", "--trip", &trip, "--kind", kind, "--title", "t", flag, value,
            ],
        );
        let mut patch = EntryPatch::default();
        match flag {
            "--speakers" => patch.speakers = Some(value.into()),
            "--venue" => patch.venue = Some(value.into()),
            "--meal" => patch.meal = value.parse().ok(),
            "--room" => patch.room = Some(value.into()),
            other => panic!("no case for {other}"),
        }
        let kind: EntryKind = kind.parse().expect("kind");
        let mut fields = EntryFields::new(kind, "t", at);
        let window = patch.apply(&mut fields);
        assert_eq!(output.status.success(), window.is_ok(), "{kind:?} {flag}");
        if let Err(tripjournal::model::PatchError::NotForKind { field, .. }) = window {
            let err = stderr(&output);
            assert!(
                err.contains(&format!(
                    "--{} applies to {} only",
                    field.name(),
                    field.kinds_text()
                )),
                "{err}"
            );
        }
    }
}

#[test]
fn the_cli_refuses_times_a_journal_cannot_hold_and_the_trip_stays_readable() {
    use crate::util::{cli_fails, cli_ok};
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let trip = cli_ok(
        &journal,
        &["trip", "new", "--name", "K", "--tz", "Asia/Kolkata"],
    );
    let trip = trip.trim();
    for at in ["0000-01-01 00:00", "+10000-01-01 00:00"] {
        let error = cli_fails(
            &journal,
            &[
                "entry", "add", "--trip", trip, "--kind", "note", "--title", "x", "--at", at,
            ],
            2,
        );
        assert!(error.contains("1000 to 9999"), "{error}");
    }
    let error = cli_fails(
        &journal,
        &["trip", "new", "--name", "L", "--start", "0999-01-01"],
        2,
    );
    assert!(error.contains("1000 to 9999"), "{error}");
    cli_ok(&journal, &["entry", "list", "--trip", trip]);
    cli_ok(&journal, &["trip", "list", "--json"]);
}
