//! "Import schedule…" and "New trip from a schedule…" where the desktop has no file dialog
//! (no portal): a small dialog with a path field, as *Watch a folder…* has, so the programme
//! can be given by typing or pasting its path instead of only by dropping the file.

use crate::app::{Action, typed_path};
use crate::model::TripId;

/// The open dialog: into which trip (`None`: a new trip of the file), and the path as typed.
#[derive(Debug, Clone)]
pub struct ScheduleFileDialog {
    trip: Option<TripId>,
    file: String,
    focus: bool,
}

impl ScheduleFileDialog {
    pub fn new(trip: Option<TripId>) -> Self {
        ScheduleFileDialog {
            trip,
            file: String::new(),
            focus: true,
        }
    }

    /// Draws the dialog; returns what was asked (importing closes it).
    pub fn show(&mut self, ctx: &egui::Context) -> Vec<Action> {
        let (title, go) = match self.trip {
            Some(_) => ("Import a conference schedule", "Import"),
            None => ("New trip from a conference schedule", "Create trip"),
        };
        let mut window_open = true;
        let mut actions = Vec::new();
        super::dialog(title, ctx)
            .open(&mut window_open)
            .default_width(460.0)
            .show(ctx, |ui| {
                ui.label("The schedule file the conference publishes: .ics, schedule.xml or schedule.json. Type or paste its path (no file dialog is available here), or drop the file on the window.");
                let entered = ui
                    .horizontal(|ui| {
                        super::path_field(ui, "File", &mut self.file, 320.0, &mut self.focus)
                    })
                    .inner;
                match super::go_or_cancel(ui, go, &self.file) {
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
