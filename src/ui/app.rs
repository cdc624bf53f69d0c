//! The app's state, its frame loop (events in, panels out), saving, undo and shortcuts.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use chrono::Utc;
use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use super::action::Action;
use super::clock_dialog::ClockDialog;
use super::damage_banner;
use super::editor::EntryEditor;
use super::export_dialog::ExportDialog;
use super::help::HelpWindow;
use super::photos::TextureCache;
use super::photos::{PhotoViewer, Thumbnails};
use super::timeline::Timeline;
use super::trip_dialog::TripDialog;
use super::trips_panel::{ConfirmDeleteEntry, ConfirmDeleteTrip, TripsPanel};
use super::watch_dialog::{WatchDialog, first_batch_question, indicator};
use super::wording;
use crate::app::{Backend, Command, EditSession, Event, Revert, Save, ThumbnailPool, TripSchedule};
use crate::model::{
    Entry, EntryFields, EntryId, EntryKind, Photo, PhotoId, ScheduleItemId, ShiftFilter, Trip,
    TripFields, TripId,
};
use crate::photos::{ImportOutcome, PHOTO_EXTENSIONS};
use crate::store::{DamagedRow, ReadOnlyReason};

/// What is remembered between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Settings {
    last_trip: Option<i64>,
    dark: Option<bool>,
}

/// Which view of the trip the central panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineView {
    /// Entries grouped by day.
    Days,
    /// Entries grouped under their section headings, reorderable.
    Sections,
    /// The food ratings board.
    Food,
    /// The trip's conference programme.
    Schedule,
}

/// The trip shown in the window, as last loaded plus local edits.
pub struct OpenTrip {
    pub trip: Trip,
    pub entries: Vec<Entry>,
    pub photos: Vec<Photo>,
    /// Its conference programme (empty when it has none).
    pub schedule: TripSchedule,
}

/// Results of file dialogs, which run on their own threads.
pub enum DialogResult {
    Photos {
        trip: TripId,
        entry: Option<EntryId>,
        files: Vec<PathBuf>,
    },
    ExportFolder(PathBuf),
    Journal(PathBuf),
    /// A programme file to import into `trip`, or to make a new trip of (`None`).
    Schedule {
        trip: Option<TripId>,
        file: PathBuf,
    },
    /// A folder chosen for the trip's "Watch a folder" dialog.
    WatchFolder {
        trip: TripId,
        folder: PathBuf,
    },
    /// Something done off the UI thread failed; the message is for the status bar.
    Failed(String),
}

/// A message shown in the status bar for a while.
pub struct Notice {
    pub text: String,
    pub is_error: bool,
    pub until: Instant,
}

/// Keys typed right after Ctrl+1…4, while the journal thread creates the entry: they belong in
/// its title, not in whatever field had the focus before.
struct CaptureTyping {
    text: String,
    /// Images pasted meanwhile, for its photos.
    images: Vec<Arc<egui::ColorImage>>,
    since: Instant,
}

/// How long typing is held for an entry that is being created (it normally takes milliseconds).
const CAPTURE_TYPING_LIMIT: Duration = Duration::from_secs(5);

/// Below this width (points) the trips list hides while the editor is open.
const NARROW_WINDOW: f32 = 1100.0;

/// The whole app.
pub struct TripJournalApp {
    journal_path: PathBuf,
    backend: Option<Backend>,
    thumbnails: Option<ThumbnailPool>,
    open_error: Option<String>,
    /// Set when the journal was opened read-only, and why: editing is off.
    read_only: Option<ReadOnlyReason>,
    typed_journal_path: String,
    trips: Vec<Trip>,
    trips_loaded: bool,
    /// Rows of the journal that cannot be read, named in a banner.
    damaged: Vec<DamagedRow>,
    current: Option<OpenTrip>,
    selected_entry: Option<EntryId>,
    timeline: Timeline,
    editor: EntryEditor,
    /// Pending edits, saves in flight, merge bases and the undo history.
    session: EditSession,
    /// Suggested unassigned photos per entry, with the fingerprint of what they came from.
    textures: TextureCache,
    import_progress: Option<(usize, usize)>,
    import_failures: Vec<String>,
    /// The events of the last imported programme that could not be read, with why.
    schedule_skipped: Vec<String>,
    notices: Vec<Notice>,
    trip_dialog: Option<TripDialog>,
    clock_dialog: Option<ClockDialog>,
    watch_dialog: Option<WatchDialog>,
    /// The trips' watched folders, each on its own thread.
    watches: crate::app::Watches,
    confirm_delete_trip: Option<ConfirmDeleteTrip>,
    confirm_delete_entry: Option<ConfirmDeleteEntry>,
    trips_panel: TripsPanel,
    export_dialog: Option<ExportDialog>,
    viewer: Option<PhotoViewer>,
    help: HelpWindow,
    dark: bool,
    next_tag: u64,
    pending_captures: HashSet<u64>,
    /// Text typed after a quick capture and before its entry exists, for its title.
    capture_typing: Option<CaptureTyping>,
    /// Whether a text field had the focus when the last frame ended (egui drops the focus on
    /// Esc before the frame's code runs; that Esc only leaves the field).
    text_field_focused: bool,
    dialogs: (Sender<DialogResult>, Receiver<DialogResult>),
    settings_last_trip: Option<i64>,
    /// Set by a termination signal: the window closes (saving) at the next frame.
    quit: super::QuitSignal,
    egui_ctx: egui::Context,
}

impl TripJournalApp {
    /// The app on the journal at `journal` (created if missing).
    pub fn new(cc: &eframe::CreationContext<'_>, journal: PathBuf) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::with_context(cc.egui_ctx.clone(), journal);
        if let Some(dark) = settings.dark {
            app.dark = dark;
        }
        app.apply_theme();
        app.settings_last_trip = settings.last_trip;
        app
    }

    /// The app without eframe's creation context (fonts must be installed by the caller).
    pub fn with_context(ctx: egui::Context, journal: PathBuf) -> Self {
        let mut app = TripJournalApp {
            journal_path: journal.clone(),
            backend: None,
            thumbnails: None,
            open_error: None,
            read_only: None,
            typed_journal_path: journal.display().to_string(),
            trips: Vec::new(),
            trips_loaded: false,
            damaged: Vec::new(),
            current: None,
            selected_entry: None,
            timeline: Timeline::default(),
            editor: EntryEditor::default(),
            session: EditSession::new(),
            textures: TextureCache::default(),
            import_progress: None,
            import_failures: Vec::new(),
            schedule_skipped: Vec::new(),
            notices: Vec::new(),
            trip_dialog: None,
            clock_dialog: None,
            watch_dialog: None,
            watches: crate::app::Watches::default(),
            confirm_delete_trip: None,
            confirm_delete_entry: None,
            trips_panel: TripsPanel,
            export_dialog: None,
            viewer: None,
            help: HelpWindow::default(),
            dark: ctx.theme() == egui::Theme::Dark,
            next_tag: 1,
            pending_captures: HashSet::new(),
            capture_typing: None,
            text_field_focused: false,
            dialogs: channel(),
            settings_last_trip: None,
            quit: super::QuitSignal::default(),
            egui_ctx: ctx,
        };
        app.open_journal(journal);
        app
    }

