//! The journal thread: one connection, commands in, events out. Long work (imports, exports,
//! schedule imports) is handed to [`super::jobs`], which runs it beside the journal thread.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use super::jobs::{CancelFlags, ImportCounts, JobKind, JobRunner, JobStartError};
use crate::export::{
    ExportError, ExportEvent, ExportOptions, ExportReport, PostPreview, export_trip_to,
    preview_with_photos,
};
use crate::model::{
    Entry, EntryFields, EntryId, Photo, PhotoId, ScheduleItem, ScheduleItemId, Trip, TripFields,
    TripId,
};
use crate::photos::{
    FileOutcome, ImportError, ImportEvent, ImportRequest, import_bytes, import_files,
};
use crate::schedule::{
    ScheduleImportError, ScheduleImported, import_schedule_into, new_trip_from_schedule,
    plan_calendar, plan_items, write_plan_file,
};
use crate::store::{DamagedRow, PhotoBytes, PhotoInsert, ReadOnlyReason, Store, StoreError};

/// Why a command of the window did not happen. The window words it (and names its own
/// buttons); here it stays the library's error.
#[derive(Debug)]
pub enum JournalError {
    /// Reading or writing the journal failed.
    Store(StoreError),
    /// Creating the demo trip failed.
    Demo(ImportError),
    /// A whole import could not run (not one file of it: those are in its outcomes).
    Import(ImportError),
    /// A pasted image did not match its own size.
    PasteUnreadable,
    /// A pasted image is already in the trip; `name` is the name it was given.
    PasteDuplicate { name: String },
    /// A pasted image could not be imported.
    Paste { name: String, error: ImportError },
    /// A worker thread could not be started.
    Thread(std::io::Error),
    /// A conference schedule could not be imported.
    Schedule(ScheduleImportError),
    /// A folder cannot be watched.
    Watch(crate::watch::WatchError),
}

impl From<StoreError> for JournalError {
    fn from(error: StoreError) -> Self {
        JournalError::Store(error)
    }
}

