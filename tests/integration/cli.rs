use std::process::Command;

use serde_json::Value;

use crate::util::{cli_fails as fails, cli_ok as ok, cli_run as run, fixture, stderr, stdout};

#[test]
fn readme_example_runs_end_to_end() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let j = journal.as_path();
    let trip = ok(
        j,
        &[
            "trip",
            "new",
            "--name",
            "Berlin Summit 2018",
            "--city",
            "Berlin",
            "--country",
            "Germany",
            "--start",
            "2018-11-13",
            "--end",
            "2018-11-15",
            "--tz",
            "Europe/Berlin",
            "--author",
            "WingWJ",
        ],
    );
    let trip = trip.trim();
    assert!(
        trip.parse::<i64>().is_ok(),
        "trip new prints the id alone: {trip:?}"
    );

    let talk = ok(
        j,
        &[
            "entry",
            "add",
            "--trip",
            trip,
            "--kind",
            "session",
            "--title",
            "A Better VM HA Solution",
            "--at",
            "2018-11-14 16:20",
            "--speakers",
            "WingWJ, Colleague",
            "--role",
            "speaker",
            "--duration-min",
            "40",
            "--section",
            "二、我在峰会",
            "--rating",
            "4.5",
        ],
    );
    let talk = talk.trim();
    let knuckle = ok(
        j,
        &[
            "entry",
            "add",
            "--trip",
            "Berlin Summit 2018",
            "--kind",
            "rating",
            "--title",
            "柏林肘子",
            "--dish",
            "Schweinshaxe",
            "--category",
            "Schweinshaxe",
            "--venue",
            "Brauhaus",
            "--price",
            "18.90",
            "--currency",
            "EUR",
            "--rating",
            "5",
            "--source",
            "4.6 on a review site",
            "--at",
            "2018-11-15 19:30",
        ],
    );
    let knuckle = knuckle.trim();

    let added = ok(
        j,
        &[
            "photo",
            "add",
            "--trip",
            trip,
            "--entry",
            talk,
            "--caption",
            "On stage",
            fixture("orient6_gps.jpg").to_str().expect("utf-8"),
            fixture("plain.jpg").to_str().expect("utf-8"),
        ],
    );
    let lines: Vec<&str> = added.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines[0].starts_with("imported ") && lines[0].ends_with("orient6_gps.jpg"),
        "{added}"
    );

    let entries: Value =
        serde_json::from_str(&ok(j, &["entry", "list", "--trip", trip, "--json"])).expect("JSON");
    let entries = entries.as_array().expect("array");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["kind"], "session");
    assert_eq!(entries[0]["local_time"], "2018-11-14 16:20");
    assert_eq!(
        entries[0]["at"], "2018-11-14T15:20:00Z",
        "--at is trip-local (Berlin, UTC+1)"
    );
    assert_eq!(entries[0]["rating"], 4.5);
    assert_eq!(entries[0]["photo_count"], 2);
    assert_eq!(entries[0]["session"]["speakers"][1], "Colleague");
    assert_eq!(entries[0]["session"]["role"], "speaker");
    assert_eq!(entries[0]["section"], "二、我在峰会");
    assert_eq!(entries[1]["food_rating"]["price"]["minor_units"], 1890);
    assert_eq!(entries[1]["food_rating"]["source"], "4.6 on a review site");

    ok(
        j,
        &["entry", "edit", knuckle, "--rating", "4", "--title", "Haxe"],
    );
    let entries: Value =
        serde_json::from_str(&ok(j, &["entry", "list", "--trip", trip, "--json"])).expect("JSON");
    assert_eq!(entries[1]["rating"], 4.0);
    assert_eq!(entries[1]["title"], "Haxe");
    assert_eq!(
        entries[1]["food_rating"]["dish"], "Schweinshaxe",
        "unchanged fields stay"
    );

    let photos: Value =
        serde_json::from_str(&ok(j, &["photo", "list", "--trip", trip, "--json"])).expect("JSON");
    assert_eq!(photos[0]["width"], 120);
    assert_eq!(photos[0]["height"], 160);
    assert_eq!(photos[0]["taken_at"], "2018-11-13T16:20:05+01:00");
    assert_eq!(photos[0]["caption"], "On stage");

    let trip_json: Value =
        serde_json::from_str(&ok(j, &["trip", "show", trip, "--json"])).expect("JSON");
    assert_eq!(trip_json["time_zone"], "Europe/Berlin");
    assert_eq!(trip_json["entry_count"], 2);
    assert_eq!(trip_json["photo_count"], 2);
    let trips: Value = serde_json::from_str(&ok(j, &["trip", "list", "--json"])).expect("JSON");
    assert_eq!(trips[0]["name"], "Berlin Summit 2018");

    ok(j, &["entry", "delete", talk]);
    let photos: Value =
        serde_json::from_str(&ok(j, &["photo", "list", "--trip", trip, "--json"])).expect("JSON");
    assert_eq!(
        photos.as_array().map(Vec::len),
        Some(2),
        "photos stay in the trip"
    );
    assert!(photos[0]["entry_id"].is_null());

    assert_eq!(ok(j, &["check"]).trim(), "ok");
    let backup = dir.path().join("backup.sqlite");
    ok(j, &["backup", backup.to_str().expect("utf-8")]);
    assert!(backup.exists());
    fails(j, &["backup", backup.to_str().expect("utf-8")], 2);
}