    /// Opens (or switches to) a journal file; on failure the window shows why.
    pub fn open_journal(&mut self, journal: PathBuf) {
        self.backend = None;
        self.watches.stop_all();
        self.thumbnails = None;
        self.current = None;
        self.trips.clear();
        self.trips_loaded = false;
        self.textures = TextureCache::default();
        self.journal_path = journal.clone();
        self.open_error = None;
        self.read_only = None;
        let ctx = self.egui_ctx.clone();
        // The journal thread opens the file; the trips arrive once it is open, and the
        // thumbnail pool starts then (Event::Opened), after any migration.
        let backend = Backend::start(journal, move || ctx.request_repaint());
        backend.send(Command::LoadTrips);
        self.backend = Some(backend);
    }

    /// Uses `quit` to learn that the system asked the program to end.
    pub fn set_quit_signal(&mut self, quit: super::QuitSignal) {
        self.quit = quit;
    }

    /// The photo in the viewer, if it is open.
    pub fn viewed_photo(&self) -> Option<PhotoId> {
        self.viewer.as_ref().map(|v| v.photo)
    }

    /// Whether the help window, the export dialog or the trip dialog is open.
    pub fn windows_open(&self) -> (bool, bool, bool) {
        (
            self.help.is_open(),
            self.export_dialog.is_some(),
            self.trip_dialog.is_some(),
        )
    }

    /// The open trip, if any.
    pub fn current_trip(&self) -> Option<&OpenTrip> {
        self.current.as_ref()
    }

    /// The trips in the side panel.
    pub fn trips(&self) -> &[Trip] {
        &self.trips
    }

    /// The entry in the editor.
    pub fn selected_entry(&self) -> Option<EntryId> {
        self.selected_entry
    }

    /// The trip's watched folder as running now, if it has one.
    pub fn watch_of(&self, trip: TripId) -> Option<&crate::app::TripWatch> {
        self.watches.of(trip)
    }

    /// Messages currently shown to the user.
    pub fn notices(&self) -> Vec<String> {
        self.notices.iter().map(|n| n.text.clone()).collect()
    }

    /// Why the journal cannot be edited, when it was opened read-only.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    /// Whether the journal's trips have been read (the first view is ready).
    pub fn trips_loaded(&self) -> bool {
        self.trips_loaded
    }

    /// Removes the messages shown in the status bar.
    pub fn clear_notices(&mut self) {
        self.notices.clear();
    }

    /// Whether an import is running.
    pub fn importing(&self) -> bool {
        self.import_progress.is_some()
    }

    /// Photos done and in all of the running import, if one is running.
    pub fn import_progress(&self) -> Option<(usize, usize)> {
        self.import_progress
    }

    /// The export dialog's preview for its current options, once the journal thread sent it.
    pub fn export_preview(&self) -> Option<&str> {
        self.export_dialog.as_ref().and_then(|d| d.preview_text())
    }

    /// How many photo textures are resident.
    pub fn resident_textures(&self) -> usize {
        self.textures.resident()
    }

    /// Whether a thumbnail is on screen as a texture (for tests).
    pub fn has_thumbnail(&self, photo: PhotoId) -> bool {
        self.textures.has_thumbnail(photo)
    }

    /// Whether edits are waiting to be saved.
    pub fn has_unsaved_edits(&self) -> bool {
        self.session.has_pending()
    }

    fn send(&self, command: Command) {
        if let Some(backend) = &self.backend {
            backend.send(command);
        }
    }

    fn notify(&mut self, text: impl Into<String>, is_error: bool) {
        let seconds = if is_error { 12 } else { 5 };
        self.notices.push(Notice {
            text: text.into(),
            is_error,
            until: Instant::now() + Duration::from_secs(seconds),
        });
        if self.notices.len() > 6 {
            self.notices.remove(0);
        }
    }

    /// On a read-only journal, says in the status bar that editing is off (once while it
    /// shows) and returns true: the caller then changes nothing.
    fn refuse_editing(&mut self) -> bool {
        let Some(reason) = self.read_only else {
            return false;
        };
        let text = wording::editing_is_off(reason);
        if !self.notices.iter().any(|notice| notice.text == text) {
            self.notify(text, true);
        }
        true
    }

    fn apply_theme(&self) {
        self.egui_ctx.set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }

    /// Opens a trip (saving edits of the one before).
    pub fn open_trip(&mut self, trip: TripId) {
        self.save_dirty(true);
        self.leave_entry();
        self.selected_entry = None;
        self.viewer = None;
        self.send(Command::LoadTrip(trip));
    }

    /// Creates an entry of `kind` in the open trip and selects it with the title focused: now,
    /// or on a day of the trip when it is not going on (see [`crate::app::capture_time`]).
    pub fn quick_capture(&mut self, kind: EntryKind) {
        // Refused before any typing is held for a title that could not be saved.
        if self.refuse_editing() {
            return;
        }
        let Some(open) = &self.current else {
            self.notify("Open or create a trip first", true);
            return;
        };
        let selected = self
            .selected_entry
            .and_then(|id| open.entries.iter().find(|e| e.id == id));
        // Now during the trip; on one of its days when it is written up before or after.
        let when = crate::app::capture_time(&open.trip.fields, selected.map(|e| e.fields.at));
        let mut fields = EntryFields::new(kind, "", when.at);
        if let Some(selected) = selected {
            // A new entry goes in the section the user is writing in.
            fields.section = selected.fields.section.clone();
        }
        let tag = self.next_tag;
        self.next_tag += 1;
        self.pending_captures.insert(tag);
        self.send(Command::CreateEntry {
            trip: open.trip.id,
            fields,
            tag,
        });
        if let Some(moved_to) = when.moved_to {
            self.notify(wording::capture_moved(moved_to), false);
        }
        self.hold_typing_for_capture();
    }

    /// From now until the new entry arrives, typed text is kept for its title.
    fn hold_typing_for_capture(&mut self) {
        self.leave_entry();
        self.egui_ctx.memory_mut(|memory| memory.stop_text_input());
        self.capture_typing = Some(CaptureTyping {
            text: String::new(),
            images: Vec::new(),
            since: Instant::now(),
        });
    }

    /// Takes this frame's typing away from the widgets while a capture's entry is on its way.
    fn buffer_capture_typing(&mut self, ctx: &egui::Context) {
        let Some(held) = &mut self.capture_typing else {
            return;
        };
        if held.since.elapsed() > CAPTURE_TYPING_LIMIT {
            self.capture_typing = None;
            return;
        }
        ctx.input_mut(|input| {
            input.events.retain(|event| match event {
                egui::Event::Text(text) | egui::Event::Paste(text) => {
                    held.text.push_str(text);
                    false
                }
                egui::Event::PasteImage(image) => {
                    held.images.push(Arc::clone(image));
                    false
                }
                egui::Event::Key {
                    key: Key::Backspace,
                    pressed: true,
                    ..
                } => {
                    held.text.pop();
                    false
                }
                _ => true,
            })
        });
    }

