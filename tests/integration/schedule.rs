use chrono::{TimeZone, Utc};
use tripjournal::export::{ExportOptions, Layout, export_trip};
use tripjournal::model::{EntryContent, PostLanguage, ScheduleItem, TripId};
use tripjournal::model::{Talk, TalkTime};
use tripjournal::store::{ScheduleImport, SessionFromTalk, Store};

use crate::util::{TempJournal, cli_fails, cli_fails_on_cpu, cli_ok, cli_run, stderr};

/// A talk on 14 November 2018 (Berlin is UTC+1 then) from `hour`:`minute` local, 40 minutes.
pub(crate) fn talk(key: &str, title: &str, hour: u32, minute: u32, room: &str) -> Talk {
    let start = Utc
        .with_ymd_and_hms(2018, 11, 14, hour - 1, minute, 0)
        .single()
        .expect("valid time");
    Talk {
        key: key.to_string(),
        title: title.to_string(),
        subtitle: String::new(),
        time: TalkTime::Timed {
            start,
            end: start + chrono::Duration::minutes(40),
        },
        room: room.to_string(),
        track: "Ecosystem".to_string(),
        kind: "lecture".to_string(),
        speakers: vec!["Ana Lima".to_string(), "Wei Zhang".to_string()],
        url: Some(format!("https://summit.example/talks/{key}")),
        abstract_text: format!("What {title} is about."),
    }
}

fn item_by_key(store: &Store, trip: TripId, key: &str) -> ScheduleItem {
    store
        .schedule(trip)
        .expect("schedule")
        .into_iter()
        .find(|item| item.talk.key == key)
        .expect("the talk is there")
}

#[test]
fn a_newer_programme_updates_adds_and_cancels_talks_and_keeps_stars_and_sessions() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let first = [
        talk("a", "Keynote", 9, 0, "Hall 1"),
        talk("b", "Async Rust", 10, 0, "Room 2"),
        talk("c", "Embedded", 11, 0, "Room 3"),
    ];
    let summary = journal.store.import_schedule(trip, &first).expect("import");
    assert_eq!(
        summary,
        ScheduleImport {
            imported: 3,
            ..ScheduleImport::default()
        }
    );
    let b = item_by_key(&journal.store, trip, "b").id;
    journal.store.set_starred(b, true).expect("star");
    let made = journal
        .store
        .session_from_talk(b, |_, _| Ok::<(), tripjournal::store::StoreError>(()))
        .expect("session");
    let SessionFromTalk::Created(entry) = made else {
        panic!("the first time makes the session: {made:?}");
    };
    let again = journal
        .store
        .session_from_talk(b, |_, _| Ok::<(), tripjournal::store::StoreError>(()))
        .expect("session again");
    assert_eq!(
        again,
        SessionFromTalk::Existing(entry),
        "never a second session"
    );

    // The next version: b moved rooms, c was dropped, d is new.
    let second = [
        talk("a", "Keynote", 9, 0, "Hall 1"),
        talk("b", "Async Rust", 10, 0, "Hall 1"),
        talk("d", "WebAssembly", 12, 0, "Room 3"),
    ];
    let summary = journal.store.import_schedule(trip, &second).expect("again");
    assert_eq!(
        summary,
        ScheduleImport {
            imported: 1,
            updated: 1,
            cancelled: 1,
            unchanged: 1
        }
    );
    let moved = item_by_key(&journal.store, trip, "b");
    assert_eq!(moved.talk.room, "Hall 1");
    assert!(moved.starred && moved.entry == Some(entry) && !moved.cancelled);
    assert!(item_by_key(&journal.store, trip, "c").cancelled);
    let titles: Vec<String> = journal
        .store
        .schedule(trip)
        .expect("schedule")
        .into_iter()
        .map(|item| item.talk.title)
        .collect();
    assert_eq!(titles, ["Keynote", "Async Rust", "Embedded", "WebAssembly"]);

    // The same file again changes nothing; a dropped talk that comes back is no longer cancelled.
    let summary = journal.store.import_schedule(trip, &second).expect("same");
    assert_eq!((summary.unchanged, summary.cancelled), (3, 0));
    let summary = journal.store.import_schedule(trip, &first).expect("back");
    assert_eq!((summary.updated, summary.cancelled), (2, 1));
    assert!(!item_by_key(&journal.store, trip, "c").cancelled);
}

