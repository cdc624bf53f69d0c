//! What each command does: one short function per subcommand, calling the library. Values
//! arrive typed (clap parsed them); the rules for entries (which field fits which kind, lists,
//! sections, prices) are the library's `EntryPatch`, shared with `batch` and the window.

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::Utc;
use chrono_tz::Tz;
use serde_json::Value;

use super::json::{entry_json, photo_json, to_json_text, trip_json};
use super::tsv::{field, one_line, row};
use super::{
    CliError, CliResult, Command, EntryArgs, EntryCommand, ExportArgs, PhotoCommand, TripCommand,
};
use crate::export::{ExportOptions, GitNote, GitTarget, export_trip, export_trip_to_git};
use crate::model::rules::{date_range_text, format_local_time, parse_local_time};
use crate::model::{
    EntryContent, EntryFields, EntryId, EntryKind, EntryPatch, PhotoId, ScheduleItemId,
    ShiftFilter, TripFields, TripId, format_clock_shift,
};
use crate::photos::{FileOutcome, ImportOutcome, ImportRequest, import_files, rebuild_derivatives};
use crate::store::{Listing, SessionFromTalk, Store};

/// Where a command writes its normal output, a line at a time.
pub(super) struct Lines<'a>(pub(super) &'a mut dyn std::io::Write);

impl Lines<'_> {
    pub(super) fn line(&mut self, text: impl std::fmt::Display) -> CliResult<()> {
        writeln!(self.0, "{text}")
            .map_err(|error| CliError::Failed(format!("cannot write output: {error}")))
    }

    /// One record of a tab-separated list, each field escaped (see [`super::tsv`]).
    pub(super) fn row(&mut self, fields: &[&dyn std::fmt::Display]) -> CliResult<()> {
        self.line(row(fields))
    }
}

/// Runs one command on an open journal, writing its normal output to `out`.
pub fn run_command(
    store: &mut Store,
    command: Command,
    out: &mut dyn std::io::Write,
) -> CliResult<()> {
    let mut out = Lines(out);
    match command {
        Command::Trip(command) => run_trip(store, command, &mut out),
        Command::Entry(command) => run_entry(store, command, &mut out),
        Command::Photo(PhotoCommand::Add {
            trip,
            entry,
            caption,
            files,
        }) => add_photos(store, &trip, entry, caption, files, &mut out),
        Command::Photo(PhotoCommand::Watch { trip, dir }) => {
            super::watch::watch_folder(store, &trip, dir, &mut out)
        }
        Command::Photo(PhotoCommand::List { trip, json }) => {
            list_photos(store, &trip, json, &mut out)
        }
        Command::Photo(PhotoCommand::Shift {
            trip,
            by,
            camera,
            ids,
        }) => {
            let filter = ShiftFilter {
                camera,
                ids: ids.map(|ids| ids.into_iter().map(PhotoId).collect()),
            };
            shift_photos(store, &trip, by, &filter, &mut out)
        }
        Command::Schedule(command) => super::schedule::run(store, command, &mut out),
        Command::Check { repair } => check(store, repair, &mut out),
        Command::Backup { dest } => {
            let report = store.backup_to(&dest)?;
            out.line(report.path.display())?;
            out.line(format_args!(
                "checked: {} (schema version {})",
                report.counts, report.schema_version
            ))
        }
        Command::Restore { .. } => Err(CliError::Input(
            "restore cannot run inside batch (it replaces the journal batch has open)".into(),
        )),
        Command::Export(args) => export(store, args, &mut out),
        Command::Demo => out.line(crate::demo::create_demo_trip(store)?),
        Command::Batch => Err(CliError::Input("batch cannot run inside batch".into())),
    }
}

/// `tripjournal restore BACKUP`: the library checks and swaps; this words what it did.
pub(super) fn restore(
    journal: &Path,
    backup: &Path,
    out: &mut dyn std::io::Write,
) -> CliResult<()> {
    let report = crate::store::restore(journal, backup)?;
    let mut out = Lines(out);
    let upgraded = match report.backup_version == report.schema_version {
        true => String::new(),
        false => format!(", upgraded to schema version {}", report.schema_version),
    };
    out.line(format_args!(
        "restored {} from {}{upgraded}",
        report.counts,
        backup.display()
    ))?;
    out.line(format_args!("into {}", report.journal.display()))?;
    match report.kept_as {
        Some(kept) => out.line(format_args!(
            "the journal it replaced is kept as {}",
            kept.display()
        )),
        None => out.line("there was no journal before; nothing was set aside"),
    }
}