/// What the window asks of the journal.
#[derive(Debug)]
pub enum Command {
    LoadTrips,
    LoadTrip(TripId),
    /// Sets aside every row that cannot be read (kept in the journal, out of the way).
    SetAsideDamaged,
    CreateTrip(TripFields),
    UpdateTrip(TripId, TripFields),
    DeleteTrip(TripId),
    CreateDemo,
    /// `tag` comes back in [`Event::EntryCreated`] so the window knows which capture it was.
    CreateEntry {
        trip: TripId,
        fields: EntryFields,
        tag: u64,
    },
    /// Saves an edit: `fields` is what the window shows, `base` what it last loaded or saved.
    /// Fields the window did not change keep what another program may have stored meanwhile.
    UpdateEntry {
        id: EntryId,
        base: Box<EntryFields>,
        fields: Box<EntryFields>,
    },
    /// Brings a deleted entry back (undo): answered with [`Event::EntryRestored`].
    RestoreEntry(crate::app::Restore),
    DeleteEntry {
        entry: EntryId,
        with_photos: bool,
    },
    ReorderEntries(TripId, Vec<EntryId>),
    ImportFiles {
        trip: TripId,
        entry: Option<EntryId>,
        files: Vec<PathBuf>,
    },
    /// A pasted image as raw RGBA pixels; it is encoded (PNG) here, off the window's thread.
    ImportPixels {
        trip: TripId,
        entry: Option<EntryId>,
        name: String,
        width: u32,
        height: u32,
        rgba: Vec<u8>,
    },
    /// Stops the running job of this kind (at once: the handle sets its flag).
    Cancel(JobKind),
    SetCaption(PhotoId, String),
    MovePhoto(PhotoId, Option<EntryId>),
    ReorderPhotos(TripId, Vec<PhotoId>),
    /// Deletes a photo; with `undoable` its original comes back in [`Event::PhotoDeleted`].
    DeletePhoto {
        id: PhotoId,
        undoable: bool,
    },
    /// Imports a deleted photo again (undo): answered with [`Event::PhotoRestored`].
    RestorePhoto(crate::app::PhotoRestore),
    SetCover(TripId, Option<PhotoId>),
    /// Corrects a camera clock: the matching photos' taken-at moved by `by` (undo sends the
    /// opposite shift for the ids it moved); answered with [`Event::TakenAtShifted`].
    ShiftTakenAt {
        trip: TripId,
        by: chrono::Duration,
        filter: crate::model::ShiftFilter,
        /// The user's own shift (recorded for undo), not an undo or redo of one.
        undoable: bool,
    },
    Export {
        trip: TripId,
        options: ExportOptions,
        /// Commit into the repository `options.out_dir` instead of writing files.
        git: Option<crate::export::GitTarget>,
    },
    /// Renders the post's Markdown (no files, no images) for the export dialog's preview; the
    /// options come back with it so a stale preview is recognised.
    RenderPreview {
        trip: TripId,
        options: Box<ExportOptions>,
    },
    /// Answered with [`Event::Flushed`] once every earlier command is done.
    Flush(u64),
    /// Sends the trip's schedule ([`Event::Schedule`]); loading a trip sends it too.
    LoadSchedule(TripId),
    /// Stars or unstars a talk: answered with [`Event::ScheduleItemChanged`].
    SetStarred {
        item: ScheduleItemId,
        starred: bool,
    },
    /// The talk's session entry, made now or the one made before: [`Event::NotesStarted`].
    StartNotes(ScheduleItemId),
    /// Sets a talk's marks beside the star: [`Event::ScheduleItemChanged`].
    SetTalkMarks {
        item: ScheduleItemId,
        marks: crate::model::TalkMarks,
    },
    /// The trip's programme changes were seen: [`Event::Schedule`] without their marks.
    MarkChangesSeen(TripId),
    /// Writes the trip's plan (starred, not maybe) as an iCalendar file:
    /// [`Event::PlanExported`].
    ExportPlan {
        trip: TripId,
        file: PathBuf,
    },
    /// The trip watches `folder` from now on (None: stops watching); answered with
    /// [`Event::Watches`].
    SetWatch {
        trip: TripId,
        folder: Option<PathBuf>,
    },
    /// Reads a schedule file (in the trip's zone) and imports it into the trip (a job):
    /// answered with [`Event::ScheduleImported`].
    ImportSchedule {
        trip: TripId,
        file: PathBuf,
    },
    /// Creates a trip from a schedule file's header and imports the schedule into it (a job):
    /// answered with [`Event::ScheduleImported`] naming the new trip.
    NewTripFromSchedule(PathBuf),
}

impl Command {
    /// Whether it changes the journal (the window refuses these on a read-only journal).
    pub fn changes_journal(&self) -> bool {
        !matches!(
            self,
            Command::LoadTrips
                | Command::LoadTrip(_)
                | Command::Export { .. }
                | Command::RenderPreview { .. }
                | Command::Cancel(_)
                | Command::Flush(_)
                | Command::LoadSchedule(_)
                | Command::ExportPlan { .. }
        )
    }
}

