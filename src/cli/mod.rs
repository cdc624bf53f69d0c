//! The command line: `tripjournal [--journal PATH] COMMAND`, a thin layer over the library.
//!
//! Each command opens the journal, does one thing and prints plain text (or stable JSON with
//! `--json`, documented in README.md). New ids are printed alone on stdout so scripts can
//! capture them. Errors are one line on stderr starting with `error:`; the exit code is 2 for
//! usage and bad input and 1 for other failures.

mod commands;
mod json;
mod schedule;
mod tsv;
mod watch;

use std::path::PathBuf;

use chrono::NaiveDate;
use chrono_tz::Tz;
use clap::builder::PossibleValue;
use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::json;

pub use commands::run_command;

use crate::export::{ExportError, ExportOptions, GitProblem, Layout, Numbering, Order};
use crate::model::rules::parse_date;
use crate::model::{
    EntryKind, MealType, ModelError, Money, PatchError, PostLanguage, Rating, SessionRole,
    parse_clock_shift, parse_time_zone,
};
use crate::photos::ImportError;
use crate::store::{Store, StoreError};
use crate::watch::WatchError;

/// Lets clap list and parse the library's own names for a type (`--layout <plain|jekyll|hugo>`).
macro_rules! value_enum {
    ($type:ty, [$($variant:expr),+ $(,)?]) => {
        impl ValueEnum for $type {
            fn value_variants<'a>() -> &'a [Self] {
                &[$($variant),+]
            }
            fn to_possible_value(&self) -> Option<PossibleValue> {
                Some(PossibleValue::new(self.as_str()))
            }
        }
    };
}

value_enum!(Layout, [Layout::Plain, Layout::Jekyll, Layout::Hugo]);
value_enum!(Order, [Order::Day, Order::Kind, Order::Section]);
value_enum!(Numbering, [Numbering::None, Numbering::Section]);
value_enum!(SessionRole, [SessionRole::Attended, SessionRole::Speaker]);
value_enum!(
    MealType,
    [
        MealType::Breakfast,
        MealType::Lunch,
        MealType::Dinner,
        MealType::Snack
    ]
);

impl ValueEnum for EntryKind {
    fn value_variants<'a>() -> &'a [Self] {
        &EntryKind::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        let value = PossibleValue::new(self.as_str());
        Some(match self {
            EntryKind::Session => value.alias("talk"),
            EntryKind::FoodRating => value.alias("food"),
            _ => value,
        })
    }
}

fn parse_language(text: &str) -> Result<PostLanguage, ModelError> {
    text.parse()
}

fn parse_rating(text: &str) -> Result<Rating, ModelError> {
    text.parse()
}

/// A currency code as stored (upper case), checked at the edge.
fn parse_currency(text: &str) -> Result<String, ModelError> {
    Money::new(0, text).map(|money| money.currency().to_string())
}

/// tripjournal: a travel journal for conferences and trips, exported as Markdown blog posts.
#[derive(Debug, Parser)]
#[command(
    name = "tripjournal",
    version,
    about,
    long_about = None,
    override_usage = "tripjournal [OPTIONS] [FILE]...\n       tripjournal [OPTIONS] <COMMAND>"
)]
pub struct Cli {
    /// The journal file (default: journal.sqlite in the OS data folder).
    #[arg(long, global = true, env = "TRIPJOURNAL_JOURNAL", value_name = "PATH")]
    pub journal: Option<PathBuf>,

