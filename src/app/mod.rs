//! The desktop app's work that is not drawing: a background thread that owns the journal and
//! answers commands (load, save, import, export), a pool that decodes thumbnails, and the edit
//! session (pending edits, saves in flight, merging with changes made elsewhere, undo and redo).
//!
//! The window sends [`Command`]s and polls [`Event`]s once per frame, so it never waits on the
//! disk, on decoding or on an export. Nothing here knows about the GUI toolkit; the UI in `src/ui` turns
//! events into pixels. Long jobs (imports, exports) run on their own threads with their own
//! journal connection, report progress as events and can be cancelled. Small rules of the
//! window live here too: when a quick-captured entry happened (`capture`) and which time zone
//! the computer is in (`local_zone`), and what the window shows of a conference schedule: its
//! days and the talks of each, and the starred talk running now (`schedule`); and which entries
//! photos would be offered to after a camera-clock shift (`shift_preview`), and the food
//! board's lines in their order (`food_board`), a day's plan of starred talks with its gaps
//! and clashes (`day_plan`), and the watched folders' threads and what they
//! reported (`watch`).

mod action;
mod backend;
mod capture;
mod day_grid;
mod day_plan;
mod desktop;
mod edit_session;
mod food_board;
mod forms;
pub mod i18n;
mod jobs;
mod local_zone;
mod notice;
mod notifications;
mod opened_files;
mod reminders;
mod shift_preview;
mod suggest;
mod thumbnails;
mod trip_schedule;
mod watch;
mod workspace;

pub use action::{Action, PastedImage};
pub use backend::{Backend, Command, Event, JournalError};
pub use capture::{CaptureDay, CaptureTime, capture_time, capture_time_at};
pub use day_grid::{DayGrid, GridCell, MIN_CELL_MINUTES, rows_started_by};
pub use day_plan::{PlanLine, day_plan};
pub use desktop::{file_dialog_available, open_folder};
#[cfg(test)]
pub(crate) use edit_session::tests::entry as test_entry;
pub use edit_session::{
    EditSession, PhotoRestore, Restore, Revert, SAVE_DELAY, SAVE_RETRY_DELAY, Save, UndoStep,
};
pub use food_board::{FoodLine, FoodSort, food_lines};
pub use forms::{DateField, ExportForm, ExportFormError, TripForm, TripFormError, typed_path};
pub use jobs::{ImportCounts, JobKind, JobStartError};
pub use local_zone::system_zone;
pub use notice::{DialogPurpose, Message, Notice, OpenFolderError};
pub use notifications::{DesktopNotification, DesktopNotifier};
pub use opened_files::{
    OpenedFileProblem, OpenedFiles, SCHEDULE_EXTENSIONS, is_schedule_file, looks_like_a_command,
};
pub use reminders::{DEFAULT_REMINDER_MINUTES, Reminder, Reminders};
pub use shift_preview::{ShiftPreview, preview_clock_shift};
pub use suggest::{suggest_entry_for_photo, suggestion_inputs, suggestions_by_entry};
pub use thumbnails::{DecodedImage, ThumbnailError, ThumbnailPool};
pub use trip_schedule::{
    DayFilter, NowNext, TripSchedule, day_items, now_and_next, plan_file_for, schedule_days,
    schedule_tracks, talk_matches,
};
pub use watch::{TripWatch, WatchProblem, Watches};
pub use workspace::{
    CAPTURE_TYPING_LIMIT, EditorFocus, ExportPreview, ExportResult, ImportFailure, OpenTrip,
    Workspace, ZoneQuestion,
};
