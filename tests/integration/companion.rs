//! A conference companion through the CLI, as a script uses it: starred talks that clash,
//! what a newer programme changed for the user, and the plan as a calendar file that reads
//! back, validates with Python's icalendar library and re-exports byte for byte.

use std::path::Path;

use tripjournal::schedule::read_schedule_file;

use crate::util::{TempJournal, cli_fails, cli_ok, cli_run, present_or_skipped, stderr};

/// One event of a programme file: UID, title, local Berlin start and end on 14 November 2018
/// ("10:00"), room and track.
type Event<'a> = (&'a str, &'a str, &'a str, &'a str, &'a str, &'a str);

/// An iCalendar programme as conference sites write it, times in Europe/Berlin.
fn programme(events: &[Event<'_>]) -> String {
    let mut text = String::from(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//programme//EN\r\nX-WR-CALNAME:Summit\r\n",
    );
    for (uid, title, start, end, room, track) in events {
        let time = |hm: &str| format!("20181114T{}00", hm.replace(':', ""));
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20181101T000000Z\r\n\
             DTSTART;TZID=Europe/Berlin:{}\r\nDTEND;TZID=Europe/Berlin:{}\r\n\
             SUMMARY:{title}\r\nLOCATION:{room}\r\nCATEGORIES:{track}\r\nEND:VEVENT\r\n",
            time(start),
            time(end)
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

/// A journal with the Berlin trip (id 1) and `events` imported through the CLI.
fn journal_with(events: &[Event<'_>]) -> TempJournal {
    let journal = TempJournal::new();
    journal.berlin_trip();
    import(&journal, "v1.ics", events);
    journal
}

/// Imports `events` as the file `name`; returns what the CLI printed.
fn import(journal: &TempJournal, name: &str, events: &[Event<'_>]) -> String {
    let file = journal.dir.path().join(name);
    std::fs::write(&file, programme(events)).expect("programme");
    let file = file.to_string_lossy().into_owned();
    cli_ok(
        &journal.path(),
        &["schedule", "import", "--trip", "1", &file],
    )
}

/// The id of the talk titled `title`.
fn id_of(journal: &TempJournal, title: &str) -> String {
    let listed = cli_ok(
        &journal.path(),
        &["schedule", "list", "--trip", "1", "--json"],
    );
    let items: serde_json::Value = serde_json::from_str(&listed).expect("json");
    let item = (items.as_array().expect("array").iter())
        .find(|item| item["title"] == title)
        .unwrap_or_else(|| panic!("no {title} in {listed}"));
    item["id"].to_string()
}

fn star(journal: &TempJournal, titles: &[&str]) {
    for title in titles {
        cli_ok(
            &journal.path(),
            &["schedule", "star", &id_of(journal, title)],
        );
    }
}

/// Each talk's `clashes_with` from `schedule list --json`, by title, the clashing talks by
/// title too.
fn clash_lists(journal: &TempJournal) -> Vec<(String, Vec<String>)> {
    let listed = cli_ok(
        &journal.path(),
        &["schedule", "list", "--trip", "1", "--json"],
    );
    let items: serde_json::Value = serde_json::from_str(&listed).expect("json");
    let items = items.as_array().expect("array");
    let title_of = |id: &serde_json::Value| {
        let item = items.iter().find(|item| item["id"] == *id).expect("listed");
        item["title"].as_str().expect("title").to_string()
    };
    (items.iter())
        .map(|item| {
            let with = item["clashes_with"].as_array().expect("clashes_with");
            let title = item["title"].as_str().expect("title").to_string();
            (title, with.iter().map(title_of).collect())
        })
        .collect()
}

const DAY: [Event<'static>; 5] = [
    ("a@summit", "Alpha", "10:00", "11:00", "Hall 1", "Cloud"),
    ("b@summit", "Beta", "10:30", "11:30", "Room 2", "Rust"),
    ("c@summit", "Gamma", "10:45", "11:15", "Room 3", "Rust"),
    ("d@summit", "Delta", "11:30", "12:00", "Room 2", "Rust"),
    ("e@summit", "Epsilon", "10:00", "10:50", "Room 4", "Go"),
];

#[test]
fn three_overlapping_starred_talks_list_their_clash_pairs_exactly() {
    let journal = journal_with(&DAY);
    // Delta starts when Beta ends: no clash. Epsilon overlaps but is not starred.
    star(&journal, &["Alpha", "Beta", "Gamma", "Delta"]);
    let owned = |titles: &[&str]| titles.iter().map(ToString::to_string).collect::<Vec<_>>();
    let expected = |pairs: &[(&str, &[&str])]| {
        (pairs.iter())
            .map(|(title, with)| (title.to_string(), owned(with)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        clash_lists(&journal),
        expected(&[
            ("Alpha", &["Beta", "Gamma"]),
            ("Epsilon", &[]),
            ("Beta", &["Alpha", "Gamma"]),
            ("Gamma", &["Alpha", "Beta"]),
            ("Delta", &[]),
        ])
    );
    // "Maybe" keeps Gamma starred and listed, out of the plan and its clashes.
    let gamma = id_of(&journal, "Gamma");
    cli_ok(
        &journal.path(),
        &["schedule", "mark", &gamma, "--maybe", "true"],
    );
    assert_eq!(
        clash_lists(&journal),
        expected(&[
            ("Alpha", &["Beta"]),
            ("Epsilon", &[]),
            ("Beta", &["Alpha"]),
            ("Gamma", &[]),
            ("Delta", &[]),
        ])
    );
    let plain = cli_ok(&journal.path(), &["schedule", "list", "--trip", "1"]);
    let alpha_row = plain.lines().find(|l| l.ends_with("Alpha")).expect("Alpha");
    assert!(alpha_row.contains("★,clash"), "{alpha_row}");
    let gamma_row = plain.lines().find(|l| l.ends_with("Gamma")).expect("Gamma");
    assert!(
        gamma_row.contains("★,maybe") && !gamma_row.contains("clash"),
        "{gamma_row}"
    );
}

#[test]
fn a_newer_programme_prints_exactly_the_starred_talks_moved_and_cancelled() {
    let journal = journal_with(&DAY);
    star(&journal, &["Alpha", "Beta"]);
    let (alpha, beta) = (id_of(&journal, "Alpha"), id_of(&journal, "Beta"));
    // Alpha moves (time and room), Beta is dropped, Gamma (not starred) moves too.
    let newer = [
        ("a@summit", "Alpha", "14:00", "15:00", "Room 9", "Cloud"),
        ("c@summit", "Gamma", "16:00", "16:30", "Room 3", "Rust"),
        DAY[3],
        DAY[4],
    ];
    let printed = import(&journal, "v2.ics", &newer);
    let lines: Vec<&str> = printed.lines().collect();
    assert_eq!(
        lines,
        [
            "imported 0, updated 2, cancelled 1, skipped 0",
            &format!("moved {alpha} \"Alpha\": Wed 10:00 Hall 1 → Wed 14:00 Room 9"),
            &format!("cancelled {beta} \"Beta\": Wed 10:30 Room 2"),
        ]
    );
    // Stored: a later look shows the last import's changes.
    let later = cli_ok(&journal.path(), &["schedule", "changes", "--trip", "1"]);
    assert_eq!(later.lines().collect::<Vec<_>>(), lines[1..]);
    // The same programme again changes nothing for the user.
    let again = import(&journal, "v3.ics", &newer);
    assert_eq!(
        again.trim(),
        "imported 0, updated 0, cancelled 0, skipped 0"
    );
}

#[test]
fn a_new_talk_in_a_starred_track_is_named_and_others_are_not() {
    let journal = journal_with(&DAY);
    star(&journal, &["Beta"]);
    let mut newer = DAY.to_vec();
    newer.push(("f@summit", "Zeta", "15:00", "15:30", "Room 2", "Rust"));
    newer.push(("g@summit", "Eta", "15:00", "15:30", "Room 4", "Go"));
    let printed = import(&journal, "v2.ics", &newer);
    let zeta = id_of(&journal, "Zeta");
    assert_eq!(
        printed.lines().skip(1).collect::<Vec<_>>(),
        [format!("new {zeta} \"Zeta\": Wed 15:00 Room 2")]
    );
}

/// The plan's calendar as `schedule export` writes it.
fn export_plan(journal: &TempJournal, name: &str) -> (std::path::PathBuf, Vec<u8>) {
    let file = journal.dir.path().join(name);
    let printed = cli_ok(
        &journal.path(),
        &[
            "schedule",
            "export",
            "--trip",
            "1",
            "--starred",
            "--out",
            &file.to_string_lossy(),
        ],
    );
    assert!(printed.starts_with("wrote "), "{printed}");
    let bytes = std::fs::read(&file).expect("plan.ics");
    (file, bytes)
}

#[test]
fn the_plan_calendar_reads_back_with_the_same_talks_and_re_exports_byte_for_byte() {
    let journal = journal_with(&DAY);
    star(&journal, &["Alpha", "Beta", "Delta"]);
    let gamma = id_of(&journal, "Gamma");
    cli_ok(&journal.path(), &["schedule", "star", &gamma]);
    cli_ok(
        &journal.path(),
        &["schedule", "mark", &gamma, "--maybe", "true"],
    );
    let (file, first) = export_plan(&journal, "plan.ics");
    let (_, second) = export_plan(&journal, "plan.ics");
    assert_eq!(first, second, "re-export is byte-stable");

    let read = read_schedule_file(&file, chrono_tz::Europe::Berlin).expect("reads back");
    assert!(read.skipped.is_empty(), "{:?}", read.skipped);
    let stored = journal
        .store
        .schedule(tripjournal::model::TripId(1))
        .expect("schedule");
    let plan: Vec<_> = (stored.iter())
        .filter(|item| item.starred && !item.marks.maybe)
        .collect();
    assert_eq!(read.talks.len(), 3);
    for (back, item) in read.talks.iter().zip(&plan) {
        assert_eq!(back.key, item.talk.key);
        assert_eq!(back.time, item.talk.time);
        assert_eq!(back.title, item.talk.title);
        assert_eq!(back.room, item.talk.room);
    }
    let text = String::from_utf8(first).expect("utf-8");
    assert!(
        text.contains("SEQUENCE:0\r\n") && !text.contains("Gamma"),
        "{text}"
    );
    validated_by_python_icalendar(&file, 3);

    // Alpha moves: the next export updates its event (same UID, next SEQUENCE), and Beta,
    // dropped by the programme, is sent as cancelled.
    let newer = [
        ("a@summit", "Alpha", "14:00", "15:00", "Room 9", "Cloud"),
        DAY[2],
        DAY[3],
        DAY[4],
    ];
    import(&journal, "v2.ics", &newer);
    let (file, moved) = export_plan(&journal, "plan.ics");
    let moved = String::from_utf8(moved).expect("utf-8");
    let alpha = event_of(&moved, "a@summit");
    assert!(
        alpha.contains("SEQUENCE:1") && alpha.contains("DTSTART:20181114T130000Z"),
        "{alpha}"
    );
    assert!(
        event_of(&moved, "b@summit").contains("STATUS:CANCELLED"),
        "{moved}"
    );
    validated_by_python_icalendar(&file, 3);
}

/// The VEVENT of `uid` in a calendar's text.
fn event_of<'a>(calendar: &'a str, uid: &str) -> &'a str {
    calendar
        .split("BEGIN:VEVENT")
        .find(|event| event.contains(&format!("UID:{uid}\r\n")))
        .unwrap_or_else(|| panic!("no {uid} in {calendar}"))
}

/// Python's icalendar library parses the file, finds `events` VEVENTs, each with a UID,
/// DTSTAMP and DTSTART (what RFC 5545 requires of them), and writes the same events back.
fn validated_by_python_icalendar(file: &Path, events: usize) {
    // Debian's python3-icalendar is for Debian's own Python (a pyenv's may come first on PATH).
    let python = ["/usr/bin/python3", "python3"].into_iter().find(|python| {
        std::process::Command::new(python)
            .args(["-c", "import icalendar"])
            .status()
            .is_ok_and(|status| status.success())
    });
    if !present_or_skipped(python.is_some(), "python3-icalendar") {
        return;
    }
    let python = python.unwrap_or("python3");
    let script = r#"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal.get('VERSION') == '2.0' and cal.get('PRODID'), 'calendar header'
events = cal.walk('VEVENT')
for event in events:
    for name in ('UID', 'DTSTAMP', 'DTSTART', 'SUMMARY'):
        assert event.get(name) is not None, name + ' missing in ' + str(event.get('UID'))
again = icalendar.Calendar.from_ical(cal.to_ical())
assert len(again.walk('VEVENT')) == len(events)
print(len(events))
"#;
    let output = std::process::Command::new(python)
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "icalendar refused the plan: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(stdout.trim(), events.to_string());
}

#[test]
fn a_plan_written_to_a_folder_or_without_starred_is_refused_in_one_line() {
    let journal = journal_with(&DAY);
    let folder = journal.dir.path().to_string_lossy().into_owned();
    let error = cli_fails(
        &journal.path(),
        &[
            "schedule",
            "export",
            "--trip",
            "1",
            "--starred",
            "--out",
            &folder,
        ],
        2,
    );
    assert!(error.contains("is a folder"), "{error}");
    let missing = cli_run(
        &journal.path(),
        &["schedule", "export", "--trip", "1", "--out", "plan.ics"],
    );
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("--starred"),
        "{}",
        stderr(&missing)
    );
}
