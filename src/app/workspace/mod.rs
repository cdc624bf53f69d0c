//! The workspace: everything the window knows and does that is not drawing. It holds the
//! journal's trips, the open trip as shown (with edits not saved yet), the selected entry, the
//! edit session (saves, merges, undo), the running jobs, the watched folders and the status
//! bar's messages. It takes the journal thread's [`Event`]s in, applies the user's
//! [`Action`]s (refusing changes to a read-only journal in one place) and collects the
//! [`Command`]s for the journal thread, which the window sends on. It names no GUI toolkit and
//! reads the time it is given, so it is tested with plain unit tests.
//!
//! `events` applies what the journal thread says, `actions` what the user asks, `capture` the
//! quick capture with the typing held for its title.

mod actions;
mod capture;
mod events;
#[cfg(test)]
mod tests;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use super::notice::{Message, Notice, Notices};
use super::{Command, EditSession, Event, JobKind, Save, TripSchedule, TripWatch, Watches};
use crate::export::{ExportError, ExportOptions, ExportReport, PostPreview};
use crate::model::{Entry, EntryFields, EntryId, Photo, Trip, TripId};
use crate::schedule::Skipped;
use crate::store::{DamagedRow, ReadOnlyReason, StoreError};

pub use capture::CAPTURE_TYPING_LIMIT;

/// The trip shown in the window, as last loaded plus local edits.
pub struct OpenTrip {
    pub trip: Trip,
    pub entries: Vec<Entry>,
    pub photos: Vec<Photo>,
    /// Its conference schedule (empty when it has none).
    pub schedule: TripSchedule,
}

/// Where the editor's cursor goes once an entry opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditorFocus {
    /// The title (a quick capture: keep typing).
    Title,
    /// The notes (Start notes on a talk).
    Notes,
}

/// A file that could not be imported, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportFailure {
    pub file: PathBuf,
    pub reason: String,
}

/// How the last export ended.
pub type ExportResult = Result<ExportReport, Arc<ExportError>>;

/// A preview of the post the journal thread rendered, and the options it was rendered for.
#[derive(Debug, Clone)]
pub struct ExportPreview {
    pub options: ExportOptions,
    pub preview: Result<PostPreview, Arc<ExportError>>,
}

/// A trip made from a programme that did not settle its time zone: the window opens the
/// trip's form with the reason, so the user confirms or picks the zone.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneQuestion {
    pub trip: Trip,
    pub guess: crate::schedule::ZoneGuess,
}

/// The window's state and rules; see the module documentation.
pub struct Workspace {
    journal_path: PathBuf,
    /// Set when the journal was opened read-only, and why: editing is off.
    read_only: Option<ReadOnlyReason>,
    /// Set when the journal thread opened the file.
    opened: bool,
    /// Why the journal could not be opened.
    open_error: Option<Arc<StoreError>>,
    trips: Vec<Trip>,
    trips_loaded: bool,
    /// Rows of the journal that cannot be read, named in a banner.
    damaged: Vec<DamagedRow>,
    current: Option<OpenTrip>,
    selected_entry: Option<EntryId>,
    /// Pending edits, saves in flight, merge bases and the undo history.
    session: EditSession,
    /// Progress of the running jobs, by kind.
    jobs: Vec<(JobKind, usize, usize)>,
    import_failures: Vec<ImportFailure>,
    /// The events of the last imported schedule that could not be read.
    schedule_skipped: Vec<Skipped>,
    last_export: Option<ExportResult>,
    /// The export preview the journal thread rendered last, with its options.
    export_preview: Option<ExportPreview>,
    notices: Notices,
    next_tag: u64,
    pending_captures: HashSet<u64>,
    /// Text typed after a quick capture and before its entry exists, for its title.
    held_typing: Option<capture::HeldTyping>,
    /// Where the editor's cursor should go, until the window takes it.
    focus_request: Option<EditorFocus>,
    /// A trip just made from a programme whose zone is a guess, until the window asks the
    /// user about it.
    zone_question: Option<ZoneQuestion>,
    /// The trip to open first (remembered from the last run), then the open one.
    last_trip: Option<TripId>,
    /// The trips' watched folders, each on its own thread.
    watches: Watches,
    wake: Arc<dyn Fn() + Send + Sync>,
    /// Commands for the journal thread, in order, until the window sends them.
    outbox: Vec<Command>,
    now: Instant,
}

