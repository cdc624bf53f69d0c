//! Killing tripjournal at random moments never costs more than the change in flight.
//!
//! Each trial runs the real binary as a child process and sends it SIGKILL at a random point of
//! its work, counted from what the child has done (photos committed, edits acknowledged) rather
//! than from its start, so a slow machine moves the kills along with the work (the seed is
//! printed; `TRIPJOURNAL_SEED=N` replays a run). `TRIPJOURNAL_CRASH_TRIALS=200
//! cargo test crash::` is the longer run; the default keeps CI short.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use tripjournal::model::EntryId;
use tripjournal::store::{PhotoBytes, Store, hex_sha256};

use crate::util::{PATIENCE, Rng, cli_ok, env_count, write_distinct_jpegs};

fn binary() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tripjournal"));
    command.env_remove("TRIPJOURNAL_JOURNAL");
    command
}

/// A fresh copy of a closed journal (no WAL left beside it).
fn copy_journal(template: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(template, to).expect("copies the journal");
}

fn kill(mut child: Child) {
    // SIGKILL: no destructors, no flushing, exactly like pulling the plug on the process.
    let _ = child.kill();
    let _ = child.wait();
}

/// Every photo in the journal is whole: original with its hash, both derivatives decodable,
/// metadata of the source file. Returns how many there are.
fn assert_photos_whole(journal: &Path, sources: &HashMap<String, (u32, u32)>) -> usize {
    let store = Store::open(journal).expect("the journal opens after a crash");
    let report = store.check().expect("check runs");
    assert!(report.is_ok(), "check after a crash: {:?}", report.problems);
    let trip = store.find_trip("Crash").expect("trip");
    let photos = store.photos(trip.id).expect("photos");
    for photo in &photos {
        let original = store
            .photo_bytes(photo.id, PhotoBytes::Original)
            .expect("original is there");
        let hash = hex_sha256(&original);
        assert_eq!(hash, photo.metadata.sha256);
        let &(width, height) = sources
            .get(&hash)
            .expect("the original is one of the imported files, byte for byte");
        assert_eq!(
            (photo.metadata.width, photo.metadata.height),
            (width, height)
        );
        for which in [PhotoBytes::Preview, PhotoBytes::Thumbnail] {
            let bytes = store.photo_bytes(photo.id, which).expect("derivative");
            image::load_from_memory(&bytes).expect("the derivative decodes");
        }
    }
    photos.len()
}

/// The number of trials, a seeded generator (the seed printed) and a temp folder.
fn start_trials(what: &str) -> (usize, Rng, tempfile::TempDir) {
    let trials = env_count("TRIPJOURNAL_CRASH_TRIALS", 20);
    let seed = Rng::seed_from_env();
    println!("{what}: {trials} trials, TRIPJOURNAL_SEED={seed}");
    (
        trials,
        Rng::new(seed),
        tempfile::tempdir().expect("temp dir"),
    )
}

/// A closed journal with the trip "Crash", copied fresh for every trial.
fn crash_template(dir: &Path) -> std::path::PathBuf {
    let template = dir.join("template.sqlite");
    cli_ok(&template, &["trip", "new", "--name", "Crash"]);
    template
}

/// How many photos the journal holds, read through a read-only connection of its own while
/// another process writes (WAL readers never block the writer); None until it can be read.
fn photos_committed(reader: &mut Option<rusqlite::Connection>, journal: &Path) -> Option<u64> {
    if reader.is_none() {
        let flags =
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
        *reader = rusqlite::Connection::open_with_flags(journal, flags).ok();
    }
    reader
        .as_ref()?
        .query_row("SELECT count(*) FROM photos", [], |row| {
            row.get::<_, i64>(0)
        })
        .ok()
        .and_then(|count| u64::try_from(count).ok())
}

