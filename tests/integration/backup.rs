//! `backup DEST` writes only to a new plain file and checks it before saying so; `restore
//! BACKUP` checks the backup, keeps the replaced journal beside it, never mixes the restored
//! file with an old `-wal`, and refuses while another program has the journal open (issue 14).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Output, Stdio};

use sha2::{Digest, Sha256};
use tripjournal::store::{LATEST_VERSION, Store};

use crate::disk::SmallDisk;
use crate::util::{cli_command, cli_fails, cli_ok, cli_run, fixture, names_in, stderr, stdout};

/// A folder with a journal holding the trip "Berlin" and one note.
fn journal_with_berlin() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Berlin"]);
    cli_ok(&journal, &note_args("Opening keynote"));
    (dir, journal)
}

/// The same with a backup of it taken: the folder, the journal and the backup.
fn berlin_with_backup() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, journal) = journal_with_berlin();
    let backup = dir.path().join("backup.sqlite");
    cli_ok(&journal, &["backup", backup.to_str().expect("UTF-8")]);
    (dir, journal, backup)
}

/// Arguments adding a note titled `title` to Berlin.
fn note_args(title: &str) -> [&str; 8] {
    [
        "entry", "add", "--trip", "Berlin", "--kind", "note", "--title", title,
    ]
}

