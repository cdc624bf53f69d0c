//! The window: the workspace ([`crate::app::Workspace`]) with the journal thread behind it,
//! and the panels and dialogs that draw it. Each frame reads like its table of contents in
//! [`TripJournalApp::ui`]: events in, keys, the chrome (toolbar, banners, status bar), the
//! side panels, the central view, the dialogs. Panels return [`Action`]s and
//! [`TripJournalApp::apply`] carries them out in one place: the window closes what an action
//! ends, the workspace does the rest and hands back what is the window's (a dialog to open).
//!
//! `chrome` draws the toolbar, status bar, banners and the welcome and error views; `input`
//! turns keys, held typing, drops and pastes into actions; `file_dialogs` runs every desktop
//! file dialog on its own thread; `windows` draws the dialogs and the photo viewer.

mod chrome;
mod file_dialogs;
mod input;
mod reminder_bar;
mod windows;

use std::path::PathBuf;

use crate::model::PostLanguage;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::editor::EntryEditor;
use super::help::HelpWindow;
use super::photos::{TextureCache, Thumbnails};
use super::schedule_file_dialog::ScheduleFileDialog;
use super::timeline::Timeline;
use super::trip_dialog::TripDialog;
use super::trips_panel::TripsPanel;
use super::wording;
use crate::app::{
    Action, Backend, ImportFailure, JobKind, OpenTrip, PastedImage, ThumbnailPool, TripWatch,
    Workspace,
};
use crate::model::{EntryId, PhotoId, Trip, TripId};
use crate::store::ReadOnlyReason;
use file_dialogs::FileDialogs;
use windows::Windows;

/// What is remembered between runs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Settings {
    last_trip: Option<i64>,
    dark: Option<bool>,
    /// The window's language chosen in the 🌐 menu ("en", "zh", "de"); none: the system's.
    #[serde(default)]
    language: Option<String>,
    #[serde(default)] // Minutes before a starred talk its reminder shows (0: none).
    reminder_minutes: Option<u32>,
}

/// Below this width (points) the trips list hides while the editor is open.
const NARROW_WINDOW: f32 = 1100.0;

/// The whole app.
pub struct TripJournalApp {
    workspace: Workspace,
    backend: Option<Backend>,
    thumbnails: Option<ThumbnailPool>,
    textures: TextureCache,
    trips_panel: TripsPanel,
    timeline: Timeline,
    editor: EntryEditor,
    help: HelpWindow,
    /// The dialogs and the photo viewer, when open.
    windows: Windows,
    file_dialogs: FileDialogs,
    /// The journal path typed in the view shown when the journal could not be opened.
    typed_journal_path: String,
    dark: bool,
    /// Whether a text field had the focus when the last frame ended (egui drops the focus on
    /// Esc before the frame's code runs; that Esc only leaves the field).
    text_field_focused: bool,
    /// Set by a termination signal: the window closes (saving) at the next frame.
    quit: super::QuitSignal,
    focus_ring: super::focus_ring::FocusRing,
    /// The language chosen in the window (`None`: the system's, `system_language`).
    language: Option<PostLanguage>,
    system_language: PostLanguage,
    reminder_bar: reminder_bar::ReminderBar,
    egui_ctx: egui::Context,
}

impl TripJournalApp {
    /// The app on the journal at `journal` (created if missing).
    pub fn new(cc: &eframe::CreationContext<'_>, journal: PathBuf) -> Self {
        super::fonts::install(&cc.egui_ctx);
        let settings: Settings = cc
            .storage
            .and_then(|storage| eframe::get_value(storage, eframe::APP_KEY))
            .unwrap_or_default();
        let mut app = Self::start(cc.egui_ctx.clone(), journal, settings.last_trip.map(TripId));
        if let Some(dark) = settings.dark {
            app.dark = dark;
        }
        app.apply_theme();
        let chosen = settings.language.and_then(|code| code.parse().ok());
        app.set_language(chosen);
        reminder_bar::restore_minutes(&cc.egui_ctx, settings.reminder_minutes);
        app
    }

    /// The language the system asks for, used while none is chosen in the window (the
    /// program passes it; tests leave the window English).
    pub fn follow_system_language(&mut self, language: PostLanguage) {
        self.system_language = language;
        self.set_language(self.language);
    }

