//! "Import schedule…" and "New trip from a schedule…" where the desktop has no file dialog
//! (no portal): a small dialog with a path field, as *Watch a folder…* has, so the programme
//! can be given by typing or pasting its path instead of only by dropping the file. The same
//! dialog offers a programme opened from the file manager (given on the command line): its path
//! filled in, and the choice of a new trip from it or an import into the open trip.

use crate::app::{Action, typed_path};
use crate::model::TripId;

/// The open dialog: into which trip (`None`: a new trip of the file), and the path as typed.
#[derive(Debug, Clone)]
pub struct ScheduleFileDialog {
    trip: Option<TripId>,
    file: String,
    focus: bool,
    /// Offering a file given on the command line: the user picks new trip or open trip.
    offered: bool,
}

impl ScheduleFileDialog {
    pub fn new(trip: Option<TripId>) -> Self {
        ScheduleFileDialog {
            trip,
            file: String::new(),
            focus: true,
            offered: false,
        }
    }

    /// The offer of a programme opened from the file manager: a new trip from it by default.
    pub fn offer(file: &std::path::Path) -> Self {
        ScheduleFileDialog {
            trip: None,
            file: file.display().to_string(),
            focus: false,
            offered: true,
        }
    }

    /// Draws the dialog; returns what was asked (importing closes it). `open_trip` is the trip
    /// an offered programme can go into.
    pub fn show(&mut self, ctx: &egui::Context, open_trip: Option<(TripId, &str)>) -> Vec<Action> {
        if self.trip.is_some() && self.offered && open_trip.is_none() {
            self.trip = None;
        }
        let (title, go) = match (self.offered, self.trip) {
            (true, _) => (t!(ctx, "schedule-file-offer-title"), self.go_label(ctx)),
            (false, Some(_)) => (
                t!(ctx, "schedule-file-import-title"),
                t!(ctx, "schedule-file-import"),
            ),
            (false, None) => (t!(ctx, "schedule-file-new-title"), t!(ctx, "trip-create")),
        };
        let mut window_open = true;
        let mut actions = Vec::new();
        super::dialog(&title, ctx)
            .open(&mut window_open)
            .default_width(460.0)
            .show(ctx, |ui| {
                if self.offered {
                    self.choice(ui, open_trip);
                } else {
                    ui.label(t!(ctx, "schedule-file-lead"));
                }
                let entered = ui
                    .horizontal(|ui| {
                        let label = t!(ctx, "schedule-file-file");
                        super::path_field(ui, &label, &mut self.file, 320.0, &mut self.focus)
                    })
                    .inner;
                match super::go_or_cancel(ui, &go, &self.file) {
                    Some(true) => actions.extend(self.chosen()),
                    Some(false) => actions.push(Action::CloseScheduleFileDialog),
                    None if entered => actions.extend(self.chosen()),
                    None => {}
                }
            });
        if !window_open {
            actions.push(Action::CloseScheduleFileDialog);
        }
        actions
    }

    fn go_label(&self, ctx: &egui::Context) -> String {
        match self.trip {
            Some(_) => t!(ctx, "schedule-file-import"),
            None => t!(ctx, "trip-create"),
        }
    }

    /// What to do with an offered programme: a new trip, or the open trip when there is one.
    fn choice(&mut self, ui: &mut egui::Ui, open_trip: Option<(TripId, &str)>) {
        let ctx = ui.ctx().clone();
        ui.label(t!(&ctx, "schedule-file-offer-lead"));
        ui.radio_value(&mut self.trip, None, t!(&ctx, "schedule-file-offer-new"));
        if let Some((id, name)) = open_trip {
            let into = t!(&ctx, "schedule-file-offer-into", trip = name);
            ui.radio_value(&mut self.trip, Some(id), into);
        }
        ui.add_space(4.0);
    }

    /// The file as typed, to import (nothing while the field is empty).
    fn chosen(&self) -> Vec<Action> {
        typed_path(&self.file).map_or_else(Vec::new, |file| {
            vec![
                Action::ScheduleChosen {
                    trip: self.trip,
                    file,
                },
                Action::CloseScheduleFileDialog,
            ]
        })
    }
}
