//! The user's actions applied to the workspace: the read-only guard first, then each action's
//! effect on what the window shows and the commands it sends; the part of an action that is
//! the window's (a dialog to open, the viewer to close) is handed back.

use std::path::PathBuf;

use super::Workspace;
use crate::app::action::Action;
use crate::app::notice::Message;
use crate::app::{Command, Revert};
use crate::model::{Entry, EntryFields, EntryId, PhotoId, TripFields, TripId};

impl Workspace {
    /// Applies what the user asked for: the one place the read-only guard is. Returns the
    /// action when carrying it out is the window's (a dialog to open: after the workspace
    /// checked it may, as for the export dialog or the camera-clock dialog), else `None`. The
    /// window closes what an action ends (a dialog, the viewer) before handing it here.
    pub fn apply(&mut self, action: Action) -> Option<Action> {
        if action.changes_journal() && self.refuse_editing() {
            return None;
        }
        match action {
            Action::SelectEntry(id) => self.select_entry(id),
            Action::OpenTrip(id) => self.open_trip(id),
            Action::CloseEditor => {
                self.save_dirty(true);
                self.leave_entry();
                self.selected_entry = None;
            }
            Action::QuickCapture(kind) => self.quick_capture(kind),
            Action::SaveNow => {
                self.save_dirty(true);
                self.notify(Message::Saved);
            }
            Action::Undo => self.undo(),
            Action::Redo => self.redo(),
            Action::OpenExportDialog => {
                self.save_dirty(true);
                return self.current.is_some().then_some(action);
            }
            action => return self.apply_journal_change(action),
        }
        None
    }