    /// Chooses the window's language (`None`: the system's); the words change from the next
    /// frame, without a restart, and the choice is remembered.
    pub fn set_language(&mut self, choice: Option<PostLanguage>) {
        self.language = choice;
        super::i18n::set_language(&self.egui_ctx, choice.unwrap_or(self.system_language));
    }

    /// The app without eframe's creation context (fonts must be installed by the caller).
    pub fn with_context(ctx: egui::Context, journal: PathBuf) -> Self {
        Self::start(ctx, journal, None)
    }

    fn start(ctx: egui::Context, journal: PathBuf, last_trip: Option<TripId>) -> Self {
        super::theme::install(&ctx);
        let wake_ctx = ctx.clone();
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(move || wake_ctx.request_repaint());
        let mut app = TripJournalApp {
            workspace: Workspace::new(journal.clone(), last_trip, wake),
            backend: None,
            thumbnails: None,
            textures: TextureCache::default(),
            trips_panel: TripsPanel,
            timeline: Timeline::default(),
            editor: EntryEditor::default(),
            help: HelpWindow::default(),
            windows: Windows::default(),
            file_dialogs: FileDialogs::new(ctx.clone()),
            typed_journal_path: journal.display().to_string(),
            dark: ctx.theme() == egui::Theme::Dark,
            text_field_focused: false,
            quit: super::QuitSignal::default(),
            focus_ring: super::focus_ring::FocusRing::default(),
            language: None,
            system_language: PostLanguage::English,
            reminder_bar: reminder_bar::ReminderBar::default(),
            egui_ctx: ctx,
        };
        app.start_journal_thread();
        app
    }

    /// Opens (or switches to) a journal file; on failure the window shows why.
    pub fn open_journal(&mut self, journal: PathBuf) {
        self.backend = None;
        self.thumbnails = None;
        self.textures = TextureCache::default();
        self.windows = Windows::default();
        self.workspace.reopen(journal);
        self.start_journal_thread();
    }

    /// The journal thread opens the file; the trips arrive once it is open, and the thumbnail
    /// pool starts then, after any migration.
    fn start_journal_thread(&mut self) {
        let ctx = self.egui_ctx.clone();
        let path = self.workspace.journal_path().to_path_buf();
        self.backend = Some(Backend::start(path, move || ctx.request_repaint()));
        self.send_commands();
    }

    /// Files given on the command line: each programme is offered in turn (as a new trip or an
    /// import into the open trip) once the trips are loaded; each refused file gets its reason.
    pub fn open_files(
        &mut self,
        programmes: Vec<PathBuf>,
        refused: Vec<(PathBuf, crate::app::OpenedFileProblem)>,
    ) {
        for (file, problem) in refused {
            self.workspace
                .notify(crate::app::Message::FileNotOpened { file, problem });
        }
        self.windows.offered_programmes.extend(programmes);
    }

    /// Uses `quit` to learn that the system asked the program to end.
    pub fn set_quit_signal(&mut self, quit: super::QuitSignal) {
        self.quit = quit;
    }

    /// The workspace behind the window (for tests).
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// The photo in the viewer, if it is open.
    pub fn viewed_photo(&self) -> Option<PhotoId> {
        self.windows.viewed_photo()
    }

    /// Whether the help window, the export dialog or the trip dialog is open.
    pub fn windows_open(&self) -> (bool, bool, bool) {
        let (export, trip) = self.windows.export_and_trip_open();
        (self.help.is_open(), export, trip)
    }

    /// The open trip, if any.
    pub fn current_trip(&self) -> Option<&OpenTrip> {
        self.workspace.current()
    }

    /// The trips in the side panel.
    pub fn trips(&self) -> &[Trip] {
        self.workspace.trips()
    }

    /// Where the ring around the widget that has the keyboard was drawn in the last frame
    /// (none until Tab moved the focus).
    pub fn focus_ring(&self) -> Option<egui::Rect> {
        self.focus_ring.drawn()
    }

    /// The entry in the editor.
    pub fn selected_entry(&self) -> Option<EntryId> {
        self.workspace.selected_entry()
    }

    /// The trip's watched folder as running now, if it has one.
    pub fn watch_of(&self, trip: TripId) -> Option<&TripWatch> {
        self.workspace.watch_of(trip)
    }