    /// The selected entry is being left: an entry created by the user and never touched is
    /// discarded (Ctrl+1 then Close leaves nothing behind).
    fn leave_entry(&mut self) {
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

    /// The entry-point the file dialog and tests use to import photos: into the selected
    /// entry, or the trip's unassigned photos.
    pub fn import_paths(&mut self, files: Vec<PathBuf>) {
        self.import_paths_into(files, self.selected_entry);
    }

    /// Imports photos into `entry` (or the trip's unassigned photos).
    fn import_paths_into(&mut self, files: Vec<PathBuf>, entry: Option<EntryId>) {
        if self.refuse_editing() {
            return;
        }
        let Some(open) = &self.current else {
            self.notify("Open a trip before adding photos", true);
            return;
        };
        if files.is_empty() {
            return;
        }
        self.import_failures.clear();
        self.import_progress = Some((0, files.len()));
        self.send(Command::ImportFiles {
            trip: open.trip.id,
            entry,
            files,
        });
    }

    /// Local edit of an entry's fields; saved shortly after (see [`crate::app::SAVE_DELAY`]).
    pub fn edit_entry(&mut self, id: EntryId, fields: EntryFields) {
        if let Some(open) = &mut self.current
            && let Some(entry) = open.entries.iter_mut().find(|e| e.id == id)
            && entry.fields != fields
        {
            entry.fields = fields;
            self.session.edited(id, Instant::now());
        }
    }

    /// Sends the edits that are due (or all of them with `everything`), recording undo steps.
    pub fn save_dirty(&mut self, everything: bool) {
        let entries = self.current.as_ref().map_or(&[][..], |o| &o.entries[..]);
        let saves = self.session.take_due(entries, Instant::now(), everything);
        for save in saves {
            self.send_save(save);
        }
    }

    fn send_save(&self, save: Save) {
        self.send(Command::UpdateEntry {
            id: save.id,
            base: Box::new(save.base),
            fields: Box::new(save.fields),
        });
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
            self.notify(
                "The entry and its photos were deleted; this cannot be undone",
                false,
            );
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
    pub fn undo(&mut self) {
        self.save_dirty(true);
        if let Some(revert) = self.session.undo() {
            self.apply_revert(revert);
        }
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) {
        self.save_dirty(true);
        if let Some(revert) = self.session.redo() {
            self.apply_revert(revert);
        }
    }

    fn apply_revert(&mut self, revert: Revert) {
        match revert {
            Revert::Entry(save) => {
                if let Some(entry) = self
                    .current
                    .as_mut()
                    .and_then(|o| o.entries.iter_mut().find(|e| e.id == save.id))
                {
                    entry.fields = save.fields.clone();
                }
                self.selected_entry = Some(save.id);
                self.send_save(save);
            }
            Revert::Trip(id, fields) => {
                if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == id) {
                    open.trip.fields = fields.clone();
                }
                self.send(Command::UpdateTrip(id, fields));
            }
            Revert::Caption(id, caption) => {
                if let Some(photo) = self
                    .current
                    .as_mut()
                    .and_then(|o| o.photos.iter_mut().find(|p| p.id == id))
                {
                    photo.caption = caption.clone();
                }
                self.send(Command::SetCaption(id, caption));
            }
            Revert::DeleteEntry(id) => {
                self.send(Command::DeleteEntry {
                    entry: id,
                    with_photos: false,
                });
            }
            Revert::RestoreEntry(restore) => self.send(Command::RestoreEntry(restore)),
            Revert::DeletePhoto(id) => self.send(Command::DeletePhoto {
                id,
                undoable: false,
            }),
            Revert::RestorePhoto(restore) => self.send(Command::RestorePhoto(restore)),
            Revert::Star(item, starred) => {
                if let Some(open) = &mut self.current {
                    open.schedule.set_starred(item, starred);
                }
                self.send(Command::SetStarred { item, starred });
            }
            Revert::ShiftTakenAt { trip, by, photos } => self.send(Command::ShiftTakenAt {
                trip,
                by,
                filter: ShiftFilter {
                    camera: None,
                    ids: Some(photos),
                },
                undoable: false,
            }),
        }
    }

    /// Opens the camera-clock dialog on the camera of this photo (one without a camera
    /// model is said so in the status bar).
    fn open_clock_dialog(&mut self, photo: PhotoId) {
        let camera = self
            .current
            .as_ref()
            .and_then(|open| open.photos.iter().find(|p| p.id == photo))
            .and_then(|p| p.metadata.camera_model.clone());
        match camera {
            Some(camera) => self.clock_dialog = Some(ClockDialog::new(camera)),
            None => self.notify("This photo does not say which camera took it", true),
        }
    }

    /// Records a trip edit made in the trip dialog.
    fn save_trip_fields(&mut self, id: TripId, fields: TripFields) {
        let before = self
            .trips
            .iter()
            .find(|t| t.id == id)
            .map(|t| t.fields.clone());
        if let Some(before) = before {
            self.session.trip_changed(id, before, fields.clone());
        }
        if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == id) {
            open.trip.fields = fields.clone();
        }
        if let Some(trip) = self.trips.iter_mut().find(|t| t.id == id) {
            // The next change (a second click) starts from this one.
            trip.fields = fields.clone();
        }
        self.send(Command::UpdateTrip(id, fields));
    }

    /// Changes a photo's caption (undoable).
    pub fn set_caption(&mut self, id: PhotoId, caption: String) {
        let Some(photo) = self
            .current
            .as_mut()
            .and_then(|o| o.photos.iter_mut().find(|p| p.id == id))
        else {
            return;
        };
        if photo.caption == caption || self.read_only.is_some() {
            return;
        }
        let before = std::mem::replace(&mut photo.caption, caption.clone());
        self.session.caption_changed(id, before, caption.clone());
        self.send(Command::SetCaption(id, caption));
    }

    /// Moves a photo to an entry (or back to the unassigned photos).
    pub fn move_photo(&mut self, id: PhotoId, entry: Option<EntryId>) {
        self.send(Command::MovePhoto(id, entry));
    }

    /// Applies everything the journal thread and the dialogs sent since the last frame.
    fn poll(&mut self) {
        while let Some(event) = self.backend.as_ref().and_then(Backend::try_event) {
            self.handle_event(event);
        }
        // Photos a watch imported reach the window as a change made elsewhere (the journal
        // thread notices the watch's commits); here only its counts and questions are taken.
        self.watches.poll();
        while let Ok(result) = self.dialogs.1.try_recv() {
            match result {
                DialogResult::Photos { trip, entry, files } => {
                    if self.current.as_ref().is_some_and(|o| o.trip.id == trip) && !files.is_empty()
                    {
                        self.import_failures.clear();
                        self.import_progress = Some((0, files.len()));
                        self.send(Command::ImportFiles { trip, entry, files });
                    }
                }
                DialogResult::ExportFolder(folder) => {
                    if let Some(dialog) = &mut self.export_dialog {
                        dialog.out_dir = folder.display().to_string();
                    }
                }
                DialogResult::Journal(path) => {
                    self.typed_journal_path = path.display().to_string();
                    self.open_journal(path);
                }
                DialogResult::Schedule { trip, file } => match trip {
                    Some(trip) => self.send(Command::ImportSchedule { trip, file }),
                    None => self.send(Command::NewTripFromSchedule(file)),
                },
                DialogResult::WatchFolder { trip, folder } => {
                    if let Some(dialog) = self.watch_dialog.as_mut().filter(|d| d.trip() == trip) {
                        dialog.set_folder(&folder);
                    }
                }
                DialogResult::Failed(message) => self.notify(message, true),
            }
        }
        if let Some(pool) = &self.thumbnails {
            while let Some(result) = pool.try_result() {
                match result {
                    Ok(image) => self.textures.insert(&self.egui_ctx, image),
                    Err((photo, error)) => self.textures.failed(photo, error.to_string()),
                }
            }
        }
        let now = Instant::now();
        self.notices.retain(|n| n.until > now);
    }