#[test]
fn photo_add_reports_every_file_and_exits_1_on_failures() {
    let dir = tempfile::tempdir().expect("temp dir");
    let j = dir.path().join("j.sqlite");
    let trip = ok(&j, &["trip", "new", "--name", "T"]);
    let good = fixture("plain.jpg");
    let bad = fixture("text.jpg");
    let output = run(
        &j,
        &[
            "photo",
            "add",
            "--trip",
            trip.trim(),
            good.to_str().expect("utf-8"),
            bad.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("imported "), "{text}");
    assert!(
        lines[1].starts_with(&format!("failed {}: ", bad.display())),
        "{text}"
    );

    let again = run(
        &j,
        &[
            "photo",
            "add",
            "--trip",
            trip.trim(),
            good.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(again.status.code(), Some(0), "a duplicate is not a failure");
    assert!(stdout(&again).starts_with("duplicate "));
}

#[test]
fn bad_input_is_one_error_line_with_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let j = dir.path().join("j.sqlite");
    let trip = ok(&j, &["trip", "new", "--name", "T", "--tz", "Europe/Berlin"]);
    let trip = trip.trim();
    fails(
        &j,
        &["trip", "new", "--name", "X", "--tz", "Mars/Olympus"],
        2,
    );
    fails(
        &j,
        &["trip", "new", "--name", "X", "--start", "2018-13-01"],
        2,
    );
    fails(&j, &["trip", "show", "999"], 2);
    fails(&j, &["trip", "show", "no such trip"], 2);
    // Entries with one bad kind, value or combination each (kind first, then more flags).
    let bad_entries: [&[&str]; 9] = [
        &["party"],
        &["meal", "--rating", "4.3"],
        &["meal", "--price", "abc", "--currency", "EUR"],
        &["meal", "--price", "3"],
        &["note", "--rating", "4"],
        &["note", "--speakers", "A"],
        &["session", "--at", "yesterday"],
        // 02:30 on the last Sunday of March 2018 does not exist in Berlin.
        &["note", "--at", "2018-03-25 02:30"],
        &["session", "--duration-min", "-5"],
    ];
    for bad in bad_entries {
        let mut args = vec!["entry", "add", "--trip", trip, "--title", "x", "--kind"];
        args.extend_from_slice(bad);
        fails(&j, &args, 2);
    }
    fails(&j, &["entry", "edit", "12345", "--title", "x"], 2);
    fails(&j, &["--no-such-flag"], 2);
    fails(&j, &["entry", "add", "--trip", trip], 2);
}

#[test]
fn unusable_journals_fail_with_one_line_and_exit_1() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "just text\n").expect("write");
    let err = fails(&text, &["trip", "list"], 1);
    assert!(err.contains("not a tripjournal journal"), "{err}");

    let future = dir.path().join("future.sqlite");
    ok(&future, &["trip", "list"]);
    {
        let conn = rusqlite::Connection::open(&future).expect("sqlite");
        conn.pragma_update(None, "user_version", 999).expect("bump");
    }
    let err = fails(&future, &["trip", "list"], 1);
    assert!(err.contains("999"), "{err}");
}

#[test]
fn the_journal_can_come_from_the_environment() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("from-env.sqlite");
    let output = Command::new(env!("CARGO_BIN_EXE_tripjournal"))
        .args(["trip", "new", "--name", "Env"])
        .env("TRIPJOURNAL_JOURNAL", &journal)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        journal.exists(),
        "TRIPJOURNAL_JOURNAL names the journal file"
    );
}

