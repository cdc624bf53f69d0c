//! Reminders as desktop notifications where the session bus is missing or never answers:
//! sending returns at once and the program goes on. The bus address is read from the
//! environment, so each case runs this test binary again as a child with its own address.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::net::UnixListener;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use tripjournal::app::{DesktopNotification, DesktopNotifier};

/// Set in a child run: the child sends notifications instead of starting more children.
const CHILD: &str = "TRIPJOURNAL_NOTIFY_CHILD";

/// In a child run: sends two reminders and says "sent". With `CHILD=finish` it then waits
/// for the worker to give up on a missing service; with `CHILD=hold` it waits until the
/// parent closes its standard input (a silent bus keeps the worker waiting for ever).
#[test]
fn notify_child() {
    let Some(mode) = std::env::var_os(CHILD) else {
        return;
    };
    let mut notifier = DesktopNotifier::default();
    for title in ["First talk", "Second talk"] {
        notifier.send(DesktopNotification {
            summary: title.into(),
            body: "Starts at 10:00 in Saal 1".into(),
        });
    }
    println!("sent");
    if mode == "finish" {
        notifier.finish();
    } else {
        let _ = std::io::stdin().read_to_end(&mut Vec::new());
    }
}

/// The child (`mode` "finish" or "hold") with `bus` as the session bus address.
fn spawn_child(bus: &str, mode: &str) -> Child {
    Command::new(std::env::current_exe().expect("test binary"))
        .args(["--exact", "notifications::notify_child", "--nocapture"])
        .env(CHILD, mode)
        .env("DBUS_SESSION_BUS_ADDRESS", bus)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("child")
}

/// Waits for the child to exit (failing if it hangs) and returns its stdout and stderr.
fn finished(mut child: Child) -> (String, String) {
    let started = Instant::now();
    while child.try_wait().expect("child state").is_none() {
        if started.elapsed() > PATIENCE {
            child.kill().ok();
            panic!("sending a notification held the program up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut out = String::new();
    let mut err = String::new();
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_string(&mut out).ok();
    }
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .ok();
    (out, err)
}

/// How long a child may take on a loaded machine before it counts as hung.
const PATIENCE: Duration = Duration::from_secs(60);

#[test]
fn without_a_session_bus_a_reminder_is_dropped_with_one_line() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-bus");
    let child = spawn_child(&format!("unix:path={}", missing.display()), "finish");
    let (out, err) = finished(child);
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
    let (accepted, connection) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = accepted.send(listener.accept().map(|(stream, _)| stream));
    });
    let mut child = spawn_child(&format!("unix:path={}", socket.display()), "hold");
    // The test harness prints its own lines first; "sent" means both sends returned.
    let stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let sent = stdout
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("sent"));
    assert!(sent, "the sends returned");
    // The worker is connected to the bus, which never answers; the child goes on regardless.
    let stream = connection
        .recv_timeout(PATIENCE)
        .expect("the child tried the bus");
    assert!(stream.is_ok(), "the child did try the bus");
    drop(child.stdin.take());
    let (_, err) = finished(child);
    assert!(!err.contains("panicked"), "{err}");
}
