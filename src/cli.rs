//! The command line: `tripjournal [--journal PATH] COMMAND`, a thin layer over the library.
//!
//! Each command opens the journal, does one thing and prints plain text (or stable JSON with
//! `--json`, documented in README.md). New ids are printed alone on stdout so scripts can
//! capture them. Errors are one line on stderr starting with `error:`; the exit code is 2 for
//! usage and bad input and 1 for other failures.

use std::io::Read as _;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

use chrono::Utc;
use chrono_tz::Tz;
use clap::{Args, Parser, Subcommand};
use serde_json::{Value, json};

use crate::export::{ExportError, ExportOptions, Layout, Order, export_trip};
use crate::model::rules::{
    clean_section, date_range_text, format_local_time, parse_date, parse_local_time, split_list,
};
use crate::model::{
    Entry, EntryContent, EntryFields, EntryId, EntryKind, MealType, ModelError, Money, Photo,
    Rating, RatingSource, SessionRole, SubRatings, Trip, TripFields, parse_time_zone,
};
use crate::photos::{ImportError, ImportOutcome, ImportRequest, import_files, rebuild_derivatives};
use crate::store::{Store, StoreError};

/// tripjournal: a travel journal for conferences and trips, exported as Markdown blog posts.
#[derive(Debug, Parser)]
#[command(name = "tripjournal", version, about, long_about = None)]
pub struct Cli {
    /// The journal file (default: journal.sqlite in the OS data folder).
    #[arg(long, global = true, env = "TRIPJOURNAL_JOURNAL", value_name = "PATH")]
    pub journal: Option<PathBuf>,

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
    /// Check the journal's integrity, re-hash every stored photo and look at its derivatives.
    Check {
        /// Rebuild missing or damaged previews and thumbnails from the originals.
        #[arg(long)]
        repair: bool,
    },
    /// Write a consistent copy of the journal to DEST (which must not exist).
    Backup { dest: PathBuf },
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
    /// plain, jekyll or hugo.
    #[arg(long)]
    pub layout: String,
    /// The output folder (may be an existing blog checkout).
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
    /// day, kind or section.
    #[arg(long, default_value = "day")]
    pub order: String,
    /// Long edge of exported images in pixels (never upscaled).
    #[arg(long, default_value_t = 1600, value_name = "N")]
    pub max_width: u32,
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
    /// Overwrite a post you edited since it was exported.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum TripCommand {
    /// Create a trip and print its id.
    New {
        #[arg(long)]
        name: String,
        #[arg(long)]
        city: Option<String>,
        #[arg(long)]
        country: Option<String>,
        /// First day, YYYY-MM-DD.
        #[arg(long)]
        start: Option<String>,
        /// Last day, YYYY-MM-DD.
        #[arg(long)]
        end: Option<String>,
        /// IANA time zone, e.g. Europe/Berlin (default UTC).
        #[arg(long)]
        tz: Option<String>,
        #[arg(long)]
        author: Option<String>,
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
        /// session, meal, rating or note.
        #[arg(long)]
        kind: String,
        #[arg(long)]
        title: String,
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
        #[arg(long)]
        kind: Option<String>,
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
    #[arg(long)]
    pub rating: Option<String>,
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
    /// Session: attended or speaker.
    #[arg(long)]
    pub role: Option<String>,
    /// Session: link to slides or video.
    #[arg(long)]
    pub link: Option<String>,
    /// Meal: breakfast, lunch, dinner or snack.
    #[arg(long)]
    pub meal: Option<String>,
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
    #[arg(long)]
    pub currency: Option<String>,
    /// Food rating: "own" (your visit) or an outside score, e.g. "4.6 on a review site".
    #[arg(long)]
    pub source: Option<String>,
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
            StoreError::Invalid(_) | StoreError::NotFound { .. } | StoreError::TargetExists(_) => {
                CliError::Input(error.to_string())
            }
            other => CliError::Failed(other.to_string()),
        }
    }
}

impl From<ModelError> for CliError {
    fn from(error: ModelError) -> Self {
        CliError::Input(error.to_string())
    }
}