    /// Without a command, files to open in the window (as the file manager passes them): a
    /// journal opens instead of the default one; a conference programme (.ics, .xml, .json) is
    /// offered as a new trip or an import into the open trip.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

// Parsed once per run, so the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, list and show trips.
    #[command(subcommand)]
    Trip(TripCommand),
    /// Add, list, edit and delete entries (sessions, meals, food ratings, notes).
    #[command(subcommand)]
    Entry(EntryCommand),
    /// Import and list photos.
    #[command(subcommand)]
    Photo(PhotoCommand),
    /// A trip's conference schedule: import it, list it, star talks.
    #[command(subcommand)]
    Schedule(ScheduleCommand),
    /// Check the journal's integrity, re-hash every stored photo and look at its derivatives.
    Check {
        /// Rebuild missing or damaged previews and thumbnails from the originals.
        #[arg(long)]
        repair: bool,
    },
    /// Write a consistent copy of the journal to DEST, a new file (not a link), and check it.
    Backup { dest: PathBuf },
    /// Put BACKUP in place of the journal (checked first); the journal it replaces is kept
    /// beside it as JOURNAL.before-restore-DATE-TIME. Close the window first.
    Restore { backup: PathBuf },
    /// Create the demo trip (Berlin, November 2018) and print its id.
    Demo,
    /// Export a trip as a Markdown blog post with web-ready photos.
    Export(ExportArgs),
    /// Run many commands on one open journal: one JSON array of arguments per line of standard
    /// input (for example ["entry","edit","3","--body","text"]); one JSON reply per line.
    Batch,
}