#[test]
fn demo_creates_a_full_trip() {
    let dir = tempfile::tempdir().expect("temp dir");
    let j = dir.path().join("demo.sqlite");
    let trip = ok(&j, &["demo"]);
    let trip = trip.trim();
    assert!(
        trip.parse::<i64>().is_ok(),
        "demo prints the new trip id: {trip:?}"
    );
    let entries: Value =
        serde_json::from_str(&ok(&j, &["entry", "list", "--trip", trip, "--json"])).expect("JSON");
    let entries = entries.as_array().expect("array");
    let kinds: Vec<&str> = entries.iter().filter_map(|e| e["kind"].as_str()).collect();
    for kind in ["session", "meal", "rating", "note"] {
        assert!(kinds.contains(&kind), "the demo has a {kind}");
    }
    assert!(
        entries.iter().any(|e| e["session"]["role"] == "speaker"),
        "one talk is given by the user"
    );
    assert!(
        entries
            .iter()
            .any(|e| e["food_rating"]["category"] == "Schweinshaxe")
    );
    assert!(
        entries
            .iter()
            .any(|e| e["title"].as_str().is_some_and(|t| t.contains("柏林")))
    );
    let photos: Value =
        serde_json::from_str(&ok(&j, &["photo", "list", "--trip", trip, "--json"])).expect("JSON");
    assert!(photos.as_array().map_or(0, Vec::len) >= 4);
    assert!(
        photos
            .as_array()
            .expect("array")
            .iter()
            .any(|p| p["entry_id"].is_null()),
        "some unassigned"
    );
    assert_eq!(ok(&j, &["check"]).trim(), "ok");
}

#[test]
fn batch_answers_a_line_of_invalid_utf8_and_runs_the_lines_after_it() {
    use std::io::Write;
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tripjournal"))
        .arg("--journal")
        .arg(&journal)
        .arg("batch")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("batch starts");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"[\"trip\",\"new\",\"--name\",\"Before\"]\n\xff\xfe not text\r\n[\"trip\",\"new\",\"--name\",\"After\"]\r\n")
        .expect("lines written");
    let output = child.wait_with_output().expect("batch ends");
    assert!(output.status.success());
    let replies: Vec<Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|line| serde_json::from_str(line).expect("a JSON reply per line"))
        .collect();
    assert_eq!(replies.len(), 3, "{replies:?}");
    assert_eq!(replies[0]["ok"], true);
    assert_eq!(replies[1]["ok"], false);
    assert!(
        replies[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("line 2 is not valid UTF-8")),
        "{replies:?}"
    );
    assert_eq!(replies[2]["ok"], true, "the line after it ran: {replies:?}");
    let names = ok(&journal, &["trip", "list"]);
    assert!(
        names.contains("Before") && names.contains("After"),
        "{names}"
    );
}

/// Regression (issue 14): a title, place or caption holding a newline or a tab faked rows and
/// columns in the tab-separated lists; each field is now escaped and `--json` stays exact.
#[test]
fn control_characters_in_text_never_fake_rows_or_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let j = dir.path().join("j.sqlite");
    let fake = "Talk\n2\tFake row";
    let literal = r"C:\new\table \\ \u{a}";
    let trip = ok(&j, &["trip", "new", "--name", fake, "--city", "A\tB"]);
    let trip = trip.trim();
    for title in [fake, literal] {
        let title = format!("--title={title}");
        let args = ["entry", "add", "--trip", trip, "--kind", "note", &title];
        ok(&j, &[&args[..], &["--at", "2018-11-12 09:00"]].concat());
    }
    let photo = fixture("plain.jpg");
    let photo = photo.to_str().expect("utf-8");
    ok(
        &j,
        &["photo", "add", "--trip", trip, "--caption", fake, photo],
    );

    let trips = ok(&j, &["trip", "list"]);
    assert_eq!(trips.lines().count(), 1, "one row per trip: {trips:?}");
    let fields: Vec<&str> = trips.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), 4, "{trips:?}");
    assert_eq!(fields[1], r"Talk\n2\tFake row");
    assert_eq!(fields[2], r"A\tB", "the place is escaped too");

    let entries = ok(&j, &["entry", "list", "--trip", trip]);
    let rows: Vec<Vec<&str>> = entries.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2, "one row per entry: {entries:?}");
    assert!(rows.iter().all(|row| row.len() == 5), "{entries:?}");
    assert_eq!(rows[0][4], r"Talk\n2\tFake row");
    assert_eq!(
        rows[1][4], r"C:\\new\\table \\\\ \\u{a}",
        "backslashes are doubled, so a typed \\n never reads as a newline"
    );

    let photos = ok(&j, &["photo", "list", "--trip", trip]);
    assert_eq!(photos.lines().count(), 1, "{photos:?}");
    let fields: Vec<&str> = photos.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), 5, "{photos:?}");
    assert_eq!(fields[4], r"Talk\n2\tFake row");

    let shown = ok(&j, &["trip", "show", trip]);
    assert!(
        shown.starts_with("Talk\\n2\\tFake row (trip "),
        "trip show keeps the name on its line: {shown:?}"
    );

    let json: Value =
        serde_json::from_str(&ok(&j, &["entry", "list", "--trip", trip, "--json"])).expect("JSON");
    assert_eq!(json[0]["title"], fake, "JSON is exact");
    assert_eq!(json[1]["title"], literal);
    let json: Value = serde_json::from_str(&ok(&j, &["trip", "list", "--json"])).expect("JSON");
    assert_eq!(json[0]["name"], fake);
}

