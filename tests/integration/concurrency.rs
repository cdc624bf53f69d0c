//! Two programs on one journal: a long-lived process holding it open (standing in for the
//! window), short CLI commands and an in-process writer, all writing at once. Nobody sees
//! "database is locked", no update is lost, everyone sees everyone's changes, and a backup
//! taken in the middle of it is a sound journal.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use tripjournal::model::{EntryFields, EntryId, EntryKind};
use tripjournal::store::Store;

use crate::util::{cli_ok, cli_run, stderr, stdout};

const A_ADDS: usize = 60;
const A_EDITS: usize = 60;
const B_ADDS: usize = 25;
const B_EDITS: usize = 25;
const C_ADDS: usize = 60;

fn note_add(title: &str) -> Vec<String> {
    [
        "entry",
        "add",
        "--trip",
        "Shared",
        "--kind",
        "note",
        "--at",
        "2018-11-12 10:00",
        "--title",
        title,
    ]
    .iter()
    .map(|arg| arg.to_string())
    .collect()
}

#[test]
fn a_long_lived_process_cli_commands_and_a_backup_share_one_journal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Shared"]);
    let shared_entry: i64 = cli_ok(
        &journal,
        &note_add("shared")
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>(),
    )
    .trim()
    .parse()
    .expect("id");

    // A: one process that keeps the journal open and writes a stream of changes.
    let mut a = Command::new(env!("CARGO_BIN_EXE_tripjournal"))
        .arg("--journal")
        .arg(&journal)
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("batch starts");
    let mut a_input = a.stdin.take().expect("stdin");
    let a_output = a.stdout.take().expect("stdout");
    let a_replies = std::thread::spawn(move || {
        BufReader::new(a_output)
            .lines()
            .map(|line| {
                serde_json::from_str::<serde_json::Value>(&line.expect("line")).expect("JSON")
            })
            .collect::<Vec<_>>()
    });
    let a_lines: Vec<String> = (0..A_ADDS.max(A_EDITS))
        .flat_map(|step| {
            let mut lines = Vec::new();
            if step < A_ADDS {
                lines.push(note_add(&format!("A {step}")));
            }
            if step < A_EDITS {
                // A owns the body of the shared entry; B owns its tags.
                lines.push(
                    [
                        "entry",
                        "edit",
                        &shared_entry.to_string(),
                        "--body",
                        &format!("A body {step}"),
                    ]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
                );
            }
            lines
        })
        .map(|args| serde_json::to_string(&args).expect("JSON"))
        .collect();
    let a_writer = std::thread::spawn(move || {
        for line in a_lines {
            writeln!(a_input, "{line}").expect("writes to A");
        }
        a_input
    });

    // C: an in-process connection writing too.
    let c_journal = journal.clone();
    let c_writer = std::thread::spawn(move || {
        let store = Store::open(&c_journal).expect("C opens");
        let trip = store.find_trip("Shared").expect("trip").id;
        for step in 0..C_ADDS {
            let fields =
                EntryFields::new(EntryKind::Note, &format!("C {step}"), chrono::Utc::now());
            store.create_entry(trip, &fields).expect("C writes");
        }
    });

    // B: short CLI commands, each its own process, and backups in the middle of it all.
    let mut backups = Vec::new();
    for step in 0..B_ADDS.max(B_EDITS) {
        let mut runs = Vec::new();
        if step < B_ADDS {
            runs.push(cli_run(
                &journal,
                &note_add(&format!("B {step}"))
                    .iter()
                    .map(String::as_str)
                    .collect::<Vec<_>>(),
            ));
        }
        if step < B_EDITS {
            runs.push(cli_run(
                &journal,
                &[
                    "entry",
                    "edit",
                    &shared_entry.to_string(),
                    "--tags",
                    &format!("b{step}"),
                ],
            ));
        }
        if step % 10 == 5 {
            let backup = dir.path().join(format!("backup-{step}.sqlite"));
            runs.push(cli_run(
                &journal,
                &["backup", backup.to_str().expect("UTF-8")],
            ));
            backups.push(backup);
        }
        for output in runs {
            assert!(
                output.status.success(),
                "B step {step}: {}{}",
                stdout(&output),
                stderr(&output)
            );
            let said = stderr(&output).to_lowercase();
            assert!(!said.contains("locked") && !said.contains("busy"), "{said}");
        }
    }
    c_writer.join().expect("C finished");

    // Everyone sees everyone: A lists the trip after all writes are in.
    let mut a_input = a_writer.join().expect("A was fed");
    writeln!(a_input, r#"["entry","list","--trip","Shared","--json"]"#).expect("writes");
    drop(a_input);
    let status = a.wait().expect("A ends");
    let mut a_errors = String::new();
    if let Some(mut err) = a.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut err, &mut a_errors);
    }
    assert!(status.success(), "A failed: {a_errors}");
    let replies = a_replies.join().expect("A's replies");
    assert_eq!(replies.len(), A_ADDS + A_EDITS + 1);
    for reply in &replies {
        assert_eq!(reply["ok"], true, "A: {reply}");
    }
    let listed: serde_json::Value = serde_json::from_str(
        replies
            .last()
            .and_then(|reply| reply["output"].as_str())
            .expect("list output"),
    )
    .expect("list JSON");
    let titles: Vec<&str> = listed
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|entry| entry["title"].as_str())
        .collect();
    assert_eq!(
        titles.len(),
        1 + A_ADDS + B_ADDS + C_ADDS,
        "no write was lost"
    );
    for expected in [
        "A 0",
        "B 0",
        "C 0",
        &format!("B {}", B_ADDS - 1),
        &format!("C {}", C_ADDS - 1),
    ] {
        assert!(titles.contains(&expected), "A sees {expected}");
    }

    // B (a new command) sees A's and C's writes, and no field update was lost.
    let store = Store::open(&journal).expect("opens");
    let shared = store.entry(EntryId(shared_entry)).expect("shared entry");
    assert_eq!(
        shared.fields.body,
        format!("A body {}", A_EDITS - 1),
        "A's last body"
    );
    assert_eq!(
        shared.fields.tags,
        vec![format!("b{}", B_EDITS - 1)],
        "B's last tags"
    );
    let b_list = cli_ok(&journal, &["entry", "list", "--trip", "Shared"]);
    assert!(b_list.contains("A 0") && b_list.contains("C 0"), "{b_list}");

    assert!(!backups.is_empty());
    for backup in &backups {
        check_backup(backup);
    }
}

fn check_backup(path: &Path) {
    let store = Store::open(path).expect("the backup opens");
    let report = store.check().expect("check runs");
    assert!(report.is_ok(), "{}: {:?}", path.display(), report.problems);
    let trip = store.find_trip("Shared").expect("the backup has the trip");
    assert!(!store.entries(trip.id).expect("entries").is_empty());
}