    /// Applies one event of the journal thread, by group.
    fn handle_event(&mut self, event: Event) {
        match event {
            Event::Trips(trips) => self.trips_arrived(trips),
            Event::Watches(settings) => self.watches_arrived(&settings),
            Event::Damaged(rows) => self.damaged = rows,
            Event::SetAside(rows) => {
                let noun = if rows.len() == 1 { "row" } else { "rows" };
                let text = format!("Set aside {} {noun} (kept in the journal file)", rows.len());
                self.notify(text, false);
                if let Some(open) = &self.current {
                    let trip = open.trip.id;
                    self.send(Command::LoadTrip(trip));
                }
            }
            Event::TripLoaded {
                trip,
                entries,
                photos,
            } => self.trip_loaded(trip, entries, photos),
            Event::TripCreated(trip) => {
                self.notify(format!("Created “{}”", trip.fields.name), false);
                self.open_trip(trip.id);
            }
            Event::TripDeleted(id) => {
                if self.current.as_ref().is_some_and(|o| o.trip.id == id) {
                    self.current = None;
                    self.selected_entry = None;
                }
            }
            Event::ChangedElsewhere => self.changed_elsewhere(),
            event @ (Event::EntryCreated { .. }
            | Event::EntryRestored { .. }
            | Event::EntrySaved(_)
            | Event::EntrySaveFailed { .. }
            | Event::EntryDeleted(_)
            | Event::Entries { .. }) => self.entry_event(event),
            event @ (Event::Photos { .. }
            | Event::PhotoDeleted(_)
            | Event::PhotoRestored { .. }
            | Event::ImportProgress { .. }
            | Event::ImportFinished { .. }) => self.photo_event(event),
            event @ (Event::ExportProgress { .. }
            | Event::ExportFinished(_)
            | Event::Preview { .. }) => self.export_event(event),
            Event::TakenAtShifted {
                trip,
                by,
                report,
                undoable,
            } => {
                self.notify(wording::clock_shifted(by, &report), false);
                if undoable {
                    let moved = report.shifted.iter().map(|photo| photo.id).collect();
                    self.session.clock_shifted(trip, by, moved);
                }
            }
            Event::Flushed(_) => {}
            Event::Error(error) => {
                // A capture that failed must not keep swallowing the keyboard.
                self.capture_typing = None;
                self.notify(wording::journal_error(&error), true);
            }
            Event::Opened { read_only } => self.journal_opened(read_only),
            event @ (Event::Schedule { .. }
            | Event::ScheduleItemChanged(_)
            | Event::NotesStarted { .. }
            | Event::ScheduleImported { .. }) => self.schedule_event(event),
            Event::OpenFailed(error) => {
                self.backend = None;
                self.thumbnails = None;
                self.open_error = Some(error.to_string());
            }
        }
    }

    fn trips_arrived(&mut self, trips: Vec<Trip>) {
        let first_load = !self.trips_loaded;
        self.trips = trips;
        self.trips_loaded = true;
        if let Some(open) = &mut self.current {
            match self.trips.iter().find(|t| t.id == open.trip.id) {
                Some(trip) => open.trip = trip.clone(),
                None => self.current = None,
            }
        }
        if first_load && self.current.is_none() {
            let remembered = self
                .settings_last_trip
                .map(TripId)
                .filter(|id| self.trips.iter().any(|t| t.id == *id));
            if let Some(id) = remembered.or_else(|| self.trips.first().map(|t| t.id)) {
                self.send(Command::LoadTrip(id));
            }
        }
    }

    fn trip_loaded(&mut self, trip: Trip, mut entries: Vec<Entry>, photos: Vec<Photo>) {
        // What the window shows of this trip now, by entry (moved, not copied); its
        // programme stays until the journal sends it again, right after.
        let (mut local, schedule): (HashMap<EntryId, EntryFields>, TripSchedule) = self
            .current
            .take()
            .filter(|open| open.trip.id == trip.id)
            .map(|open| {
                let local = open.entries.into_iter().map(|e| (e.id, e.fields)).collect();
                (local, open.schedule)
            })
            .unwrap_or_default();
        for entry in &mut entries {
            entry.fields = self.session.rebase(entry, local.remove(&entry.id));
        }
        self.selected_entry = self
            .selected_entry
            .filter(|id| entries.iter().any(|e| e.id == *id));
        self.settings_last_trip = Some(trip.id.0);
        self.current = Some(OpenTrip {
            trip,
            entries,
            photos,
            schedule,
        });
    }

    fn changed_elsewhere(&mut self) {
        // An import reloads the photos when it ends; others are shown at once.
        if self.import_progress.is_none() {
            self.send(Command::LoadTrips);
            if let Some(open) = &self.current {
                let trip = open.trip.id;
                self.send(Command::LoadTrip(trip));
            }
        }
    }

    fn journal_opened(&mut self, read_only: Option<ReadOnlyReason>) {
        self.read_only = read_only;
        let ctx = self.egui_ctx.clone();
        self.thumbnails = Some(ThumbnailPool::start(
            &self.journal_path,
            2,
            Arc::new(move || ctx.request_repaint()),
        ));
    }

    /// The open trip's entry as the window shows it.
    fn shown_entry_mut(&mut self, trip: TripId, id: EntryId) -> Option<&mut Entry> {
        self.current
            .as_mut()
            .filter(|open| open.trip.id == trip)
            .and_then(|open| open.entries.iter_mut().find(|e| e.id == id))
    }