#[test]
fn a_session_from_a_talk_is_filled_from_it_and_the_post_links_its_page() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let talks = [
        talk("k", "Keynote", 9, 0, "Hall 1"),
        talk("r", "Rust in Production", 14, 20, "Room 2"),
        talk("u", "Unattended", 16, 0, "Room 3"),
    ];
    journal.store.import_schedule(trip, &talks).expect("import");
    for key in ["k", "r"] {
        let id = item_by_key(&journal.store, trip, key).id;
        journal.store.set_starred(id, true).expect("star");
        journal
            .store
            .session_from_talk(id, |_, _| Ok::<(), tripjournal::store::StoreError>(()))
            .expect("session");
    }
    // Starred without notes, and notes without a star: neither is listed as attended.
    journal
        .store
        .set_starred(item_by_key(&journal.store, trip, "u").id, true)
        .expect("star");
    let entries = journal.store.entries(trip).expect("entries");
    let session = entries
        .iter()
        .find(|e| e.fields.title == "Rust in Production")
        .expect("the session");
    let EntryContent::Session(fields) = &session.fields.content else {
        panic!("a session");
    };
    assert_eq!(fields.room, "Room 2");
    assert_eq!(fields.speakers, ["Ana Lima", "Wei Zhang"]);
    assert_eq!(fields.duration_min, Some(40));
    assert_eq!(
        session.fields.at,
        Utc.with_ymd_and_hms(2018, 11, 14, 13, 20, 0).unwrap()
    );

    let out = tempfile::tempdir().expect("temp dir");
    let mut options = ExportOptions::new(out.path(), Layout::Plain);
    let report = export_trip(&journal.store, trip, &options).expect("export");
    let post = std::fs::read_to_string(&report.post).expect("post");
    assert!(
        post.contains(
            "- **Talk page:** [https://summit.example/talks/r](<https://summit.example/talks/r>)"
        ),
        "{post}"
    );
    assert!(!post.contains("Talks I attended"), "only when asked");

    options.talks_attended = true;
    options.language = Some(PostLanguage::Chinese);
    options.force = true;
    let report = export_trip(&journal.store, trip, &options).expect("export");
    let post = std::fs::read_to_string(&report.post).expect("post");
    let list = post
        .split("## 我听过的演讲")
        .nth(1)
        .expect("the list, headed in the post's language");
    let rows: Vec<&str> = list.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(rows.len(), 2, "{list}");
    assert!(
        rows[0].starts_with("- [Keynote](<https://summit.example/talks/k>) — Ana Lima, Wei Zhang")
    );
    assert!(rows[1].contains("Rust in Production") && rows[1].contains("Room 2"));
    assert!(!list.contains("Unattended"));

    // Marks: "u" to watch later, "k"'s session aside, a talk marked attended without notes.
    let unattended = item_by_key(&journal.store, trip, "u").id;
    let marks = tripjournal::model::TalkMarks {
        watch_later: true,
        attended: true,
        ..Default::default()
    };
    journal
        .store
        .set_talk_marks(unattended, marks)
        .expect("marks");
    options.to_watch = true;
    let report = export_trip(&journal.store, trip, &options).expect("export");
    let post = std::fs::read_to_string(&report.post).expect("post");
    let (attended, to_watch) = post
        .split("## 我听过的演讲")
        .nth(1)
        .and_then(|rest| rest.split_once("## 待看的录像"))
        .expect("both lists, in this order");
    let rows = |list: &str| list.lines().filter(|l| l.starts_with("- ")).count();
    assert_eq!(rows(attended), 3, "{attended}");
    assert_eq!(rows(to_watch), 1, "{to_watch}");
    assert!(to_watch.contains("Unattended"), "{to_watch}");
}

