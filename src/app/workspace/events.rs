//! What the journal thread says, applied to the workspace: trips and the open trip loaded,
//! entries created, saved, deleted and restored, photos and the schedule changed, jobs
//! progressing and ending, changes made by other programs merged in.

use std::collections::HashMap;
use std::sync::Arc;

use super::{EditorFocus, ExportPreview, ImportFailure, OpenTrip, Workspace, ZoneQuestion};
use crate::app::notice::Message;
use crate::app::{Command, Event, ImportCounts, JobKind, TripSchedule};
use crate::model::{Entry, EntryFields, EntryId, Photo, Trip, TripId};
use crate::photos::{FileOutcome, ImportOutcome};
use crate::store::{ReadOnlyReason, StoreError, WatchSetting};

/// Applies one event, by group.
pub(super) fn handle(ws: &mut Workspace, event: Event) {
    match event {
        Event::Opened { read_only } => opened(ws, read_only),
        Event::OpenFailed(error) => ws.open_error = Some(Arc::new(error)),
        Event::Trips(trips) => trips_arrived(ws, trips),
        Event::Watches(settings) => watches_arrived(ws, &settings),
        Event::Damaged(rows) => ws.damaged = rows,
        Event::SetAside(rows) => {
            ws.notify(Message::SetAside(rows.len()));
            if let Some(trip) = ws.open_trip_id() {
                ws.send(Command::LoadTrip(trip));
            }
        }
        Event::TripLoaded {
            trip,
            entries,
            photos,
        } => trip_loaded(ws, trip, entries, photos),
        Event::TripCreated(trip) => trip_created(ws, &trip),
        Event::TripDeleted(id) => {
            if ws.open_trip_id() == Some(id) {
                ws.current = None;
                ws.selected_entry = None;
            }
        }
        Event::ChangedElsewhere => changed_elsewhere(ws),
        Event::Flushed(_) => {}
        Event::Error(error) => {
            // A capture that failed must not keep swallowing the keyboard.
            ws.held_typing = None;
            ws.notify(Message::Journal(Arc::new(error)));
        }
        Event::TakenAtShifted {
            trip,
            by,
            report,
            undoable,
        } => {
            if undoable {
                let moved = report.shifted.iter().map(|photo| photo.id).collect();
                ws.session.clock_shifted(trip, by, moved);
            }
            ws.notify(Message::ClockShifted { by, report });
        }
        event @ (Event::EntryCreated { .. }
        | Event::EntryRestored { .. }
        | Event::EntrySaved(_)
        | Event::EntrySaveFailed { .. }
        | Event::EntryDeleted(_)
        | Event::Entries { .. }) => entry_event(ws, event),
        event @ (Event::Photos { .. } | Event::PhotoDeleted(_) | Event::PhotoRestored { .. }) => {
            photo_event(ws, event)
        }
        event @ (Event::Progress { .. }
        | Event::ImportFinished { .. }
        | Event::ExportFinished(_)
        | Event::JobFailed { .. }
        | Event::Preview { .. }
        | Event::ScheduleImported { .. }) => job_event(ws, event),
        event @ (Event::Schedule { .. }
        | Event::PlanExported(_)
        | Event::ScheduleItemChanged(_)
        | Event::NotesStarted { .. }) => schedule_event(ws, event),
    }
}

fn opened(ws: &mut Workspace, read_only: Option<ReadOnlyReason>) {
    ws.read_only = read_only;
    ws.opened = true;
}

fn trips_arrived(ws: &mut Workspace, trips: Vec<Trip>) {
    let first_load = !ws.trips_loaded;
    ws.trips = trips;
    ws.trips_loaded = true;
    if let Some(open) = &mut ws.current {
        match ws.trips.iter().find(|t| t.id == open.trip.id) {
            Some(trip) => open.trip = trip.clone(),
            None => {
                ws.current = None;
                ws.selected_entry = None;
            }
        }
    }
    if first_load && ws.current.is_none() {
        let remembered = ws
            .last_trip
            .filter(|id| ws.trips.iter().any(|t| t.id == *id));
        if let Some(id) = remembered.or_else(|| ws.trips.first().map(|t| t.id)) {
            ws.send(Command::LoadTrip(id));
        }
    }
}

/// Starts and stops the watched folders as the journal has them (none while read-only: a
/// watch imports).
fn watches_arrived(ws: &mut Workspace, settings: &[WatchSetting]) {
    if ws.read_only.is_some() {
        return;
    }
    let wake = Arc::clone(&ws.wake);
    for (_, error) in ws.watches.apply(settings, &ws.journal_path, &wake) {
        ws.notify(Message::CannotWatch(Arc::new(error)));
    }
}