fn run_trip(store: &mut Store, command: TripCommand, out: &mut Lines) -> CliResult<()> {
    match command {
        TripCommand::New {
            name,
            schedule,
            city,
            country,
            start,
            end,
            tz,
            author,
            lang,
        } => {
            // The flags given win over the schedule's header.
            let adjust = |fields: &mut TripFields| {
                if let Some(name) = name {
                    fields.name = name;
                }
                fields.post_language = lang;
                fields.city = city.unwrap_or(std::mem::take(&mut fields.city));
                fields.country = country.unwrap_or_default();
                fields.start_date = start.or(fields.start_date);
                fields.end_date = end.or(fields.end_date);
                fields.author = author.unwrap_or_default();
            };
            if let Some(file) = schedule {
                return super::schedule::new_trip(store, &file, tz, adjust, out);
            }
            let mut fields = TripFields::named("");
            fields.time_zone = tz.unwrap_or(fields.time_zone);
            adjust(&mut fields);
            out.line(store.create_trip(&fields.cleaned())?)
        }
        TripCommand::List { json } => list_trips(store, json, out),
        TripCommand::Show { trip, json } => show_trip(store, &trip, json, out),
    }
}

fn list_trips(store: &Store, json: bool, out: &mut Lines) -> CliResult<()> {
    let trips = readable(store.trip_listing()?);
    if json {
        let list: Vec<Value> = trips
            .iter()
            .map(|trip| trip_json(store, trip))
            .collect::<CliResult<_>>()?;
        return out.line(to_json_text(&Value::Array(list)));
    }
    for trip in &trips {
        out.row(&[
            &trip.id,
            &trip.fields.name,
            &trip.fields.place(),
            &date_range_text(trip.fields.start_date, trip.fields.end_date),
        ])?;
    }
    Ok(())
}

fn show_trip(store: &Store, trip: &str, json: bool, out: &mut Lines) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    if json {
        return out.line(to_json_text(&trip_json(store, &trip)?));
    }
    let f = &trip.fields;
    // One line per value, escaped like a list's fields; the summary follows as it is.
    out.line(format!("{} (trip {})", field(&f.name), trip.id))?;
    out.line(format!("place:     {}", field(&f.place())))?;
    out.line(format!(
        "dates:     {}",
        date_range_text(f.start_date, f.end_date)
    ))?;
    out.line(format!("time zone: {}", f.time_zone.name()))?;
    out.line(format!("author:    {}", field(&f.author)))?;
    out.line(format!("tags:      {}", field(&f.tags.join(", "))))?;
    let entries = readable(store.entry_listing(trip.id)?);
    let photos = readable(store.photo_listing(trip.id)?);
    out.line(format!("entries:   {}", entries.len()))?;
    out.line(format!("photos:    {}", photos.len()))?;
    if !f.summary.is_empty() {
        out.line(format!("\n{}", f.summary))?;
    }
    Ok(())
}

