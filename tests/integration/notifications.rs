//! Reminders as desktop notifications where the session bus is missing or never answers:
//! sending returns at once and the program goes on. The bus address is read from the
//! environment, so each case runs this test binary again as a child with its own address.

use std::io::Read;
use std::os::unix::net::UnixListener;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tripjournal::app::{DesktopNotification, DesktopNotifier};

/// Set in a child run: the child sends notifications instead of starting more children.
const CHILD: &str = "TRIPJOURNAL_NOTIFY_CHILD";

/// In a child run: sends two reminders, says "sent", and waits long enough for the worker
/// to report a missing service before exiting (a silent bus keeps the worker waiting).
#[test]
fn notify_child() {
    if std::env::var_os(CHILD).is_none() {
        return;
    }
    let mut notifier = DesktopNotifier::default();
    for title in ["First talk", "Second talk"] {
        notifier.send(DesktopNotification {
            summary: title.into(),
            body: "Starts at 10:00 in Saal 1".into(),
        });
    }
    println!("sent");
    std::thread::sleep(Duration::from_secs(2));
}

/// Runs the child with `bus` as the session bus address; its stdout and stderr.
fn run_child(bus: &str) -> (String, String) {
    let mut child = Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "notifications::notify_child", "--nocapture"])
        .env(CHILD, "1")
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("child");
    let started = Instant::now();
    while child.try_wait().expect("child state").is_none() {
        if started.elapsed() > Duration::from_secs(30) {
            child.kill().ok();
            panic!("sending a notification held the program up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .expect("stdout")
        .read_to_string(&mut out)
        .ok();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .ok();
    (out, err)
}

#[test]
fn without_a_session_bus_a_reminder_is_dropped_with_one_line() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-bus");
    let (out, err) = run_child(&format!("unix:path={}", missing.display()));
    assert!(out.contains("sent"), "child output: {out}\n{err}");
    let lines = err
        .lines()
        .filter(|line| line.contains("desktop notifications unavailable"))
        .count();
    assert_eq!(lines, 1, "one line for two reminders: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_bus_that_never_answers_does_not_hold_up_the_sender() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let socket = dir.path().join("silent-bus");
    let listener = UnixListener::bind(&socket).expect("silent bus");
    let accepted = std::thread::spawn(move || listener.accept().map(|(stream, _)| stream));
    let (out, err) = run_child(&format!("unix:path={}", socket.display()));
    assert!(out.contains("sent"), "child output: {out}\n{err}");
    assert!(!err.contains("panicked"), "{err}");
    let stream = accepted.join().expect("accept thread");
    assert!(stream.is_ok(), "the child did try the bus");
}
