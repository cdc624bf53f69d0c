//! `tripjournal schedule …`, `trip new --schedule` and `entry add --from-schedule`: the
//! library reads schedules and keeps them; this words what happened.

use std::path::Path;

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde_json::{Value, json};

use super::commands::{Lines, readable};
use super::json::to_json_text;
use super::tsv::one_line;
use super::{CliError, CliResult, ScheduleCommand};
use crate::export::words::words;
use crate::model::TalkTime;
use crate::model::rules::format_local_time;
use crate::model::{ChangeKind, PostLanguage, TripId, clashes, clashes_with};
use crate::model::{ScheduleItem, ScheduleItemId, TripFields};
use crate::schedule::{
    PlanFileError, ScheduleFileError, ScheduleImportError, ScheduleImported, import_schedule_into,
    new_trip_from_schedule, plan_calendar, plan_items, write_plan_file,
};
use crate::store::Store;

/// A schedule file that cannot be read (missing, not a file, too large, not a schedule) is
/// bad input: exit 2.
impl From<ScheduleFileError> for CliError {
    fn from(error: ScheduleFileError) -> Self {
        CliError::Input(error.to_string())
    }
}

impl From<ScheduleImportError> for CliError {
    fn from(error: ScheduleImportError) -> Self {
        match error {
            ScheduleImportError::File(file) => file.into(),
            ScheduleImportError::Store(store) => store.into(),
        }
    }
}

pub(super) fn run(store: &mut Store, command: ScheduleCommand, out: &mut Lines) -> CliResult<()> {
    match command {
        ScheduleCommand::Import { trip, file } => {
            let trip = store.find_trip(&trip)?;
            let imported = import_schedule_into(store, trip.id, &file)?;
            report(&imported, out)?;
            changes(store, trip.id, out)
        }
        ScheduleCommand::List {
            trip,
            day,
            starred,
            json,
        } => list(store, &trip, day, starred, json, out),
        ScheduleCommand::Star { item } => Ok(store.set_starred(ScheduleItemId(item), true)?),
        ScheduleCommand::Unstar { item } => Ok(store.set_starred(ScheduleItemId(item), false)?),
        ScheduleCommand::Mark {
            item,
            maybe,
            attended,
            watch_later,
        } => {
            let id = ScheduleItemId(item);
            let mut marks = store.schedule_item(id)?.marks;
            marks.maybe = maybe.unwrap_or(marks.maybe);
            marks.attended = attended.unwrap_or(marks.attended);
            marks.watch_later = watch_later.unwrap_or(marks.watch_later);
            Ok(store.set_talk_marks(id, marks)?)
        }
        ScheduleCommand::Changes { trip } => {
            let trip = store.find_trip(&trip)?;
            changes(store, trip.id, out)
        }
        ScheduleCommand::Export {
            trip,
            starred: _,
            out: file,
        } => export_plan(store, &trip, &file, out),
    }
}

/// The last import's changes to the user's plan, a line each:
/// `moved 12 "Title": Sat 14:00 Saal 1 → Sat 16:00 Saal 2`, `cancelled 7 "Title": Sat 10:00
/// Saal 1`, `new 31 "Title": Sun 11:00 Saal 3`.
fn changes(store: &Store, trip: TripId, out: &mut Lines) -> CliResult<()> {
    let zone = store.trip(trip)?.fields.time_zone;
    let words = words(PostLanguage::English);
    for change in store.schedule_changes(trip)? {
        let Ok(item) = store.schedule_item(change.item) else {
            continue;
        };
        let title = one_line(&item.talk.title);
        let now = words.slot(&item.talk.slot(), zone);
        let line = match &change.kind {
            ChangeKind::Moved { before } => {
                let before = words.slot(before, zone);
                format!("moved {} \"{title}\": {before} → {now}", item.id)
            }
            ChangeKind::Cancelled => format!("cancelled {} \"{title}\": {now}", item.id),
            ChangeKind::New => format!("new {} \"{title}\": {now}", item.id),
        };
        out.line(line)?;
    }
    Ok(())
}

/// `schedule export --starred --out FILE`: the plan as iCalendar; prints how many talks.
fn export_plan(store: &Store, trip: &str, file: &Path, out: &mut Lines) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let items = plan_items(&readable(store.schedule_listing(trip.id)?));
    let text = plan_calendar(&trip.fields.name, &items);
    write_plan_file(file, &text).map_err(|error| match error {
        PlanFileError::Folder(_) => CliError::Input(error.to_string()),
        PlanFileError::Io { .. } => CliError::Failed(error.to_string()),
    })?;
    out.line(format!("wrote {} talks to {}", items.len(), file.display()))
}

