//! Every desktop file dialog of the window, run on its own thread (a dialog would hold up the
//! window) by one helper: what is asked (photos, a schedule, a folder, a journal) decides the
//! dialog's title and filter, and what the user chose comes back as an [`Action`] at the next
//! frame. Showing a folder in the file manager goes the same way.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::app::SCHEDULE_EXTENSIONS;
use crate::app::{Action, DialogPurpose, Message, file_dialog_available, open_folder};
use crate::model::{EntryId, PostLanguage, TripId};
use crate::photos::PHOTO_EXTENSIONS;

/// What a file dialog is to choose.
pub(super) enum Request {
    /// Photos for an entry of a trip (or its unassigned photos).
    Photos {
        trip: TripId,
        entry: Option<EntryId>,
    },
    /// A schedule file to import into a trip (`None`: to make a trip of).
    Schedule(Option<TripId>),
    ExportFolder,
    WatchFolder(TripId),
    /// A journal file to open (or create).
    Journal,
}

impl Request {
    fn purpose(&self) -> DialogPurpose {
        match self {
            Request::Photos { .. } => DialogPurpose::Photos,
            Request::Schedule(_) => DialogPurpose::Schedule,
            Request::ExportFolder => DialogPurpose::ExportFolder,
            Request::WatchFolder(_) => DialogPurpose::WatchFolder,
            Request::Journal => DialogPurpose::Journal,
        }
    }

    /// Shows the dialog (blocking: on the dialog's own thread) titled in the window's
    /// `language`, and says what was chosen.
    fn run(self, language: PostLanguage) -> Option<Action> {
        let l = language;
        let dialog = rfd::FileDialog::new();
        match self {
            Request::Photos { trip, entry } => {
                let files = (dialog.set_title(t!(l, "file-dialog-photos-title")))
                    .add_filter(t!(l, "file-dialog-photos"), &PHOTO_EXTENSIONS)
                    .pick_files()?;
                Some(Action::PhotosChosen { trip, entry, files })
            }
            Request::Schedule(trip) => {
                let title = match trip {
                    Some(_) => t!(l, "schedule-file-import-title"),
                    None => t!(l, "schedule-file-new-title"),
                };
                let file = (dialog.set_title(title))
                    .add_filter(t!(l, "file-dialog-schedules"), &SCHEDULE_EXTENSIONS)
                    .pick_file()?;
                Some(Action::ScheduleChosen { trip, file })
            }
            Request::ExportFolder => {
                let folder = (dialog.set_title(t!(l, "file-dialog-export-title"))).pick_folder()?;
                Some(Action::ExportFolderChosen(folder))
            }
            Request::WatchFolder(trip) => {
                let folder = (dialog.set_title(t!(l, "watch-title"))).pick_folder()?;
                Some(Action::WatchFolderChosen { trip, folder })
            }
            Request::Journal => {
                let path = (dialog.set_title(t!(l, "file-dialog-journal-title")))
                    .add_filter(t!(l, "file-dialog-journal"), &["sqlite", "db"])
                    .save_file()?;
                Some(Action::OpenJournal(path))
            }
        }
    }
}

/// Runs the dialogs and hands back their answers.
pub(super) struct FileDialogs {
    answers: (Sender<Action>, Receiver<Action>),
    /// The desktop can show file dialogs (on Linux: a portal on a session bus).
    available: bool,
    ctx: egui::Context,
}

impl FileDialogs {
    pub(super) fn new(ctx: egui::Context) -> Self {
        FileDialogs {
            answers: channel(),
            available: file_dialog_available(),
            ctx,
        }
    }

    /// Shows the dialog for `request` on its own thread; where there is no dialog (no desktop
    /// portal), says so instead.
    pub(super) fn ask(&self, request: Request) -> Result<(), Message> {
        if !self.available {
            return Err(Message::NoFileDialog(request.purpose()));
        }
        let language = super::super::i18n::language(&self.ctx);
        self.off_the_window(move || request.run(language));
        Ok(())
    }

    /// Whether the desktop can show file dialogs here.
    pub(super) fn available(&self) -> bool {
        self.available
    }

    /// Behaves as on a desktop without file dialogs (tests of the window's own path fields).
    pub(super) fn assume_none(&mut self) {
        self.available = false;
    }

    /// Shows `folder` in the file manager; a failure comes back as a message.
    pub(super) fn open_folder(&self, folder: PathBuf) {
        self.off_the_window(move || {
            open_folder(&folder)
                .err()
                .map(|error| Action::Failed(Message::FolderNotOpened(error.into())))
        });
    }

    /// The answers that arrived since the last frame.
    pub(super) fn answers(&self) -> Vec<Action> {
        self.answers.1.try_iter().collect()
    }

    fn off_the_window(&self, work: impl FnOnce() -> Option<Action> + Send + 'static) {
        let sender = self.answers.0.clone();
        let ctx = self.ctx.clone();
        std::thread::spawn(move || {
            if let Some(answer) = work() {
                let _ = sender.send(answer);
            }
            ctx.request_repaint();
        });
    }
}
