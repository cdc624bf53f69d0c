//! "Watch a folder": the dialog that makes a trip watch a folder (typed, or chosen in the
//! desktop's folder dialog), the status-bar indicator of a running watch, and the question
//! about the photos already in a newly watched folder. Each returns what the user asked.

use crate::app::{Action, typed_path};
use crate::app::{TripWatch, WatchProblem};
use crate::model::TripId;

/// The open dialog: for which trip, and the folder as typed.
#[derive(Debug, Clone)]
pub struct WatchDialog {
    trip: TripId,
    folder: String,
    focus: bool,
}

impl WatchDialog {
    pub fn new(trip: TripId) -> Self {
        WatchDialog {
            trip,
            folder: String::new(),
            focus: true,
        }
    }

    /// The dialog's trip.
    pub fn trip(&self) -> TripId {
        self.trip
    }

    /// Puts a folder chosen in the desktop's dialog into the field.
    pub fn set_folder(&mut self, folder: &std::path::Path) {
        self.folder = folder.display().to_string();
    }

    /// Draws the dialog; returns what was asked (watching closes it).
    pub fn show(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let mut window_open = true;
        let mut actions = Vec::new();
        super::dialog(&t!(ctx, "watch-title"), ctx)
            .open(&mut window_open)
            .default_width(440.0)
            .show(ctx, |ui| {
                ui.label(t!(ctx, "watch-lead"));
                ui.horizontal(|ui| {
                    let label = t!(ctx, "watch-folder");
                    let entered =
                        super::path_field(ui, &label, &mut self.folder, 260.0, &mut self.focus);
                    if ui.button(t!(ctx, "journal-choose")).clicked() {
                        actions.push(Action::ChooseWatchFolder(self.trip));
                    }
                    if entered {
                        actions.extend(self.watch());
                    }
                });
                match super::go_or_cancel(ui, &t!(ctx, "watch-go"), &self.folder) {
                    Some(true) => actions.extend(self.watch()),
                    Some(false) => actions.push(Action::CloseWatchDialog),
                    None => {}
                }
            });
        if !window_open {
            actions.push(Action::CloseWatchDialog);
        }
        actions
    }

    fn watch(&self) -> Vec<Action> {
        typed_path(&self.folder).map_or_else(Vec::new, |folder| {
            vec![
                Action::SetWatch(self.trip, Some(folder)),
                Action::CloseWatchDialog,
            ]
        })
    }
}

/// The status bar's "Watching FOLDER · N new" with *Stop watching*, or why it cannot watch.
pub fn indicator(
    ui: &mut egui::Ui,
    trip: TripId,
    watch: &TripWatch,
    editable: bool,
) -> Option<Action> {
    let name = watch.folder_name();
    let text = match watch.arrived {
        0 => t!(ui.ctx(), "watch-watching", folder = name),
        count => t!(ui.ctx(), "watch-watching-new", folder = name, count = count),
    };
    ui.label(text)
        .on_hover_text(watch.folder().display().to_string());
    if let Some(problem) = &watch.problem {
        let problem = match problem {
            WatchProblem::FolderLost(error) => {
                t!(ui.ctx(), "watch-folder-lost", error = error.as_str())
            }
            WatchProblem::Stopped(None) => t!(ui.ctx(), "watch-stopped"),
            WatchProblem::Stopped(Some(error)) => {
                t!(ui.ctx(), "watch-stopped-by", error = error.as_str())
            }
        };
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
    let stop = ui.add_enabled(editable, egui::Button::new(t!(ui.ctx(), "watch-stop")));
    stop.clicked().then_some(Action::SetWatch(trip, None))
}

/// "N photos already here — import?" for a folder watched for the first time.
pub fn first_batch_question(
    ctx: &egui::Context,
    trip: TripId,
    watch: &TripWatch,
) -> Option<Action> {
    let count = watch.first_batch?;
    let mut action = None;
    egui::Window::new(t!(ctx, "watch-first-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            let folder = watch.folder_name();
            ui.label(t!(
                ctx,
                "watch-first-question",
                count = count,
                folder = folder
            ));
            ui.horizontal(|ui| {
                if ui.button(t!(ctx, "watch-import-them")).clicked() {
                    action = Some(Action::AnswerFirstBatch(trip, true));
                }
                if ui.button(t!(ctx, "watch-not-these")).clicked() {
                    action = Some(Action::AnswerFirstBatch(trip, false));
                }
            });
        });
    action
}