    fn entry_event(&mut self, event: Event) {
        match event {
            Event::EntryRestored { old_id, entry } => {
                self.session.restored(old_id, &entry);
                if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == entry.trip)
                    && !open.entries.iter().any(|e| e.id == entry.id)
                {
                    open.entries.push(entry.clone());
                }
                self.selected_entry = Some(entry.id);
            }
            Event::EntryCreated { tag, entry } => {
                let captured = self.pending_captures.remove(&tag);
                if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == entry.trip) {
                    if captured {
                        self.session.created_by_user(&entry);
                    } else {
                        self.session.created(&entry);
                    }
                    let id = entry.id;
                    open.entries.push(entry);
                    if captured {
                        self.selected_entry = Some(id);
                        self.editor.focus_title = true;
                        self.title_typed_meanwhile(id);
                    }
                }
            }
            Event::EntrySaved(stored) => {
                let local = self
                    .shown_entry_mut(stored.trip, stored.id)
                    .map(|e| e.fields.clone());
                if let Some(fields) = self.session.saved(&stored, local)
                    && let Some(entry) = self.shown_entry_mut(stored.trip, stored.id)
                {
                    entry.fields = fields;
                }
            }
            Event::EntrySaveFailed { id, base, error } => {
                let retry = wording::save_can_be_retried(&error);
                self.session.save_failed(id, *base, Instant::now(), retry);
                let text = wording::save_failed(&error);
                if !self.notices.iter().any(|notice| notice.text == text) {
                    self.notify(text, true);
                }
            }
            Event::EntryDeleted(id) => {
                if let Some(open) = &mut self.current {
                    open.entries.retain(|e| e.id != id);
                    open.schedule.entry_deleted(id);
                }
                if self.selected_entry == Some(id) {
                    self.selected_entry = None;
                }
                self.session.forget(id);
            }
            Event::Entries { trip, entries } => self.entries_reordered(trip, entries),
            _ => {}
        }
    }

    /// Puts what was typed while entry `id` was being created into its title.
    fn title_typed_meanwhile(&mut self, id: EntryId) {
        let Some(held) = self.capture_typing.take() else {
            return;
        };
        for image in &held.images {
            self.paste_image(image);
        }
        if held.text.is_empty() {
            return;
        }
        if let Some(mut fields) = self.shown_fields(id) {
            fields.title.push_str(&held.text);
            self.edit_entry(id, fields);
        }
    }

    fn entries_reordered(&mut self, trip: TripId, entries: Vec<Entry>) {
        if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == trip) {
            // Keep local edits that are not saved yet; take the new order.
            let local: HashMap<EntryId, EntryFields> = open
                .entries
                .iter()
                .filter(|e| self.session.is_pending(e.id))
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

    fn photo_event(&mut self, event: Event) {
        match event {
            Event::Photos { trip, photos } => {
                if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == trip) {
                    open.photos = photos;
                }
            }
            Event::PhotoDeleted(restore) => self.session.photo_deleted_by_user(restore),
            Event::PhotoRestored { old_id, new_id } => self.session.photo_restored(old_id, new_id),
            Event::ImportProgress { done, total } => self.import_progress = Some((done, total)),
            Event::ImportFinished { counts, outcomes } => {
                self.import_progress = None;
                self.import_failures = outcomes
                    .iter()
                    .filter_map(|o| match &o.outcome {
                        ImportOutcome::Failed(reason) => {
                            let name = o.path.file_name().map_or_else(
                                || o.path.display().to_string(),
                                |n| n.to_string_lossy().into(),
                            );
                            Some(format!("{name}: {reason}"))
                        }
                        _ => None,
                    })
                    .collect();
                self.notify(wording::import_summary(&counts), counts.failed > 0);
            }
            _ => {}
        }
    }

    /// The open trip's programme, as the journal thread sends it.
    fn schedule_event(&mut self, event: Event) {
        let open = self.current.as_mut();
        match event {
            Event::Schedule { trip, items } => {
                if let Some(open) = open.filter(|o| o.trip.id == trip) {
                    open.schedule.replace(items);
                }
            }
            Event::ScheduleItemChanged(item) => {
                if let Some(open) = open.filter(|o| o.trip.id == item.trip) {
                    open.schedule.update(item);
                }
            }
            Event::NotesStarted { item, entry } => {
                let Some(open) = open.filter(|o| o.trip.id == entry.trip) else {
                    return;
                };
                open.schedule.update(*item);
                let id = entry.id;
                if !open.entries.iter().any(|e| e.id == id) {
                    self.session.created(&entry);
                    open.entries.push(entry);
                }
                self.open_notes(id);
            }
            Event::ScheduleImported {
                summary, skipped, ..
            } => {
                self.notify(wording::schedule_imported(&summary, skipped.len()), false);
                self.schedule_skipped = skipped
                    .iter()
                    .map(|s| format!("{}: {}", s.what, s.reason))
                    .collect();
            }
            _ => {}
        }
    }

    /// Opens an entry in the editor with the cursor in its notes.
    fn open_notes(&mut self, entry: EntryId) {
        self.apply(Action::SelectEntry(entry));
        self.editor.focus_notes();
    }

    /// Opens the notes on a talk: its entry if it has one, else a session made from it.
    fn start_notes(&mut self, item: ScheduleItemId) {
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
    fn star_talk(&mut self, item: ScheduleItemId, starred: bool) {
        let changed = self
            .current
            .as_mut()
            .is_some_and(|open| open.schedule.set_starred(item, starred));
        if changed {
            self.session.star_changed(item, starred);
            self.send(Command::SetStarred { item, starred });
        }
    }

    /// Imports a programme file into the open trip, or makes a new trip of it when none is
    /// open (also what dropping a schedule file on the window does).
    pub fn import_schedule_file(&mut self, file: PathBuf) {
        if self.refuse_editing() {
            return;
        }
        match &self.current {
            Some(open) => self.send(Command::ImportSchedule {
                trip: open.trip.id,
                file,
            }),
            None => self.send(Command::NewTripFromSchedule(file)),
        }
    }

    /// Asks for a programme file in the desktop's file dialog (on its own thread): to import
    /// into `trip`, or to make a new trip of.
    fn pick_schedule(&mut self, trip: Option<TripId>) {
        let title = if trip.is_some() {
            "Import a conference schedule"
        } else {
            "New trip from a conference schedule"
        };
        self.on_dialog_thread(
            "No file dialog is available here (no desktop portal): drop the schedule file on the window",
            move || {
                let file = rfd::FileDialog::new()
                    .set_title(title)
                    .add_filter("Conference schedules", &SCHEDULE_EXTENSIONS)
                    .pick_file()?;
                Some(DialogResult::Schedule { trip, file })
            },
        );
    }

    /// Runs a desktop file dialog on its own thread (it would hold up the window) and hands
    /// what it returns to the next frame; where there is no dialog, says `unavailable`.
    fn on_dialog_thread(
        &mut self,
        unavailable: &str,
        dialog: impl FnOnce() -> Option<DialogResult> + Send + 'static,
    ) {
        if !Self::file_dialog_available() {
            self.notify(unavailable, true);
            return;
        }
        let sender = self.dialogs.0.clone();
        let ctx = self.egui_ctx.clone();
        std::thread::spawn(move || {
            if let Some(result) = dialog() {
                let _ = sender.send(result);
            }
            ctx.request_repaint();
        });
    }

    fn export_event(&mut self, event: Event) {
        match event {
            Event::ExportProgress { done, total } => {
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.progress = Some((done, total));
                }
            }
            Event::ExportFinished(result) => {
                let result = result.map_err(|error| wording::export_error(&error));
                if let Some(dialog) = &mut self.export_dialog {
                    dialog.progress = None;
                    dialog.running = false;
                    dialog.result = Some(result.clone());
                }
                match result {
                    Ok(report) => self.notify(wording::exported(&report), false),
                    Err(message) => self.notify(format!("Export failed: {message}"), true),
                }
            }
            Event::Preview { key, markdown } => {
                if let Some(dialog) = &mut self.export_dialog {
                    let preview = markdown.map_err(|error| wording::export_error(&error));
                    dialog.receive_preview(key, preview);
                }
            }
            _ => {}
        }
    }

    /// Applies what a panel or dialog returned, if anything.
    fn apply_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// Applies one request of the user: the one place panels' wishes change the app.
    fn apply(&mut self, action: Action) {
        // The change shows in the next frame; ask for it now rather than at the next input.
        self.egui_ctx.request_repaint();
        if action.changes_journal() && self.refuse_editing() {
            return;
        }
        match action {
            Action::SelectEntry(id) => {
                self.save_dirty(true);
                if self.selected_entry != Some(id) {
                    self.leave_entry();
                }
                self.selected_entry = Some(id);
            }
            Action::OpenTrip(id) => self.open_trip(id),
            Action::NewTrip => self.trip_dialog = Some(TripDialog::new_trip()),
            Action::EditTrip(id) => {
                if let Some(trip) = self.trips.iter().find(|t| t.id == id) {
                    self.trip_dialog = Some(TripDialog::edit(trip));
                }
            }
            Action::AskDeleteTrip(id) => self.confirm_delete_trip = Some(ConfirmDeleteTrip(id)),
            Action::AskDeleteEntry(id) => {
                self.confirm_delete_entry = Some(ConfirmDeleteEntry(id));
            }
            Action::CreateTrip(fields) => {
                self.trip_dialog = None;
                self.send(Command::CreateTrip(fields));
            }
            Action::SaveTrip(id, fields) => {
                self.trip_dialog = None;
                self.save_trip_fields(id, fields);
            }
            Action::CloseTripDialog => self.trip_dialog = None,
            Action::OpenClockDialog(photo) => self.open_clock_dialog(photo),
            Action::CloseClockDialog => self.clock_dialog = None,
            Action::OpenWatchDialog(trip) => self.watch_dialog = Some(WatchDialog::new(trip)),
            Action::ChooseWatchFolder(trip) => self.choose_watch_folder(trip),
            Action::CloseWatchDialog => self.watch_dialog = None,
            Action::SetWatch(trip, folder) => self.send(Command::SetWatch { trip, folder }),
            Action::AnswerFirstBatch(trip, import) => self.watches.answer_first_batch(trip, import),
            Action::DeleteTrip(answer) => {
                self.confirm_delete_trip = None;
                if let Some(id) = answer {
                    self.send(Command::DeleteTrip(id));
                }
            }
            Action::ChooseExportFolder => self.choose_export_folder(),
            Action::StartExport => self.start_export(),
            Action::OpenFolder(folder) => {
                let sender = self.dialogs.0.clone();
                let ctx = self.egui_ctx.clone();
                std::thread::spawn(move || {
                    if let Err(message) = super::export_dialog::open_folder(&folder) {
                        let _ = sender.send(DialogResult::Failed(message));
                        ctx.request_repaint();
                    }
                });
            }
            Action::CloseExportDialog => self.export_dialog = None,
            Action::Send(command) => self.send(command),
            Action::EditEntry(id, fields) => self.edit_entry(id, *fields),
            Action::CloseEditor => {
                self.save_dirty(true);
                self.leave_entry();
                self.selected_entry = None;
            }
            Action::PickPhotos => self.pick_photos(),
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
            Action::ViewPhoto(id) => {
                if self.viewer.as_ref().is_none_or(|v| v.photo != id) {
                    self.viewer = Some(PhotoViewer::new(id));
                }
            }
            Action::CloseViewer => self.viewer = None,
            Action::MovePhoto(id, entry) => self.move_photo(id, entry),
            Action::SetCaption(id, caption) => self.set_caption(id, caption),
            Action::DeletePhoto(id) => {
                self.send(Command::DeletePhoto { id, undoable: true });
                if self.viewer.as_ref().is_some_and(|v| v.photo == id) {
                    self.viewer = None;
                }
            }
            Action::DeleteEntry(answer) => {
                self.confirm_delete_entry = None;
                if let Some((entry, with_photos)) = answer {
                    self.record_deletion(entry, with_photos);
                    self.send(Command::DeleteEntry { entry, with_photos });
                }
            }
            Action::StarTalk(item, starred) => self.star_talk(item, starred),
            Action::StartNotes(item) => self.start_notes(item),
            Action::ImportSchedule(trip) => self.pick_schedule(Some(trip)),
            Action::NewTripFromSchedule => {
                self.trip_dialog = None;
                self.pick_schedule(None);
            }
        }
    }

    /// Starts the export the dialog describes (also used by tests).
    pub fn start_export(&mut self) {
        let Some(open) = &self.current else { return };
        let Some(dialog) = &mut self.export_dialog else {
            return;
        };
        if let Some(command) = dialog.start(open.trip.id) {
            self.send(command);
        }
    }

    /// The export dialog, if open (for tests and the window).
    pub fn export_dialog_mut(&mut self) -> Option<&mut ExportDialog> {
        self.export_dialog.as_mut()
    }

    /// Opens the export dialog (Ctrl+E).
    pub fn show_export_dialog(&mut self) {
        self.open_export_dialog();
    }

    fn choose_export_folder(&mut self) {
        self.on_dialog_thread(
            "No folder dialog is available here: type the destination folder",
            || {
                rfd::FileDialog::new()
                    .set_title("Export to folder")
                    .pick_folder()
                    .map(DialogResult::ExportFolder)
            },
        );
    }

    /// An entry's fields as the window shows them (with edits not saved yet).
    fn shown_fields(&self, id: EntryId) -> Option<EntryFields> {
        self.current
            .as_ref()
            .and_then(|o| o.entries.iter().find(|e| e.id == id))
            .map(|e| e.fields.clone())
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
        if let Some(open) = self.current.as_mut().filter(|o| o.trip.id == trip) {
            for (index, entry_id) in ids.iter().enumerate() {
                if let Some(entry) = open.entries.iter_mut().find(|e| e.id == *entry_id) {
                    entry.position = index as i64 + 1;
                }
            }
        }
        self.send(Command::ReorderEntries(trip, ids));
    }

    /// The trip dialog and the delete questions, when open.
    fn dialogs_shown(&mut self, ctx: &egui::Context) {
        let mut actions = Vec::new();
        if let Some(dialog) = &mut self.trip_dialog {
            actions.extend(dialog.show(ctx));
        }
        if let (Some(dialog), Some(open)) = (&mut self.clock_dialog, &self.current) {
            actions.extend(dialog.show(ctx, open));
        }
        if let Some(dialog) = &mut self.watch_dialog {
            actions.extend(dialog.show(ctx));
        }
        if let Some(trip) = self.current.as_ref().map(|open| open.trip.id)
            && let Some(watch) = self.watches.of(trip)
        {
            actions.extend(first_batch_question(ctx, trip, watch));
        }
        if let (Some(viewer), Some(open)) = (&mut self.viewer, &self.current) {
            let mut thumbnails = Thumbnails {
                cache: &mut self.textures,
                pool: self.thumbnails.as_ref(),
            };
            let editable = self.read_only.is_none();
            actions.extend(viewer.show(ctx, open, editable, &mut thumbnails));
        }
        if let Some(confirm) = &mut self.confirm_delete_trip {
            actions.extend(confirm.show(ctx, &self.trips));
        }
        if let Some(confirm) = &mut self.confirm_delete_entry {
            let (entries, photos) = self
                .current
                .as_ref()
                .map_or((&[][..], &[][..]), |o| (&o.entries[..], &o.photos[..]));
            actions.extend(confirm.show(ctx, entries, photos));
        }
        if let (Some(dialog), Some(open)) = (&mut self.export_dialog, &self.current) {
            let mut thumbnails = Thumbnails {
                cache: &mut self.textures,
                pool: self.thumbnails.as_ref(),
            };
            actions.extend(dialog.show(ctx, open.trip.id, &mut thumbnails));
        }
        self.apply_all(actions);
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        let command = |key| KeyboardShortcut::new(Modifiers::COMMAND, key);
        let command_shift = |key| KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, key);
        let typing = ctx.egui_wants_keyboard_input();
        let pressed = |shortcut: KeyboardShortcut| ctx.input_mut(|i| i.consume_shortcut(&shortcut));
        if pressed(command(Key::Num1)) {
            self.quick_capture(EntryKind::Session);
        }
        if pressed(command(Key::Num2)) {
            self.quick_capture(EntryKind::Meal);
        }
        if pressed(command(Key::Num3)) {
            self.quick_capture(EntryKind::FoodRating);
        }
        if pressed(command(Key::Num4)) {
            self.quick_capture(EntryKind::Note);
        }
        if pressed(command(Key::N)) {
            self.apply(Action::NewTrip);
        }
        if pressed(command(Key::F)) {
            self.timeline.focus_search = true;
        }
        if pressed(command(Key::E)) {
            self.open_export_dialog();
        }
        if pressed(command(Key::O)) {
            self.pick_photos();
        }
        if pressed(command(Key::S)) {
            self.save_dirty(true);
            self.notify("Saved", false);
        }
        if pressed(KeyboardShortcut::new(Modifiers::NONE, Key::F1)) {
            self.help.toggle();
        }
        // Esc in a text field leaves the field; otherwise it closes the topmost window.
        if !self.text_field_focused && pressed(KeyboardShortcut::new(Modifiers::NONE, Key::Escape))
        {
            self.close_topmost_window();
        }
        // In a text field, Ctrl+Z is the field's own undo; elsewhere it undoes saved edits.
        if !typing {
            if pressed(command_shift(Key::Z)) || pressed(command(Key::Y)) {
                self.redo();
            } else if pressed(command(Key::Z)) {
                self.undo();
            }
        }
    }

    /// Esc: the photo viewer, else the export dialog (unless it is exporting), else the trip
    /// dialog, else help. The delete questions close themselves (egui's modal).
    fn close_topmost_window(&mut self) {
        if let Some(viewer) = &mut self.viewer {
            let actions = viewer.close();
            self.apply_all(actions);
        } else if self.export_dialog.as_ref().is_some_and(|d| !d.running) {
            self.export_dialog = None;
        } else if self.trip_dialog.is_some() {
            self.trip_dialog = None;
        } else if self.help.is_open() {
            self.help.toggle();
        }
    }

    fn dropped_and_pasted(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .filter(|path| !path.as_os_str().is_empty())
                .collect()
        });
        let (schedules, dropped): (Vec<PathBuf>, Vec<PathBuf>) =
            dropped.into_iter().partition(|path| is_schedule_file(path));
        for file in schedules {
            self.import_schedule_file(file);
        }
        if !dropped.is_empty() {
            // Dropped on an entry's row: into that entry; elsewhere: the selected entry.
            let target = self.timeline.entry_under_pointer.or(self.selected_entry);
            self.import_paths_into(dropped, target);
        }
        let pasted: Vec<Arc<egui::ColorImage>> = ctx.input(|i| {
            i.events
                .iter()
                .filter_map(|e| match e {
                    egui::Event::PasteImage(image) => Some(Arc::clone(image)),
                    _ => None,
                })
                .collect()
        });
        for image in pasted {
            self.paste_image(&image);
        }
    }

    /// Imports a pasted image (as PNG) into the selected entry or the unassigned photos.
    pub fn paste_image(&mut self, image: &egui::ColorImage) {
        if self.refuse_editing() {
            return;
        }
        let Some(open) = &self.current else {
            self.notify("Open a trip before pasting a photo", true);
            return;
        };
        let [width, height] = image.size;
        // Only a copy here; encoding a large screenshot happens on the journal thread.
        let rgba: Vec<u8> = image
            .pixels
            .iter()
            .flat_map(|p| p.to_srgba_unmultiplied())
            .collect();
        let name = format!("pasted-{}.png", Utc::now().format("%Y%m%d-%H%M%S"));
        self.send(Command::ImportPixels {
            trip: open.trip.id,
            entry: self.selected_entry,
            name,
            width: width as u32,
            height: height as u32,
            rgba,
        });
    }

    /// Whether a desktop file dialog can be shown here (the portal needs a session bus).
    fn file_dialog_available() -> bool {
        cfg!(any(target_os = "windows", target_os = "macos"))
            || std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
    }

    /// Opens the photo file dialog on its own thread.
    pub fn pick_photos(&mut self) {
        if self.refuse_editing() {
            return;
        }
        let Some(open) = &self.current else { return };
        if !Self::file_dialog_available() {
            self.notify(
                "No file dialog is available here (no desktop portal): drop photos on the window or paste an image",
                true,
            );
            return;
        }
        let trip = open.trip.id;
        let entry = self.selected_entry;
        let sender = self.dialogs.0.clone();
        let ctx = self.egui_ctx.clone();
        std::thread::spawn(move || {
            let files = rfd::FileDialog::new()
                .set_title("Add photos")
                .add_filter("Photos", &PHOTO_EXTENSIONS)
                .pick_files()
                .unwrap_or_default();
            let _ = sender.send(DialogResult::Photos { trip, entry, files });
            ctx.request_repaint();
        });
    }

    fn open_export_dialog(&mut self) {
        self.save_dirty(true);
        if self.current.is_some() {
            self.export_dialog = Some(ExportDialog::new());
        }
    }

    fn journal_error_view(&mut self, ui: &mut egui::Ui) {
        egui::CentralPanel::default_margins().show(ui, |ui| {
            ui.heading("The journal could not be opened");
            if let Some(error) = &self.open_error {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            ui.add_space(12.0);
            ui.label("Open another journal file (a new file is created if it does not exist):");
            ui.horizontal(|ui| {
                let label = ui.label("Journal file:");
                ui.add(
                    egui::TextEdit::singleline(&mut self.typed_journal_path).desired_width(420.0),
                )
                .labelled_by(label.id);
                if ui.button("Open").clicked() {
                    let path = PathBuf::from(self.typed_journal_path.trim());
                    self.open_journal(path);
                }
                if ui.button("Choose…").clicked() {
                    if Self::file_dialog_available() {
                        let sender = self.dialogs.0.clone();
                        let ctx = self.egui_ctx.clone();
                        std::thread::spawn(move || {
                            if let Some(path) = rfd::FileDialog::new()
                                .set_title("Open a journal")
                                .add_filter("Journal", &["sqlite", "db"])
                                .save_file()
                            {
                                let _ = sender.send(DialogResult::Journal(path));
                            }
                            ctx.request_repaint();
                        });
                    } else {
                        self.notify(
                            "No file dialog is available here: type the path instead",
                            true,
                        );
                    }
                }
            });
        });
    }

    fn welcome_view(&mut self, ui: &mut egui::Ui) {
        let editable = self.read_only.is_none();
        ui.vertical_centered(|ui| {
            ui.add_space(ui.available_height() * 0.25);
            ui.heading("Welcome to tripjournal");
            ui.label(
                "Jot down talks, meals and the food you rate; add photos; export a blog post.",
            );
            ui.add_space(16.0);
            if ui
                .add_enabled(editable, egui::Button::new("➕ New trip"))
                .clicked()
            {
                self.apply(Action::NewTrip);
            }
            ui.add_space(6.0);
            if ui
                .add_enabled(editable, egui::Button::new("Open the demo trip"))
                .clicked()
            {
                self.apply(Action::Send(Command::CreateDemo));
            }
            ui.add_space(6.0);
            if ui
                .add_enabled(editable, egui::Button::new("New trip from a schedule…"))
                .on_hover_text("A conference programme file (.ics, schedule.xml, schedule.json); or drop it here")
                .clicked()
            {
                self.apply(Action::NewTripFromSchedule);
            }
        });
    }

    fn status_bar(&mut self, ui: &mut egui::Ui) {
        let mut watch_action = None;
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some((done, total)) = self.import_progress {
                    ui.label("Importing photos");
                    super::progress_bar(ui, done, total, "");
                    if ui.button("Cancel import").clicked() {
                        self.send(Command::CancelImport);
                    }
                }
                if self.session.has_pending() {
                    ui.weak("Saving…");
                }
                if let Some(trip) = self.current.as_ref().map(|open| open.trip.id)
                    && let Some(watch) = self.watches.of(trip)
                {
                    let editable = self.read_only.is_none();
                    watch_action = indicator(ui, trip, watch, editable);
                }
                for notice in &self.notices {
                    let color = if notice.is_error {
                        ui.visuals().error_fg_color
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.colored_label(color, &notice.text);
                }
            });
            failure_list(
                ui,
                "photo(s) could not be imported",
                &mut self.import_failures,
            );
            failure_list(
                ui,
                "event(s) of the schedule were skipped",
                &mut self.schedule_skipped,
            );
        });
        self.apply_all(watch_action);
    }

    /// Starts and stops the watched folders as the journal has them (none while read-only:
    /// a watch imports).
    fn watches_arrived(&mut self, settings: &[crate::store::WatchSetting]) {
        if self.read_only.is_some() {
            return;
        }
        let ctx = self.egui_ctx.clone();
        let wake: std::sync::Arc<dyn Fn() + Send + Sync> =
            std::sync::Arc::new(move || ctx.request_repaint());
        for (_, error) in self.watches.apply(settings, &self.journal_path, &wake) {
            self.notify(format!("The folder cannot be watched: {error}"), true);
        }
    }

    /// Opens the desktop's folder dialog (on its own thread) for the watch dialog's field.
    fn choose_watch_folder(&mut self, trip: TripId) {
        self.on_dialog_thread(
            "No folder dialog is available here (no desktop portal): type the folder's path",
            move || {
                let folder = rfd::FileDialog::new()
                    .set_title("Watch a folder")
                    .pick_folder()?;
                Some(DialogResult::WatchFolder { trip, folder })
            },
        );
    }

    /// Above everything on a read-only journal: why editing is off.
    fn read_only_banner(&self, ui: &mut egui::Ui) {
        let Some(reason) = self.read_only else {
            return;
        };
        egui::Panel::top("read-only").show(ui, |ui| {
            ui.add_space(4.0);
            ui.colored_label(
                ui.visuals().warn_fg_color,
                egui::RichText::new(wording::read_only_banner(reason)).strong(),
            );
            ui.add_space(4.0);
        });
    }

    /// The toolbar. It wraps onto a second line in a narrow window rather than letting buttons
    /// overlap; Help and the theme switch come last.
    fn top_bar(&mut self, ui: &mut egui::Ui) {
        egui::Panel::top("toolbar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let has_trip = self.current.is_some();
                let can_add = has_trip && self.read_only.is_none();
                ui.strong("tripjournal");
                ui.separator();
                for (kind, label, key) in [
                    (EntryKind::Session, "🎤 Session", "Ctrl+1"),
                    (EntryKind::Meal, "🍴 Meal", "Ctrl+2"),
                    (EntryKind::FoodRating, "⭐ Food rating", "Ctrl+3"),
                    (EntryKind::Note, "📝 Note", "Ctrl+4"),
                ] {
                    if ui
                        .add_enabled(can_add, egui::Button::new(label))
                        .on_hover_text(format!("New {} now ({key})", kind.as_str()))
                        .clicked()
                    {
                        self.quick_capture(kind);
                    }
                }
                ui.separator();
                if ui
                    .add_enabled(can_add, egui::Button::new("📷 Add photos…"))
                    .on_hover_text("Ctrl+O")
                    .clicked()
                {
                    self.pick_photos();
                }
                if ui
                    .add_enabled(has_trip, egui::Button::new("Export…"))
                    .on_hover_text("Ctrl+E")
                    .clicked()
                {
                    self.open_export_dialog();
                }
                ui.separator();
                self.undo_buttons(ui);
                ui.separator();
                let theme_label = if self.dark { "☀ Light" } else { "🌙 Dark" };
                if ui.button(theme_label).clicked() {
                    self.dark = !self.dark;
                    self.apply_theme();
                }
                if ui.button("Help").on_hover_text("F1").clicked() {
                    self.help.toggle();
                }
            });
        });
    }

    fn undo_buttons(&mut self, ui: &mut egui::Ui) {
        if ui
            .add_enabled(self.session.can_undo(), egui::Button::new("Undo"))
            .on_hover_text("Ctrl+Z")
            .clicked()
        {
            self.undo();
        }
        if ui
            .add_enabled(self.session.can_redo(), egui::Button::new("Redo"))
            .on_hover_text("Ctrl+Shift+Z")
            .clicked()
        {
            self.redo();
        }
    }
}