fn run_entry(store: &mut Store, command: EntryCommand, out: &mut Lines) -> CliResult<()> {
    match command {
        EntryCommand::Add {
            trip,
            kind,
            title,
            from_schedule,
            fields,
        } => {
            let trip = store.find_trip(&trip)?;
            if let Some(item) = from_schedule {
                return add_from_schedule(
                    store,
                    trip.id,
                    ScheduleItemId(item),
                    (kind, title),
                    &fields,
                    out,
                );
            }
            let (Some(kind), Some(title)) = (kind, title) else {
                return Err(CliError::Input(
                    "entry add needs --kind and --title (or --from-schedule)".into(),
                ));
            };
            let zone = trip.fields.time_zone;
            let patch = entry_patch(&fields, zone)?;
            let mut entry = EntryFields::new(kind, &title, patch.at.unwrap_or_else(Utc::now));
            patch.apply(&mut entry)?;
            out.line(store.create_entry(trip.id, &entry)?)
        }
        EntryCommand::List { trip, json } => list_entries(store, &trip, json, out),
        EntryCommand::Edit {
            entry,
            kind,
            title,
            fields,
        } => store.modify_entry(EntryId(entry), |updated, zone| -> CliResult<()> {
            if let Some(kind) = kind
                && kind != updated.kind()
            {
                updated.content = EntryContent::empty(kind);
            }
            let mut patch = entry_patch(&fields, zone)?;
            patch.title = title;
            patch.apply(updated)?;
            Ok(())
        }),
        EntryCommand::Delete { entry, with_photos } => {
            store.delete_entry(EntryId(entry), with_photos)?;
            Ok(())
        }
    }
}

/// The flags of `entry add`/`entry edit` as the library's patch (the time read in the
/// trip's zone, the body read from its file).
/// `entry add --from-schedule ITEM`: the talk's session (made once), with the flags given
/// applied over what the schedule filled in.
fn add_from_schedule(
    store: &mut Store,
    trip: TripId,
    item: ScheduleItemId,
    (kind, title): (Option<EntryKind>, Option<String>),
    args: &EntryArgs,
    out: &mut Lines,
) -> CliResult<()> {
    if store.schedule_item(item)?.trip != trip {
        return Err(CliError::Input(format!(
            "schedule item {item} is not in trip {trip}"
        )));
    }
    let made = store.session_from_talk(item, |fields, zone| -> CliResult<()> {
        if let Some(kind) = kind
            && kind != fields.kind()
        {
            fields.content = EntryContent::empty(kind);
        }
        let mut patch = entry_patch(args, zone)?;
        patch.title = title;
        patch.apply(fields)?;
        Ok(())
    })?;
    if let SessionFromTalk::Existing(entry) = made {
        eprintln!("schedule item {item} already has entry {entry}; nothing added");
    }
    out.line(made.entry())
}

fn entry_patch(args: &EntryArgs, zone: Tz) -> CliResult<EntryPatch> {
    let body = match &args.body_file {
        Some(path) => Some(read_body_file(path)?),
        None => args.body.clone(),
    };
    Ok(EntryPatch {
        title: None,
        at: args
            .at
            .as_deref()
            .map(|text| parse_local_time(text, zone))
            .transpose()?,
        body,
        section: args.section.clone(),
        tags: args.tags.clone(),
        rating: args.rating,
        speakers: args.speakers.clone(),
        track: args.track.clone(),
        room: args.room.clone(),
        duration_min: args.duration_min,
        role: args.role,
        link: args.link.clone(),
        meal: args.meal,
        venue: args.venue.clone(),
        address: args.address.clone(),
        dish: args.dish.clone(),
        category: args.category.clone(),
        price: args.price.clone(),
        currency: args.currency.clone(),
        source: args.source.clone(),
    })
}

fn list_entries(store: &Store, trip: &str, json: bool, out: &mut Lines) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let zone = trip.fields.time_zone;
    let entries = readable(store.entry_listing(trip.id)?);
    if json {
        let list: Vec<Value> = entries
            .iter()
            .map(|entry| entry_json(store, entry, zone))
            .collect::<CliResult<_>>()?;
        return out.line(to_json_text(&Value::Array(list)));
    }
    for entry in &entries {
        let rating = entry
            .fields
            .content
            .rating()
            .map(|r| format!("{r}★"))
            .unwrap_or_default();
        out.row(&[
            &entry.id,
            &format_local_time(entry.fields.at, zone),
            &entry.fields.kind(),
            &rating,
            &entry.fields.title,
        ])?;
    }
    Ok(())
}

fn add_photos(
    store: &mut Store,
    trip: &str,
    entry: Option<i64>,
    caption: Option<String>,
    files: Vec<PathBuf>,
    out: &mut Lines,
) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let mut request = ImportRequest::new(trip.id, files);
    request.entry = entry.map(EntryId);
    request.caption = caption.unwrap_or_default();
    let cancel = AtomicBool::new(false);
    let outcomes = import_files(store, &request, &cancel, None)?;
    let mut any_failed = false;
    for file in &outcomes {
        any_failed |= file.outcome.is_failure() || file.outcome == ImportOutcome::Cancelled;
        out.line(outcome_line(file))?;
    }
    if any_failed {
        Err(CliError::Reported)
    } else {
        Ok(())
    }
}