    /// Messages currently shown to the user, as worded in the status bar.
    pub fn notices(&self) -> Vec<String> {
        let language = super::i18n::language(&self.egui_ctx);
        let notices = self.workspace.notices().iter();
        notices
            .map(|n| wording::message(&n.message, language))
            .collect()
    }

    /// Why the journal cannot be edited, when it was opened read-only.
    pub fn read_only(&self) -> Option<ReadOnlyReason> {
        self.workspace.read_only()
    }

    /// Whether the journal's trips have been read (the first view is ready).
    pub fn trips_loaded(&self) -> bool {
        self.workspace.trips_loaded()
    }

    /// Behaves as on a desktop without file dialogs (no portal): the window's own path
    /// fields are used instead.
    pub fn assume_no_file_dialog(&mut self) {
        self.file_dialogs.assume_none();
    }

    /// Removes the messages shown in the status bar.
    pub fn clear_notices(&mut self) {
        self.workspace.clear_notices();
    }

    /// Whether a photo import is running.
    pub fn importing(&self) -> bool {
        self.import_progress().is_some()
    }

    /// Photos done and in all of the running import, if one is running.
    pub fn import_progress(&self) -> Option<(usize, usize)> {
        self.workspace.job(JobKind::Import)
    }

    /// The export dialog's preview for its current options, once the journal thread sent it.
    pub fn export_preview(&self) -> Option<&str> {
        self.windows.export_preview_text(&self.workspace)
    }

    /// How many photo textures are resident.
    pub fn resident_textures(&self) -> usize {
        self.textures.resident()
    }

    /// Whether a thumbnail is on screen as a texture (for tests).
    pub fn has_thumbnail(&self, photo: PhotoId) -> bool {
        self.textures.has_thumbnail(photo)
    }

    /// Whether edits are waiting to be saved.
    pub fn has_unsaved_edits(&self) -> bool {
        self.workspace.session().has_pending()
    }

    /// Imports photos into the selected entry, or the trip's unassigned photos (what the file
    /// dialog does; tests call it).
    pub fn import_paths(&mut self, files: Vec<PathBuf>) {
        let entry = self.workspace.selected_entry();
        self.apply(Action::ImportPhotos { entry, files });
    }

    /// Imports a pasted image into the selected entry or the unassigned photos.
    pub fn paste_image(&mut self, image: &egui::ColorImage) {
        self.apply(Action::PastePhoto(pasted(image)));
    }

    /// Carries out what the user asked for: the one place panels' wishes change the app.
    fn apply(&mut self, action: Action) {
        // The change shows in the next frame; ask for it now rather than at the next input.
        self.egui_ctx.request_repaint();
        self.close_what_it_ends(&action);
        let captures = matches!(action, Action::QuickCapture(_));
        if let Some(mine) = self.workspace.apply(action) {
            self.carry_out(mine);
        }
        if captures && self.workspace.holds_typing() {
            // Typing goes to the new entry's title, not the field that had the focus.
            self.egui_ctx.memory_mut(|memory| memory.stop_text_input());
        }
        self.send_commands();
    }

    fn apply_all(&mut self, actions: impl IntoIterator<Item = Action>) {
        for action in actions {
            self.apply(action);
        }
    }

    /// Closes the dialog or viewer an action ends, before the workspace applies it.
    fn close_what_it_ends(&mut self, action: &Action) {
        match action {
            Action::OpenTrip(_) => self.windows.viewer = None,
            Action::DeletePhoto(id) => self.windows.close_viewer_on(*id),
            Action::CreateTrip(_) | Action::SaveTrip(..) | Action::PickSchedule(None) => {
                self.windows.trip = None;
            }
            Action::DeleteTrip(_) => self.windows.confirm_delete_trip = None,
            Action::DeleteEntry(_) => self.windows.confirm_delete_entry = None,
            _ => {}
        }
    }