/// The file name endings of the conference programmes the window imports.
const SCHEDULE_EXTENSIONS: [&str; 3] = ["ics", "xml", "json"];

/// Whether a file dropped on the window is a conference programme (not a photo).
fn is_schedule_file(path: &Path) -> bool {
    path.extension()
        .and_then(|ending| ending.to_str())
        .is_some_and(|ending| {
            SCHEDULE_EXTENSIONS
                .iter()
                .any(|known| ending.eq_ignore_ascii_case(known))
        })
}

/// A dismissable list of what could not be imported, under "N {what}".
fn failure_list(ui: &mut egui::Ui, what: &str, lines: &mut Vec<String>) {
    if lines.is_empty() {
        return;
    }
    egui::CollapsingHeader::new(format!("{} {what}", lines.len()))
        .default_open(true)
        .show(ui, |ui| {
            for line in lines.iter() {
                ui.colored_label(ui.visuals().error_fg_color, line);
            }
            if ui.small_button("Dismiss").clicked() {
                lines.clear();
            }
        });
}

impl eframe::App for TripJournalApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.quit.is_set() {
            // Closing runs `save` and `on_exit`, which store every pending edit.
            self.save_dirty(true);
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.poll();
        self.shortcuts(&ctx);
        self.buffer_capture_typing(&ctx);
        self.dropped_and_pasted(&ctx);
        self.save_dirty(false);
        if self.session.has_pending() || self.import_progress.is_some() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }

        if self.backend.is_none() {
            self.journal_error_view(ui);
            return;
        }
        self.read_only_banner(ui);
        self.top_bar(ui);
        let set_aside = damage_banner::show(ui, &self.damaged, self.read_only.is_none());
        self.apply_all(set_aside);
        self.status_bar(ui);
        let mut thumbnails = Thumbnails {
            cache: &mut self.textures,
            pool: self.thumbnails.as_ref(),
        };
        // In a narrow window the editor needs the room: the trips list steps aside while an
        // entry is open (closing the editor brings it back).
        let narrow = ui.available_width() < NARROW_WINDOW;
        if !(narrow && self.selected_entry.is_some()) {
            let current = self.current.as_ref().map(|o| &o.trip);
            let editable = self.read_only.is_none();
            let action = self
                .trips_panel
                .show(ui, &self.trips, current, editable, &mut thumbnails);
            self.apply_all(action);
        }
        if let (Some(open), Some(id)) = (&self.current, self.selected_entry) {
            let mut thumbnails = Thumbnails {
                cache: &mut self.textures,
                pool: self.thumbnails.as_ref(),
            };
            let editable = self.read_only.is_none();
            let actions = self.editor.show(ui, open, id, editable, &mut thumbnails);
            self.apply_all(actions);
        }
        let mut timeline_actions = Vec::new();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            if self.current.is_some() {
                let mut thumbnails = Thumbnails {
                    cache: &mut self.textures,
                    pool: self.thumbnails.as_ref(),
                };
                if let Some(open) = &self.current {
                    let editable = self.read_only.is_none();
                    let actions = self.timeline.show(
                        ui,
                        open,
                        self.selected_entry,
                        editable,
                        &mut thumbnails,
                    );
                    timeline_actions = actions;
                }
            } else if self.trips_loaded && self.trips.is_empty() {
                self.welcome_view(ui);
            } else if self.trips_loaded {
                ui.centered_and_justified(|ui| ui.label("Choose a trip on the left"));
            } else {
                ui.centered_and_justified(|ui| ui.spinner());
            }
        });
        self.apply_all(timeline_actions);

        self.dialogs_shown(&ctx);
        self.help.show(&ctx);
        self.textures.end_frame();
        self.text_field_focused = ctx.text_edit_focused();
        if ctx.input(|i| i.pointer.any_released() || !i.events.is_empty()) {
            // State changed by this frame's input is drawn in the next frame.
            ctx.request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let settings = Settings {
            last_trip: self
                .current
                .as_ref()
                .map(|o| o.trip.id.0)
                .or(self.settings_last_trip),
            dark: Some(self.dark),
        };
        eframe::set_value(storage, eframe::APP_KEY, &settings);
        self.save_dirty(true);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.save_dirty(true);
        if let Some(backend) = &self.backend {
            backend.flush_blocking(Duration::from_secs(5));
        }
    }
}
