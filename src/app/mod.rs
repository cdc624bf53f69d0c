//! The desktop app's work that is not drawing: a background thread that owns the journal and
//! answers commands (load, save, import, export), a pool that decodes thumbnails, and the edit
//! session (pending edits, saves in flight, merging with changes made elsewhere, undo and redo).
//!
//! The window sends [`Command`]s and polls [`Event`]s once per frame, so it never waits on the
//! disk, on decoding or on an export. Nothing here knows about the GUI toolkit; the UI in `src/ui` turns
//! events into pixels. Long jobs (imports, exports) run on their own threads with their own
//! journal connection, report progress as events and can be cancelled. Small rules of the
//! window live here too: when a quick-captured entry happened (`capture`) and which time zone
//! the computer is in (`local_zone`), and what the window shows of a conference programme: its
//! days and the talks of each, and the starred talk running now (`programme`); and which entries
//! photos would be offered to after a camera-clock shift (`shift_preview`), and the food
//! board's lines in their order (`food_board`), and the watched folders' threads and what they
//! reported (`watch`).

mod backend;
mod capture;
mod edit_session;
mod food_board;
mod local_zone;
mod programme;
mod shift_preview;
mod suggest;
mod thumbnails;
mod watch;

pub use backend::{Backend, Command, Event, ImportCounts, JournalError};
pub use capture::{CaptureDay, CaptureTime, capture_time, capture_time_at};
pub use edit_session::{
    EditSession, PhotoRestore, Restore, Revert, SAVE_DELAY, SAVE_RETRY_DELAY, Save, UndoStep,
};
pub use food_board::{FoodLine, FoodSort, food_lines};
pub use local_zone::system_zone;
pub use programme::{
    DayFilter, NowNext, TripSchedule, day_items, now_and_next, programme_days, programme_tracks,
    talk_matches,
};
pub use shift_preview::{ShiftPreview, preview_clock_shift};
pub use suggest::{suggest_entry_for_photo, suggestion_inputs, suggestions_by_entry};
pub use thumbnails::{DecodedImage, ThumbnailError, ThumbnailPool};
pub use watch::{TripWatch, Watches};