/// How `photo add` and `photo watch` tell of one file: "imported ID NAME", "duplicate ID
/// NAME", "failed NAME: why".
pub(super) fn outcome_line(file: &FileOutcome) -> String {
    let name = one_line(&file.path.display().to_string());
    match &file.outcome {
        ImportOutcome::Imported(id) => format!("imported {id} {name}"),
        ImportOutcome::Duplicate(id) => format!("duplicate {id} {name}"),
        ImportOutcome::Failed(reason) => format!("failed {name}: {}", one_line(reason)),
        ImportOutcome::Cancelled => format!("failed {name}: cancelled"),
    }
}

fn list_photos(store: &Store, trip: &str, json: bool, out: &mut Lines) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let photos = readable(store.photo_listing(trip.id)?);
    if json {
        return out.line(to_json_text(&Value::Array(
            photos.iter().map(photo_json).collect(),
        )));
    }
    for photo in &photos {
        out.row(&[
            &photo.id,
            &photo.entry.map_or("-".to_string(), |e| e.to_string()),
            &format!("{}x{}", photo.metadata.width, photo.metadata.height),
            &photo.metadata.original_name,
            &photo.caption,
        ])?;
    }
    Ok(())
}

/// `photo shift`: one line per photo moved, then what was done and what was left.
fn shift_photos(
    store: &mut Store,
    trip: &str,
    by: chrono::Duration,
    filter: &ShiftFilter,
    out: &mut Lines,
) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let report = store.shift_taken_at(trip.id, by, filter)?;
    for photo in &report.shifted {
        out.line(format_args!(
            "shifted {} {} -> {}",
            photo.id,
            photo.old.to_iso(),
            photo.new.to_iso()
        ))?;
    }
    out.line(format_args!(
        "{} shifted by {}",
        count_text(report.shifted.len(), "photo", "photos"),
        format_clock_shift(by)
    ))?;
    if !report.without_taken_at.is_empty() {
        let ids: Vec<String> = report
            .without_taken_at
            .iter()
            .map(|id| id.to_string())
            .collect();
        out.line(format_args!(
            "{} left (no time taken recorded): {}",
            count_text(ids.len(), "photo", "photos"),
            ids.join(",")
        ))?;
    }
    Ok(())
}