    /// The actions that change the journal (and those that are only the window's).
    fn apply_journal_change(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::CreateTrip(fields) => self.send(Command::CreateTrip(fields)),
            Action::SaveTrip(id, fields) => self.save_trip_fields(id, fields),
            Action::DeleteTrip(Some(id)) => self.send(Command::DeleteTrip(id)),
            Action::DeleteEntry(Some((entry, with_photos))) => {
                self.record_deletion(entry, with_photos);
                self.send(Command::DeleteEntry { entry, with_photos });
            }
            Action::EditEntry(id, fields) => self.edit_entry(id, *fields),
            Action::SetSection(id, section) => self.set_section(id, section),
            Action::ReorderEntries(trip, ids) => self.reorder_entries(trip, ids),
            Action::SetSectionOrder(trip, order) => self.set_section_order(trip, order),
            Action::PlaceEntry {
                trip,
                id,
                section,
                order,
            } => {
                self.set_section(id, section);
                self.reorder_entries(trip, order);
            }
            Action::StartExport(options, git) => self.start_export(*options, git),
            action => return self.apply_photo_or_schedule(action),
        }
        None
    }

    /// Photos, the schedule, watched folders and plain commands.
    fn apply_photo_or_schedule(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::ImportPhotos { entry, files } => self.import_into_open_trip(files, entry),
            Action::PhotosChosen { trip, entry, files } => {
                if self.open_trip_id() == Some(trip) {
                    self.import_into_open_trip(files, entry);
                }
            }
            Action::PastePhoto(image) => self.paste_photo(image),
            Action::MovePhoto(id, entry) => self.send(Command::MovePhoto(id, entry)),
            Action::SetCaption(id, caption) => self.set_caption(id, caption),
            Action::DeletePhoto(id) => self.send(Command::DeletePhoto { id, undoable: true }),
            Action::OpenClockDialog(photo) => return self.clock_dialog_for(photo),
            Action::StarTalk(item, starred) => self.star_talk(item, starred),
            Action::StartNotes(item) => self.start_notes(item),
            Action::ScheduleChosen { trip, file } => self.import_schedule(trip, file),
            Action::ImportScheduleFile(file) => self.import_schedule(self.open_trip_id(), file),
            Action::SetWatch(trip, folder) => self.send(Command::SetWatch { trip, folder }),
            Action::AnswerFirstBatch(trip, import) => self.watches.answer_first_batch(trip, import),
            Action::Send(command) => self.send(command),
            Action::Failed(message) => self.notify(message),
            // Without an open trip there is nowhere to put photos.
            Action::PickPhotos if self.current.is_none() => {}
            // The rest is the window's: dialogs, the viewer, help, the theme.
            action => return Some(action),
        }
        None
    }

    /// Opens a trip (saving edits of the one before).
    pub(super) fn open_trip(&mut self, trip: TripId) {
        self.save_dirty(true);
        self.leave_entry();
        self.selected_entry = None;
        self.send(Command::LoadTrip(trip));
    }

    /// Shows an entry in the editor (saving the edits of the one before).
    pub(super) fn select_entry(&mut self, id: EntryId) {
        self.save_dirty(true);
        if self.selected_entry != Some(id) {
            self.leave_entry();
        }
        self.selected_entry = Some(id);
    }

    /// The selected entry is being left: an entry created by the user and never touched is
    /// discarded (Ctrl+1 then Close leaves nothing behind).
    pub(super) fn leave_entry(&mut self) {
        let Some(id) = self.selected_entry else {
            return;
        };
        let Some(open) = &mut self.current else {
            return;
        };
        if open.photos.iter().any(|p| p.entry == Some(id)) {
            return;
        }
        let Some(entry) = open.entries.iter().find(|e| e.id == id) else {
            return;
        };
        if self.session.discard_untouched(id, &entry.fields) {
            open.entries.retain(|e| e.id != id);
            self.selected_entry = None;
            self.send(Command::DeleteEntry {
                entry: id,
                with_photos: false,
            });
        }
    }

    /// Local edit of an entry's fields; saved shortly after (see [`crate::app::SAVE_DELAY`]).
    pub(super) fn edit_entry(&mut self, id: EntryId, fields: EntryFields) {
        if let Some(open) = &mut self.current
            && let Some(entry) = open.entries.iter_mut().find(|e| e.id == id)
            && entry.fields != fields
        {
            entry.fields = fields;
            self.session.edited(id, self.now);
        }
    }

    /// Imports photos into `entry` (or the trip's unassigned photos) as a job.
    fn import_into_open_trip(&mut self, files: Vec<PathBuf>, entry: Option<EntryId>) {
        let Some(trip) = self.open_trip_id() else {
            self.notify(Message::NoTripForPhotos);
            return;
        };
        if files.is_empty() {
            return;
        }
        self.import_failures.clear();
        self.job_progress(crate::app::JobKind::Import, 0, files.len());
        self.send(Command::ImportFiles { trip, entry, files });
    }

    /// Imports a schedule file into `trip`, or makes a new trip of it.
    fn import_schedule(&mut self, trip: Option<TripId>, file: PathBuf) {
        self.job_progress(crate::app::JobKind::ScheduleImport, 0, 1);
        match trip {
            Some(trip) => self.send(Command::ImportSchedule { trip, file }),
            None => self.send(Command::NewTripFromSchedule(file)),
        }
    }

    /// Starts an export of the open trip.
    fn start_export(
        &mut self,
        options: crate::export::ExportOptions,
        git: Option<crate::export::GitTarget>,
    ) {
        let Some(trip) = self.open_trip_id() else {
            return;
        };
        self.last_export = None;
        self.job_progress(crate::app::JobKind::Export, 0, 0);
        self.send(Command::Export { trip, options, git });
    }

    /// Records an entry deletion for undo: its fields as shown, its photos and its place.
    /// Deleting its photos too cannot be undone (their files are gone from the journal).
    fn record_deletion(&mut self, id: EntryId, with_photos: bool) {
        self.save_dirty(true);
        let Some(open) = &self.current else { return };
        let Some(entry) = open.entries.iter().find(|e| e.id == id) else {
            return;
        };
        if with_photos {
            self.notify(Message::DeletedWithPhotos);
            return;
        }
        let photos = open
            .photos
            .iter()
            .filter(|p| p.entry == Some(id))
            .map(|p| p.id)
            .collect();
        let mut ordered: Vec<&Entry> = open.entries.iter().collect();
        ordered.sort_by_key(|e| (e.position, e.id));
        let order = ordered.iter().map(|e| e.id).collect();
        let entry = entry.clone();
        self.session.deleted_by_user(&entry, photos, order);
    }

    /// Undoes the last saved change.
    fn undo(&mut self) {
        self.save_dirty(true);
        if let Some(revert) = self.session.undo() {
            self.apply_revert(revert);
        }
    }

    /// Redoes the last undone change.
    fn redo(&mut self) {
        self.save_dirty(true);
        if let Some(revert) = self.session.redo() {
            self.apply_revert(revert);
        }
    }

    /// Shows what an undo or redo brings back and sends what stores it.
    fn apply_revert(&mut self, revert: Revert) {
        match &revert {
            Revert::Entry(save) => {
                if let Some(entry) = self
                    .current
                    .as_mut()
                    .and_then(|o| o.entries.iter_mut().find(|e| e.id == save.id))
                {
                    entry.fields = save.fields.clone();
                }
                self.selected_entry = Some(save.id);
            }
            Revert::Trip(id, fields) => {
                if let Some(open) = self.open_trip_mut(*id) {
                    open.trip.fields = fields.clone();
                }
            }
            Revert::Caption(id, caption) => {
                if let Some(photo) = self
                    .current
                    .as_mut()
                    .and_then(|o| o.photos.iter_mut().find(|p| p.id == *id))
                {
                    photo.caption = caption.clone();
                }
            }
            Revert::Star(item, starred) => {
                if let Some(open) = &mut self.current {
                    open.schedule.set_starred(*item, *starred);
                }
            }
            _ => {}
        }
        self.send(revert.into_command());
    }

    /// The camera-clock dialog on the camera of this photo (one without a camera model is said
    /// so in the status bar).
    fn clock_dialog_for(&mut self, photo: PhotoId) -> Option<Action> {
        let has_camera = self
            .current
            .as_ref()
            .and_then(|open| open.photos.iter().find(|p| p.id == photo))
            .is_some_and(|p| p.metadata.camera_model.is_some());
        if has_camera {
            return Some(Action::OpenClockDialog(photo));
        }
        self.notify(Message::NoCameraModel);
        None
    }

    /// Records a trip edit made in the trip dialog (undoable).
    fn save_trip_fields(&mut self, id: TripId, fields: TripFields) {
        let before = self
            .trips
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.fields.clone());
        if let Some(before) = before {
            self.session.trip_changed(id, before, fields.clone());
        }
        if let Some(open) = self.open_trip_mut(id) {
            open.trip.fields = fields.clone();
        }
        if let Some(trip) = self.trips.iter_mut().find(|t| t.id == id) {
            // The next change (a second click) starts from this one.
            trip.fields = fields.clone();
        }
        self.send(Command::UpdateTrip(id, fields));
    }

    /// Changes a photo's caption (undoable; the viewer hands back its caption when it closes,
    /// changed or not, so an unchanged one does nothing, and a read-only journal nothing).
    fn set_caption(&mut self, id: PhotoId, caption: String) {
        let editable = self.read_only.is_none();
        let Some(photo) = self
            .current
            .as_mut()
            .and_then(|o| o.photos.iter_mut().find(|p| p.id == id))
        else {
            return;
        };
        if photo.caption == caption || !editable {
            return;
        }
        let before = std::mem::replace(&mut photo.caption, caption.clone());
        self.session.caption_changed(id, before, caption.clone());
        self.send(Command::SetCaption(id, caption));
    }

    /// Moves an entry to a section and saves it at once.
    fn set_section(&mut self, id: EntryId, section: Option<String>) {
        if let Some(mut fields) = self.shown_fields(id) {
            fields.section = section;
            self.edit_entry(id, fields);
            self.save_dirty(true);
        }
    }

    /// Stores the order of the trip's sections (an undoable trip change).
    fn set_section_order(&mut self, trip: TripId, order: Vec<String>) {
        let fields = self
            .trips
            .iter()
            .find(|t| t.id == trip)
            .map(|t| t.fields.clone());
        if let Some(mut fields) = fields
            && fields.section_order != order
        {
            fields.section_order = order;
            self.save_trip_fields(trip, fields);
        }
    }

    /// Shows the new order at once and stores it.
    fn reorder_entries(&mut self, trip: TripId, ids: Vec<EntryId>) {
        if let Some(open) = self.open_trip_mut(trip) {
            for (index, entry_id) in ids.iter().enumerate() {
                if let Some(entry) = open.entries.iter_mut().find(|e| e.id == *entry_id) {
                    entry.position = index as i64 + 1;
                }
            }
        }
        self.send(Command::ReorderEntries(trip, ids));
    }

    /// Opens the notes on a talk: its entry if it has one, else a session made from it.
    fn start_notes(&mut self, item: crate::model::ScheduleItemId) {
        let Some(open) = &self.current else { return };
        let existing = open
            .schedule
            .item(item)
            .and_then(|talk| talk.entry)
            .filter(|entry| open.entries.iter().any(|e| e.id == *entry));
        match existing {
            Some(entry) => self.open_notes(entry),
            None if self.refuse_editing() => {}
            None => self.send(Command::StartNotes(item)),
        }
    }

    /// Stars or unstars a talk: shown at once, stored, undoable.
    fn star_talk(&mut self, item: crate::model::ScheduleItemId, starred: bool) {
        let changed = self
            .current
            .as_mut()
            .is_some_and(|open| open.schedule.set_starred(item, starred));
        if changed {
            self.session.star_changed(item, starred);
            self.send(Command::SetStarred { item, starred });
        }
    }
}