#[test]
fn the_command_line_lists_stars_and_makes_sessions_from_the_programme() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let mut all_day = talk("reg", "Registration open", 8, 0, "Foyer");
    all_day.time = TalkTime::AllDay {
        first: chrono::NaiveDate::from_ymd_opt(2018, 11, 14).unwrap(),
        last: chrono::NaiveDate::from_ymd_opt(2018, 11, 15).unwrap(),
    };
    let mut next_day = talk("z", "Closing", 17, 0, "Hall 1");
    next_day.time = TalkTime::Timed {
        start: Utc.with_ymd_and_hms(2018, 11, 15, 16, 0, 0).unwrap(),
        end: Utc.with_ymd_and_hms(2018, 11, 15, 16, 30, 0).unwrap(),
    };
    let talks = [
        talk("r", "Rust in Production", 14, 20, "Room 2"),
        all_day,
        next_day,
    ];
    journal.store.import_schedule(trip, &talks).expect("import");
    let path = journal.path();
    let id_of = |key: &str| item_by_key(&journal.store, trip, key).id.0.to_string();

    let listed = cli_ok(&path, &["schedule", "list", "--trip", "1"]);
    let rows: Vec<&str> = listed.lines().collect();
    assert_eq!(rows.len(), 3, "{listed}");
    assert!(rows[0].contains("2018-11-14 all day") && rows[0].ends_with("Registration open"));
    assert!(rows[1].contains("2018-11-14 14:20\t2018-11-14 15:00\tRoom 2\tEcosystem"));
    let day = cli_ok(
        &path,
        &["schedule", "list", "--trip", "1", "--day", "2018-11-15"],
    );
    assert_eq!(
        day.lines().count(),
        2,
        "the all-day item and the closing talk: {day}"
    );

    cli_ok(&path, &["schedule", "star", &id_of("r")]);
    let json: serde_json::Value = serde_json::from_str(&cli_ok(
        &path,
        &["schedule", "list", "--trip", "1", "--starred", "--json"],
    ))
    .expect("JSON");
    let items = json.as_array().expect("a list");
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item["title"], "Rust in Production");
    assert_eq!(item["start"], "2018-11-14T14:20:00+01:00");
    assert_eq!(item["end"], "2018-11-14T15:00:00+01:00");
    assert_eq!(item["all_day"], false);
    assert_eq!(
        item["speakers"],
        serde_json::json!(["Ana Lima", "Wei Zhang"])
    );
    assert_eq!(item["url"], "https://summit.example/talks/r");
    assert_eq!(item["starred"], true);
    assert_eq!(item["cancelled"], false);
    assert_eq!(item["entry_id"], serde_json::Value::Null);
    for key in ["id", "subtitle", "room", "track", "abstract"] {
        assert!(item.get(key).is_some(), "{key} missing: {item}");
    }

    let entry = cli_ok(
        &path,
        &[
            "entry",
            "add",
            "--trip",
            "1",
            "--from-schedule",
            &id_of("r"),
            "--room",
            "Hall 1",
        ],
    );
    let again = cli_run(
        &path,
        &[
            "entry",
            "add",
            "--trip",
            "1",
            "--from-schedule",
            &id_of("r"),
        ],
    );
    assert_eq!(
        crate::util::stdout(&again),
        entry,
        "the same entry, not a second"
    );
    assert!(
        stderr(&again).contains("already has entry"),
        "{}",
        stderr(&again)
    );
    let shown: serde_json::Value =
        serde_json::from_str(&cli_ok(&path, &["entry", "list", "--trip", "1", "--json"]))
            .expect("JSON");
    assert_eq!(shown.as_array().map(Vec::len), Some(1));
    assert_eq!(shown[0]["title"], "Rust in Production");
    assert_eq!(
        shown[0]["session"]["room"], "Hall 1",
        "the flag wins over the programme"
    );
    assert_eq!(shown[0]["session"]["duration_min"], 40);
    cli_ok(&path, &["schedule", "unstar", &id_of("r")]);
    assert_eq!(
        cli_ok(&path, &["schedule", "list", "--trip", "1", "--starred"]),
        ""
    );
    cli_fails(&path, &["schedule", "star", "999"], 2);
    cli_fails(
        &path,
        &["entry", "add", "--trip", "1", "--from-schedule", "999"],
        2,
    );
}