/// Flags of `tripjournal export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The trip (id or name).
    #[arg(long)]
    pub trip: String,
    /// Where the post and images go: a plain folder, a Jekyll site or a Hugo site.
    #[arg(long, value_enum, ignore_case = true)]
    pub layout: Layout,
    /// The output folder (may be an existing blog checkout).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// How entries are grouped: by day, by kind or by your sections.
    #[arg(long, value_enum, ignore_case = true, default_value_t = ExportOptions::DEFAULT_ORDER)]
    pub order: Order,
    /// Numbers before the entries' titles in the section order (a title that starts with its
    /// own number keeps only that one).
    #[arg(long, value_enum, ignore_case = true, default_value_t = Numbering::Section)]
    pub numbering: Numbering,
    /// The post's language for this export: en, zh or de (default: the trip's, or told from
    /// its text).
    #[arg(long, value_parser = parse_language, value_name = "LANG")]
    pub lang: Option<PostLanguage>,
    /// The post's date, YYYY-MM-DD (default: the trip's first day).
    #[arg(long, value_parser = parse_date, value_name = "DATE")]
    pub date: Option<NaiveDate>,
    /// The post's slug (its file and URL name); the trip keeps it for later exports.
    #[arg(long)]
    pub slug: Option<String>,
    /// Long edge of exported images in pixels (never upscaled).
    #[arg(long, default_value_t = ExportOptions::DEFAULT_MAX_WIDTH, value_name = "N")]
    pub max_width: u32,
    /// Write each image at these widths for srcset, e.g. 800,1600 (plain and Jekyll; the
    /// largest replaces --max-width; Hugo keeps one image of the largest).
    #[arg(long, value_delimiter = ',', value_name = "N,N")]
    pub sizes: Vec<u32>,
    /// Keep the GPS position in exported photos (all other metadata is removed).
    #[arg(long)]
    pub keep_gps: bool,
    /// A published post instead of a draft (Jekyll: _posts; Hugo: draft: false).
    #[arg(long)]
    pub publish: bool,
    /// Your own minijinja template for the post.
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,
    /// Leave out the trip's photos that belong to no entry.
    #[arg(long)]
    pub no_unassigned: bool,
    /// End the post with "Talks I attended": the schedule's talks marked attended or made into
    /// a session (see `schedule`).
    #[arg(long)]
    pub talks_attended: bool,
    /// End the post with "To watch": the talks marked to watch later (`schedule mark
    /// --watch-later true`).
    #[arg(long)]
    pub to_watch: bool,
    /// Overwrite a post you edited since it was exported; with --git, commit on a branch
    /// tripjournal did not make.
    #[arg(long)]
    pub force: bool,
    /// --out is a Git repository: commit the post on its own branch instead of writing files
    /// (the working tree, index and current branch are not touched; nothing is pushed).
    #[arg(long)]
    pub git: bool,
    /// The branch for --git (default: tripjournal/<slug>).
    #[arg(long, value_name = "NAME", requires = "git")]
    pub branch: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum TripCommand {
    /// Create a trip and print its id.
    New {
        /// The trip's name (default with --schedule: the conference's).
        #[arg(long, required_unless_present = "schedule")]
        name: Option<String>,
        /// A conference schedule (frab XML or JSON, iCalendar): the trip takes its name,
        /// dates and time zone (flags given win), then imports it.
        #[arg(long, value_name = "FILE")]
        schedule: Option<PathBuf>,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        country: Option<String>,
        /// First day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        start: Option<NaiveDate>,
        /// Last day, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date)]
        end: Option<NaiveDate>,
        /// IANA time zone, e.g. Europe/Berlin (default UTC; with --schedule the programme's,
        /// else one agreeing with its offsets and place).
        #[arg(long, value_parser = parse_time_zone)]
        tz: Option<Tz>,
        #[arg(long)]
        author: Option<String>,
        /// The language of its post: en, zh or de (default: told from its text).
        #[arg(long, value_parser = parse_language, value_name = "LANG")]
        lang: Option<PostLanguage>,
    },
    /// List trips.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Show one trip (by id or name).
    Show {
        trip: String,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum EntryCommand {
    /// Add an entry and print its id.
    Add {
        #[arg(long)]
        trip: String,
        #[arg(
            long,
            value_enum,
            ignore_case = true,
            required_unless_present = "from_schedule"
        )]
        kind: Option<EntryKind>,
        #[arg(long, required_unless_present = "from_schedule")]
        title: Option<String>,
        /// A talk of the trip's schedule (its id in `schedule list`): the session is filled
        /// from it; other flags override. A talk already made into an entry prints that entry.
        #[arg(long, value_name = "ITEM")]
        from_schedule: Option<i64>,
        #[command(flatten)]
        fields: EntryArgs,
    },
    /// List a trip's entries in order.
    List {
        #[arg(long)]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// Change fields of an entry; fields not given keep their value.
    Edit {
        entry: i64,
        /// Change the kind (fields of the old kind are dropped).
        #[arg(long, value_enum, ignore_case = true)]
        kind: Option<EntryKind>,
        #[arg(long)]
        title: Option<String>,
        #[command(flatten)]
        fields: EntryArgs,
    },
    /// Delete an entry; its photos stay in the trip unless --with-photos.
    Delete {
        entry: i64,
        #[arg(long)]
        with_photos: bool,
    },
}

/// Entry fields shared by `entry add` and `entry edit`.
#[derive(Debug, Args, Default)]
pub struct EntryArgs {
    /// Trip-local time, "YYYY-MM-DD HH:MM" (default for a new entry: now).
    #[arg(long)]
    pub at: Option<String>,
    /// Markdown body.
    #[arg(long, conflicts_with = "body_file")]
    pub body: Option<String>,
    /// Read the Markdown body from a file ("-" for standard input).
    #[arg(long, value_name = "FILE")]
    pub body_file: Option<PathBuf>,
    /// Half stars from 0.5 to 5: a session's usefulness, a meal's or a dish's rating.
    #[arg(long, value_parser = parse_rating)]
    pub rating: Option<Rating>,
    /// Section heading for grouping the blog post ("" to clear).
    #[arg(long)]
    pub section: Option<String>,
    /// Comma-separated tags.
    #[arg(long)]
    pub tags: Option<String>,
    /// Session: comma-separated speakers.
    #[arg(long)]
    pub speakers: Option<String>,
    /// Session: track.
    #[arg(long)]
    pub track: Option<String>,
    /// Session: room.
    #[arg(long)]
    pub room: Option<String>,
    /// Session: duration in minutes.
    #[arg(long)]
    pub duration_min: Option<u32>,
    /// Session: whether you attended or gave the talk.
    #[arg(long, value_enum, ignore_case = true)]
    pub role: Option<SessionRole>,
    /// Session: link to slides or video.
    #[arg(long)]
    pub link: Option<String>,
    /// Meal: which meal of the day.
    #[arg(long, value_enum, ignore_case = true)]
    pub meal: Option<MealType>,
    /// Meal or food rating: venue.
    #[arg(long)]
    pub venue: Option<String>,
    /// Meal: address.
    #[arg(long)]
    pub address: Option<String>,
    /// Food rating: the dish; meal: comma-separated dishes.
    #[arg(long)]
    pub dish: Option<String>,
    /// Food rating: category, e.g. Schweinshaxe.
    #[arg(long)]
    pub category: Option<String>,
    /// Meal or food rating: price, e.g. 12.50.
    #[arg(long)]
    pub price: Option<String>,
    /// ISO 4217 currency of the price, e.g. EUR.
    #[arg(long, value_parser = parse_currency)]
    pub currency: Option<String>,
    /// Food rating: "own" (your visit) or an outside score, e.g. "4.6 on a review site".
    #[arg(long)]
    pub source: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ScheduleCommand {
    /// Import a schedule file into a trip (again: updates it); prints what changed.
    Import {
        #[arg(long)]
        trip: String,
        file: PathBuf,
    },
    /// List a trip's schedule by start time.
    List {
        #[arg(long)]
        trip: String,
        /// Only this day (YYYY-MM-DD, in the trip's time zone).
        #[arg(long, value_parser = parse_date, value_name = "DATE")]
        day: Option<NaiveDate>,
        /// Only starred talks.
        #[arg(long)]
        starred: bool,
        #[arg(long)]
        json: bool,
    },
    /// Star a talk.
    Star { item: i64 },
    /// Remove a talk's star.
    Unstar { item: i64 },
    /// Set a talk's other marks: maybe (starred but out of the plan), attended, watch later.
    Mark {
        item: i64,
        #[arg(long, value_name = "BOOL")]
        maybe: Option<bool>,
        #[arg(long, value_name = "BOOL")]
        attended: Option<bool>,
        #[arg(long, value_name = "BOOL")]
        watch_later: Option<bool>,
    },
    /// What the trip's last schedule import changed for you: starred talks moved or
    /// cancelled, new talks in tracks you starred.
    Changes {
        #[arg(long)]
        trip: String,
    },
    /// Write your plan (the starred talks not marked maybe) as an iCalendar file for a phone's
    /// calendar; exporting again updates its events.
    Export {
        #[arg(long)]
        trip: String,
        /// Only the starred talks (the plan); required, as the whole programme is rarely wanted.
        #[arg(long, required = true)]
        starred: bool,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

#[derive(Debug, Subcommand)]
pub enum PhotoCommand {
    /// Import photo files into a trip (or one of its entries).
    Add {
        #[arg(long)]
        trip: String,
        #[arg(long)]
        entry: Option<i64>,
        #[arg(long)]
        caption: Option<String>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List a trip's photos.
    List {
        #[arg(long)]
        trip: String,
        #[arg(long)]
        json: bool,
    },
    /// Watch a folder (and its sub-folders) and import the photos that arrive into the trip's
    /// unassigned photos, one line per file as `add` prints; runs until Ctrl-C or SIGTERM.
    /// Photos already there the first time are imported too; files handled before (by this
    /// command or the window) are not offered again. The window's own watch setting of the
    /// trip is not changed.
    Watch {
        #[arg(long)]
        trip: String,
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// Correct a camera clock: move the taken-at of a trip's photos by a signed duration
    /// (the original files are not changed; shift back by the opposite to undo).
    Shift {
        #[arg(long)]
        trip: String,
        /// How far the camera was off, e.g. --by=+2h, --by=-7h30m, --by=+90s, --by=-1d,
        /// --by=+00:05 (hours:minutes).
        #[arg(long, value_parser = parse_clock_shift, allow_hyphen_values = true, value_name = "±DURATION")]
        by: chrono::Duration,
        /// Only photos from this camera model (as `photo list --json` shows it; case ignored).
        #[arg(long, value_name = "MODEL")]
        camera: Option<String>,
        /// Only these photos: comma-separated ids.
        #[arg(long, value_delimiter = ',', value_name = "ID,…")]
        ids: Option<Vec<i64>>,
    },
}

/// A failed command: its message and exit code.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// Bad usage or bad input: exit 2.
    #[error("{0}")]
    Input(String),
    /// Anything else: exit 1.
    #[error("{0}")]
    Failed(String),
    /// The command ran but reports a problem it already printed: exit 1 without a message.
    #[error("")]
    Reported,
}

impl CliError {
    pub fn exit_code(&self) -> i32 {
        match self {
            CliError::Input(_) => 2,
            CliError::Failed(_) | CliError::Reported => 1,
        }
    }
}

impl From<StoreError> for CliError {
    fn from(error: StoreError) -> Self {
        match error {
            StoreError::Invalid(_)
            | StoreError::NotFound { .. }
            | StoreError::UnknownCamera { .. }
            | StoreError::NoPhotosMatched
            | StoreError::TargetExists(_)
            | StoreError::TargetIsLink(_)
            | StoreError::NoSuchFolder(_)
            | StoreError::BadBackup { .. }
            | StoreError::NotAFile { .. } => CliError::Input(error.to_string()),
            other => CliError::Failed(other.to_string()),
        }
    }
}

impl From<ModelError> for CliError {
    fn from(error: ModelError) -> Self {
        CliError::Input(error.to_string())
    }
}

impl From<PatchError> for CliError {
    fn from(error: PatchError) -> Self {
        CliError::Input(match error {
            PatchError::NotForKind { field, .. } => {
                format!("--{} applies to {} only", field.name(), field.kinds_text())
            }
            PatchError::PriceNeedsCurrency => {
                "--price needs --currency (e.g. --currency EUR)".to_string()
            }
            PatchError::CurrencyNeedsPrice => "--currency needs --price".to_string(),
            PatchError::Invalid(model) => model.to_string(),
        })
    }
}

impl From<ExportError> for CliError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Store(store) => store.into(),
            ExportError::SlugWithoutLetters => {
                CliError::Input("--slug needs letters or digits (it becomes a file name)".into())
            }
            ExportError::MaxWidthTooSmall(width) => CliError::Input(format!(
                "an image width of {width} pixels is too small (--max-width and --sizes need at least {})",
                ExportOptions::MIN_MAX_WIDTH
            )),
            ExportError::Template(_) | ExportError::TemplateLimit(_) => {
                CliError::Input(error.to_string())
            }
            ExportError::WouldReplace(_) => {
                CliError::Failed(format!("{error}; add --force to replace them"))
            }
            ExportError::Git(problem) => git_problem(problem),
            other => CliError::Failed(other.to_string()),
        }
    }
}

/// An `export --git` refusal, naming the flags that change it.
fn git_problem(problem: GitProblem) -> CliError {
    match problem {
        GitProblem::BadBranchName(name) => CliError::Input(format!(
            "--branch {name:?} is not a name Git accepts for a branch"
        )),
        GitProblem::NotOurs(_) => CliError::Failed(format!(
            "{problem}; nothing was changed (use --branch NAME for another, or --force to commit on it)"
        )),
        GitProblem::NoIdentity => CliError::Failed(format!(
            "{problem}; set them with `git config user.name \"Your Name\"` and `git config user.email you@example.com` (or --global); nothing was changed"
        )),
        other => CliError::Failed(format!("{other}; nothing was changed")),
    }
}

impl From<WatchError> for CliError {
    fn from(error: WatchError) -> Self {
        match error {
            WatchError::Store(store) => store.into(),
            WatchError::Import(import) => import.into(),
            WatchError::Missing(_) | WatchError::NotAFolder(_) | WatchError::NotUnicode(_) => {
                CliError::Input(error.to_string())
            }
            WatchError::Read { .. } => CliError::Failed(error.to_string()),
        }
    }
}

impl From<ImportError> for CliError {
    fn from(error: ImportError) -> Self {
        match error {
            ImportError::Store(store) => store.into(),
            other => CliError::Failed(other.to_string()),
        }
    }
}

type CliResult<T> = Result<T, CliError>;

/// Where the journal lives when neither `--journal` nor `TRIPJOURNAL_JOURNAL` says.
pub fn default_journal_path() -> CliResult<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "tripjournal").ok_or_else(|| {
        CliError::Failed("cannot find a data folder for this user; pass --journal PATH".into())
    })?;
    Ok(dirs.data_dir().join("journal.sqlite"))
}