impl From<ExportError> for CliError {
    fn from(error: ExportError) -> Self {
        match error {
            ExportError::Store(store) => store.into(),
            ExportError::BadOption(_)
            | ExportError::Template(_)
            | ExportError::TemplateLimit(_) => CliError::Input(error.to_string()),
            ExportError::WouldReplace(_) => {
                CliError::Failed(format!("{error}; add --force to replace them"))
            }
            other => CliError::Failed(other.to_string()),
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
    let path = match journal {
        Some(path) => path.clone(),
        None => {
            let path = default_journal_path()?;
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent).map_err(|error| {
                    CliError::Failed(format!(
                        "cannot create the data folder: {error}: {}",
                        parent.display()
                    ))
                })?;
            }
            path
        }
    };
    Ok(Store::open(&path)?)
}

/// Runs one parsed command, writing its normal output to stdout.
pub fn run(cli: Cli, out: &mut dyn std::io::Write) -> CliResult<()> {
    let Some(command) = cli.command else {
        return Err(CliError::Input(
            "no command given; see tripjournal --help".into(),
        ));
    };
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
    for line in input.lines() {
        let line =
            line.map_err(|error| CliError::Failed(format!("cannot read standard input: {error}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Vec<String>>(&line)
            .map_err(|error| {
                CliError::Input(format!(
                    "a batch line must be a JSON array of strings: {error}"
                ))
            })
            .and_then(|args| {
                BatchLine::try_parse_from(args).map_err(|error| {
                    let rendered = error.render().to_string();
                    CliError::Input(rendered.lines().next().unwrap_or("bad usage").to_string())
                })
            })
            .and_then(|parsed| match parsed.command {
                Command::Batch => Err(CliError::Input("batch cannot run inside batch".into())),
                command => {
                    let mut output = Vec::new();
                    run_command(store, command, &mut output)?;
                    Ok(String::from_utf8_lossy(&output).into_owned())
                }
            });
        let reply = match result {
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

/// Runs one command on an open journal, writing its normal output to `out`.
pub fn run_command(
    store: &mut Store,
    command: Command,
    out: &mut dyn std::io::Write,
) -> CliResult<()> {
    let mut print = |text: String| -> CliResult<()> {
        writeln!(out, "{text}")
            .map_err(|error| CliError::Failed(format!("cannot write output: {error}")))
    };
    match command {
        Command::Trip(TripCommand::New {
            name,
            city,
            country,
            start,
            end,
            tz,
            author,
        }) => {
            let mut fields = TripFields::named(&name);
            fields.city = city.unwrap_or_default();
            fields.country = country.unwrap_or_default();
            fields.start_date = start.as_deref().map(parse_date).transpose()?;
            fields.end_date = end.as_deref().map(parse_date).transpose()?;
            if let Some(zone) = tz {
                fields.time_zone = parse_time_zone(&zone)?;
            }
            fields.author = author.unwrap_or_default();
            print(store.create_trip(&fields)?.to_string())
        }
        Command::Trip(TripCommand::List { json }) => {
            let trips = store.trips()?;
            if json {
                let list: Vec<Value> = trips
                    .iter()
                    .map(|trip| trip_json(store, trip))
                    .collect::<CliResult<_>>()?;
                print(to_json_text(&Value::Array(list)))
            } else {
                for trip in &trips {
                    print(format!(
                        "{}\t{}\t{}\t{}",
                        trip.id,
                        trip.fields.name,
                        trip.fields.place(),
                        date_range_text(trip.fields.start_date, trip.fields.end_date)
                    ))?;
                }
                Ok(())
            }
        }
        Command::Trip(TripCommand::Show { trip, json }) => {
            let trip = store.find_trip(&trip)?;
            if json {
                print(to_json_text(&trip_json(store, &trip)?))
            } else {
                let f = &trip.fields;
                print(format!("{} (trip {})", f.name, trip.id))?;
                print(format!("place:     {}", f.place()))?;
                print(format!(
                    "dates:     {}",
                    date_range_text(f.start_date, f.end_date)
                ))?;
                print(format!("time zone: {}", f.time_zone.name()))?;
                print(format!("author:    {}", f.author))?;
                print(format!("tags:      {}", f.tags.join(", ")))?;
                print(format!(
                    "entries:   {}\nphotos:    {}",
                    store.entries(trip.id)?.len(),
                    store.photos(trip.id)?.len()
                ))?;
                if !f.summary.is_empty() {
                    print(format!("\n{}", f.summary))?;
                }
                Ok(())
            }
        }
        Command::Entry(EntryCommand::Add {
            trip,
            kind,
            title,
            fields,
        }) => {
            let trip = store.find_trip(&trip)?;
            let kind: EntryKind = kind.parse()?;
            let at = match &fields.at {
                Some(text) => parse_local_time(text, trip.fields.time_zone)?,
                None => Utc::now(),
            };
            let mut entry = EntryFields::new(kind, &title, at);
            apply_entry_args(&mut entry, &fields, trip.fields.time_zone)?;
            print(store.create_entry(trip.id, &entry)?.to_string())
        }
        Command::Entry(EntryCommand::List { trip, json }) => {
            let trip = store.find_trip(&trip)?;
            let entries = store.entries(trip.id)?;
            if json {
                let list: Vec<Value> = entries
                    .iter()
                    .map(|entry| entry_json(store, entry, trip.fields.time_zone))
                    .collect::<CliResult<_>>()?;
                print(to_json_text(&Value::Array(list)))
            } else {
                for entry in &entries {
                    let rating = entry
                        .fields
                        .content
                        .rating()
                        .map(|r| format!("{r}★"))
                        .unwrap_or_default();
                    print(format!(
                        "{}\t{}\t{}\t{}\t{}",
                        entry.id,
                        format_local_time(entry.fields.at, trip.fields.time_zone),
                        entry.fields.kind(),
                        rating,
                        entry.fields.title
                    ))?;
                }
                Ok(())
            }
        }
        Command::Entry(EntryCommand::Edit {
            entry,
            kind,
            title,
            fields,
        }) => store.modify_entry(EntryId(entry), |updated, zone| -> CliResult<()> {
            if let Some(kind) = kind {
                let kind: EntryKind = kind.parse()?;
                if kind != updated.kind() {
                    updated.content = EntryContent::empty(kind);
                }
            }
            if let Some(title) = title {
                updated.title = title;
            }
            if let Some(text) = &fields.at {
                updated.at = parse_local_time(text, zone)?;
            }
            apply_entry_args(updated, &fields, zone)
        }),
        Command::Entry(EntryCommand::Delete { entry, with_photos }) => {
            store.delete_entry(EntryId(entry), with_photos)?;
            Ok(())
        }
        Command::Photo(PhotoCommand::Add {
            trip,
            entry,
            caption,
            files,
        }) => {
            let trip = store.find_trip(&trip)?;
            let mut request = ImportRequest::new(trip.id, files);
            request.entry = entry.map(EntryId);
            request.caption = caption.unwrap_or_default();
            let cancel = AtomicBool::new(false);
            let outcomes = import_files(store, &request, &cancel, None)?;
            let mut any_failed = false;
            for file in &outcomes {
                let name = one_line(&file.path.display().to_string());
                match &file.outcome {
                    ImportOutcome::Imported(id) => print(format!("imported {id} {name}"))?,
                    ImportOutcome::Duplicate(id) => print(format!("duplicate {id} {name}"))?,
                    ImportOutcome::Failed(reason) => {
                        any_failed = true;
                        print(format!("failed {name}: {}", one_line(reason)))?;
                    }
                    ImportOutcome::Cancelled => {
                        any_failed = true;
                        print(format!("failed {name}: cancelled"))?;
                    }
                }
            }
            if any_failed {
                Err(CliError::Reported)
            } else {
                Ok(())
            }
        }
        Command::Photo(PhotoCommand::List { trip, json }) => {
            let trip = store.find_trip(&trip)?;
            let photos = store.photos(trip.id)?;
            if json {
                print(to_json_text(&Value::Array(
                    photos.iter().map(photo_json).collect(),
                )))
            } else {
                for photo in &photos {
                    print(format!(
                        "{}\t{}\t{}x{}\t{}\t{}",
                        photo.id,
                        photo.entry.map_or("-".to_string(), |e| e.to_string()),
                        photo.metadata.width,
                        photo.metadata.height,
                        photo.metadata.original_name,
                        photo.caption
                    ))?;
                }
                Ok(())
            }
        }
        Command::Check { repair } => {
            let mut report = store.check()?;
            if repair && !report.damaged_derivatives.is_empty() {
                for (photo, result) in rebuild_derivatives(store, &report.damaged_derivatives) {
                    match result {
                        Ok(()) => print(format!("photo {photo}: preview and thumbnail rebuilt"))?,
                        Err(error) => print(format!("photo {photo}: cannot rebuild: {error}"))?,
                    }
                }
                report = store.check()?;
            }
            if report.is_ok() {
                print("ok".to_string())
            } else {
                for problem in &report.problems {
                    print(problem.clone())?;
                }
                Err(CliError::Reported)
            }
        }
        Command::Backup { dest } => {
            store.backup_to(&dest)?;
            print(dest.display().to_string())
        }
        Command::Export(args) => {
            let trip = store.find_trip(&args.trip)?;
            let layout: Layout = args.layout.parse()?;
            let mut options = ExportOptions::new(args.out, layout);
            options.order = args.order.parse::<Order>()?;
            options.max_width = args.max_width;
            options.keep_gps = args.keep_gps;
            options.publish = args.publish;
            options.include_unassigned = !args.no_unassigned;
            options.force = args.force;
            if let Some(path) = &args.template {
                let source = std::fs::read_to_string(path).map_err(|error| {
                    CliError::Input(format!(
                        "cannot read the template: {error}: {}",
                        path.display()
                    ))
                })?;
                options.template = Some(source);
            }
            let report = export_trip(store, trip.id, &options)?;
            for removed in &report.removed {
                eprintln!(
                    "removed (no longer in the post): {}",
                    one_line(&removed.display().to_string())
                );
            }
            for kept in &report.kept {
                eprintln!(
                    "warning: kept (changed since the last export; remove it yourself or use --force): {}",
                    one_line(&kept.display().to_string())
                );
            }
            for image in &report.images {
                print(image.display().to_string())?;
            }
            print(report.post.display().to_string())
        }
        Command::Demo => {
            let trip = crate::demo::create_demo_trip(store)?;
            print(trip.to_string())
        }
        Command::Batch => Err(CliError::Input("batch cannot run inside batch".into())),
    }
}

/// The text with control characters (a newline in a file name) written as escapes, so each
/// reported file stays on one line.
fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn only_for(flag: &str, kinds: &str) -> CliError {
    CliError::Input(format!("--{flag} applies to {kinds} only"))
}

/// Applies the flags that were given to an entry; flags that do not fit its kind are refused.
fn apply_entry_args(entry: &mut EntryFields, args: &EntryArgs, _zone: Tz) -> CliResult<()> {
    if let Some(body) = &args.body {
        entry.body = body.clone();
    }
    if let Some(path) = &args.body_file {
        entry.body = read_body_file(path)?;
    }
    if let Some(section) = &args.section {
        entry.section = clean_section(section);
    }
    if let Some(tags) = &args.tags {
        entry.tags = split_list(tags);
    }
    let rating: Option<Rating> = args.rating.as_deref().map(str::parse).transpose()?;
    let price_currency = |current: Option<&Money>| -> CliResult<Option<Money>> {
        match (&args.price, &args.currency) {
            (None, None) => Ok(current.cloned()),
            (Some(amount), currency) => {
                let code = currency
                    .clone()
                    .or_else(|| current.map(|m| m.currency().to_string()))
                    .ok_or_else(|| {
                        CliError::Input("--price needs --currency (e.g. --currency EUR)".into())
                    })?;
                Ok(Some(Money::parse(amount, &code)?))
            }
            (None, Some(code)) => match current {
                Some(money) => Ok(Some(Money::parse(&money.amount_text(), code)?)),
                None => Err(CliError::Input("--currency needs --price".into())),
            },
        }
    };
    let session_flags = [
        ("speakers", args.speakers.is_some()),
        ("track", args.track.is_some()),
        ("room", args.room.is_some()),
        ("duration-min", args.duration_min.is_some()),
        ("role", args.role.is_some()),
        ("link", args.link.is_some()),
    ];
    let meal_flags = [
        ("meal", args.meal.is_some()),
        ("address", args.address.is_some()),
    ];
    let food_flags = [
        ("category", args.category.is_some()),
        ("source", args.source.is_some()),
    ];
    let kind = entry.kind();
    let refuse_flags = |flags: &[(&str, bool)], kinds: &str| -> CliResult<()> {
        match flags.iter().find(|(_, given)| *given) {
            Some((flag, _)) => Err(only_for(flag, kinds)),
            None => Ok(()),
        }
    };
    if kind != EntryKind::Session {
        refuse_flags(&session_flags, "sessions")?;
    }
    if kind != EntryKind::Meal {
        refuse_flags(&meal_flags, "meals")?;
    }
    if kind != EntryKind::FoodRating {
        refuse_flags(&food_flags, "food ratings")?;
    }
    match &mut entry.content {
        EntryContent::Session(session) => {
            for (flag, given) in [
                ("venue", args.venue.is_some()),
                ("dish", args.dish.is_some()),
                ("price", args.price.is_some()),
                ("currency", args.currency.is_some()),
            ] {
                if given {
                    return Err(only_for(flag, "meals and food ratings"));
                }
            }
            if let Some(speakers) = &args.speakers {
                session.speakers = split_list(speakers);
            }
            if let Some(track) = &args.track {
                session.track = track.clone();
            }
            if let Some(room) = &args.room {
                session.room = room.clone();
            }
            if args.duration_min.is_some() {
                session.duration_min = args.duration_min;
            }
            if let Some(role) = &args.role {
                session.role = role.parse::<SessionRole>()?;
            }
            if let Some(link) = &args.link {
                session.link = Some(link.trim().to_string()).filter(|l| !l.is_empty());
            }
            if rating.is_some() {
                session.usefulness = rating;
            }
        }
        EntryContent::Meal(meal) => {
            if let Some(meal_type) = &args.meal {
                meal.meal_type = Some(meal_type.parse::<MealType>()?);
            }
            if let Some(venue) = &args.venue {
                meal.venue = venue.clone();
            }
            if let Some(address) = &args.address {
                meal.address = address.clone();
            }
            if let Some(dishes) = &args.dish {
                meal.dishes = split_list(dishes);
            }
            meal.price = price_currency(meal.price.as_ref())?;
            if rating.is_some() {
                meal.rating = rating;
            }
        }
        EntryContent::FoodRating(food) => {
            if let Some(dish) = &args.dish {
                food.dish = dish.clone();
            }
            if let Some(venue) = &args.venue {
                food.venue = venue.clone();
            }
            if let Some(category) = &args.category {
                food.category = category.clone();
            }
            if let Some(source) = &args.source {
                food.source = RatingSource::from_text(source);
            }
            food.price = price_currency(food.price.as_ref())?;
            if rating.is_some() {
                food.overall = rating;
            }
        }
        EntryContent::Note => {
            for (flag, given) in [
                ("rating", args.rating.is_some()),
                ("venue", args.venue.is_some()),
                ("dish", args.dish.is_some()),
                ("price", args.price.is_some()),
                ("currency", args.currency.is_some()),
            ] {
                if given {
                    return Err(CliError::Input(format!(
                        "--{flag} does not apply to a note"
                    )));
                }
            }
        }
    }
    Ok(())
}

fn read_body_file(path: &PathBuf) -> CliResult<String> {
    let mut bytes = Vec::new();
    let result = if path.as_os_str() == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut file| file.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|error| {
        CliError::Input(format!(
            "cannot read the body file: {error}: {}",
            path.display()
        ))
    })?;
    String::from_utf8(bytes).map_err(|_| {
        CliError::Input(format!(
            "the body file is not UTF-8 text: {}",
            path.display()
        ))
    })
}

fn to_json_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string())
}

fn rating_json(rating: Option<Rating>) -> Value {
    rating.map_or(Value::Null, |r| json!(r.stars()))
}

fn money_json(money: Option<&Money>) -> Value {
    money.map_or(Value::Null, |m| {
        json!({"amount": m.amount_text(), "minor_units": m.minor_units(), "currency": m.currency()})
    })
}

/// JSON of a trip (documented in README.md).
fn trip_json(store: &Store, trip: &Trip) -> CliResult<Value> {
    let f = &trip.fields;
    Ok(json!({
        "id": trip.id.0,
        "name": f.name,
        "city": f.city,
        "country": f.country,
        "start_date": f.start_date.map(|d| d.to_string()),
        "end_date": f.end_date.map(|d| d.to_string()),
        "time_zone": f.time_zone.name(),
        "author": f.author,
        "summary": f.summary,
        "tags": f.tags,
        "cover_photo_id": f.cover_photo.map(|p| p.0),
        "entry_count": store.entries(trip.id)?.len(),
        "photo_count": store.photos(trip.id)?.len(),
    }))
}

/// JSON of an entry (documented in README.md).
fn entry_json(store: &Store, entry: &Entry, zone: Tz) -> CliResult<Value> {
    let f = &entry.fields;
    let mut value = json!({
        "id": entry.id.0,
        "trip_id": entry.trip.0,
        "kind": f.kind().as_str(),
        "title": f.title,
        "at": f.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "local_time": format_local_time(f.at, zone),
        "section": f.section,
        "position": entry.position,
        "tags": f.tags,
        "body": f.body,
        "rating": rating_json(f.content.rating()),
        "photo_count": store.entry_photos(entry.id)?.len(),
    });
    let details = match &f.content {
        EntryContent::Session(s) => Some((
            "session",
            json!({
                "speakers": s.speakers,
                "track": s.track,
                "room": s.room,
                "duration_min": s.duration_min,
                "role": s.role.as_str(),
                "link": s.link,
                "notes": s.notes,
                "takeaways": s.takeaways,
            }),
        )),
        EntryContent::Meal(m) => Some((
            "meal",
            json!({
                "meal_type": m.meal_type.map(MealType::as_str),
                "venue": m.venue,
                "address": m.address,
                "dishes": m.dishes,
                "price": money_json(m.price.as_ref()),
                "notes": m.notes,
            }),
        )),
        EntryContent::FoodRating(r) => Some((
            "food_rating",
            json!({
                "dish": r.dish,
                "venue": r.venue,
                "category": r.category,
                "sub_ratings": sub_ratings_json(&r.sub_ratings),
                "price": money_json(r.price.as_ref()),
                "source": r.source.as_text(),
                "verdict": r.verdict,
            }),
        )),
        EntryContent::Note => None,
    };
    if let (Some((key, details)), Some(object)) = (details, value.as_object_mut()) {
        object.insert(key.to_string(), details);
    }
    Ok(value)
}

fn sub_ratings_json(sub: &SubRatings) -> Value {
    json!({
        "taste": rating_json(sub.taste),
        "value": rating_json(sub.value),
        "service": rating_json(sub.service),
        "atmosphere": rating_json(sub.atmosphere),
    })
}

/// JSON of a photo (documented in README.md).
fn photo_json(photo: &Photo) -> Value {
    let m = &photo.metadata;
    json!({
        "id": photo.id.0,
        "trip_id": photo.trip.0,
        "entry_id": photo.entry.map(|e| e.0),
        "caption": photo.caption,
        "position": photo.position,
        "sha256": m.sha256,
        "mime_type": m.mime_type,
        "width": m.width,
        "height": m.height,
        "taken_at": m.taken_at.map(|t| t.to_iso()),
        "gps": m.gps.map(|g| json!({"latitude": g.latitude, "longitude": g.longitude})),
        "camera_model": m.camera_model,
        "original_name": m.original_name,
        "byte_size": m.byte_size,
    })
}