/// Waits (polling every millisecond or so) until the journal holds at least `count` photos or
/// `child` has ended, for at most `limit`; false if neither came by then.
fn wait_for_photos(child: &mut Child, journal: &Path, count: u64, limit: Duration) -> bool {
    let deadline = Instant::now() + limit;
    let mut reader = None;
    loop {
        if photos_committed(&mut reader, journal).is_some_and(|n| n >= count)
            || child
                .try_wait()
                .expect("the import can be waited for")
                .is_some()
        {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn killing_an_import_leaves_whole_photos_and_importing_again_completes_the_set() {
    let (trials, mut rng, dir) = start_trials("crash during import");
    let photos_dir = dir.path().join("photos");
    std::fs::create_dir(&photos_dir).expect("folder");
    let files = write_distinct_jpegs(&photos_dir, 100, 480, 360);
    let sources: HashMap<String, (u32, u32)> = files
        .iter()
        .map(|path| (hex_sha256(&std::fs::read(path).expect("reads")), (480, 360)))
        .collect();
    let template = crash_template(dir.path());

    let import = |journal: &Path| {
        let mut command = binary();
        command
            .arg("--journal")
            .arg(journal)
            .args(["photo", "add", "--trip", "Crash", "--"])
            .args(&files)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        command
    };
    // A whole import first: every photo arrives whole when nothing is killed. How long its
    // first commit took spreads the early kills below over the time before it.
    let journal = dir.path().join("journal.sqlite");
    copy_journal(&template, &journal);
    let started = Instant::now();
    let mut child = import(&journal).spawn().expect("starts");
    assert!(
        wait_for_photos(&mut child, &journal, 1, PATIENCE),
        "the import committed no photo in {PATIENCE:?}"
    );
    let first_commit = started.elapsed();
    assert!(child.wait().expect("runs").success());
    let whole = started.elapsed();
    assert_eq!(assert_photos_whole(&journal, &sources), 100);

    // The kill clock follows the import itself, not the wall clock, so the kills land inside
    // it however slow this machine is: most trials wait until a random number of photos is
    // committed (read from the journal as the import writes it), then a moment more; every
    // fifth kills at a random moment before its first commit (or just at it, if that comes
    // sooner than it did in the whole import).
    let mut partial_trials = 0;
    for trial in 0..trials {
        copy_journal(&template, &journal);
        let mut child = import(&journal).spawn().expect("starts");
        let when = if trial % 5 == 4 {
            let delay = first_commit.mul_f64(rng.below(1000) as f64 / 1000.0);
            wait_for_photos(&mut child, &journal, 1, delay);
            format!("at most {delay:?} after the start, before or at the first commit")
        } else {
            let committed = 1 + rng.below(95);
            let limit = PATIENCE;
            if !wait_for_photos(&mut child, &journal, committed, limit) {
                kill(child);
                panic!(
                    "trial {trial}: the import committed fewer than {committed} photos in {limit:?}"
                );
            }
            let delay = Duration::from_millis(rng.below(20));
            std::thread::sleep(delay);
            format!("{delay:?} after photo {committed} was committed")
        };
        kill(child);
        let present = assert_photos_whole(&journal, &sources);
        if present > 0 && present < 100 {
            partial_trials += 1;
        }
        println!("trial {trial}: killed {when} with {present} photos");
        // Importing the same files again completes the set, without duplicates.
        let output = import(&journal).output().expect("runs");
        assert!(output.status.success(), "trial {trial}: re-import failed");
        assert_eq!(
            assert_photos_whole(&journal, &sources),
            100,
            "trial {trial}: killed {when} with {present} photos"
        );
    }
    println!(
        "crash during import: {partial_trials} of {trials} kills landed mid-import (whole import {whole:?}, first commit after {first_commit:?})"
    );
    assert!(
        partial_trials * 5 >= trials,
        "too few kills landed inside the import to prove anything ({partial_trials} of {trials})"
    );
}

/// One batch child editing the journal; replies are read on a thread as they come.
struct EditingChild {
    child: Child,
    replies: std::sync::mpsc::Receiver<serde_json::Value>,
}

fn start_batch(journal: &Path, lines: Vec<String>) -> EditingChild {
    let mut child = binary()
        .arg("--journal")
        .arg(journal)
        .arg("batch")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch starts");
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        for line in lines {
            if writeln!(stdin, "{line}").is_err() {
                break;
            }
        }
    });
    let stdout = child.stdout.take().expect("stdout");
    let (sender, replies) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let reply = serde_json::from_str(&line).expect("a JSON reply line");
            if sender.send(reply).is_err() {
                break;
            }
        }
    });
    EditingChild { child, replies }
}