/// The binary run in `dir` as its current folder.
fn cli_in(dir: &Path, journal: &Path, args: &[&str]) -> Output {
    cli_command(journal, args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

fn file_hash(path: &Path) -> Vec<u8> {
    Sha256::digest(std::fs::read(path).expect("readable")).to_vec()
}

fn trip_names(journal: &Path) -> Vec<String> {
    cli_ok(journal, &["trip", "list"])
        .lines()
        .filter_map(|line| line.split('\t').nth(1).map(str::to_string))
        .collect()
}

#[test]
fn special_names_and_uris_as_dest_are_plain_files_in_the_current_folder() {
    let (dir, journal) = journal_with_berlin();
    for name in [":memory:", "file:x?mode=memory", "file:notes.txt"] {
        let output = cli_in(dir.path(), &journal, &["backup", name]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        let written = dir.path().join(name);
        assert_eq!(
            stdout(&output).lines().next(),
            Some(written.to_str().expect("UTF-8")),
            "{name}: the absolute path is printed"
        );
        assert!(
            written.is_file(),
            "{name} is written as a file of that name"
        );
        assert_eq!(
            trip_names(&written),
            ["Berlin"],
            "{name} is a whole journal"
        );
    }
}

#[test]
fn an_existing_file_is_never_overwritten_even_when_named_as_a_uri() {
    let (dir, journal) = journal_with_berlin();
    std::fs::write(dir.path().join("empty.sqlite"), b"").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "my notes\n").expect("write");

    // As URIs they name new files; notes.txt is not blamed as a damaged journal.
    for uri in ["file:empty.sqlite", "file:notes.txt"] {
        let output = cli_in(dir.path(), &journal, &["backup", uri]);
        assert!(output.status.success(), "{uri}: {}", stderr(&output));
    }
    assert_eq!(
        std::fs::read(dir.path().join("empty.sqlite")).expect("read"),
        b""
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).expect("read"),
        "my notes\n"
    );
    // As plain names they exist and are refused with exit 2.
    for existing in ["empty.sqlite", "notes.txt"] {
        let path = dir.path().join(existing);
        let error = cli_fails(&journal, &["backup", path.to_str().expect("UTF-8")], 2);
        assert!(error.contains("refusing to overwrite"), "{error}");
        assert!(!error.contains("damaged"), "{error}");
    }
    assert_eq!(
        std::fs::read(dir.path().join("empty.sqlite")).expect("read"),
        b""
    );
}

#[test]
fn a_symbolic_link_as_dest_is_refused_dangling_or_not() {
    let (dir, journal) = journal_with_berlin();
    let target = dir.path().join("elsewhere.sqlite");
    let dangling = dir.path().join("dangling.sqlite");
    std::os::unix::fs::symlink(&target, &dangling).expect("symlink");
    let error = cli_fails(&journal, &["backup", dangling.to_str().expect("UTF-8")], 2);
    assert!(error.contains("symbolic link"), "{error}");
    assert!(!target.exists(), "the link's target is not created");

    std::fs::write(&target, "keep me").expect("write");
    let link = dir.path().join("link.sqlite");
    std::os::unix::fs::symlink(&target, &link).expect("symlink");
    let error = cli_fails(&journal, &["backup", link.to_str().expect("UTF-8")], 2);
    assert!(error.contains("symbolic link"), "{error}");
    assert_eq!(std::fs::read_to_string(&target).expect("read"), "keep me");
}

#[test]
fn a_missing_folder_or_an_unwritable_place_gives_one_line_and_leaves_no_file() {
    let (dir, journal) = journal_with_berlin();
    let missing = dir.path().join("no such folder/backup.sqlite");
    let error = cli_fails(&journal, &["backup", missing.to_str().expect("UTF-8")], 2);
    assert!(error.contains("folder does not exist"), "{error}");
    assert!(!dir.path().join("no such folder").exists());

    // /proc takes no new files, not even from root.
    let error = cli_fails(&journal, &["backup", "/proc/tripjournal-backup.sqlite"], 1);
    assert!(error.contains("backup was not written"), "{error}");
    assert!(!error.contains("damaged"), "{error}");

    let Some(disk) = SmallDisk::mount(&dir.path().join("small"), "64k") else {
        return;
    };
    let dest = disk.path.join("backup.sqlite");
    let error = cli_fails(&journal, &["backup", dest.to_str().expect("UTF-8")], 1);
    assert!(error.contains("the disk is full"), "{error}");
    assert_eq!(
        names_in(&disk.path),
        Vec::<String>::new(),
        "no half file, no temp file"
    );
}

#[test]
fn a_backup_is_checked_and_reports_what_it_holds() {
    let (dir, journal) = journal_with_berlin();
    let dest = dir.path().join("backup.sqlite");
    let out = cli_ok(&journal, &["backup", dest.to_str().expect("UTF-8")]);
    assert!(
        out.contains(&format!(
            "checked: 1 trip, 1 entry, 0 photos (schema version {LATEST_VERSION})"
        )),
        "{out}"
    );
    // Only the backup is new beside the journal: no temporary file, no -wal of the copy.
    assert_eq!(names_in(dir.path()), ["backup.sqlite", "journal.sqlite"]);
    assert_eq!(cli_ok(&dest, &["check"]).trim(), "ok");
}

/// Runs `restore` and returns its output, which must succeed.
fn restore_ok(journal: &Path, backup: &Path) -> String {
    cli_ok(journal, &["restore", backup.to_str().expect("UTF-8")])
}

/// The file the output says the old journal is kept as.
fn kept_as(output: &str) -> PathBuf {
    let line = output
        .lines()
        .find(|line| line.starts_with("the journal it replaced is kept as "))
        .unwrap_or_else(|| panic!("no kept-as line in {output:?}"));
    PathBuf::from(line.trim_start_matches("the journal it replaced is kept as "))
}

#[test]
fn restore_brings_the_backup_back_and_keeps_the_replaced_journal_aside() {
    let (dir, journal, backup) = berlin_with_backup();
    cli_ok(&journal, &["trip", "new", "--name", "Lisbon"]);
    cli_ok(&journal, &note_args("Written after the backup"));

    let output = restore_ok(&journal, &backup);
    assert!(
        output.starts_with("restored 1 trip, 1 entry, 0 photos from "),
        "{output}"
    );
    assert_eq!(trip_names(&journal), ["Berlin"]);
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");

    let kept = kept_as(&output);
    assert_eq!(kept.parent(), Some(dir.path()));
    let kept_name = kept
        .file_name()
        .expect("name")
        .to_string_lossy()
        .into_owned();
    assert!(
        kept_name.starts_with("journal.sqlite.before-restore-20"),
        "{kept_name}"
    );
    assert_eq!(
        trip_names(&kept),
        ["Berlin", "Lisbon"],
        "the changes made after the backup are kept"
    );
    let entries = cli_ok(&kept, &["entry", "list", "--trip", "Berlin"]);
    assert!(entries.contains("Written after the backup"), "{entries}");

    // A second restore keeps the first one's file and takes another name.
    let again = kept_as(&restore_ok(&journal, &backup));
    assert_ne!(again, kept);
    assert_eq!(trip_names(&kept), ["Berlin", "Lisbon"]);
    let names = names_in(dir.path());
    assert!(
        names.iter().all(|name| !name.contains("partial")),
        "{names:?}"
    );
}

/// A `batch` child with the journal open, answering one line so it surely opened it.
fn holding_batch(journal: &Path) -> (Child, ChildStdin, BufReader<std::process::ChildStdout>) {
    let mut child = cli_command(journal, &["batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("batch starts");
    let stdin = child.stdin.take().expect("stdin");
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    (child, stdin, stdout)
}

/// Sends one batch line and waits for its reply.
fn ask(stdin: &mut ChildStdin, stdout: &mut BufReader<std::process::ChildStdout>, args: &[&str]) {
    let line = serde_json::to_string(args).expect("JSON");
    writeln!(stdin, "{line}").expect("write to batch");
    let mut reply = String::new();
    stdout.read_line(&mut reply).expect("a reply");
    assert!(reply.contains("\"ok\":true"), "{args:?}: {reply}");
}

#[test]
fn restore_after_a_killed_writer_leaves_no_stale_wal_and_check_is_ok() {
    let (dir, journal, backup) = berlin_with_backup();

    let (mut child, mut stdin, mut stdout) = holding_batch(&journal);
    for index in 0..20 {
        let title = format!("Written by the killed writer {index}");
        ask(&mut stdin, &mut stdout, &note_args(&title));
    }
    // SIGKILL: the -wal with its committed frames stays beside the journal.
    child.kill().expect("kill");
    child.wait().expect("wait");
    let wal = dir.path().join("journal.sqlite-wal");
    assert!(
        std::fs::metadata(&wal).is_ok_and(|meta| meta.len() > 0),
        "the killed writer left a -wal"
    );

    let output = restore_ok(&journal, &backup);
    assert!(
        !wal.exists(),
        "no -wal of the old file beside the restored one"
    );
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");
    let entries = cli_ok(&journal, &["entry", "list", "--trip", "Berlin"]);
    assert_eq!(entries.lines().count(), 1, "{entries}");
    // The killed writer's committed entries were folded into the kept file.
    let kept = kept_as(&output);
    let kept_entries = cli_ok(&kept, &["entry", "list", "--trip", "Berlin"]);
    assert!(
        kept_entries.contains("Written by the killed writer 19"),
        "{kept_entries}"
    );
}

#[test]
fn restore_is_refused_while_another_program_has_the_journal_open() {
    let (dir, journal, backup) = berlin_with_backup();
    cli_ok(&journal, &["trip", "new", "--name", "Lisbon"]);

    let (mut child, mut stdin, mut stdout) = holding_batch(&journal);
    ask(&mut stdin, &mut stdout, &["trip", "list"]);
    let before = names_in(dir.path());
    let error = cli_fails(&journal, &["restore", backup.to_str().expect("UTF-8")], 1);
    assert!(
        error.contains("another program has the journal open"),
        "{error}"
    );
    assert_eq!(
        names_in(dir.path()),
        before,
        "nothing set aside, no temporary file"
    );
    // The batch still works on the journal it has open, which is unchanged.
    ask(&mut stdin, &mut stdout, &["trip", "show", "Lisbon"]);
    drop(stdin);
    child.wait().expect("batch ends at end of input");
    assert_eq!(trip_names(&journal), ["Berlin", "Lisbon"]);

    // The same with a connection held open in this process.
    let store = Store::open(&journal).expect("opens");
    let error = cli_fails(&journal, &["restore", backup.to_str().expect("UTF-8")], 1);
    assert!(
        error.contains("another program has the journal open"),
        "{error}"
    );
    drop(store);
    restore_ok(&journal, &backup);
    assert_eq!(trip_names(&journal), ["Berlin"]);
}

#[test]
fn a_file_that_is_not_a_usable_backup_is_refused_with_the_journal_unchanged() {
    let (dir, journal) = journal_with_berlin();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "not a journal\n".repeat(500)).expect("write");
    let newer = dir.path().join("newer.sqlite");
    cli_ok(&journal, &["backup", newer.to_str().expect("UTF-8")]);
    {
        let conn = rusqlite::Connection::open(&newer).expect("sqlite");
        conn.pragma_update(None, "user_version", LATEST_VERSION + 1)
            .expect("bump the version");
    }
    let newer_hash = file_hash(&newer);
    let folder = dir.path().join("a folder");
    std::fs::create_dir(&folder).expect("folder");
    let journal_hash = file_hash(&journal);
    let before = names_in(dir.path());

    for (backup, expected) in [
        (&text, "not a tripjournal journal"),
        (&newer, "newer than this program"),
        (&dir.path().join("missing.sqlite"), "no such file"),
        (&folder, "it is a folder"),
        (&journal, "the journal itself"),
    ] {
        let error = cli_fails(&journal, &["restore", backup.to_str().expect("UTF-8")], 2);
        assert!(error.contains(expected), "{expected}: {error}");
        assert!(error.contains("the journal was not changed"), "{error}");
        assert_eq!(file_hash(&journal), journal_hash, "{expected}");
        assert_eq!(names_in(dir.path()), before, "{expected}");
    }
    assert_eq!(file_hash(&newer), newer_hash, "the backup is only read");
}

#[test]
fn an_older_backup_is_upgraded_and_a_missing_journal_is_simply_created() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let backup = fixture("journals/v1.tripjournal");
    let backup_hash = file_hash(&backup);
    let output = restore_ok(&journal, &backup);
    assert!(
        output.contains(&format!("upgraded to schema version {LATEST_VERSION}")),
        "{output}"
    );
    assert!(output.contains("there was no journal before"), "{output}");
    assert_eq!(file_hash(&backup), backup_hash, "the fixture is untouched");
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");
}

#[test]
fn a_damaged_journal_is_kept_aside_as_it_was_with_its_wal() {
    let (dir, journal, backup) = berlin_with_backup();
    std::fs::write(&journal, "scribbled over\n".repeat(1000)).expect("write");
    std::fs::write(dir.path().join("journal.sqlite-wal"), "an old wal").expect("write");
    let output = cli_run(&journal, &["restore", backup.to_str().expect("UTF-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let kept = kept_as(&stdout(&output));
    assert_eq!(
        std::fs::read_to_string(&kept).expect("kept"),
        "scribbled over\n".repeat(1000)
    );
    let mut kept_wal = kept.into_os_string();
    kept_wal.push("-wal");
    assert_eq!(
        std::fs::read_to_string(kept_wal).expect("kept wal"),
        "an old wal"
    );
    assert_eq!(cli_ok(&journal, &["check"]).trim(), "ok");
    assert_eq!(trip_names(&journal), ["Berlin"]);
}