/// What the journal answers.
#[derive(Debug)]
pub enum Event {
    Trips(Vec<Trip>),
    /// The folders trips watch (sent when the journal opens and after each change).
    Watches(Vec<crate::store::WatchSetting>),
    /// The rows of the journal that cannot be read (empty when all can); sent with the trips.
    Damaged(Vec<DamagedRow>),
    /// These rows were set aside.
    SetAside(Vec<DamagedRow>),
    TripLoaded {
        trip: Trip,
        entries: Vec<Entry>,
        photos: Vec<Photo>,
    },
    TripCreated(Trip),
    TripDeleted(TripId),
    EntryCreated {
        tag: u64,
        entry: Entry,
    },
    /// A photo was deleted; its original and details, to bring it back on undo.
    PhotoDeleted(crate::app::PhotoRestore),
    /// A deleted photo is back (undo) under a new id.
    PhotoRestored {
        old_id: PhotoId,
        new_id: PhotoId,
    },
    /// A deleted entry is back (undo) as `entry`, in the place of `old_id`.
    EntryRestored {
        old_id: EntryId,
        entry: Entry,
    },
    /// The entry as stored after a save (it differs from the edit when changes made elsewhere
    /// were merged in).
    EntrySaved(Entry),
    /// A save did not reach the journal (busy for too long, disk full…); the window keeps the
    /// edit and tries again. `base` is what the journal still holds as far as it knows.
    EntrySaveFailed {
        id: EntryId,
        base: Box<EntryFields>,
        error: StoreError,
    },
    /// Another program (or this app's import or export thread) changed the journal.
    ChangedElsewhere,
    EntryDeleted(EntryId),
    Entries {
        trip: TripId,
        entries: Vec<Entry>,
    },
    Photos {
        trip: TripId,
        photos: Vec<Photo>,
    },
    /// How far a running job is.
    Progress {
        job: JobKind,
        done: usize,
        total: usize,
    },
    /// A photo import ended: the trip's photos now, the counts and each file's outcome.
    ImportFinished {
        trip: TripId,
        photos: Vec<Photo>,
        counts: ImportCounts,
        outcomes: Vec<FileOutcome>,
    },
    ExportFinished(Result<ExportReport, Arc<ExportError>>),
    /// A job other than an export could not run (its journal did not open, no thread…).
    JobFailed {
        job: JobKind,
        error: JournalError,
    },
    Flushed(u64),
    /// A clock shift was stored (the trip's photos follow in [`Event::Photos`]).
    TakenAtShifted {
        trip: TripId,
        by: chrono::Duration,
        report: crate::store::ShiftReport,
        undoable: bool,
    },
    /// A command failed.
    Error(JournalError),
    /// The export dialog's preview (or why there is none) for these options.
    Preview {
        options: Box<ExportOptions>,
        preview: Result<PostPreview, Arc<ExportError>>,
    },
    /// The journal is open (and migrated); other connections to it may start now. With
    /// `read_only` it cannot be changed, and why: commands that write are refused.
    Opened {
        read_only: Option<ReadOnlyReason>,
    },
    /// The journal could not be opened; the journal thread has ended.
    OpenFailed(StoreError),
    /// A trip's schedule, in the journal's order, with what its last import changed for the
    /// user.
    Schedule {
        trip: TripId,
        items: Vec<ScheduleItem>,
        changes: Vec<crate::model::ProgrammeChange>,
    },
    /// The plan's calendar was written (how many talks, where) or why not.
    PlanExported(Result<(usize, PathBuf), Arc<crate::schedule::PlanFileError>>),
    /// One talk as stored after a change (a star).
    ScheduleItemChanged(ScheduleItem),
    /// The session entry of a talk (made now or before) and the talk linked to it.
    NotesStarted {
        item: Box<ScheduleItem>,
        entry: Entry,
    },
    /// A schedule was imported, with the trip made for it (when it made one).
    ScheduleImported {
        imported: ScheduleImported,
        created: Option<Trip>,
    },
}

/// The handle the window holds.
pub struct Backend {
    commands: Sender<Command>,
    events: Receiver<Event>,
    thread: Option<JoinHandle<()>>,
    cancels: CancelFlags,
}

impl Backend {
    /// Starts the journal thread, which opens (or creates) the journal at `path` itself so the
    /// window never waits on the disk or a migration. Commands sent meanwhile wait for it; a
    /// failure arrives as [`Event::OpenFailed`]. `wake` is called after each event is sent (the
    /// window uses it to repaint).
    pub fn start(path: PathBuf, wake: impl Fn() + Send + Sync + 'static) -> Backend {
        let (commands, command_receiver) = channel::<Command>();
        let (event_sender, events) = channel::<Event>();
        let cancels = CancelFlags::default();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(wake);
        let worker_cancels = cancels.clone();
        let thread = std::thread::Builder::new()
            .name("journal".into())
            .spawn(move || {
                if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                    let _ = crate::store::private::create_private_folder(parent);
                }
                match Store::open(&path) {
                    Ok(store) => Worker {
                        jobs: JobRunner::new(
                            path.clone(),
                            event_sender.clone(),
                            Arc::clone(&wake),
                            worker_cancels,
                        ),
                        store,
                        events: event_sender,
                        wake,
                    }
                    .run(command_receiver),
                    Err(error) => {
                        let _ = event_sender.send(Event::OpenFailed(error));
                        wake();
                    }
                }
            })
            .ok();
        Backend {
            commands,
            events,
            thread,
            cancels,
        }
    }

    /// Sends a command; cancels take effect at once.
    pub fn send(&self, command: Command) {
        match command {
            Command::Cancel(job) => self.cancels[job.index()].store(true, Ordering::Relaxed),
            other => {
                // A closed channel means the journal thread is gone; its error was reported.
                let _ = self.commands.send(other);
            }
        }
    }

    /// The next event, if one is waiting.
    pub fn try_event(&self) -> Option<Event> {
        self.events.try_recv().ok()
    }

    /// Waits (at most `timeout`) for all earlier commands to finish; used when closing.
    pub fn flush_blocking(&self, timeout: std::time::Duration) -> Vec<Event> {
        let token = u64::MAX;
        let _ = self.commands.send(Command::Flush(token));
        let deadline = std::time::Instant::now() + timeout;
        let mut other = Vec::new();
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match self.events.recv_timeout(left) {
                Ok(Event::Flushed(t)) if t == token => break,
                Ok(event) => other.push(event),
                Err(_) => break,
            }
        }
        other
    }
}