/// What a schedule import did: one summary line on stdout, one line per skipped event on
/// stderr.
fn report(imported: &ScheduleImported, out: &mut Lines) -> CliResult<()> {
    let summary = &imported.summary;
    for skipped in &imported.skipped {
        eprintln!(
            "skipped {}: {}",
            one_line(&skipped.what),
            one_line(&skipped.reason)
        );
    }
    out.line(format!(
        "imported {}, updated {}, cancelled {}, skipped {}",
        summary.imported,
        summary.updated,
        summary.cancelled,
        imported.skipped.len()
    ))
}

/// `trip new --schedule FILE`: a trip from the schedule's header (flags win), then the import.
/// Prints the trip's id first, like `trip new`.
pub(super) fn new_trip(
    store: &mut Store,
    file: &Path,
    chosen_zone: Option<Tz>,
    adjust: impl FnOnce(&mut TripFields),
    out: &mut Lines,
) -> CliResult<()> {
    let computer = crate::app::system_zone();
    let imported = new_trip_from_schedule(store, file, chosen_zone, computer, adjust)?;
    out.line(imported.trip)?;
    if let Some(guess) = imported.zone.as_ref().filter(|guess| !guess.is_sure()) {
        eprintln!(
            "note: the trip's time zone {} is {}; give --tz to choose it",
            guess.zone.name(),
            guess.reason()
        );
    }
    report(&imported, out)
}

fn list(
    store: &Store,
    trip: &str,
    day: Option<NaiveDate>,
    starred_only: bool,
    json: bool,
    out: &mut Lines,
) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let zone = trip.fields.time_zone;
    let items: Vec<ScheduleItem> = readable(store.schedule_listing(trip.id)?)
        .into_iter()
        .filter(|item| !starred_only || item.starred)
        .filter(|item| day.is_none_or(|day| item.occurs_on(day, zone)))
        .collect();
    let clashing = clashes(&items);
    if json {
        let list = (items.iter())
            .map(|item| item_json(item, zone, &clashes_with(&clashing, item.id)))
            .collect();
        return out.line(to_json_text(&Value::Array(list)));
    }
    for item in &items {
        let (start, end) = item_times(item, zone);
        let marks: Vec<&str> = [
            (item.starred, "★"),
            (item.marks.maybe, "maybe"),
            (!clashes_with(&clashing, item.id).is_empty(), "clash"),
            (item.cancelled, "cancelled"),
            (item.attended(), "attended"),
            (item.marks.watch_later, "watch-later"),
        ]
        .into_iter()
        .filter_map(|(set, mark)| set.then_some(mark))
        .collect();
        let marks = marks.join(",");
        out.row(&[
            &item.id,
            &start,
            &end,
            &item.talk.room,
            &item.talk.track,
            &marks,
            &item.talk.title,
        ])?;
    }
    Ok(())
}

/// Start and end as the list shows them: local times, or "all day" dates.
fn item_times(item: &ScheduleItem, zone: Tz) -> (String, String) {
    match &item.talk.time {
        TalkTime::Timed { start, end } => (
            format_local_time(*start, zone),
            format_local_time(*end, zone),
        ),
        TalkTime::AllDay { first, last } => (format!("{first} all day"), last.to_string()),
    }
}

/// JSON of a schedule item (documented in README.md).
fn item_json(item: &ScheduleItem, zone: Tz, clashes_with: &[ScheduleItemId]) -> Value {
    let (start, end) = item.bounds(zone);
    let talk = &item.talk;
    json!({
        "id": item.id.0,
        "title": talk.title,
        "subtitle": talk.subtitle,
        "start": start.to_rfc3339(),
        "end": end.to_rfc3339(),
        "all_day": matches!(talk.time, TalkTime::AllDay { .. }),
        "room": talk.room,
        "track": talk.track,
        "kind": talk.kind,
        "speakers": talk.speakers,
        "url": talk.url,
        "abstract": talk.abstract_text,
        "starred": item.starred,
        "maybe": item.marks.maybe,
        "in_plan": item.in_plan(),
        "clashes_with": clashes_with.iter().map(|id| id.0).collect::<Vec<_>>(),
        "attended": item.attended(),
        "watch_later": item.marks.watch_later,
        "revision": item.revision.number,
        "cancelled": item.cancelled,
        "entry_id": item.entry.map(|e| e.0),
    })
}
