use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tempfile::TempDir;
use tripjournal::model::{TripFields, TripId};
use tripjournal::store::Store;

/// A journal in its own temporary folder, removed when dropped.
pub struct TempJournal {
    pub dir: TempDir,
    pub store: Store,
}

impl TempJournal {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("journal.sqlite")).expect("new journal opens");
        TempJournal { dir, store }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("journal.sqlite")
    }

    /// A trip in Berlin's time zone.
    pub fn berlin_trip(&self) -> TripId {
        let mut fields = TripFields::named("Berlin Summit 2018");
        fields.city = "Berlin".into();
        fields.time_zone = chrono_tz::Europe::Berlin;
        self.store.create_trip(&fields).expect("trip is created")
    }
}

/// Path of a committed fixture in tests/data, checked to exist.
pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    assert!(
        path.exists(),
        "fixture missing: {} (run tests/data/make-fixtures.sh)",
        path.display()
    );
    path
}

/// The HEIF converters tripjournal looks for on this OS, in its order.
pub const HEIF_CONVERTERS: &[&str] = if cfg!(target_os = "macos") {
    &["sips", "heif-dec", "heif-convert"]
} else if cfg!(windows) {
    &["heif-dec.exe", "heif-convert.exe"]
} else {
    &["heif-dec", "heif-convert"]
};

/// Whether one of [`HEIF_CONVERTERS`] is on PATH, so HEIC and AVIF photos decode here.
pub fn heif_converter_on_path() -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path).any(|folder| {
        HEIF_CONVERTERS
            .iter()
            .any(|name| folder.join(name).is_file())
    })
}

/// `found`, after saying the test is skipped when a tool is missing; where `CI` is set (CI
/// installs every tool) a missing tool fails the test instead.
pub fn present_or_skipped(found: bool, missing: &str) -> bool {
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "not installed: {missing}; .ci/run installs it"
        );
        eprintln!("skipped: not installed: {missing}");
    }
    found
}

/// The built `tripjournal` binary on a journal, ready to run.
pub fn cli_command(journal: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_tripjournal"));
    command
        .arg("--journal")
        .arg(journal)
        .args(args)
        .env_remove("TRIPJOURNAL_JOURNAL");
    command
}

/// Runs the built `tripjournal` binary on a journal and returns its output.
pub fn cli_run(journal: &Path, args: &[&str]) -> Output {
    cli_command(journal, args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}

/// Runs a command that must succeed and returns its stdout.
pub fn cli_ok(journal: &Path, args: &[&str]) -> String {
    let output = cli_run(journal, args);
    assert!(
        output.status.success(),
        "{args:?} failed: {}{}",
        stdout(&output),
        stderr(&output)
    );
    stdout(&output)
}

/// Asserts a command failed with `code` and one `error:` line on stderr.
pub fn cli_fails(journal: &Path, args: &[&str], code: i32) -> String {
    failed_with_one_line(&cli_run(journal, args), args, code)
}

/// Like [`cli_fails`], also returning the CPU time the command took (see
/// [`output_timed_on_cpu`]), for refusals promised to be quick.
pub fn cli_fails_on_cpu(journal: &Path, args: &[&str], code: i32) -> (String, Duration) {
    let (output, took) = output_timed_on_cpu(&mut cli_command(journal, args));
    (failed_with_one_line(&output, args, code), took)
}

fn failed_with_one_line(output: &Output, args: &[&str], code: i32) -> String {
    assert_eq!(
        output.status.code(),
        Some(code),
        "{args:?}: {}",
        stderr(output)
    );
    let err = stderr(output);
    assert!(err.starts_with("error: "), "{args:?}: stderr {err:?}");
    assert_eq!(
        err.trim_end().lines().count(),
        1,
        "{args:?}: one line expected, got {err:?}"
    );
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    err
}

/// The names of the files in `dir`, sorted.
pub fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the folder lists")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.sort();
    names
}

