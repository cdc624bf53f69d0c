//! `tripjournal photo watch --trip TRIP DIR` in the foreground: one line per photo as
//! `photo add` prints, temporary names waited for, exit 0 on SIGTERM, and a missing or
//! non-folder DIR refused with one line.

use std::io::{BufRead, BufReader};
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use crate::util::{PATIENCE, TempJournal, cli_command, cli_fails, cli_ok, fixture};

/// Reads the child's stdout lines on a thread.
fn stdout_lines(child: &mut Child) -> Receiver<String> {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (sender, lines) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if sender.send(line).is_err() {
                break;
            }
        }
    });
    lines
}

/// The lines read until `count` arrived or `limit` passed.
fn wait_lines(lines: &Receiver<String>, count: usize, limit: Duration) -> Vec<String> {
    let deadline = Instant::now() + limit;
    let mut got = Vec::new();
    while got.len() < count {
        let Some(left) = deadline.checked_duration_since(Instant::now()) else {
            break;
        };
        match lines.recv_timeout(left) {
            Ok(line) => got.push(line),
            Err(_) => break,
        }
    }
    got
}

#[cfg(unix)]
#[test]
fn photo_watch_imports_arriving_photos_and_exits_0_on_sigterm() {
    let journal = TempJournal::new();
    journal.berlin_trip();
    let folder = journal.dir.path().join("Camera");
    std::fs::create_dir(&folder).expect("folder");
    std::fs::copy(fixture("plain.jpg"), folder.join("already.jpg")).expect("copy");
    let mut child = cli_command(
        &journal.path(),
        &["photo", "watch", "--trip", "Berlin Summit 2018"],
    )
    .arg(&folder)
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("photo watch starts");
    let lines = stdout_lines(&mut child);
    let first = wait_lines(&lines, 1, PATIENCE);
    assert_eq!(
        first.len(),
        1,
        "the photo already there is imported: {first:?}"
    );
    assert!(
        first[0].starts_with("imported 1 ") && first[0].ends_with("already.jpg"),
        "{first:?}"
    );

    std::fs::copy(fixture("second.jpg"), folder.join("IMG_0002.jpg")).expect("copy");
    let part = folder.join("IMG_0003.jpg.part");
    std::fs::copy(fixture("orient6_gps.jpg"), &part).expect("copy");
    std::fs::copy(fixture("plain.jpg"), folder.join("copy of already.jpg")).expect("copy");
    std::fs::write(folder.join("IMG_0004.MOV"), b"a video").expect("video");
    // The two complete photos while the third still has its temporary name, then the third
    // once renamed: three lines in all, however the first wait ended.
    let mut more = wait_lines(&lines, 2, PATIENCE);
    std::fs::rename(&part, folder.join("IMG_0003.jpg")).expect("rename");
    more.extend(wait_lines(
        &lines,
        3usize.saturating_sub(more.len()),
        PATIENCE,
    ));
    more.sort();
    assert_eq!(more.len(), 3, "{more:?}");
    assert!(
        more[0].starts_with("duplicate 1 ") && more[0].ends_with("copy of already.jpg"),
        "{more:?}"
    );
    assert!(
        more[1].starts_with("imported ") && more[1].ends_with("IMG_0002.jpg"),
        "{more:?}"
    );
    assert!(
        more[2].starts_with("imported ") && more[2].ends_with("IMG_0003.jpg"),
        "{more:?}"
    );
    assert!(
        !more
            .iter()
            .any(|line| line.contains(".part") || line.contains("MOV"))
    );

    let pid = child.id().to_string();
    let kill = std::process::Command::new("kill")
        .args(["-TERM", &pid])
        .output()
        .expect("kill runs");
    assert!(kill.status.success());
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            Instant::now() < deadline,
            "photo watch did not exit within {PATIENCE:?} of SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0), "exit code after SIGTERM");

    let listed = cli_ok(
        &journal.path(),
        &["photo", "list", "--trip", "Berlin Summit 2018"],
    );
    let names: Vec<&str> = listed
        .lines()
        .filter_map(|l| l.split('\t').nth(3))
        .collect();
    assert_eq!(
        names,
        ["already.jpg", "IMG_0002.jpg", "IMG_0003.jpg"],
        "{listed}"
    );
    assert!(
        listed.lines().all(|l| l.split('\t').nth(1) == Some("-")),
        "unassigned: {listed}"
    );
}