fn trip_created(ws: &mut Workspace, trip: &Trip) {
    ws.notify(Message::TripCreated(trip.fields.name.clone()));
    ws.open_trip(trip.id);
}

fn trip_loaded(ws: &mut Workspace, trip: Trip, mut entries: Vec<Entry>, photos: Vec<Photo>) {
    // What the window shows of this trip now, by entry (moved, not copied); its schedule
    // stays until the journal sends it again, right after.
    let (mut local, schedule): (HashMap<EntryId, EntryFields>, TripSchedule) = ws
        .current
        .take()
        .filter(|open| open.trip.id == trip.id)
        .map(|open| {
            let local = open.entries.into_iter().map(|e| (e.id, e.fields)).collect();
            (local, open.schedule)
        })
        .unwrap_or_default();
    for entry in &mut entries {
        entry.fields = ws.session.rebase(entry, local.remove(&entry.id));
    }
    ws.selected_entry = ws
        .selected_entry
        .filter(|id| entries.iter().any(|e| e.id == *id));
    ws.last_trip = Some(trip.id);
    ws.current = Some(OpenTrip {
        trip,
        entries,
        photos,
        schedule,
    });
}

/// Another program (or a job of this one) changed the journal: read it again. A photo import
/// reloads the photos when it ends; other changes are shown at once.
fn changed_elsewhere(ws: &mut Workspace) {
    if ws.job(JobKind::Import).is_some() {
        return;
    }
    ws.send(Command::LoadTrips);
    if let Some(trip) = ws.open_trip_id() {
        ws.send(Command::LoadTrip(trip));
    }
}

fn entry_event(ws: &mut Workspace, event: Event) {
    match event {
        Event::EntryRestored { old_id, entry } => {
            ws.session.restored(old_id, &entry);
            ws.selected_entry = Some(entry.id);
            if let Some(open) = ws.open_trip_mut(entry.trip)
                && !open.entries.iter().any(|e| e.id == entry.id)
            {
                open.entries.push(entry);
            }
        }
        Event::EntryCreated { tag, entry } => entry_created(ws, tag, entry),
        Event::EntrySaved(stored) => {
            let local = ws
                .shown_entry_mut(stored.trip, stored.id)
                .map(|e| e.fields.clone());
            if let Some(fields) = ws.session.saved(&stored, local)
                && let Some(entry) = ws.shown_entry_mut(stored.trip, stored.id)
            {
                entry.fields = fields;
            }
        }
        Event::EntrySaveFailed { id, base, error } => {
            let retry = save_can_be_retried(&error);
            ws.session.save_failed(id, *base, ws.now, retry);
            let error = Arc::new(error);
            ws.notify(Message::SaveFailed { error, retry });
        }
        Event::EntryDeleted(id) => {
            if let Some(open) = &mut ws.current {
                open.entries.retain(|e| e.id != id);
                open.schedule.entry_deleted(id);
            }
            if ws.selected_entry == Some(id) {
                ws.selected_entry = None;
            }
            ws.session.forget(id);
        }
        Event::Entries { trip, entries } => entries_reordered(ws, trip, entries),
        _ => {}
    }
}

/// Whether a save that failed this way is worth trying again (an entry deleted meanwhile,
/// perhaps by another program, is not).
pub(super) fn save_can_be_retried(error: &StoreError) -> bool {
    !matches!(error, StoreError::NotFound { .. })
}

fn entry_created(ws: &mut Workspace, tag: u64, entry: Entry) {
    let captured = ws.pending_captures.remove(&tag);
    if ws.open_trip_id() != Some(entry.trip) {
        return;
    }
    if captured {
        ws.session.created_by_user(&entry);
    } else {
        ws.session.created(&entry);
    }
    let id = entry.id;
    if let Some(open) = &mut ws.current {
        open.entries.push(entry);
    }
    if captured {
        ws.selected_entry = Some(id);
        ws.focus_request = Some(EditorFocus::Title);
        ws.title_typed_meanwhile(id);
    }
}

fn entries_reordered(ws: &mut Workspace, trip: TripId, entries: Vec<Entry>) {
    let session = &ws.session;
    if let Some(open) = ws.current.as_mut().filter(|o| o.trip.id == trip) {
        // Keep local edits that are not saved yet; take the new order.
        let local: HashMap<EntryId, EntryFields> = open
            .entries
            .iter()
            .filter(|e| session.is_pending(e.id))
            .map(|e| (e.id, e.fields.clone()))
            .collect();
        open.entries = entries;
        for entry in &mut open.entries {
            if let Some(fields) = local.get(&entry.id) {
                entry.fields = fields.clone();
            }
        }
    }
}