/// "1 photo", "3 photos".
fn count_text(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

fn check(store: &mut Store, repair: bool, out: &mut Lines) -> CliResult<()> {
    if repair {
        store.ensure_writable()?;
    }
    let mut report = store.check()?;
    add_loose_data_folder(store, &mut report);
    if repair && !report.loose_modes.is_empty() {
        for loose in std::mem::take(&mut report.loose_modes) {
            let path = one_line(&loose.path.display().to_string());
            match crate::store::private::tighten(&loose.path) {
                Ok(()) => out.line(format!("{path}: made private"))?,
                Err(error) => out.line(format!("{path}: cannot make it private: {error}"))?,
            }
        }
        report = store.check()?;
        add_loose_data_folder(store, &mut report);
    }
    if repair && !report.damaged_rows.is_empty() {
        for row in store.set_aside_damaged()? {
            out.line(format!("{}: set aside", one_line(&row.to_string())))?;
        }
        report = store.check()?;
    }
    if repair && !report.damaged_derivatives.is_empty() {
        for (photo, result) in rebuild_derivatives(store, &report.damaged_derivatives) {
            match result {
                Ok(()) => out.line(format!("photo {photo}: preview and thumbnail rebuilt"))?,
                Err(error) => out.line(format!("photo {photo}: cannot rebuild: {error}"))?,
            }
        }
        report = store.check()?;
    }
    if report.is_ok() {
        return out.line("ok");
    }
    for problem in &report.problems {
        out.line(problem)?;
    }
    Err(CliError::Reported)
}

/// The default data folder, when the journal lives in it and other accounts can open it, is
/// reported with the journal's files (a folder chosen by the user is theirs to decide).
fn add_loose_data_folder(store: &Store, report: &mut crate::store::CheckReport) {
    let data_folder = super::default_journal_path()
        .ok()
        .and_then(|path| path.parent().map(std::path::Path::to_path_buf));
    let journal_folder = std::path::absolute(store.path())
        .ok()
        .and_then(|path| path.parent().map(std::path::Path::to_path_buf));
    let (Some(data_folder), Some(journal_folder)) = (data_folder, journal_folder) else {
        return;
    };
    if std::fs::canonicalize(&data_folder).ok() != std::fs::canonicalize(&journal_folder).ok() {
        return;
    }
    for loose in crate::store::private::loose_modes(&[data_folder]) {
        report
            .problems
            .push(crate::store::loose_mode_problem(&loose));
        report.loose_modes.push(loose);
    }
}

fn export(store: &Store, args: ExportArgs, out: &mut Lines) -> CliResult<()> {
    let trip = store.find_trip(&args.trip)?;
    let mut options = ExportOptions::new(args.out, args.layout);
    options.order = args.order;
    options.numbering = args.numbering;
    options.language = args.lang;
    options.date = args.date;
    options.slug = args.slug.clone();
    options.max_width = args.max_width;
    options.sizes = args.sizes.clone();
    options.keep_gps = args.keep_gps;
    options.publish = args.publish;
    options.include_unassigned = !args.no_unassigned;
    options.talks_attended = args.talks_attended;
    options.to_watch = args.to_watch;
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
    if args.git {
        let target = GitTarget {
            branch: args.branch.clone(),
            force: args.force,
        };
        options.force = false;
        return export_to_git(store, trip.id, &options, &target, out);
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
    if let Some(reason) = report.not_recorded {
        eprintln!(
            "warning: the journal is read-only ({reason}), so this export is not recorded in it; exporting into this folder again needs --force"
        );
    }
    for image in &report.images {
        out.line(one_line(&image.display().to_string()))?;
    }
    out.line(one_line(&report.post.display().to_string()))
}

/// `export --git`: the files committed (repository paths), then the branch and the commit;
/// notes on stderr.
fn export_to_git(
    store: &Store,
    trip: crate::model::TripId,
    options: &ExportOptions,
    target: &GitTarget,
    out: &mut Lines,
) -> CliResult<()> {
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let report = export_trip_to_git(store, trip, options, target, &cancel, None)?;
    for note in &report.notes {
        eprintln!("note: {}", one_line(&git_note(note)));
    }
    for image in &report.images {
        out.line(one_line(&image.display().to_string()))?;
    }
    out.line(one_line(&report.post.display().to_string()))?;
    match &report.commit {
        Some(commit) => {
            eprintln!(
                "committed on {0}; nothing was pushed. To publish: git push -u origin {0}, then open a pull request",
                report.branch
            );
            out.line(format!("{} {commit}", report.branch))
        }
        None => {
            eprintln!("{} already holds this post; no new commit", report.branch);
            out.line(format!("{} unchanged", report.branch))
        }
    }
}

/// A note of a Git export, worded for the terminal.
fn git_note(note: &GitNote) -> String {
    match note {
        GitNote::MidOperation(state) => format!(
            "the repository is in the middle of a {state}; the working tree was not touched, so it goes on as it was"
        ),
        GitNote::Shallow => {
            "a shallow clone: the commit is made on the history it has and pushes as usual".into()
        }
        GitNote::Ignored(paths) => format!(
            "committed although .gitignore matches them: {}",
            paths
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The readable rows of a listing; each damaged one is named on stderr, so that one bad row
/// never hides the others.
pub(super) fn readable<T>(listing: Listing<T>) -> Vec<T> {
    for row in &listing.damaged {
        eprintln!(
            "warning: {} cannot be read and is left out; `tripjournal check --repair` sets it aside",
            one_line(&row.to_string())
        );
    }
    listing.items
}

fn read_body_file(path: &Path) -> CliResult<String> {
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
