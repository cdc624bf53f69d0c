//! What the window tells the user in its status bar, as values: the workspace and the window
//! say *what* happened (a trip created, an import's counts, a failed save with its error) and
//! the window's wording module turns each into words, in one place, so they can be translated
//! and tests can look at what was said without matching text.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;

use super::{CaptureDay, ImportCounts, JournalError};
use crate::export::{ExportError, ExportReport};
use crate::store::{ReadOnlyReason, ScheduleImport, ShiftReport, StoreError};

/// Which file or folder a desktop dialog was to choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DialogPurpose {
    Photos,
    Schedule,
    ExportFolder,
    WatchFolder,
    Journal,
}

/// Why a folder did not open in the system's file manager.
#[derive(Debug)]
pub enum OpenFolderError {
    /// The opener (`xdg-open`, `open`, `explorer`) could not be started.
    NoOpener {
        program: &'static str,
        error: std::io::Error,
    },
    /// The opener ran and said it could not open the folder (no file manager).
    NotOpened(PathBuf),
}

/// One thing the status bar says.
#[derive(Debug, Clone)]
pub enum Message {
    /// A change was asked of a journal opened read-only.
    EditingOff(ReadOnlyReason),
    /// Quick capture with no trip open.
    NoTripOpen,
    /// Photos added with no trip open.
    NoTripForPhotos,
    /// An image pasted with no trip open.
    NoTripForPaste,
    /// A quick capture was not stamped now but put on this day of the trip.
    CaptureMoved { day: NaiveDate, why: CaptureDay },
    /// An entry was deleted with its photos (there is no undo for that).
    DeletedWithPhotos,
    /// The camera-clock dialog was asked for a photo that names no camera.
    NoCameraModel,
    /// Unreadable rows were set aside.
    SetAside(usize),
    /// A trip was created (its name).
    TripCreated(String),
    /// A camera clock was corrected.
    ClockShifted {
        by: chrono::Duration,
        report: ShiftReport,
    },
    /// A command of the journal thread failed.
    Journal(Arc<JournalError>),
    /// An edit did not reach the journal; `retry` says whether it is tried again.
    SaveFailed { error: Arc<StoreError>, retry: bool },
    /// A photo import ended.
    PhotosImported(ImportCounts),
    /// A schedule was imported; `skipped` events could not be read.
    ScheduleImported {
        summary: ScheduleImport,
        skipped: usize,
    },
    /// An export was written.
    Exported(Box<ExportReport>),
    /// An export failed.
    ExportFailed(Arc<ExportError>),
    /// Ctrl+S: everything is saved.
    Saved,
    /// A watched folder could not be started.
    CannotWatch(Arc<std::io::Error>),
    /// There is no desktop file dialog here (no portal).
    NoFileDialog(DialogPurpose),
    /// A folder did not open in the file manager.
    FolderNotOpened(Arc<OpenFolderError>),
    /// The plan's calendar was written: how many talks, and where.
    PlanExported {
        talks: usize,
        file: std::path::PathBuf,
    },
    /// The plan's calendar could not be written.
    PlanNotExported(Arc<crate::schedule::PlanFileError>),
    /// A file given on the command line (opened from the file manager) was not opened.
    FileNotOpened {
        file: std::path::PathBuf,
        problem: super::OpenedFileProblem,
    },
}

impl Message {
    /// Whether it is an error (shown in red, for longer).
    pub fn is_error(&self) -> bool {
        match self {
            Message::PhotosImported(counts) => counts.failed > 0,
            Message::CaptureMoved { .. }
            | Message::DeletedWithPhotos
            | Message::SetAside(_)
            | Message::TripCreated(_)
            | Message::ClockShifted { .. }
            | Message::ScheduleImported { .. }
            | Message::Exported(_)
            | Message::PlanExported { .. }
            | Message::Saved => false,
            _ => true,
        }
    }

    /// Whether saying it again while `self` shows would only repeat it (a refused key held
    /// down, a save retried every few seconds).
    fn repeats(&self, shown: &Message) -> bool {
        match (self, shown) {
            (Message::EditingOff(a), Message::EditingOff(b)) => a == b,
            (
                Message::SaveFailed { error, retry },
                Message::SaveFailed {
                    error: shown_error,
                    retry: shown_retry,
                },
            ) => retry == shown_retry && error.to_string() == shown_error.to_string(),
            _ => false,
        }
    }
}

/// A message in the status bar until `until`.
#[derive(Debug, Clone)]
pub struct Notice {
    pub message: Message,
    pub until: Instant,
}

/// The messages in the status bar: the newest few, each for a while.
#[derive(Debug, Default)]
pub struct Notices {
    shown: Vec<Notice>,
}

impl Notices {
    /// At most this many show at once; the oldest goes first.
    const MOST: usize = 6;

    /// Shows `message` from `now` (errors 12 s, others 5 s), unless it would only repeat one
    /// that shows.
    pub fn push(&mut self, message: Message, now: Instant) {
        if self.shown.iter().any(|n| message.repeats(&n.message)) {
            return;
        }
        let seconds = if message.is_error() { 12 } else { 5 };
        self.shown.push(Notice {
            message,
            until: now + Duration::from_secs(seconds),
        });
        if self.shown.len() > Self::MOST {
            self.shown.remove(0);
        }
    }

    /// Drops the messages whose time is up at `now`.
    pub fn expire(&mut self, now: Instant) {
        self.shown.retain(|notice| notice.until > now);
    }

    /// The messages showing, oldest first.
    pub fn shown(&self) -> &[Notice] {
        &self.shown
    }

    pub fn clear(&mut self) {
        self.shown.clear();
    }
}
