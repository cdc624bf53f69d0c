//! What the user asked for: a click in a panel, a key of the command table, a file dropped or
//! pasted, a path a file dialog returned. Panels draw from read-only data and their own state
//! and return these; [`super::Workspace::apply`] is the one place they are carried out (the
//! read-only guard included), handing back to the window the part that is the window's
//! (opening a dialog, closing the photo viewer).

use std::path::PathBuf;

use super::Command;
use super::notice::Message;
use crate::export::ExportOptions;
use crate::model::{EntryFields, EntryId, EntryKind, PhotoId, ScheduleItemId, TripFields, TripId};

/// An image from the clipboard: RGBA pixels, row by row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PastedImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

/// One request of the user.
#[derive(Debug)]
pub enum Action {
    /// Show this entry in the editor (saving the edits of the one before).
    SelectEntry(EntryId),
    /// Open this trip.
    OpenTrip(TripId),
    /// Close the editor (saving its edits).
    CloseEditor,
    /// A new entry of this kind, stamped now, with its title focused (Ctrl+1…4).
    QuickCapture(EntryKind),
    /// Save every pending edit now (Ctrl+S).
    SaveNow,
    /// Undo the last saved change (outside a text field).
    Undo,
    /// Redo the last undone change.
    Redo,
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
    /// The delete-trip question was answered (`None`: cancelled).
    DeleteTrip(Option<TripId>),
    /// The delete-entry question was answered (`None`: cancelled); `true`: with its photos.
    DeleteEntry(Option<(EntryId, bool)>),
    /// Open the export dialog (Ctrl+E), saving pending edits first.
    OpenExportDialog,
    /// Ask for the export folder in the desktop's folder dialog.
    ChooseExportFolder,
    /// The folder dialog chose the export's destination.
    ExportFolderChosen(PathBuf),
    /// Export the open trip with these options (the dialog checked them); with a Git target,
    /// as a commit in the repository `options.out_dir`.
    StartExport(Box<ExportOptions>, Option<crate::export::GitTarget>),
    /// Show a folder in the file manager.
    OpenFolder(PathBuf),
    /// Close the export dialog.
    CloseExportDialog,
    /// Show or hide the keyboard shortcuts (F1).
    ToggleHelp,
    /// Switch between the light and the dark theme.
    ToggleTheme,
    /// Put the cursor in the trip's search (Ctrl+F).
    FindInTrip,
    /// Close the topmost window: the photo viewer, the export dialog, the trip dialog, help.
    CloseTopmost,
    /// The editor changed an entry's fields (saved shortly after).
    EditEntry(EntryId, Box<EntryFields>),
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
    /// Add photos with the desktop's file dialog (Ctrl+O).
    PickPhotos,
    /// Import these files into an entry of the open trip (or its unassigned photos).
    ImportPhotos {
        entry: Option<EntryId>,
        files: Vec<PathBuf>,
    },
    /// The file dialog chose photos for `entry` of `trip` (ignored if the trip was left).
    PhotosChosen {
        trip: TripId,
        entry: Option<EntryId>,
        files: Vec<PathBuf>,
    },
    /// An image pasted from the clipboard, for the selected entry (or the unassigned photos).
    PastePhoto(PastedImage),
    /// Open the large viewer on this photo.
    ViewPhoto(PhotoId),
    /// Close the photo viewer.
    CloseViewer,
    /// Move a photo to an entry (or back to the unassigned photos).
    MovePhoto(PhotoId, Option<EntryId>),
    /// Change a photo's caption (undoable).
    SetCaption(PhotoId, String),
    /// Delete a photo (undoable).
    DeletePhoto(PhotoId),
    /// Open the camera-clock dialog for the camera that took this photo.
    OpenClockDialog(PhotoId),
    /// Close the camera-clock dialog.
    CloseClockDialog,
    /// Open the "Watch a folder" dialog for a trip.
    OpenWatchDialog(TripId),
    /// Choose the folder in the desktop's folder dialog.
    ChooseWatchFolder(TripId),
    /// The folder dialog chose a folder for the trip's watch dialog.
    WatchFolderChosen { trip: TripId, folder: PathBuf },
    /// Close the "Watch a folder" dialog.
    CloseWatchDialog,
    /// The trip watches this folder from now on (`None`: stops watching).
    SetWatch(TripId, Option<PathBuf>),
    /// The answer about the photos already in a newly watched folder (`true`: import them).
    AnswerFirstBatch(TripId, bool),
    /// Star (`true`) or unstar a talk of the schedule (undoable).
    StarTalk(ScheduleItemId, bool),
    /// Open the notes on a talk: its session entry, made now if it has none yet.
    StartNotes(ScheduleItemId),
    /// Choose a schedule file to import into this trip (`None`: to make a trip of).
    PickSchedule(Option<TripId>),
    /// Close the dialog that asks for a schedule file's path (no desktop file dialog).
    CloseScheduleFileDialog,
    /// A schedule file chosen in the file dialog: into `trip`, or a new trip of it.
    ScheduleChosen { trip: Option<TripId>, file: PathBuf },
    /// A schedule file dropped on the window: into the open trip, or a new trip of it.
    ImportScheduleFile(PathBuf),
    /// Open another journal file (the window's journal error view).
    OpenJournal(PathBuf),
    /// Choose a journal file in the desktop's file dialog.
    ChooseJournal,
    /// Something for the journal thread that changes nothing in the window.
    Send(Command),
    /// Something done off the window's thread (a file manager, a dialog) failed.
    Failed(Message),
}