/// Arguments adding a note titled `title` to the trip "Crash".
fn add_note_args(title: &str) -> Vec<String> {
    let args = [
        "entry",
        "add",
        "--trip",
        "Crash",
        "--kind",
        "note",
        "--at",
        "2018-11-12 10:00",
    ];
    args.iter()
        .map(|arg| arg.to_string())
        .chain(["--title".to_string(), title.to_string()])
        .collect()
}

#[test]
fn killing_a_stream_of_edits_keeps_every_acknowledged_edit() {
    let (trials, mut rng, dir) = start_trials("crash while editing");
    let template = crash_template(dir.path());
    let entries: Vec<i64> = (0..3)
        .map(|index| {
            let args = add_note_args(&format!("entry {index}"));
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            cli_ok(&template, &args).trim().parse().expect("id")
        })
        .collect();
    // Edits of a few KB each, every tenth line a new entry.
    let filler = "Typing notes in a session. 记下要点。 ".repeat(100);
    let plan: Vec<(Option<i64>, String)> = (1..=5000)
        .map(|step| {
            if step % 10 == 0 {
                (None, format!("added {step}"))
            } else {
                (Some(entries[step % 3]), format!("edit {step} {filler}"))
            }
        })
        .collect();
    let lines: Vec<String> = plan
        .iter()
        .map(|(entry, text)| {
            let args: Vec<String> = match entry {
                Some(id) => vec![
                    "entry".into(),
                    "edit".into(),
                    id.to_string(),
                    "--body".into(),
                    text.clone(),
                ],
                None => add_note_args(text),
            };
            serde_json::to_string(&args).expect("JSON")
        })
        .collect();

    let journal = dir.path().join("journal.sqlite");
    for trial in 0..trials {
        copy_journal(&template, &journal);
        let EditingChild { child, replies } = start_batch(&journal, lines.clone());
        // The kill clock starts at the first acknowledgement, however long the child takes
        // to start on a busy machine, then runs a random while into the stream of edits.
        let limit = PATIENCE;
        let first = match replies.recv_timeout(limit) {
            Ok(reply) => reply,
            Err(error) => {
                kill(child);
                panic!("trial {trial}: nothing was acknowledged within {limit:?} ({error})");
            }
        };
        std::thread::sleep(Duration::from_millis(rng.below(600)));
        kill(child);
        let replies: Vec<serde_json::Value> =
            std::iter::once(first).chain(replies.iter()).collect();
        assert!(
            replies.iter().all(|reply| reply["ok"] == true),
            "trial {trial}: an edit failed: {replies:?}"
        );
        let acknowledged = replies.len();

        let store = Store::open(&journal).expect("opens after the kill");
        assert!(store.check().expect("check").is_ok(), "trial {trial}");
        let trip = store.find_trip("Crash").expect("trip");
        // What each entry must say: its last acknowledged edit, or the one in flight.
        let in_flight = plan.get(acknowledged);
        let mut last_acknowledged: BTreeMap<i64, &str> = BTreeMap::new();
        for (entry, text) in &plan[..acknowledged] {
            if let Some(id) = entry {
                last_acknowledged.insert(*id, text);
            }
        }
        for &id in &entries {
            let body = store.entry(EntryId(id)).expect("entry").fields.body;
            let acceptable_in_flight =
                matches!(in_flight, Some((Some(e), text)) if *e == id && body == *text);
            match last_acknowledged.get(&id) {
                Some(text) => assert!(
                    body == *text || acceptable_in_flight,
                    "trial {trial}: entry {id} lost an acknowledged edit"
                ),
                None => assert!(body.is_empty() || acceptable_in_flight, "trial {trial}"),
            }
        }
        let titles: Vec<String> = store
            .entries(trip.id)
            .expect("entries")
            .into_iter()
            .map(|entry| entry.fields.title)
            .collect();
        for (entry, text) in &plan[..acknowledged] {
            if entry.is_none() {
                assert!(
                    titles.contains(text),
                    "trial {trial}: lost acknowledged {text}"
                );
            }
        }
        println!("trial {trial}: {acknowledged} edits acknowledged before the kill");
    }
}