/// Opens the journal named on the command line, or the default one (creating its folder).
pub fn open_journal(journal: Option<&PathBuf>) -> CliResult<Store> {
    Ok(Store::open(&journal_path(journal)?)?)
}

/// The journal named on the command line, or the default one (creating its folder).
fn journal_path(journal: Option<&PathBuf>) -> CliResult<PathBuf> {
    Ok(match journal {
        Some(path) => path.clone(),
        None => {
            let path = default_journal_path()?;
            if let Some(parent) = path.parent() {
                crate::store::private::create_private_folder(parent).map_err(|error| {
                    CliError::Failed(format!(
                        "cannot create the data folder: {error}: {}",
                        parent.display()
                    ))
                })?;
            }
            path
        }
    })
}

/// Runs one parsed command, writing its normal output to stdout.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> CliResult<()> {
    let Some(command) = cli.command else {
        return Err(CliError::Input(
            "no command given; see tripjournal --help".into(),
        ));
    };
    if let Command::Restore { backup } = &command {
        // Not through an open journal: restore replaces the file.
        return commands::restore(&journal_path(cli.journal.as_ref())?, backup, out);
    }
    let mut store = open_journal(cli.journal.as_ref())?;
    if let Command::Batch = command {
        return run_batch(&mut store, std::io::stdin().lock(), out);
    }
    run_command(&mut store, command, out)
}