    /// The part of an action that is the window's: dialogs, the viewer, help, the theme, the
    /// desktop's file dialogs.
    fn carry_out(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => self.help.toggle(),
            Action::ToggleTheme => {
                self.dark = !self.dark;
                self.apply_theme();
            }
            Action::FindInTrip => self.timeline.focus_search(),
            Action::CloseTopmost => self.close_topmost_window(),
            Action::PickPhotos => {
                let trip = self.workspace.current().map(|open| open.trip.id);
                if let Some(trip) = trip {
                    let entry = self.workspace.selected_entry();
                    self.ask_file(file_dialogs::Request::Photos { trip, entry });
                }
            }
            Action::PickSchedule(trip) if !self.file_dialogs.available() => {
                self.windows.schedule_file = Some(ScheduleFileDialog::new(trip));
            }
            Action::PickSchedule(trip) => self.ask_file(file_dialogs::Request::Schedule(trip)),
            Action::ChooseExportFolder => self.ask_file(file_dialogs::Request::ExportFolder),
            Action::ChooseWatchFolder(trip) => {
                self.ask_file(file_dialogs::Request::WatchFolder(trip));
            }
            Action::ChooseJournal => self.ask_file(file_dialogs::Request::Journal),
            Action::OpenFolder(folder) => self.file_dialogs.open_folder(folder),
            Action::OpenJournal(path) => {
                self.typed_journal_path = path.display().to_string();
                self.open_journal(path);
            }
            other => self.windows.open_or_close(other, &self.workspace),
        }
    }

    /// Shows a desktop file dialog, or says in the status bar that there is none.
    fn ask_file(&mut self, request: file_dialogs::Request) {
        if let Err(message) = self.file_dialogs.ask(request) {
            self.workspace.notify(message);
        }
    }

    /// Esc: the photo viewer, else a dialog, else help, else the editor.
    fn close_topmost_window(&mut self) {
        let exporting = self.workspace.job(JobKind::Export).is_some();
        if let Some(viewer) = &mut self.windows.viewer {
            let actions = viewer.close();
            self.apply_all(actions);
        } else if self.windows.close_dialog(exporting) {
            // That was the topmost.
        } else if self.help.is_open() {
            self.help.toggle();
        } else if self.workspace.selected_entry().is_some() {
            self.apply(Action::CloseEditor);
        }
    }

    /// Sends what the workspace asked of the journal thread.
    fn send_commands(&mut self) {
        let commands = self.workspace.take_commands();
        if let Some(backend) = &self.backend {
            for command in commands {
                backend.send(command);
            }
        }
    }

    /// Takes in everything the journal thread, the thumbnail pool and the file dialogs sent
    /// since the last frame.
    fn poll(&mut self) {
        while let Some(event) = self.backend.as_ref().and_then(Backend::try_event) {
            self.workspace.handle_event(event);
        }
        if let Some(question) = self.workspace.take_zone_question() {
            self.windows.trip = Some(TripDialog::confirm_zone(&question));
        }
        if self.workspace.open_error().is_some() {
            self.backend = None;
            self.thumbnails = None;
        } else if self.workspace.is_open() && self.thumbnails.is_none() {
            let ctx = self.egui_ctx.clone();
            let path = self.workspace.journal_path();
            let wake = Arc::new(move || ctx.request_repaint());
            self.thumbnails = Some(ThumbnailPool::start(path, 2, wake));
        }
        if let Some(pool) = &self.thumbnails {
            while let Some(result) = pool.try_result() {
                match result {
                    Ok(image) => self.textures.insert(&self.egui_ctx, image),
                    Err((photo, error)) => self.textures.failed(photo, error.to_string()),
                }
            }
        }
        let answers = self.file_dialogs.answers();
        self.apply_all(answers);
        self.workspace.tick(Instant::now());
        self.send_commands();
    }

    fn apply_theme(&self) {
        self.egui_ctx.set_theme(if self.dark {
            egui::Theme::Dark
        } else {
            egui::Theme::Light
        });
    }

    /// The trips list (which steps aside in a narrow window while an entry is open) and the
    /// entry editor.
    fn side_panels(&mut self, ui: &mut egui::Ui) {
        let narrow = ui.available_width() < NARROW_WINDOW;
        let selected = self.workspace.selected_entry();
        let editable = self.workspace.editable();
        let mut actions = Vec::new();
        if !(narrow && selected.is_some()) {
            let mut thumbnails = Thumbnails {
                cache: &mut self.textures,
                pool: self.thumbnails.as_ref(),
            };
            let trips = self.workspace.trips();
            let current = self.workspace.current().map(|o| &o.trip);
            actions.extend(
                self.trips_panel
                    .show(ui, trips, current, editable, &mut thumbnails),
            );
        }
        if let Some(focus) = self.workspace.take_focus_request() {
            self.editor.request_focus(focus);
        }
        if let (Some(open), Some(id)) = (self.workspace.current(), selected) {
            let mut thumbnails = Thumbnails {
                cache: &mut self.textures,
                pool: self.thumbnails.as_ref(),
            };
            actions.extend(self.editor.show(ui, open, id, editable, &mut thumbnails));
        }
        self.apply_all(actions);
    }

    /// The timeline of the open trip, or the welcome view, or what to do next.
    fn central_view(&mut self, ui: &mut egui::Ui) {
        let mut actions = Vec::new();
        egui::CentralPanel::default_margins().show(ui, |ui| {
            let editable = self.workspace.editable();
            let selected = self.workspace.selected_entry();
            if let Some(open) = self.workspace.current() {
                let mut thumbnails = Thumbnails {
                    cache: &mut self.textures,
                    pool: self.thumbnails.as_ref(),
                };
                let shown = self
                    .timeline
                    .show(ui, open, selected, editable, &mut thumbnails);
                actions = shown;
            } else if self.workspace.trips_loaded() && self.workspace.trips().is_empty() {
                actions.extend(chrome::welcome_view(ui, editable));
            } else if self.workspace.trips_loaded() {
                ui.centered_and_justified(|ui| ui.label(t!(ui.ctx(), "trips-choose")));
            } else {
                ui.centered_and_justified(|ui| ui.spinner());
            }
        });
        self.apply_all(actions);
    }
}