#[test]
fn a_trip_is_made_from_a_programme_file_and_a_newer_file_updates_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let file = crate::util::fixture("schedules/pretalx.xml");
    let made = cli_ok(
        &journal,
        &["trip", "new", "--schedule", &file.to_string_lossy()],
    );
    assert_eq!(made, "1\nimported 5, updated 0, cancelled 0, skipped 0\n");
    let shown = cli_ok(&journal, &["trip", "show", "1"]);
    assert!(
        shown.starts_with("RustFest Zürich 2024 & Friends (trip 1)"),
        "{shown}"
    );
    assert!(
        shown.contains("dates:     2024-11-07 – 2024-11-08"),
        "{shown}"
    );
    assert!(shown.contains("time zone: Europe/Zurich"), "{shown}");
    assert!(shown.contains("place:     Zürich"), "{shown}");

    // A newer version: one talk moved to another room, another dropped.
    let text = std::fs::read_to_string(&file).expect("fixture");
    let start = text
        .find("<event guid=\"c0ffee00-0000-4000-8000-000000000004\"")
        .expect("event 4");
    let end = start + text[start..].find("</event>").expect("its end") + "</event>".len();
    let newer = format!("{}{}", &text[..start], &text[end..]).replacen(
        "<room>Workshop-Raum</room>",
        "<room>Saal 2</room>",
        1,
    );
    let newer_file = dir.path().join("schedule-v2.xml");
    std::fs::write(&newer_file, newer).expect("writes");
    let again = cli_ok(
        &journal,
        &[
            "schedule",
            "import",
            "--trip",
            "1",
            &newer_file.to_string_lossy(),
        ],
    );
    assert_eq!(again, "imported 0, updated 1, cancelled 1, skipped 0\n");
    let listed = cli_ok(&journal, &["schedule", "list", "--trip", "1"]);
    assert!(
        listed.contains("\tSaal 2\tWorkshops\t\tEmbedded Rust"),
        "{listed}"
    );
    assert_eq!(listed.matches("\tcancelled\t").count(), 1, "{listed}");
}