#[test]
fn photo_watch_refuses_a_missing_folder_or_a_file() {
    let journal = TempJournal::new();
    journal.berlin_trip();
    let missing = journal.dir.path().join("nope");
    let missing = missing.to_str().expect("UTF-8 temp path");
    let err = cli_fails(
        &journal.path(),
        &["photo", "watch", "--trip", "1", missing],
        2,
    );
    assert!(err.contains("does not exist"), "{err}");
    let file = fixture("plain.jpg");
    let file = file.to_str().expect("UTF-8 path");
    let err = cli_fails(&journal.path(), &["photo", "watch", "--trip", "1", file], 2);
    assert!(err.contains("not a folder"), "{err}");
}

/// Starts `photo watch` on `folder` and waits until it says it is watching.
#[cfg(unix)]
fn start_watch(journal: &std::path::Path, folder: &std::path::Path) -> (Child, Receiver<String>) {
    let mut child = cli_command(journal, &["photo", "watch", "--trip", "1"])
        .arg(folder)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("photo watch starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (sender, started) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.starts_with("watching ") {
                let _ = sender.send(());
            }
        }
    });
    started
        .recv_timeout(PATIENCE)
        .expect("photo watch says it is watching");
    let lines = stdout_lines(&mut child);
    (child, lines)
}

#[cfg(unix)]
fn stop_watch(mut child: Child) {
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .output();
    let _ = child.wait();
}

/// The CPU time (user and system) a process has used so far, from /proc.
#[cfg(target_os = "linux")]
fn cpu_time_of(pid: u32) -> Duration {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("the process runs");
    // Fields after the command name (which may hold spaces) in parentheses.
    let after = stat.rsplit_once(") ").expect("stat format").1;
    let fields: Vec<&str> = after.split(' ').collect();
    let ticks: u64 =
        fields[11].parse::<u64>().expect("utime") + fields[12].parse::<u64>().expect("stime");
    let per_second: u64 = std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|out| String::from_utf8_lossy(&out.stdout).trim().parse().ok())
        .unwrap_or(100);
    Duration::from_secs_f64(ticks as f64 / per_second as f64)
}

#[cfg(target_os = "linux")]
#[test]
fn photo_watch_costs_almost_nothing_while_the_folder_is_idle() {
    let journal = TempJournal::new();
    journal.berlin_trip();
    let folder = journal.dir.path().join("Camera");
    std::fs::create_dir_all(folder.join("2018/11")).expect("folders");
    let (child, _lines) = start_watch(&journal.path(), &folder);
    let before = cpu_time_of(child.id());
    let idle = Duration::from_secs(6);
    std::thread::sleep(idle);
    let used = cpu_time_of(child.id()) - before;
    stop_watch(child);
    // A watch woken by its own looks used about half of each second; idle it looks every
    // 2 s. CPU time, so a busy machine does not count against it.
    assert!(
        used < Duration::from_millis(300),
        "photo watch used {used:?} of CPU in {idle:?} on an idle folder"
    );
}

#[cfg(unix)]
#[test]
fn photo_watch_says_once_what_became_of_a_pipe_an_empty_file_and_a_link() {
    let journal = TempJournal::new();
    journal.berlin_trip();
    let folder = journal.dir.path().join("Camera");
    std::fs::create_dir(&folder).expect("folder");
    let made = std::process::Command::new("mkfifo")
        .arg(folder.join("pipe.jpg"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::fs::write(folder.join("empty.jpg"), b"").expect("empty file");
    let outside = journal.dir.path().join("private.jpg");
    std::fs::copy(fixture("plain.jpg"), &outside).expect("copy");
    std::os::unix::fs::symlink(&outside, folder.join("link.jpg")).expect("link");

    let (child, lines) = start_watch(&journal.path(), &folder);
    let mut said = wait_lines(&lines, 3, PATIENCE);
    said.sort();
    assert_eq!(said.len(), 3, "{said:?}");
    let expect = [
        ("empty.jpg", "the file is empty"),
        ("link.jpg", "symbolic link"),
        ("pipe.jpg", "not a regular file"),
    ];
    for (line, (name, reason)) in said.iter().zip(expect) {
        assert!(
            line.starts_with("failed ") && line.contains(name) && line.contains(reason),
            "{line}"
        );
    }
    // Nothing more is said about them, in this run or the next.
    assert_eq!(
        wait_lines(&lines, 1, Duration::from_secs(5)),
        Vec::<String>::new()
    );
    stop_watch(child);
    let (child, lines) = start_watch(&journal.path(), &folder);
    assert_eq!(
        wait_lines(&lines, 1, Duration::from_secs(5)),
        Vec::<String>::new()
    );
    stop_watch(child);
    let photos = cli_ok(&journal.path(), &["photo", "list", "--trip", "1"]);
    assert_eq!(photos, "", "nothing was imported: {photos}");
}