/// One line of `tripjournal batch`: a command without the global flags.
#[derive(Debug, Parser)]
#[command(name = "tripjournal", no_binary_name = true)]
struct BatchLine {
    #[command(subcommand)]
    command: Command,
}

/// Runs commands read from `input`, one JSON array of arguments per line, on one open journal.
/// After each command it writes one JSON line: `{"ok":true,"output":"…"}` once the change is
/// committed, or `{"ok":false,"code":N,"error":"…"}`.
pub fn run_batch(
    store: &mut Store,
    input: impl std::io::BufRead,
    out: &mut dyn std::io::Write,
) -> CliResult<()> {
    let write_error =
        |error: std::io::Error| CliError::Failed(format!("cannot write output: {error}"));
    for (index, bytes) in input.split(b'\n').enumerate() {
        let bytes = bytes
            .map_err(|error| CliError::Failed(format!("cannot read standard input: {error}")))?;
        // A line that is not UTF-8 is answered with an error; the lines after it still run.
        let line = String::from_utf8(bytes)
            .map_err(|_| CliError::Input(format!("line {} is not valid UTF-8 text", index + 1)));
        if line.as_deref().is_ok_and(|text| text.trim().is_empty()) {
            continue;
        }
        let reply = match line.and_then(|text| run_batch_line(store, text.trim_end_matches('\r'))) {
            Ok(output) => json!({ "ok": true, "output": output }),
            Err(error) => json!({
                "ok": false,
                "code": error.exit_code(),
                "error": error.to_string().trim_start_matches("error: ").to_string(),
            }),
        };
        writeln!(out, "{reply}").map_err(write_error)?;
        out.flush().map_err(write_error)?;
    }
    Ok(())
}