impl Workspace {
    /// A workspace for the journal at `journal`, not yet open: the window starts the journal
    /// thread and sends [`Workspace::take_commands`] to it. `wake` repaints the window (the
    /// watched folders call it when something arrives).
    pub fn new(
        journal: PathBuf,
        last_trip: Option<TripId>,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> Workspace {
        Workspace {
            journal_path: journal,
            read_only: None,
            opened: false,
            open_error: None,
            trips: Vec::new(),
            trips_loaded: false,
            damaged: Vec::new(),
            current: None,
            selected_entry: None,
            session: EditSession::new(),
            jobs: Vec::new(),
            import_failures: Vec::new(),
            schedule_skipped: Vec::new(),
            zone_question: None,
            last_export: None,
            export_preview: None,
            notices: Notices::default(),
            next_tag: 1,
            pending_captures: HashSet::new(),
            held_typing: None,
            focus_request: None,
            last_trip,
            watches: Watches::default(),
            wake,
            outbox: vec![Command::LoadTrips],
            now: Instant::now(),
        }
    }

    /// Starts over on another journal file (its commands follow [`Workspace::take_commands`]).
    pub fn reopen(&mut self, journal: PathBuf) {
        self.watches.stop_all();
        let last_trip = self.last_trip;
        let wake = Arc::clone(&self.wake);
        *self = Workspace::new(journal, last_trip, wake);
    }

    /// Moves the workspace's clock to `now` (once per frame): messages whose time is up go,
    /// edits that are due are sent, held typing that waited too long is let go.
    pub fn tick(&mut self, now: Instant) {
        self.now = now;
        self.notices.expire(now);
        self.watches.poll();
        self.release_stale_typing();
        self.save_dirty(false);
    }

    /// The commands for the journal thread since the last call, in order.
    pub fn take_commands(&mut self) -> Vec<Command> {
        std::mem::take(&mut self.outbox)
    }

    /// Where the editor's cursor should go now, once.
    pub fn take_focus_request(&mut self) -> Option<EditorFocus> {
        self.focus_request.take()
    }

    /// A new trip whose time zone the user should confirm, once.
    pub fn take_zone_question(&mut self) -> Option<ZoneQuestion> {
        self.zone_question.take()
    }

    pub fn journal_path(&self) -> &Path {
        &self.journal_path
    }

    /// Why the journal could not be opened, once the journal thread said so.
    pub fn open_error(&self) -> Option<&StoreError> {
        self.open_error.as_deref()
    }

    /// Whether the journal thread has opened the file (other connections may start).
    pub fn is_open(&self) -> bool {
        self.opened
    }

    /// Why the journal cannot be edited, when it was opened read-only.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.read_only
    }

    /// Whether the journal can be changed.
    pub fn editable(&self) -> bool {
        self.read_only.is_none()
    }

    pub fn trips(&self) -> &[Trip] {
        &self.trips
    }

    /// Whether the journal's trips have been read (the first view is ready).
    pub fn trips_loaded(&self) -> bool {
        self.trips_loaded
    }

    pub fn damaged(&self) -> &[DamagedRow] {
        &self.damaged
    }

    pub fn current(&self) -> Option<&OpenTrip> {
        self.current.as_ref()
    }

    pub fn selected_entry(&self) -> Option<EntryId> {
        self.selected_entry
    }

    /// The trip to remember for the next run.
    pub fn last_trip(&self) -> Option<TripId> {
        self.current.as_ref().map(|o| o.trip.id).or(self.last_trip)
    }