/// A small deterministic random generator (xorshift) so the stress tests can print their seed
/// and be replayed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }

    /// A seed from the clock, or from `TRIPJOURNAL_SEED` to replay a run.
    pub fn seed_from_env() -> u64 {
        std::env::var("TRIPJOURNAL_SEED")
            .ok()
            .and_then(|text| text.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(1, |d| d.as_nanos() as u64)
            })
    }

    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..bound` (bound > 0).
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound
    }
}

/// What `work` returns and how long it kept the calling thread busy: its time on a CPU where
/// Linux tells it (`/proc/thread-self/schedstat`), so that waiting for a CPU on a loaded
/// machine does not count against a promise of speed; elsewhere the time on the clock.
pub fn timed_on_cpu<T>(work: impl FnOnce() -> T) -> (T, Duration) {
    fn on_cpu() -> Option<Duration> {
        let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
        let nanos = text.split_whitespace().next()?.parse().ok()?;
        Some(Duration::from_nanos(nanos))
    }
    let (cpu, clock) = (on_cpu(), Instant::now());
    let value = work();
    let took = match (cpu, on_cpu()) {
        (Some(before), Some(after)) => after.saturating_sub(before),
        _ => clock.elapsed(),
    };
    (value, took)
}

/// How long a test waits for something that comes on its own: an answer of the journal
/// thread, a line of a child process, a file. Waits end as soon as it comes, so this bounds
/// only a failing run; it is long because on a loaded machine (the tests at nice 19 beside
/// CPU hogs) the app runs fifty times slower or more, and a slow machine is no failure.
pub const PATIENCE: Duration = Duration::from_secs(120);

/// Runs `command` to its end (stdin empty, stdout and stderr captured) and returns its output
/// with the CPU time it used, its own and that of the children it waited for, read from
/// `/proc/PID/stat` just before it is reaped: a loaded machine that keeps it waiting for a CPU
/// does not count against a promise of speed. Where there is no /proc, the time on the clock.
pub fn output_timed_on_cpu(command: &mut Command) -> (Output, Duration) {
    use std::io::Read;
    let started = Instant::now();
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    let drain = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            pipe.read_to_end(&mut bytes).expect("reads the pipe");
            bytes
        })
    };
    let stdout = drain(Box::new(child.stdout.take().expect("stdout")));
    let stderr = drain(Box::new(child.stderr.take().expect("stderr")));
    let stat = PathBuf::from(format!("/proc/{}/stat", child.id()));
    let mut on_cpu = None;
    // A zombie keeps its times until it is reaped (which try_wait would do), so /proc is read
    // until the process is one.
    while let Ok(text) = std::fs::read_to_string(&stat) {
        let fields: Vec<&str> = text
            .rsplit_once(')')
            .map(|(_, rest)| rest.split_whitespace().collect())
            .unwrap_or_default();
        if fields.first() == Some(&"Z") {
            // utime, stime, cutime and cstime (fields 14-17), in clock ticks (USER_HZ, which
            // is 100 on Linux).
            let ticks: u64 = fields[11..15]
                .iter()
                .map(|field| field.parse::<u64>().expect("a tick count"))
                .sum();
            on_cpu = Some(Duration::from_millis(ticks * 10));
            break;
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            panic!("{command:?} did not end within {PATIENCE:?}");
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    let status = child.wait().expect("the command ends");
    let output = Output {
        status,
        stdout: stdout.join().expect("stdout read"),
        stderr: stderr.join().expect("stderr read"),
    };
    (output, on_cpu.unwrap_or_else(|| started.elapsed()))
}

/// A count from an environment variable (for longer opt-in runs), or the default.
pub fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(default)
}

/// Writes `count` distinct photo-like JPEGs of `width`×`height` into `dir`.
pub fn write_distinct_jpegs(dir: &Path, count: usize, width: u32, height: u32) -> Vec<PathBuf> {
    (0..count)
        .map(|index| {
            let mut rng = Rng::new(index as u64 * 7919 + 17);
            let image = image::RgbImage::from_fn(width, height, |x, y| {
                let noise = (rng.next() % 32) as u8;
                image::Rgb([
                    (x * 255 / width) as u8 ^ noise,
                    (y * 255 / height) as u8,
                    (index * 37 % 256) as u8 ^ noise,
                ])
            });
            let path = dir.join(format!("photo-{index:03}.jpg"));
            image.save(&path).expect("writes a JPEG");
            path
        })
        .collect()
}

/// The YAML front matter at the top of an exported post, parsed.
pub fn front_matter(markdown: &str) -> yaml_rust2::Yaml {
    let rest = markdown
        .strip_prefix("---\n")
        .expect("front matter starts the post");
    let end = rest.find("\n---\n").expect("front matter ends");
    let mut documents =
        yaml_rust2::YamlLoader::load_from_str(&rest[..end]).expect("front matter is valid YAML");
    documents.remove(0)
}

/// The strings of a YAML list (empty when it is not a list).
pub fn yaml_strings(list: &yaml_rust2::Yaml) -> Vec<&str> {
    list.as_vec()
        .map(|items| items.iter().filter_map(yaml_rust2::Yaml::as_str).collect())
        .unwrap_or_default()
}

/// The post split after its front matter (which the site generators do not run as code).
fn split_front_matter(text: &str) -> (&str, &str) {
    match text
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n"))
    {
        Some(end) => text.split_at(end + "---\n".len() + "\n---\n".len()),
        None => ("", text),
    }
}

/// The Markdown Jekyll hands on after Liquid: the export's `{{ "{" }}` prints a brace.
pub fn as_jekyll_shows_it(text: &str) -> String {
    let (front, body) = split_front_matter(text);
    format!("{front}{}", body.replace("{{ \"{\" }}", "{"))
}

/// The Markdown Hugo hands on after shortcodes: the export's comment form prints the
/// shortcode as typed, and the word joiner it puts into an unclosed opening is invisible.
pub fn as_hugo_shows_it(text: &str) -> String {
    let (front, body) = split_front_matter(text);
    let shown = body
        .replace("{{</*", "{{<")
        .replace("*/>}}", ">}}")
        .replace("{{%/*", "{{%")
        .replace("*/%}}", "%}}")
        .replace("{{\u{2060}", "{{");
    format!("{front}{shown}")
}

/// A file or folder made read-only the way a user meets one, undone when dropped: as root
/// (as on CI, where chmod stops nothing) a read-only bind mount of it, so writing fails with
/// "read-only file system"; otherwise its write permission taken away.
pub struct ReadOnly {
    path: PathBuf,
    mounted: bool,
}

impl ReadOnly {
    /// Makes `path` read-only; None (said on the output) where this machine does not allow
    /// it (root without mount rights).
    pub fn make(path: &Path) -> Option<ReadOnly> {
        if !rustix::process::geteuid().is_root() {
            let mode = if path.is_dir() { 0o555 } else { 0o444 };
            set_mode(path, mode);
            return Some(ReadOnly {
                path: path.to_path_buf(),
                mounted: false,
            });
        }
        let mount = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(path)
                .arg(path)
                .output()
                .is_ok_and(|output| output.status.success())
        };
        if !mount(&["--bind"]) {
            println!("skipped: cannot bind-mount here (root without CAP_SYS_ADMIN)");
            return None;
        }
        let guard = ReadOnly {
            path: path.to_path_buf(),
            mounted: true,
        };
        let remounted = Command::new("mount")
            .args(["-o", "remount,ro,bind"])
            .arg(path)
            .status()
            .is_ok_and(|status| status.success());
        assert!(remounted, "remount read-only: {}", path.display());
        Some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        if self.mounted {
            let _ = Command::new("umount").arg("-l").arg(&self.path).status();
        } else {
            set_mode(&self.path, if self.path.is_dir() { 0o755 } else { 0o644 });
        }
    }
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}