/// Regression (issue 14): `--price 1.250 --currency KWD` was refused; prices have their
/// currency's ISO 4217 digits wherever they are typed or shown.
#[test]
fn prices_have_their_currencys_iso_4217_digits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let j = dir.path().join("j.sqlite");
    let trip = ok(
        &j,
        &["trip", "new", "--name", "Gulf", "--tz", "Asia/Kuwait"],
    );
    let trip = trip.trim();
    let meal = |title: &str, price: &str, currency: &str| {
        let args = [
            "entry", "add", "--trip", trip, "--kind", "meal", "--title", title,
        ];
        let at = ["--at", "2024-03-01 13:00", "--rating", "4"];
        let priced = ["--price", price, "--currency", currency];
        ok(&j, &[&args[..], &at, &priced].concat())
    };
    meal("Machboos", "1.250", "KWD");
    meal("Ramen", "1200", "JPY");
    let changed = meal("Tea", "0.5", "KWD");
    fails(
        &j,
        &[
            "entry",
            "add",
            "--trip",
            trip,
            "--kind",
            "meal",
            "--title",
            "x",
            "--price",
            "1.2505",
            "--currency",
            "KWD",
        ],
        2,
    );
    ok(&j, &["entry", "edit", changed.trim(), "--currency", "bhd"]);

    let json: Value =
        serde_json::from_str(&ok(&j, &["entry", "list", "--trip", trip, "--json"])).expect("JSON");
    let prices: Vec<&Value> = (0..3).map(|i| &json[i]["meal"]["price"]).collect();
    assert_eq!(prices[0]["amount"], "1.250");
    assert_eq!(prices[0]["minor_units"], 1250);
    assert_eq!(prices[0]["currency"], "KWD");
    assert_eq!(prices[1]["amount"], "1200");
    assert_eq!(prices[1]["minor_units"], 1200);
    assert_eq!(
        prices[2]["amount"], "0.500",
        "the amount kept in a new currency"
    );
    assert_eq!(prices[2]["currency"], "BHD");

    let out = dir.path().join("site");
    let printed = ok(
        &j,
        &[
            "export",
            "--trip",
            trip,
            "--layout",
            "plain",
            "--out",
            out.to_str().expect("utf-8"),
        ],
    );
    let post = std::fs::read_to_string(printed.lines().last().expect("the post")).expect("post");
    for shown in ["1.250 KWD", "1200 JPY", "0.500 BHD"] {
        assert!(post.contains(shown), "the post shows {shown}:\n{post}");
    }
}

#[test]
fn without_sections_the_post_follows_the_clock_not_the_order_entries_were_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    ok(&journal, &["trip", "new", "--name", "Day", "--tz", "UTC"]);
    for (kind, title, at) in [
        ("session", "Afternoon talk", "2018-11-13 15:00"),
        ("meal", "Late lunch", "2018-11-13 14:07"),
    ] {
        ok(
            &journal,
            &[
                "entry", "add", "--trip", "1", "--kind", kind, "--title", title, "--at", at,
            ],
        );
    }
    let out = dir.path().join("post");
    let folder = out.to_string_lossy();
    ok(
        &journal,
        &[
            "export", "--trip", "1", "--layout", "plain", "--out", &folder,
        ],
    );
    let post = std::fs::read_dir(&out)
        .expect("post folder")
        .flatten()
        .map(|file| file.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "md"))
        .expect("a Markdown post");
    let text = std::fs::read_to_string(&post).expect("post");
    let lunch = text.find("Late lunch").expect("lunch in the post");
    let talk = text.find("Afternoon talk").expect("talk in the post");
    assert!(lunch < talk, "{text}");
}

#[test]
fn a_mistyped_command_is_an_error_not_a_file_to_open_in_the_window() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let error = fails(&journal, &["tirp", "list"], 2);
    assert!(error.contains("unrecognized subcommand 'tirp'"), "{error}");
    assert!(!journal.exists(), "nothing was opened");
    let error = fails(&journal, &["talks.ics", "trip", "list"], 2);
    assert!(
        error.contains("files open only without a command"),
        "{error}"
    );
    let help = ok(&journal, &["--help"]);
    assert!(help.contains("tripjournal [OPTIONS] [FILE]..."), "{help}");
}
