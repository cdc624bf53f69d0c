//! The real `tripjournal` window in a real X server (Xvfb), driven the way a person uses it:
//! the CLI makes a trip, the app opens on it, Ctrl+1 starts a session whose title is typed with
//! `xdotool`, a PNG and then text are pasted from the X clipboard (owned by `xclip`), a few
//! more words are typed and SIGTERM ends the app while that last edit is still pending. The
//! CLI then reads the journal: the session's title holds what was typed and pasted, in order,
//! and the pasted image is the entry's one photo. This covers what the kittest GUI tests
//! cannot: winit's keyboard and clipboard, eframe's clipboard feature and the signal path.
//! `.ci/run` installs Xvfb, xdotool and xclip; elsewhere a missing one is reported as skipped
//! (and fails under CI=true). When ImageMagick's `import` is there, a screenshot is taken; on
//! failure the test's folder (journal, screenshot, the app's output) is kept and named.

use std::fs::File;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{PATIENCE, cli_run, stderr, stdout};

/// The programs the test runs, with the Debian package of each.
const TOOLS: [(&str, &str); 3] = [("Xvfb", "xvfb"), ("xdotool", "xdotool"), ("xclip", "xclip")];

/// The pasted image's size, which the stored photo must have.
const PNG_WIDTH: u32 = 48;
const PNG_HEIGHT: u32 = 36;

const TYPED_FIRST: &str = "Keynote ";
const PASTED_TEXT: &str = "pasted words";
const TYPED_LAST: &str = " end";

/// Whether `program` is an executable file on PATH.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|path| {
        std::env::split_paths(&path).any(|dir| {
            std::fs::metadata(dir.join(program))
                .is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        })
    })
}

fn tools_available() -> bool {
    let missing: Vec<String> = TOOLS
        .iter()
        .filter(|(program, _)| !on_path(program))
        .map(|(program, package)| format!("{program} (Debian package {package})"))
        .collect();
    if missing.is_empty() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "not installed: {}; .ci/run installs them",
        missing.join(", ")
    );
    eprintln!("skipped: not installed: {}", missing.join(", "));
    false
}

/// A child process that is ended (if still running) and reaped when dropped, so a failing
/// test leaves no X server, app or clipboard owner behind: SIGTERM first, so that Xvfb removes
/// its socket, then SIGKILL after 5 s.
struct Killed {
    child: Child,
    name: &'static str,
}

impl Killed {
    fn new(child: Child, name: &'static str) -> Self {
        Killed { child, name }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Killed {
    fn drop(&mut self) {
        if !matches!(self.child.try_wait(), Ok(None)) {
            return;
        }
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let ended = poll(Duration::from_secs(5), || {
            self.child.try_wait().ok().flatten()
        });
        if ended.is_none()
            && let Err(error) = self.child.kill()
        {
            eprintln!("cannot kill {} ({}): {error}", self.name, self.child.id());
        }
        let _ = self.child.wait();
    }
}

/// The test's temporary folder; kept (and named on stderr) when the test fails.
struct Scratch(Option<tempfile::TempDir>);

impl Scratch {
    fn path(&self) -> &Path {
        self.0.as_ref().expect("the folder is there").path()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if std::thread::panicking()
            && let Some(dir) = self.0.take()
        {
            eprintln!(
                "real_window: the test's files are kept in {}",
                dir.keep().display()
            );
        }
    }
}

/// An Xvfb server on a display number it picked itself (`-displayfd`), killed when dropped.
struct Xvfb {
    display: String,
    _server: Killed,
}

impl Xvfb {
    fn start(log: &Path) -> Self {
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1280x800x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(File::create(log).expect("Xvfb log"))
            .spawn()
            .expect("Xvfb starts");
        let out = child.stdout.take().expect("Xvfb stdout");
        let server = Killed::new(child, "Xvfb");
        // Xvfb writes the display number once it accepts connections.
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let mut line = String::new();
            let _ = BufReader::new(out).read_line(&mut line);
            let _ = sender.send(line);
        });
        let line = receiver
            .recv_timeout(Duration::from_secs(20))
            .unwrap_or_default();
        let number = line.trim();
        assert!(
            !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()),
            "Xvfb gave no display number ({line:?}): {}",
            std::fs::read_to_string(log).unwrap_or_default()
        );
        Xvfb {
            display: format!(":{number}"),
            _server: server,
        }
    }

    /// A command of an X tool on this display.
    fn command(&self, program: &str) -> Command {
        let mut command = Command::new(program);
        command
            .env("DISPLAY", &self.display)
            .env_remove("WAYLAND_DISPLAY")
            .stdin(Stdio::null());
        command
    }

    /// Runs an X tool to its end (at most `timeout`) and returns its output.
    fn run(&self, program: &str, args: &[&str], timeout: Duration) -> Output {
        let child = self
            .command(program)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("{program} does not start: {error}"));
        wait_output(child, timeout, &format!("{program} {args:?}"))
    }

    /// Runs an X tool that must succeed.
    fn ok(&self, program: &str, args: &[&str], app: &App) {
        let output = self.run(program, args, Duration::from_secs(20));
        assert!(
            output.status.success(),
            "{program} {args:?} failed: {}{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr),
            app.report()
        );
    }
}