impl Drop for Backend {
    fn drop(&mut self) {
        let (closed, _) = channel();
        self.commands = closed;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// PNG bytes of raw RGBA pixels, or None when the buffer does not match the size.
fn encode_png(width: u32, height: u32, rgba: Vec<u8>) -> Option<Vec<u8>> {
    let buffer = image::RgbaImage::from_raw(width, height, rgba)?;
    let mut bytes = Vec::new();
    image::DynamicImage::ImageRgba8(buffer)
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .ok()?;
    Some(bytes)
}

/// How often the journal thread looks for changes made by other programs while idle.
const CHANGE_POLL: std::time::Duration = std::time::Duration::from_millis(1000);

struct Worker {
    store: Store,
    events: Sender<Event>,
    wake: Arc<dyn Fn() + Send + Sync>,
    jobs: JobRunner,
}

impl Worker {
    fn run(mut self, commands: Receiver<Command>) {
        self.send(Event::Opened {
            read_only: self.store.read_only_reason(),
        });
        match self.store.watch_settings() {
            Ok(watches) => self.send(Event::Watches(watches)),
            Err(error) => self.send(Event::Error(error.into())),
        }
        let mut seen_version = self.store.data_version().ok();
        loop {
            match commands.recv_timeout(CHANGE_POLL) {
                Ok(command) => {
                    if let Err(error) = self.handle(command) {
                        self.send(Event::Error(error));
                    }
                }
                Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {}
                Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            }
            // Cheap (no disk read): SQLite counts commits made through other connections.
            let version = self.store.data_version().ok();
            if version != seen_version {
                if seen_version.is_some() {
                    self.send(Event::ChangedElsewhere);
                }
                seen_version = version;
            }
        }
    }

    fn send(&self, event: Event) {
        let _ = self.events.send(event);
        (self.wake)();
    }

    /// Sends a trip with its readable entries and photos (the damaged ones are named by
    /// [`Event::Damaged`], sent with the trips).
    fn reload_trip(&self, trip: TripId) -> Result<(), StoreError> {
        let trip = self.store.trip(trip)?;
        let entries = self.store.entry_listing(trip.id)?.items;
        let photos = self.store.photo_listing(trip.id)?.items;
        let id = trip.id;
        self.send(Event::TripLoaded {
            trip,
            entries,
            photos,
        });
        self.send_schedule(id)
    }

    fn send_schedule(&self, trip: TripId) -> Result<(), StoreError> {
        // Unreadable rows are named with the rest of the journal's (see `send_trips`).
        let items = self.store.schedule_listing(trip)?.items;
        let changes = self.store.schedule_changes(trip)?;
        self.send(Event::Schedule {
            trip,
            items,
            changes,
        });
        Ok(())
    }

    /// Sends the readable trips, then every row of the journal that cannot be read.
    fn send_trips(&self) -> Result<(), StoreError> {
        let trips = self.store.trip_listing()?.items;
        self.send(Event::Trips(trips));
        self.send(Event::Damaged(self.store.damaged_rows()?));
        Ok(())
    }

    fn send_photos(&self, trip: TripId) -> Result<(), StoreError> {
        let photos = self.store.photo_listing(trip)?.items;
        self.send(Event::Photos { trip, photos });
        Ok(())
    }

    fn handle(&mut self, command: Command) -> Result<(), JournalError> {
        match command {
            Command::LoadTrips => self.send_trips()?,
            Command::SetAsideDamaged => {
                let rows = self.store.set_aside_damaged()?;
                self.send(Event::SetAside(rows));
                self.send_trips()?;
            }
            Command::LoadTrip(trip) => self.reload_trip(trip)?,
            Command::CreateTrip(fields) => {
                let id = self.store.create_trip(&fields)?;
                let trip = self.store.trip(id)?;
                self.send_trips()?;
                self.send(Event::TripCreated(trip));
            }
            Command::UpdateTrip(id, fields) => {
                self.store.update_trip(id, &fields)?;
                self.send_trips()?;
            }
            Command::DeleteTrip(id) => {
                self.store.delete_trip(id)?;
                self.send(Event::TripDeleted(id));
                self.send_trips()?;
            }
            Command::CreateDemo => {
                let id =
                    crate::demo::create_demo_trip(&mut self.store).map_err(JournalError::Demo)?;
                let trip = self.store.trip(id)?;
                self.send_trips()?;
                self.send(Event::TripCreated(trip));
            }
            Command::CreateEntry { trip, fields, tag } => {
                let id = self.store.create_entry(trip, &fields)?;
                let entry = self.store.entry(id)?;
                self.send(Event::EntryCreated { tag, entry });
            }
            Command::UpdateEntry { id, base, fields } => self.update_entry(id, base, &fields),
            Command::RestoreEntry(restore) => self.restore_entry(restore)?,
            Command::DeleteEntry { entry, with_photos } => {
                let trip = self.store.entry(entry)?.trip;
                self.store.delete_entry(entry, with_photos)?;
                self.send(Event::EntryDeleted(entry));
                self.send_photos(trip)?;
            }
            Command::ReorderEntries(trip, order) => {
                self.store.reorder_entries(trip, &order)?;
                let entries = self.store.entry_listing(trip)?.items;
                self.send(Event::Entries { trip, entries });
            }
            command @ (Command::ImportFiles { .. }
            | Command::ImportPixels { .. }
            | Command::SetCaption(..)
            | Command::MovePhoto(..)
            | Command::ReorderPhotos(..)
            | Command::DeletePhoto { .. }
            | Command::RestorePhoto(_)
            | Command::SetCover(..)
            | Command::ShiftTakenAt { .. }) => self.photo_command(command)?,
            Command::Cancel(_) => {}
            Command::Export { trip, options, git } => self.export(trip, options, git),
            Command::RenderPreview { trip, options } => {
                let preview = preview_with_photos(&self.store, trip, &options).map_err(Arc::new);
                self.send(Event::Preview { options, preview });
            }
            Command::Flush(token) => self.send(Event::Flushed(token)),
            Command::SetWatch { trip, folder } => self.set_watch(trip, folder)?,
            command @ (Command::LoadSchedule(_)
            | Command::SetStarred { .. }
            | Command::SetTalkMarks { .. }
            | Command::MarkChangesSeen(_)
            | Command::ExportPlan { .. }
            | Command::StartNotes(_)
            | Command::ImportSchedule { .. }
            | Command::NewTripFromSchedule(_)) => self.schedule_command(command)?,
        }
        Ok(())
    }

    /// The commands about photos.
    fn photo_command(&mut self, command: Command) -> Result<(), JournalError> {
        match command {
            Command::ImportFiles { trip, entry, files } => self.import(trip, entry, files),
            Command::ImportPixels {
                trip,
                entry,
                name,
                width,
                height,
                rgba,
            } => {
                self.paste(trip, entry, name, (width, height), rgba);
                self.send_photos(trip)?;
            }
            Command::SetCaption(photo, caption) => {
                self.store.set_photo_caption(photo, &caption)?;
            }
            Command::MovePhoto(photo, entry) => {
                let trip = self.store.photo(photo)?.trip;
                self.store.move_photo(photo, entry)?;
                self.send_photos(trip)?;
            }
            Command::ReorderPhotos(trip, order) => {
                self.store.reorder_photos(&order)?;
                self.send_photos(trip)?;
            }
            Command::DeletePhoto { id, undoable } => self.delete_photo(id, undoable)?,
            Command::RestorePhoto(restore) => self.restore_photo(restore)?,
            Command::SetCover(trip, photo) => {
                self.store.set_trip_cover(trip, photo)?;
                self.send_trips()?;
            }
            Command::ShiftTakenAt {
                trip,
                by,
                filter,
                undoable,
            } => {
                let report = self.store.shift_taken_at(trip, by, &filter)?;
                self.send(Event::TakenAtShifted {
                    trip,
                    by,
                    report,
                    undoable,
                });
                self.send_photos(trip)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Starts or stops a trip's watched folder (stored with the trip) and sends the settings.
    fn set_watch(&mut self, trip: TripId, folder: Option<PathBuf>) -> Result<(), JournalError> {
        match folder {
            Some(folder) => {
                let (_, key) =
                    crate::watch::watch_folder_key(&folder).map_err(JournalError::Watch)?;
                self.store.set_watching(trip, &key)?;
            }
            None => self.store.stop_watching(trip)?,
        }
        let watches = self.store.watch_settings()?;
        self.send(Event::Watches(watches));
        Ok(())
    }

    /// The commands about a trip's conference schedule.
    fn schedule_command(&mut self, command: Command) -> Result<(), JournalError> {
        match command {
            Command::LoadSchedule(trip) => self.send_schedule(trip)?,
            Command::SetStarred { item, starred } => {
                self.store.set_starred(item, starred)?;
                let item = self.store.schedule_item(item)?;
                self.send(Event::ScheduleItemChanged(item));
            }
            Command::SetTalkMarks { item, marks } => {
                self.store.set_talk_marks(item, marks)?;
                let item = self.store.schedule_item(item)?;
                self.send(Event::ScheduleItemChanged(item));
            }
            Command::MarkChangesSeen(trip) => {
                self.store.mark_changes_seen(trip)?;
                self.send_schedule(trip)?;
            }
            Command::ExportPlan { trip, file } => {
                let name = self.store.trip(trip)?.fields.name;
                let items = plan_items(&self.store.schedule_listing(trip)?.items);
                let written = write_plan_file(&file, &plan_calendar(&name, &items))
                    .map(|()| (items.len(), file))
                    .map_err(Arc::new);
                self.send(Event::PlanExported(written));
            }
            Command::StartNotes(item) => {
                let made = self
                    .store
                    .session_from_talk(item, |_, _| Ok::<(), StoreError>(()))?;
                let entry = self.store.entry(made.entry())?;
                let item = Box::new(self.store.schedule_item(item)?);
                self.send(Event::NotesStarted { item, entry });
            }
            Command::ImportSchedule { trip, file } => {
                self.schedule_job(move |store| import_schedule_into(store, trip, &file))
            }
            Command::NewTripFromSchedule(file) => {
                let computer = crate::app::system_zone();
                self.schedule_job(move |store| {
                    new_trip_from_schedule(store, &file, None, computer, |_| {})
                })
            }
            _ => {}
        }
        Ok(())
    }

    /// Imports a schedule as a job: [`Event::ScheduleImported`] when it is in, with the trip
    /// made for it, or why not.
    fn schedule_job(
        &self,
        import: impl FnOnce(&mut Store) -> Result<ScheduleImported, ScheduleImportError>
        + Send
        + 'static,
    ) {
        let failed = |error: JobStartError| Event::JobFailed {
            job: JobKind::ScheduleImport,
            error: error.into(),
        };
        let work = move |store: &mut Store, _: &_, _: &Sender<()>| match import(store) {
            Ok(imported) => {
                let created = imported
                    .created
                    .then(|| store.trip(imported.trip).ok())
                    .flatten();
                Event::ScheduleImported { imported, created }
            }
            Err(error) => Event::JobFailed {
                job: JobKind::ScheduleImport,
                error: JournalError::Schedule(error),
            },
        };
        self.jobs
            .start(JobKind::ScheduleImport, |_: &()| None, work, failed);
    }

    /// Deletes a photo, first reading what undo needs to bring it back.
    fn delete_photo(&mut self, id: PhotoId, undoable: bool) -> Result<(), StoreError> {
        let photo = self.store.photo(id)?;
        let restore = if undoable {
            let original = self.store.photo_bytes(id, PhotoBytes::Original)?;
            Some(crate::app::PhotoRestore {
                trip: photo.trip,
                old_id: id,
                entry: photo.entry,
                caption: photo.caption.clone(),
                original_name: photo.metadata.original_name.clone(),
                original: Arc::new(original),
            })
        } else {
            None
        };
        self.store.delete_photo(id)?;
        if let Some(restore) = restore {
            self.send(Event::PhotoDeleted(restore));
        }
        self.send_photos(photo.trip)?;
        self.send_trips()
    }

    /// Imports a deleted photo's original again, into its entry if that still exists.
    fn restore_photo(&mut self, restore: crate::app::PhotoRestore) -> Result<(), JournalError> {
        let entry = restore.entry.filter(|entry| {
            self.store
                .entry(*entry)
                .is_ok_and(|e| e.trip == restore.trip)
        });
        let inserted = import_bytes(
            &mut self.store,
            restore.trip,
            entry,
            &restore.caption,
            &restore.original_name,
            restore.original.as_ref().clone(),
        )
        .map_err(JournalError::Import)?;
        let new_id = match inserted {
            PhotoInsert::Imported(id) | PhotoInsert::Duplicate(id) => id,
        };
        self.send(Event::PhotoRestored {
            old_id: restore.old_id,
            new_id,
        });
        self.send_photos(restore.trip)?;
        self.send_trips()?;
        Ok(())
    }

    /// Creates the entry again, puts its photos back into it and its place in the order back.
    fn restore_entry(&mut self, restore: crate::app::Restore) -> Result<(), StoreError> {
        let id = self.store.create_entry(restore.trip, &restore.fields)?;
        for photo in &restore.photos {
            // A photo deleted meanwhile simply stays gone.
            let _ = self.store.move_photo(*photo, Some(id));
        }
        let existing: Vec<EntryId> = self
            .store
            .entry_listing(restore.trip)?
            .items
            .iter()
            .map(|e| e.id)
            .collect();
        let order: Vec<EntryId> = restore
            .order
            .iter()
            .map(|e| if *e == restore.old_id { id } else { *e })
            .filter(|e| existing.contains(e))
            .collect();
        if !order.is_empty() {
            self.store.reorder_entries(restore.trip, &order)?;
        }
        let entry = self.store.entry(id)?;
        self.send(Event::EntryRestored {
            old_id: restore.old_id,
            entry,
        });
        let entries = self.store.entry_listing(restore.trip)?.items;
        self.send(Event::Entries {
            trip: restore.trip,
            entries,
        });
        self.send_photos(restore.trip)
    }

    /// Merges an edit into what is stored (another program may have changed other fields).
    fn update_entry(&mut self, id: EntryId, base: Box<EntryFields>, fields: &EntryFields) {
        let saved = self
            .store
            .modify_entry(id, |stored, _| -> Result<(), StoreError> {
                *stored = EntryFields::merged(&base, fields, stored);
                Ok(())
            })
            .and_then(|()| self.store.entry(id));
        match saved {
            Ok(entry) => self.send(Event::EntrySaved(entry)),
            Err(error) => self.send(Event::EntrySaveFailed { id, base, error }),
        }
    }

    /// Imports a pasted image (raw RGBA pixels, encoded as PNG here).
    fn paste(
        &mut self,
        trip: TripId,
        entry: Option<EntryId>,
        name: String,
        (width, height): (u32, u32),
        rgba: Vec<u8>,
    ) {
        let Some(bytes) = encode_png(width, height, rgba) else {
            self.send(Event::Error(JournalError::PasteUnreadable));
            return;
        };
        match import_bytes(&mut self.store, trip, entry, "", &name, bytes) {
            Ok(PhotoInsert::Imported(_)) => {}
            Ok(PhotoInsert::Duplicate(_)) => {
                self.send(Event::Error(JournalError::PasteDuplicate { name }))
            }
            Err(error) => self.send(Event::Error(JournalError::Paste { name, error })),
        }
    }

    /// Imports photos as a job (the journal thread keeps answering, saving typed text, while
    /// photos are decoded).
    fn import(&self, trip: TripId, entry: Option<EntryId>, files: Vec<PathBuf>) {
        let mut request = ImportRequest::new(trip, files);
        request.entry = entry;
        let failed = |error: JobStartError| Event::JobFailed {
            job: JobKind::Import,
            error: error.into(),
        };
        let progress = |event: &ImportEvent| match event {
            ImportEvent::FileDone { done, total, .. } => Some((*done, *total)),
            _ => None,
        };
        let work =
            move |store: &mut Store, cancel: &_, reports: &Sender<ImportEvent>| match import_files(
                store,
                &request,
                cancel,
                Some(reports),
            ) {
                Ok(outcomes) => Event::ImportFinished {
                    trip,
                    photos: store.photos(trip).unwrap_or_default(),
                    counts: ImportCounts::of(&outcomes),
                    outcomes,
                },
                Err(error) => Event::JobFailed {
                    job: JobKind::Import,
                    error: JournalError::Import(error),
                },
            };
        self.jobs.start(JobKind::Import, progress, work, failed);
    }

    /// Exports as a job; [`Event::ExportFinished`] says how it ended.
    fn export(&self, trip: TripId, options: ExportOptions, git: Option<crate::export::GitTarget>) {
        let out_dir = options.out_dir.clone();
        let failed = move |error: JobStartError| {
            let error = match error {
                JobStartError::Journal(error) => ExportError::Store(error),
                JobStartError::Thread(error) => {
                    ExportError::io("cannot start the export", out_dir.clone(), error)
                }
            };
            Event::ExportFinished(Err(Arc::new(error)))
        };
        let progress = |event: &ExportEvent| match event {
            ExportEvent::ImageWritten { done, total } => Some((*done, *total)),
            _ => None,
        };
        let work = move |store: &mut Store, cancel: &_, reports: &Sender<ExportEvent>| {
            let result = export_trip_to(store, trip, &options, git.as_ref(), cancel, reports);
            Event::ExportFinished(result.map_err(Arc::new))
        };
        self.jobs.start(JobKind::Export, progress, work, failed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ShiftFilter, TakenAt};

    /// Events until `wanted` matches one, the rest dropped; at most 60 s (it returns as soon
    /// as the event comes, so a busy machine only makes it wait longer).
    fn wait_for(backend: &Backend, wanted: impl Fn(&Event) -> bool) -> Event {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while std::time::Instant::now() < deadline {
            match backend.try_event() {
                Some(event) if wanted(&event) => return event,
                Some(_) => {}
                None => std::thread::sleep(std::time::Duration::from_millis(5)),
            }
        }
        panic!("the awaited event did not come");
    }

    fn taken(photos: &[Photo]) -> Option<TakenAt> {
        photos.first().and_then(|photo| photo.metadata.taken_at)
    }

    #[test]
    fn a_clock_shift_is_stored_reported_and_undone_by_its_opposite() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("j.sqlite");
        let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/orient6_gps.jpg");
        let store = Store::open(&path).expect("journal");
        let trip = store
            .create_trip(&TripFields::named("Berlin"))
            .expect("trip");
        drop(store);
        let backend = Backend::start(path, || {});
        backend.send(Command::ImportFiles {
            trip,
            entry: None,
            files: vec![fixture],
        });
        wait_for(&backend, |e| matches!(e, Event::ImportFinished { .. }));
        let by = chrono::Duration::hours(-2);
        let filter = ShiftFilter {
            camera: Some("TJ Cam 1".into()),
            ids: None,
        };
        backend.send(Command::ShiftTakenAt {
            trip,
            by,
            filter,
            undoable: true,
        });
        let Event::TakenAtShifted { report, .. } =
            wait_for(&backend, |e| matches!(e, Event::TakenAtShifted { .. }))
        else {
            unreachable!("matched above")
        };
        assert_eq!(report.shifted.len(), 1);
        let Event::Photos { photos, .. } =
            wait_for(&backend, |e| matches!(e, Event::Photos { .. }))
        else {
            unreachable!("matched above")
        };
        assert_eq!(
            taken(&photos).map(|t| t.to_iso()).as_deref(),
            Some("2018-11-13T14:20:05+01:00")
        );

        let undo = ShiftFilter {
            camera: None,
            ids: Some(vec![report.shifted[0].id]),
        };
        backend.send(Command::ShiftTakenAt {
            trip,
            by: -by,
            filter: undo,
            undoable: false,
        });
        let Event::Photos { photos, .. } =
            wait_for(&backend, |e| matches!(e, Event::Photos { .. }))
        else {
            unreachable!("matched above")
        };
        assert_eq!(taken(&photos), Some(report.shifted[0].old));
    }
}