    pub fn session(&self) -> &EditSession {
        &self.session
    }

    /// (done, total) of the running job of this kind.
    pub fn job(&self, kind: JobKind) -> Option<(usize, usize)> {
        self.jobs
            .iter()
            .find(|(job, ..)| *job == kind)
            .map(|(_, done, total)| (*done, *total))
    }

    pub fn import_failures(&self) -> &[ImportFailure] {
        &self.import_failures
    }

    pub fn schedule_skipped(&self) -> &[Skipped] {
        &self.schedule_skipped
    }

    /// Forgets the list of files that failed (the user dismissed it).
    pub fn dismiss_import_failures(&mut self) {
        self.import_failures.clear();
    }

    /// Forgets the schedule's skipped events (the user dismissed them).
    pub fn dismiss_schedule_skipped(&mut self) {
        self.schedule_skipped.clear();
    }

    /// How the last export ended, until a new one starts.
    pub fn last_export(&self) -> Option<&ExportResult> {
        self.last_export.as_ref()
    }

    /// The export preview rendered last (the dialog shows it while its options match).
    pub fn export_preview(&self) -> Option<&ExportPreview> {
        self.export_preview.as_ref()
    }

    /// The trip's watched folder as running now, if it has one.
    pub fn watch_of(&self, trip: TripId) -> Option<&TripWatch> {
        self.watches.of(trip)
    }

    /// The messages in the status bar now.
    pub fn notices(&self) -> &[Notice] {
        self.notices.shown()
    }

    /// Adds a message to the status bar.
    pub fn notify(&mut self, message: Message) {
        self.notices.push(message, self.now);
    }

    pub fn clear_notices(&mut self) {
        self.notices.clear();
    }

    fn send(&mut self, command: Command) {
        self.outbox.push(command);
    }

    /// On a read-only journal, says in the status bar that editing is off (once while it
    /// shows) and returns true: the caller then changes nothing.
    fn refuse_editing(&mut self) -> bool {
        let Some(reason) = self.read_only else {
            return false;
        };
        self.notify(Message::EditingOff(reason));
        true
    }

    /// The open trip's id.
    fn open_trip_id(&self) -> Option<TripId> {
        self.current.as_ref().map(|open| open.trip.id)
    }

    /// The open trip when it is `trip`.
    fn open_trip_mut(&mut self, trip: TripId) -> Option<&mut OpenTrip> {
        self.current.as_mut().filter(|open| open.trip.id == trip)
    }

    /// The open trip's entry as the window shows it.
    fn shown_entry_mut(&mut self, trip: TripId, id: EntryId) -> Option<&mut Entry> {
        self.open_trip_mut(trip)
            .and_then(|open| open.entries.iter_mut().find(|e| e.id == id))
    }

    /// An entry's fields as the window shows them (with edits not saved yet).
    fn shown_fields(&self, id: EntryId) -> Option<EntryFields> {
        self.current
            .as_ref()
            .and_then(|o| o.entries.iter().find(|e| e.id == id))
            .map(|e| e.fields.clone())
    }

    /// Sends the edits that are due (or all of them with `everything`), recording undo steps.
    pub fn save_dirty(&mut self, everything: bool) {
        let entries = self.current.as_ref().map_or(&[][..], |o| &o.entries[..]);
        let saves = self.session.take_due(entries, self.now, everything);
        for save in saves {
            self.send_save(save);
        }
    }

    fn send_save(&mut self, save: Save) {
        self.send(Command::UpdateEntry {
            id: save.id,
            base: Box::new(save.base),
            fields: Box::new(save.fields),
        });
    }

    /// Whether the window should look again soon without input (saving, a job running).
    pub fn busy(&self) -> bool {
        self.session.has_pending() || !self.jobs.is_empty()
    }

    /// Applies one event of the journal thread.
    pub fn handle_event(&mut self, event: Event) {
        events::handle(self, event);
    }
}