#[test]
fn skipped_events_are_named_and_bad_programme_files_are_refused_in_one_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Camp"]);
    let messy = crate::util::fixture("schedules/messy.ics");
    let output = cli_run(
        &journal,
        &[
            "schedule",
            "import",
            "--trip",
            "1",
            &messy.to_string_lossy(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = crate::util::stdout(&output);
    let skipped_count: usize = summary
        .trim()
        .rsplit("skipped ")
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    assert!(skipped_count > 0, "{summary}");
    let reasons = stderr(&output);
    assert_eq!(reasons.lines().count(), skipped_count, "{reasons}");
    assert!(
        reasons.lines().all(|line| line.starts_with("skipped ")),
        "{reasons}"
    );

    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a programme").expect("writes");
    let huge = dir.path().join("huge.ics");
    std::fs::File::create(&huge)
        .and_then(|f| f.set_len(50 * 1024 * 1024))
        .expect("a sparse 50 MB file");
    let laughs = dir.path().join("laughs.xml");
    let mut entities = String::from("<!ENTITY lol0 \"lol\">\n");
    for level in 1..10 {
        let previous = format!("&lol{};", level - 1).repeat(10);
        entities.push_str(&format!("<!ENTITY lol{level} \"{previous}\">\n"));
    }
    std::fs::write(
        &laughs,
        format!("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n{entities}]>\n<schedule><conference><title>&lol9;</title></conference></schedule>"),
    )
    .expect("writes");
    for (file, says) in [
        (notes.as_path(), "not a conference programme"),
        (huge.as_path(), "larger than"),
        (laughs.as_path(), "programme"),
        (dir.path(), "regular file"),
        (dir.path().join("missing.ics").as_path(), "cannot read"),
    ] {
        let (error, took) = cli_fails_on_cpu(
            &journal,
            &["schedule", "import", "--trip", "1", &file.to_string_lossy()],
            2,
        );
        assert!(error.contains(says), "{}: {error}", file.display());
        // CPU time: a loaded machine keeping the command waiting does not count.
        assert!(
            took < std::time::Duration::from_secs(10),
            "{}: took {took:?} of CPU",
            file.display()
        );
    }
    // The refused files changed nothing: the trip holds what the messy file brought.
    let imported: usize = summary
        .trim_start_matches("imported ")
        .split(',')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a count");
    let listed = cli_ok(&journal, &["schedule", "list", "--trip", "1"]);
    assert_eq!(listed.lines().count(), imported, "{listed}");
}

/// A December frab programme that gives only `+01:00` offsets: no zone name, no city.
const OFFSETS_ONLY_FRAB: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Winter Congress</title><start>2019-12-27</start><end>2019-12-28</end></conference>
  <day index="1" date="2019-12-27" start="2019-12-27T10:00:00+01:00" end="2019-12-28T04:00:00+01:00">
    <room name="Saal 1">
      <event guid="e1"><date>2019-12-27T11:00:00+01:00</date><start>11:00</start>
        <duration>00:30</duration><room>Saal 1</room><title>Opening</title></event>
      <event guid="e2"><date>2019-12-28T01:30:00+01:00</date><start>01:30</start>
        <duration>00:30</duration><room>Saal 1</room><title>Late night</title></event>
    </room>
  </day>
</schedule>
"#;

#[test]
fn a_programme_with_only_utc_offsets_gets_a_zone_keeping_them_and_says_it_is_a_guess() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("schedule.xml");
    std::fs::write(&file, OFFSETS_ONLY_FRAB).expect("writes");
    let file = file.to_string_lossy().into_owned();
    // On a computer in New York nothing agrees with +01:00 but a fixed offset.
    let journal = dir.path().join("new-york.sqlite");
    let output = crate::util::cli_command(&journal, &["trip", "new", "--schedule", &file])
        .env("TZ", "America/New_York")
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    let note = crate::util::stderr(&output);
    assert!(
        note.contains("Etc/GMT-1") && note.contains("+01:00") && note.contains("--tz"),
        "{note}"
    );
    let shown = cli_ok(&journal, &["trip", "show", "1"]);
    assert!(shown.contains("time zone: Etc/GMT-1"), "{shown}");
    // The talks show at the programme's printed times, not an hour earlier (UTC).
    let listed = cli_ok(&journal, &["schedule", "list", "--trip", "1"]);
    assert!(listed.contains("2019-12-27 11:00"), "{listed}");
    assert!(listed.contains("2019-12-28 01:30"), "{listed}");
    // On a computer in Berlin, its zone agrees and is taken without a note.
    let journal = dir.path().join("berlin.sqlite");
    let output = crate::util::cli_command(&journal, &["trip", "new", "--schedule", &file])
        .env("TZ", "Europe/Berlin")
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(crate::util::stderr(&output), "");
    let shown = cli_ok(&journal, &["trip", "show", "1"]);
    assert!(shown.contains("time zone: Europe/Berlin"), "{shown}");
}