impl Action {
    /// Whether it edits the journal, or opens a dialog that does (refused, with a word, when
    /// the journal is read-only). A caption is looked at where it is applied: closing the
    /// photo viewer always hands back the caption, changed or not. Opening notes made before
    /// works on a read-only journal; making them is refused where it is applied.
    pub fn changes_journal(&self) -> bool {
        match self {
            Action::QuickCapture(_)
            | Action::Undo
            | Action::Redo
            | Action::NewTrip
            | Action::EditTrip(_)
            | Action::AskDeleteTrip(_)
            | Action::AskDeleteEntry(_)
            | Action::CreateTrip(_)
            | Action::SaveTrip(..)
            | Action::DeleteTrip(Some(_))
            | Action::DeleteEntry(Some(_))
            | Action::EditEntry(..)
            | Action::SetSection(..)
            | Action::ReorderEntries(..)
            | Action::SetSectionOrder(..)
            | Action::PlaceEntry { .. }
            | Action::PickPhotos
            | Action::ImportPhotos { .. }
            | Action::PhotosChosen { .. }
            | Action::PastePhoto(_)
            | Action::MovePhoto(..)
            | Action::DeletePhoto(_)
            | Action::OpenClockDialog(_)
            | Action::OpenWatchDialog(_)
            | Action::SetWatch(..)
            | Action::AnswerFirstBatch(..)
            | Action::StarTalk(..)
            | Action::PickSchedule(_)
            | Action::ScheduleChosen { .. }
            | Action::ImportScheduleFile(_) => true,
            Action::Send(command) => command.changes_journal(),
            Action::SelectEntry(_)
            | Action::OpenTrip(_)
            | Action::CloseEditor
            | Action::SaveNow
            | Action::CloseTripDialog
            | Action::DeleteTrip(None)
            | Action::DeleteEntry(None)
            | Action::OpenExportDialog
            | Action::ChooseExportFolder
            | Action::ExportFolderChosen(_)
            | Action::StartExport(..)
            | Action::OpenFolder(_)
            | Action::CloseExportDialog
            | Action::ToggleHelp
            | Action::ToggleTheme
            | Action::FindInTrip
            | Action::CloseTopmost
            | Action::ViewPhoto(_)
            | Action::CloseViewer
            | Action::SetCaption(..)
            | Action::CloseClockDialog
            | Action::ChooseWatchFolder(_)
            | Action::WatchFolderChosen { .. }
            | Action::CloseWatchDialog
            | Action::CloseScheduleFileDialog
            | Action::StartNotes(_)
            | Action::OpenJournal(_)
            | Action::ChooseJournal
            | Action::Failed(_) => false,
        }
    }
}