fn photo_event(ws: &mut Workspace, event: Event) {
    match event {
        Event::Photos { trip, photos } => {
            if let Some(open) = ws.open_trip_mut(trip) {
                open.photos = photos;
            }
        }
        Event::PhotoDeleted(restore) => ws.session.photo_deleted_by_user(restore),
        Event::PhotoRestored { old_id, new_id } => ws.session.photo_restored(old_id, new_id),
        _ => {}
    }
}

/// Progress and the end of long jobs, and the export preview.
fn job_event(ws: &mut Workspace, event: Event) {
    match event {
        Event::Progress { job, done, total } => ws.job_progress(job, done, total),
        Event::ImportFinished {
            trip,
            photos,
            counts,
            outcomes,
        } => import_finished(ws, trip, photos, counts, &outcomes),
        Event::ExportFinished(result) => {
            ws.job_ended(JobKind::Export);
            ws.notify(match &result {
                Ok(report) => Message::Exported(Box::new(report.clone())),
                Err(error) => Message::ExportFailed(Arc::clone(error)),
            });
            ws.last_export = Some(result);
        }
        Event::JobFailed { job, error } => {
            ws.job_ended(job);
            // A capture that failed must not keep swallowing the keyboard.
            ws.held_typing = None;
            ws.notify(Message::Journal(Arc::new(error)));
        }
        Event::Preview { options, preview } => {
            ws.export_preview = Some(ExportPreview {
                options: *options,
                preview,
            });
        }
        Event::ScheduleImported { imported, created } => {
            ws.job_ended(JobKind::ScheduleImport);
            let skipped = imported.skipped.len();
            ws.notify(Message::ScheduleImported {
                summary: imported.summary,
                skipped,
            });
            ws.schedule_skipped = imported.skipped;
            match created {
                Some(trip) => {
                    trip_created(ws, &trip);
                    if let Some(guess) = imported.zone.filter(|guess| !guess.is_sure()) {
                        ws.zone_question = Some(ZoneQuestion { trip, guess });
                    }
                }
                None => ws.send(Command::LoadSchedule(imported.trip)),
            }
        }
        _ => {}
    }
}

fn import_finished(
    ws: &mut Workspace,
    trip: TripId,
    photos: Vec<Photo>,
    counts: ImportCounts,
    outcomes: &[FileOutcome],
) {
    ws.job_ended(JobKind::Import);
    if let Some(open) = ws.open_trip_mut(trip) {
        open.photos = photos;
    }
    ws.import_failures = outcomes
        .iter()
        .filter_map(|o| match &o.outcome {
            ImportOutcome::Failed(reason) => Some(ImportFailure {
                file: o.path.clone(),
                reason: reason.clone(),
            }),
            _ => None,
        })
        .collect();
    ws.notify(Message::PhotosImported(counts));
}

/// The open trip's schedule, as the journal thread sends it.
fn schedule_event(ws: &mut Workspace, event: Event) {
    match event {
        Event::Schedule {
            trip,
            items,
            changes,
        } => {
            if let Some(open) = ws.open_trip_mut(trip) {
                open.schedule.replace(items);
                open.schedule.set_changes(changes);
            }
        }
        Event::PlanExported(Ok((talks, file))) => ws.notify(Message::PlanExported { talks, file }),
        Event::PlanExported(Err(error)) => ws.notify(Message::PlanNotExported(error)),
        Event::ScheduleItemChanged(item) => {
            if let Some(open) = ws.open_trip_mut(item.trip) {
                open.schedule.update(item);
            }
        }
        Event::NotesStarted { item, entry } => {
            let id = entry.id;
            let Some(open) = ws.current.as_mut().filter(|o| o.trip.id == entry.trip) else {
                return;
            };
            open.schedule.update(*item);
            if !open.entries.iter().any(|e| e.id == id) {
                ws.session.created(&entry);
                open.entries.push(entry);
            }
            ws.open_notes(id);
        }
        _ => {}
    }
}

impl Workspace {
    /// Records how far a job is (it runs until its end is heard).
    pub(super) fn job_progress(&mut self, kind: JobKind, done: usize, total: usize) {
        self.jobs.retain(|(job, ..)| *job != kind);
        self.jobs.push((kind, done, total));
    }

    pub(super) fn job_ended(&mut self, kind: JobKind) {
        self.jobs.retain(|(job, ..)| *job != kind);
    }

    /// Opens an entry in the editor with the cursor in its notes.
    pub(super) fn open_notes(&mut self, entry: EntryId) {
        self.select_entry(entry);
        self.focus_request = Some(EditorFocus::Notes);
    }
}