/// A usage error of clap as one line: its message with what it lists (the missing
/// arguments), without the usage and tips that follow ("error: the following required
/// arguments were not provided: --starred").
pub fn usage_error_line(error: &clap::Error) -> String {
    let rendered = error.render().to_string();
    let message: Vec<&str> = rendered
        .lines()
        .take_while(|line| !line.starts_with("Usage:"))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("tip:"))
        .collect();
    let line = message.join(" ");
    if line.is_empty() {
        "error: bad usage".to_string()
    } else {
        line
    }
}

/// Runs one batch line (a JSON array of arguments) and returns what it printed.
fn run_batch_line(store: &mut Store, line: &str) -> CliResult<String> {
    let args = serde_json::from_str::<Vec<String>>(line).map_err(|error| {
        CliError::Input(format!(
            "a batch line must be a JSON array of strings: {error}"
        ))
    })?;
    let parsed = BatchLine::try_parse_from(args)
        .map_err(|error| CliError::Input(usage_error_line(&error)))?;
    match parsed.command {
        Command::Batch => Err(CliError::Input("batch cannot run inside batch".into())),
        command => {
            let mut output = Vec::new();
            run_command(store, command, &mut output)?;
            Ok(String::from_utf8_lossy(&output).into_owned())
        }
    }
}
