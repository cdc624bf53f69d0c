//! The desktop window (egui/eframe). This is the only part of tripjournal that names egui.
//!
//! [`TripJournalApp`] (`window/`) draws the workspace ([`crate::app::Workspace`]: the open trip,
//! the edit session, the jobs, the messages), hands what the user asks for to it as
//! [`crate::app::Action`]s and sends its commands to the journal thread; it never waits on
//! the disk or on decoding. Each panel or dialog has its own file and is a struct with its
//! own state and a `show` that draws from read-only data and returns actions. The panels: the
//! trips side panel, the timeline with the food board and the conference schedule
//! (`schedule_view`), the entry editor, the photo strip, tray and viewer, the export dialog,
//! the trip dialog and help. `commands.rs` is the table of every command with its label and
//! keys; `wording.rs` turns what the library and the workspace report into the window's words.

#[macro_use]
mod i18n;
mod clock_dialog;
mod commands;
mod damage_banner;
mod editor;
mod export_dialog;
mod focus_ring;
mod fonts;
mod food_board;
mod help;
mod photos;
mod plan_panel;
mod plan_view;
mod schedule_file_dialog;
mod schedule_grid;
mod schedule_view;
mod stars;
mod theme;
mod timeline;
mod trip_dialog;
mod trips_panel;
mod watch_dialog;
mod window;
mod wording;

pub use timeline::TimelineView;
pub use window::TripJournalApp;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

/// Why the window could not run.
#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    #[error("cannot watch for termination signals: {0}")]
    Signals(std::io::Error),
    #[error("cannot start the signal thread: {0}")]
    SignalThread(std::io::Error),
    #[error("cannot open the window: {0}")]
    Window(#[from] eframe::Error),
}

/// Opens the window on the journal at `journal`. Returns when the window is closed.
///
/// SIGTERM, SIGINT and SIGHUP (logout, `kill`, shutdown) close the window the way its close
/// button does, so pending edits are saved first; a second signal ends the program at once.
pub fn run(journal: PathBuf, opened: crate::app::OpenedFiles) -> Result<(), WindowError> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("tripjournal")
            .with_app_id(crate::APP_ID)
            .with_icon(window_icon())
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 600.0])
            .with_drag_and_drop(true),
        persistence_path: settings_file(),
        ..Default::default()
    };
    let quit = QuitSignal::default();
    let context_for_signals = Arc::new(OnceLock::<egui::Context>::new());
    watch_signals(&quit, &context_for_signals)?;
    eframe::run_native(
        "tripjournal",
        options,
        Box::new(move |cc| {
            let _ = context_for_signals.set(cc.egui_ctx.clone());
            let mut app = TripJournalApp::new(cc, journal);
            app.set_quit_signal(quit);
            app.open_files(opened.programmes, opened.refused);
            app.follow_system_language(crate::app::i18n::system_language());
            Ok(Box::new(app))
        }),
    )
    .map_err(WindowError::Window)
}

/// The window's remembered settings (`app.ron`: theme, size, last trip) in the private data
/// folder beside the default journal, created `0700` if missing. (Without this eframe would
/// name a folder after the app id, readable by others.)
fn settings_file() -> Option<PathBuf> {
    let folder = crate::cli::default_journal_path()
        .ok()?
        .parent()?
        .to_path_buf();
    crate::store::private::create_private_folder(&folder).ok()?;
    Some(folder.join("app.ron"))
}

/// The app's icon for the window (the 128 px rendering of `assets/icons/tripjournal.svg`).
fn window_icon() -> egui::IconData {
    let png = include_bytes!(
        "../../assets/icons/hicolor/128x128/apps/io.github.tripjournal.TripJournal.png"
    );
    // The PNG is part of the program, so decoding it can only fail if the build is broken;
    // the window then shows the system's generic icon rather than not opening.
    eframe::icon_data::from_png_bytes(png).unwrap_or_default()
}

/// Set when the system asked the program to end; the app then closes its window.
#[derive(Clone, Default)]
pub struct QuitSignal(Arc<AtomicBool>);

impl QuitSignal {
    /// Whether a quit was asked for.
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }

    /// Asks for a quit (what a signal does; tests call it directly).
    pub fn set(&self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Starts a thread that turns termination signals into a quit request and wakes the window.
#[cfg(unix)]
fn watch_signals(
    quit: &QuitSignal,
    context: &Arc<OnceLock<egui::Context>>,
) -> Result<(), WindowError> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])
        .map_err(WindowError::Signals)?;
    let quit = quit.clone();
    let context = Arc::clone(context);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if quit.is_set() {
                    // Asked twice: the user means it.
                    std::process::exit(128 + signal);
                }
                quit.set();
                if let Some(ctx) = context.get() {
                    ctx.request_repaint();
                }
            }
        })
        .map_err(WindowError::SignalThread)?;
    Ok(())
}

/// Other systems deliver their close requests to the window itself.
#[cfg(not(unix))]
fn watch_signals(
    _quit: &QuitSignal,
    _context: &Arc<OnceLock<egui::Context>>,
) -> Result<(), WindowError> {
    Ok(())
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

/// A dialog window: centred on the window when it opens (not over the title in a corner),
/// kept inside it, never folded away.
/// Its id is its title's (tests find its area by it).
pub(crate) fn dialog<'open>(title: &str, ctx: &egui::Context) -> egui::Window<'open> {
    egui::Window::new(title.to_string())
        .id(egui::Id::unique(title))
        .collapsible(false)
        .pivot(egui::Align2::CENTER_CENTER)
        .default_pos(ctx.content_rect().center())
}

/// A labelled one-line field for a path, `width` wide; the cursor goes into it when `focus`
/// is set (once). Returns whether Enter was pressed in it.
pub(crate) fn path_field(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    width: f32,
    focus: &mut bool,
) -> bool {
    let label = ui.label(label);
    let field = ui
        .add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(label.id);
    if std::mem::take(focus) {
        field.request_focus();
    }
    field.lost_focus() && ui.input(|input| commands::was_pressed(input, commands::Cmd::Confirm))
}

/// "GO" (on while the path field holds a path) and Cancel; returns which was clicked:
/// `Some(true)` for GO, `Some(false)` for Cancel.
pub(crate) fn go_or_cancel(ui: &mut egui::Ui, go: &str, path: &str) -> Option<bool> {
    ui.horizontal(|ui| {
        let typed = crate::app::typed_path(path).is_some();
        if ui.add_enabled(typed, egui::Button::new(go)).clicked() {
            Some(true)
        } else {
            ui.button(t!(ui.ctx(), "dialog-cancel"))
                .clicked()
                .then_some(false)
        }
    })
    .inner
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_is_the_apps_128_px_icon() {
        let icon = super::window_icon();
        assert_eq!((icon.width, icon.height), (128, 128));
        // Not a blank square: the tile's corners are see-through, its middle is not.
        let alpha = |x: u32, y: u32| icon.rgba[((y * 128 + x) * 4 + 3) as usize];
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(64, 64), 255);
    }
}