/// Waits for a child whose output is small, killing it after `timeout`.
fn wait_output(mut child: Child, timeout: Duration, what: &str) -> Output {
    let deadline = Instant::now() + timeout;
    while matches!(child.try_wait(), Ok(None)) {
        if Instant::now() > deadline {
            let _ = child.kill();
            let output = child.wait_with_output().expect("output");
            panic!(
                "{what} did not end within {timeout:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// The running app, with where its output goes.
struct App {
    process: Killed,
    stderr: PathBuf,
}

impl App {
    /// What the app wrote on stderr, for assertion messages.
    fn report(&self) -> String {
        format!(
            "--- the app's stderr ---\n{}------------------------",
            std::fs::read_to_string(&self.stderr).unwrap_or_default()
        )
    }

    /// Fails the test (with its stderr) if the app has ended.
    fn assert_running(&mut self, when: &str) {
        if let Ok(Some(status)) = self.process.child.try_wait() {
            panic!("the app ended {when} ({status})\n{}", self.report());
        }
    }
}

/// The app's window id, once eframe has mapped it (after its first frame).
fn wait_for_window(x: &Xvfb, app: &mut App) -> String {
    poll(PATIENCE, || {
        app.assert_running("before its window showed");
        let output = x.run(
            "xdotool",
            &["search", "--onlyvisible", "--name", "^tripjournal$"],
            Duration::from_secs(10),
        );
        stdout(&output).lines().next().map(str::to_string)
    })
    .unwrap_or_else(|| {
        panic!(
            "no tripjournal window within {PATIENCE:?}\n{}",
            app.report()
        )
    })
}

/// Polls `probe` every 100 ms until it gives a value or `timeout` passes.
fn poll<T>(timeout: Duration, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(value) = probe() {
            return Some(value);
        }
        if Instant::now() > deadline {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs the CLI on the journal and parses its JSON output.
fn cli_json(journal: &Path, args: &[&str]) -> (Value, String) {
    let output = cli_run(journal, args);
    let text = stdout(&output);
    assert!(
        output.status.success(),
        "{args:?} failed: {text}{}",
        stderr(&output)
    );
    let value =
        serde_json::from_str(&text).unwrap_or_else(|error| panic!("{args:?}: {error}: {text}"));
    (value, text)
}

/// Makes `xclip` own the clipboard with `data` as `target` (or plain text); it serves the
/// selection until another owner takes it or it is killed.
fn own_clipboard(x: &Xvfb, target: Option<&str>, data: &[u8], app: &App) -> Killed {
    let mut command = x.command("xclip");
    command.args(["-quiet", "-selection", "clipboard"]);
    if let Some(target) = target {
        command.args(["-t", target]);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("xclip starts");
    {
        let mut input = child.stdin.take().expect("xclip stdin");
        input.write_all(data).expect("xclip reads its input");
    }
    let owner = Killed::new(child, "xclip");
    // The selection is owned once xclip has read its input: wait until it answers.
    let wanted = target.unwrap_or("UTF8_STRING");
    let owned = poll(Duration::from_secs(10), || {
        let output = x.run(
            "xclip",
            &["-selection", "clipboard", "-o", "-t", "TARGETS"],
            Duration::from_secs(5),
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .any(|line| line.trim() == wanted)
            .then_some(())
    });
    assert!(
        owned.is_some(),
        "xclip did not offer {wanted} on the clipboard\n{}",
        app.report()
    );
    owner
}

#[test]
fn typing_pasting_and_sigterm_in_a_real_x_window() {
    if !tools_available() {
        return;
    }
    let started = Instant::now();
    let scratch = Scratch(Some(tempfile::tempdir().expect("temp dir")));
    let dir = scratch.path().to_path_buf();
    let home = dir.join("home");
    std::fs::create_dir(&home).expect("home");
    let journal = dir.join("journal.sqlite");
    let png = dir.join("clip.png");
    image::RgbaImage::from_fn(PNG_WIDTH, PNG_HEIGHT, |x, y| {
        image::Rgba([(x * 5) as u8, (y * 7) as u8, 200, 255])
    })
    .save(&png)
    .expect("writes the PNG");

    let output = cli_run(
        &journal,
        &[
            "trip",
            "new",
            "--name",
            "Real Window Summit",
            "--city",
            "Berlin",
            "--tz",
            "Europe/Berlin",
        ],
    );
    assert!(output.status.success(), "trip new: {}", stderr(&output));
    let trip = stdout(&output).trim().to_string();

    // Dropped last: the X server outlives the app and the clipboard owners.
    let x = Xvfb::start(&dir.join("xvfb.log"));
    let app_stderr = dir.join("app.stderr");
    let child = x
        .command(env!("CARGO_BIN_EXE_tripjournal"))
        .arg("--journal")
        .arg(&journal)
        .env("HOME", &home)
        .env_remove("TRIPJOURNAL_JOURNAL")
        .env_remove("XDG_DATA_HOME")
        .env_remove("XDG_CONFIG_HOME")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(File::create(dir.join("app.stdout")).expect("stdout file"))
        .stderr(File::create(&app_stderr).expect("stderr file"))
        .spawn()
        .expect("the app starts");
    let mut app = App {
        process: Killed::new(child, "tripjournal"),
        stderr: app_stderr,
    };

    let window = wait_for_window(&x, &mut app);
    // No window manager: give the window the keyboard focus directly.
    x.ok("xdotool", &["windowfocus", "--sync", &window], &app);
    app.assert_running("after its window showed");

    // Ctrl+1 and the title at once, as a person types, once the person sees the trip open.
    // Nothing outside the window tells when it is, so the journal is asked instead: a
    // session appears there only if the trip was open when Ctrl+1 came. Before that the app
    // refuses Ctrl+1 ("Open or create a trip first") and drops the keys typed after it, and
    // the person presses Ctrl+1 again after a minute without a session; the title is checked
    // in full at the end.
    let entry_list = ["entry", "list", "--trip", trip.as_str(), "--json"];
    let session_stored = || {
        let (entries, _) = cli_json(&journal, &entry_list);
        entries
            .as_array()
            .is_some_and(|list| list.iter().any(|e| e["kind"] == "session"))
            .then_some(())
    };
    let mut attempts = 0;
    loop {
        attempts += 1;
        x.ok("xdotool", &["key", "ctrl+1"], &app);
        x.ok("xdotool", &["type", "--delay", "60", TYPED_FIRST], &app);
        if poll(PATIENCE / 2, session_stored).is_some() {
            break;
        }
        app.assert_running("while the trip opened");
        assert!(
            attempts < 4,
            "Ctrl+1 made no session in {attempts} tries {:?} apart\n{}",
            PATIENCE / 2,
            app.report()
        );
        eprintln!("real_window: Ctrl+1 came before the trip was open; pressing it again");
    }

    let png_bytes = std::fs::read(&png).expect("the PNG");
    let _image_owner = own_clipboard(&x, Some("image/png"), &png_bytes, &app);
    x.ok("xdotool", &["key", "ctrl+v"], &app);
    // The person sees the thumbnail before copying something else: the photo is stored.
    let photo_list = ["photo", "list", "--trip", trip.as_str(), "--json"];
    let stored = poll(PATIENCE, || {
        let (photos, _) = cli_json(&journal, &photo_list);
        photos
            .as_array()
            .is_some_and(|p| !p.is_empty())
            .then_some(())
    });
    if stored.is_none() {
        let (_, photos_text) = cli_json(&journal, &photo_list);
        panic!(
            "the pasted image was not stored within {PATIENCE:?}:\n{photos_text}\n{}",
            app.report()
        );
    }

    let _text_owner = own_clipboard(&x, None, PASTED_TEXT.as_bytes(), &app);
    x.ok("xdotool", &["key", "ctrl+v"], &app);
    // The person sees the words in the title (saved a moment later) before typing on.
    let pasted = poll(PATIENCE, || {
        let (entries, _) = cli_json(&journal, &entry_list);
        entries
            .as_array()
            .is_some_and(|list| {
                list.iter().any(|e| {
                    e["title"]
                        .as_str()
                        .is_some_and(|title| title.contains(PASTED_TEXT))
                })
            })
            .then_some(())
    });
    if pasted.is_none() {
        let (_, entries_text) = cli_json(&journal, &entry_list);
        panic!(
            "the pasted text never reached an entry's title:\n{entries_text}\n{}",
            app.report()
        );
    }
    if on_path("import") {
        let shot = dir.join("shot.png");
        let shot = shot.to_string_lossy();
        let output = x.run(
            "import",
            &["-window", "root", &shot],
            Duration::from_secs(20),
        );
        if !output.status.success() {
            eprintln!("no screenshot: {}", String::from_utf8_lossy(&output.stderr));
        }
    }
    x.ok("xdotool", &["type", "--delay", "60", TYPED_LAST], &app);
    app.assert_running("while typing");

    // The last words are still waiting for the save timer: SIGTERM must save them.
    let pid = app.process.pid().to_string();
    let kill = Command::new("kill")
        .args(["-TERM", &pid])
        .output()
        .expect("kill runs");
    assert!(kill.status.success(), "kill -TERM {pid}: {}", stderr(&kill));
    let status = poll(PATIENCE, || {
        app.process.child.try_wait().expect("wait for the app")
    })
    .unwrap_or_else(|| {
        panic!(
            "the app did not exit within {PATIENCE:?} of SIGTERM\n{}",
            app.report()
        )
    });
    assert!(
        status.success(),
        "the app exited with {status} after SIGTERM\n{}",
        app.report()
    );

    let (entries, entries_text) = cli_json(&journal, &entry_list);
    let sessions: Vec<&Value> = entries
        .as_array()
        .expect("a list of entries")
        .iter()
        .filter(|e| e["kind"] == "session")
        .collect();
    assert_eq!(
        sessions.len(),
        1,
        "Ctrl+1 makes one session:\n{entries_text}\n{}",
        app.report()
    );
    let session = sessions[0];
    let expected = format!("{TYPED_FIRST}{PASTED_TEXT}{TYPED_LAST}");
    let title = session["title"].as_str().unwrap_or_default();
    let hint = if !title.is_empty() && title != expected && expected.ends_with(title) {
        "\n(the first keys typed after Ctrl+1 were lost: they came before the new entry's \
         title had the focus)"
    } else if title == expected.trim_end_matches(TYPED_LAST) {
        "\n(the words typed just before SIGTERM were not saved)"
    } else {
        ""
    };
    assert_eq!(
        title,
        expected,
        "the title holds what was typed and pasted, in order:{hint}\n{entries_text}\n{}",
        app.report()
    );

    let (photos, photos_text) = cli_json(&journal, &photo_list);
    let photos = photos.as_array().expect("a list of photos");
    assert_eq!(
        photos.len(),
        1,
        "one pasted photo:\n{photos_text}\n{}",
        app.report()
    );
    let photo = &photos[0];
    assert_eq!(
        photo["entry_id"], session["id"],
        "the pasted photo belongs to the session:\n{photos_text}\n{entries_text}"
    );
    assert_eq!(
        (photo["width"].as_u64(), photo["height"].as_u64()),
        (Some(u64::from(PNG_WIDTH)), Some(u64::from(PNG_HEIGHT))),
        "the photo has the pasted PNG's size:\n{photos_text}"
    );
    assert_eq!(photo["mime_type"], "image/png", "{photos_text}");
    eprintln!(
        "real_window: done in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// `tripjournal PATH` (what the menu entry runs for a journal double-clicked in the file
/// manager) opens that journal in the window, not the default one: the window holds the given
/// file open (its `-shm` is there while it runs) and no journal appears in the data folder.
#[test]
fn a_journal_given_as_a_file_opens_in_the_window() {
    if !tools_available() {
        return;
    }
    let scratch = Scratch(Some(tempfile::tempdir().expect("temp dir")));
    let dir = scratch.path().to_path_buf();
    let home = dir.join("home");
    std::fs::create_dir(&home).expect("home");
    let journal = dir.join("Lisbon trip.sqlite");
    let output = cli_run(&journal, &["trip", "new", "--name", "Lisbon"]);
    assert!(output.status.success(), "trip new: {}", stderr(&output));

    let x = Xvfb::start(&dir.join("xvfb.log"));
    let app_stderr = dir.join("app.stderr");
    let child = x
        .command(env!("CARGO_BIN_EXE_tripjournal"))
        .arg(&journal)
        .env("HOME", &home)
        .env_remove("TRIPJOURNAL_JOURNAL")
        .env_remove("XDG_DATA_HOME")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdout(Stdio::null())
        .stderr(File::create(&app_stderr).expect("stderr file"))
        .spawn()
        .expect("the app starts");
    let mut app = App {
        process: Killed::new(child, "tripjournal"),
        stderr: app_stderr,
    };
    wait_for_window(&x, &mut app);
    let mut shm = journal.as_os_str().to_owned();
    shm.push("-shm");
    let held = poll(PATIENCE, || PathBuf::from(&shm).exists().then_some(()));
    assert!(held.is_some(), "the window never opened the given journal");
    app.assert_running("with the journal open");
    let default = home.join(".local/share/tripjournal/journal.sqlite");
    assert!(!default.exists(), "the default journal was opened too");
}
