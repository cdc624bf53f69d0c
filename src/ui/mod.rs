//! The desktop window (egui/eframe). This is the only part of tripjournal that names egui.
//!
//! [`TripJournalApp`] keeps the open trip in memory, draws it, and sends every change to the
//! journal thread ([`crate::app::Backend`]); it never waits on the disk or on decoding. The
//! bookkeeping of edits (saving, merging, undo) is [`crate::app::EditSession`]. Each panel or
//! dialog has its own file and is a struct with its own state and a `show` that draws from
//! read-only data and returns `Action`s (`action.rs`); `app.rs` applies them in one place. The
//! panels: the trips side panel, the timeline with the food board, the entry editor, the photo
//! strip, tray and viewer, the export dialog, the trip dialog and help. `wording.rs` turns the
//! library's errors into the window's messages.

mod action;
mod app;
mod editor;
mod export_dialog;
mod fonts;
mod food_board;
mod help;
mod photos;
mod stars;
mod timeline;
mod trip_dialog;
mod trips_panel;
mod wording;

pub use app::{TimelineView, TripJournalApp};

use std::path::PathBuf;

/// Opens the window on the journal at `journal`. Returns when the window is closed.
pub fn run(journal: PathBuf) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("tripjournal")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([720.0, 480.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "tripjournal",
        options,
        Box::new(move |cc| Ok(Box::new(TripJournalApp::new(cc, journal)))),
    )
    .map_err(|error| format!("cannot open the window: {error}"))
}

/// A 200-point progress bar reading "done / total" followed by `unit` (e.g. " images").
pub(crate) fn progress_bar(ui: &mut egui::Ui, done: usize, total: usize, unit: &str) {
    let fraction = if total == 0 {
        0.0
    } else {
        done as f32 / total as f32
    };
    ui.add(
        egui::ProgressBar::new(fraction)
            .desired_width(200.0)
            .text(format!("{done} / {total}{unit}")),
    );
}