/// A pasted image as the workspace takes it.
fn pasted(image: &egui::ColorImage) -> PastedImage {
    let [width, height] = image.size;
    PastedImage {
        width: width as u32,
        height: height as u32,
        rgba: image
            .pixels
            .iter()
            .flat_map(|p| p.to_srgba_unmultiplied())
            .collect(),
    }
}

/// The failures listed under the status bar, as lines.
fn failure_lines(failures: &[ImportFailure]) -> Vec<String> {
    failures
        .iter()
        .map(|failure| {
            let name = failure.file.file_name().map_or_else(
                || failure.file.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            format!("{name}: {}", failure.reason)
        })
        .collect()
}

impl eframe::App for TripJournalApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.quit.is_set() {
            // Closing runs `save` and `on_exit`, which store every pending edit.
            self.workspace.save_dirty(true);
            self.send_commands();
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.poll();
        self.focus_ring.watch_input(&ctx);
        self.keys(&ctx);
        if self.workspace.busy() {
            ctx.request_repaint_after(Duration::from_millis(250));
        }
        if self.workspace.open_error().is_some() {
            self.journal_error_view(ui);
            return;
        }
        self.read_only_banner(ui);
        self.top_bar(ui);
        self.reminder_bar.update(ui, self.workspace.current());
        self.damage_banner(ui);
        self.status_bar(ui);
        self.side_panels(ui);
        self.central_view(ui);
        self.dialogs(&ctx);
        self.help.show(&ctx);
        self.focus_ring.draw(&ctx);
        self.end_frame(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let settings = Settings {
            last_trip: self.workspace.last_trip().map(|trip| trip.0),
            dark: Some(self.dark),
            language: self.language.map(|language| language.code().to_string()),
            reminder_minutes: Some(super::plan_panel::reminder_minutes(&self.egui_ctx)),
        };
        eframe::set_value(storage, eframe::APP_KEY, &settings);
        self.workspace.save_dirty(true);
        self.send_commands();
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.workspace.save_dirty(true);
        self.send_commands();
        if let Some(backend) = &self.backend {
            backend.flush_blocking(Duration::from_secs(5));
        }
    }
}

impl TripJournalApp {
    /// After drawing: textures not drawn this frame may go, and the focus is noted for Esc.
    fn end_frame(&mut self, ctx: &egui::Context) {
        self.textures.end_frame();
        self.text_field_focused = ctx.text_edit_focused();
        if ctx.input(|i| i.pointer.any_released() || !i.events.is_empty()) {
            // State changed by this frame's input is drawn in the next frame.
            ctx.request_repaint();
        }
    }
}
