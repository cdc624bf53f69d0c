//! What the user asked for in a panel or dialog. Panels draw from read-only data and their own
//! state and return these; the app applies them in one place (`apply` in `app.rs`), so no
//! panel writes another panel's state or the journal's.

use std::path::PathBuf;

use crate::app::Command;
use crate::model::{EntryId, PhotoId, ScheduleItemId, TripFields, TripId};

/// One request of the user, applied by the app after drawing.
#[derive(Debug)]
pub enum Action {
    /// Show this entry in the editor (saving the edits of the one before).
    SelectEntry(EntryId),
    /// Open this trip.
    OpenTrip(TripId),
    /// Open the trip dialog for a new trip.
    NewTrip,
    /// Open the trip dialog on this trip.
    EditTrip(TripId),
    /// Ask whether to delete this trip.
    AskDeleteTrip(TripId),
    /// Ask whether to delete this entry.
    AskDeleteEntry(EntryId),
    /// The trip dialog was confirmed for a new trip.
    CreateTrip(TripFields),
    /// The trip dialog was confirmed for an existing trip.
    SaveTrip(TripId, TripFields),
    /// The trip dialog was closed without saving.
    CloseTripDialog,
    /// The delete-trip question was answered.
    DeleteTrip(Option<TripId>),
    /// Ask for the export folder in the desktop's folder dialog.
    ChooseExportFolder,
    /// Start the export the dialog describes.
    StartExport,
    /// Show a folder in the file manager.
    OpenFolder(PathBuf),
    /// Close the export dialog.
    CloseExportDialog,
    /// The editor changed an entry's fields (saved shortly after).
    EditEntry(EntryId, Box<crate::model::EntryFields>),
    /// Move an entry to a section (or out of any), saved at once.
    SetSection(EntryId, Option<String>),
    /// The trip's entries in a new order.
    ReorderEntries(TripId, Vec<EntryId>),
    /// The trip's sections in a new order (undoable).
    SetSectionOrder(TripId, Vec<String>),
    /// An entry dragged to a place: into `section`, the trip's entries in `order`.
    PlaceEntry {
        trip: TripId,
        id: EntryId,
        section: Option<String>,
        order: Vec<EntryId>,
    },
    /// Close the editor (saving its edits).
    CloseEditor,
    /// Add photos with the desktop's file dialog.
    PickPhotos,
    /// Open the large viewer on this photo.
    ViewPhoto(PhotoId),
    /// Close the photo viewer.
    CloseViewer,
    /// Move a photo to an entry (or back to the unassigned photos).
    MovePhoto(PhotoId, Option<EntryId>),
    /// Change a photo's caption (undoable).
    SetCaption(PhotoId, String),
    /// Delete a photo.
    DeletePhoto(PhotoId),
    /// Open the camera-clock dialog for the camera that took this photo.
    OpenClockDialog(PhotoId),
    /// Close the camera-clock dialog.
    CloseClockDialog,
    /// Open the "Watch a folder" dialog for a trip.
    OpenWatchDialog(TripId),
    /// Choose the folder in the desktop's folder dialog.
    ChooseWatchFolder(TripId),
    /// Close the "Watch a folder" dialog.
    CloseWatchDialog,
    /// The trip watches this folder from now on (`None`: stops watching).
    SetWatch(TripId, Option<PathBuf>),
    /// The answer about the photos already in a newly watched folder (`true`: import them).
    AnswerFirstBatch(TripId, bool),
    /// Something for the journal thread that changes nothing in the window.
    Send(Command),
    /// The delete-entry question was answered (`None`: cancelled).
    DeleteEntry(Option<(EntryId, bool)>),
    /// Star (`true`) or unstar a talk of the programme (undoable).
    StarTalk(ScheduleItemId, bool),
    /// Open the notes on a talk: its session entry, made now if it has none yet.
    StartNotes(ScheduleItemId),
    /// Choose a programme file to import into this trip.
    ImportSchedule(TripId),
    /// Choose a programme file and make a trip of it.
    NewTripFromSchedule,
}

impl Action {
    /// Whether it edits the journal, or opens a dialog that does (refused, with a word, when
    /// the journal is read-only). A caption is looked at where it is applied: closing the
    /// photo viewer always hands back the caption, changed or not.
    pub fn changes_journal(&self) -> bool {
        match self {
            Action::NewTrip
            | Action::EditTrip(_)
            | Action::AskDeleteTrip(_)
            | Action::AskDeleteEntry(_)
            | Action::CreateTrip(_)
            | Action::SaveTrip(..)
            | Action::DeleteTrip(Some(_))
            | Action::EditEntry(..)
            | Action::SetSection(..)
            | Action::ReorderEntries(..)
            | Action::SetSectionOrder(..)
            | Action::PlaceEntry { .. }
            | Action::PickPhotos
            | Action::MovePhoto(..)
            | Action::DeletePhoto(_)
            | Action::OpenClockDialog(_)
            | Action::OpenWatchDialog(_)
            | Action::SetWatch(..)
            | Action::AnswerFirstBatch(..)
            | Action::DeleteEntry(Some(_))
            | Action::StarTalk(..)
            | Action::ImportSchedule(_)
            | Action::NewTripFromSchedule => true,
            Action::Send(command) => command.changes_journal(),
            Action::SelectEntry(_)
            | Action::OpenTrip(_)
            | Action::CloseTripDialog
            | Action::DeleteTrip(None)
            | Action::ChooseExportFolder
            | Action::StartExport
            | Action::OpenFolder(_)
            | Action::CloseExportDialog
            | Action::CloseEditor
            | Action::ViewPhoto(_)
            | Action::CloseViewer
            | Action::CloseClockDialog
            | Action::ChooseWatchFolder(_)
            | Action::CloseWatchDialog
            | Action::SetCaption(..)
            | Action::DeleteEntry(None) => false,
            // Opening notes made before works on a read-only journal; making them is refused
            // where it is applied.
            Action::StartNotes(_) => false,
        }
    }
}
