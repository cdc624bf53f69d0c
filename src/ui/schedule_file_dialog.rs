//! "Import schedule…" and "New trip from a schedule…" where the desktop has no file dialog
//! (no portal): a small dialog with a path field, as *Watch a folder…* has, so the programme
//! can be given by typing or pasting its path instead of only by dropping the file.

use std::path::PathBuf;

use super::commands::{Cmd, was_pressed};
use crate::app::Action;
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
                let mut entered = false;
                ui.horizontal(|ui| {
                    let label = ui.label("File");
                    let field = ui
                        .add(
                            egui::TextEdit::singleline(&mut self.file)
                                .hint_text("/home/me/Downloads/schedule.xml")
                                .desired_width(320.0),
                        )
                        .labelled_by(label.id);
                    if std::mem::take(&mut self.focus) {
                        field.request_focus();
                    }
                    entered =
                        field.lost_focus() && ui.input(|input| was_pressed(input, Cmd::Confirm));
                });
                ui.horizontal(|ui| {
                    let typed = !self.file.trim().is_empty();
                    if ui.add_enabled(typed, egui::Button::new(go)).clicked() || entered {
                        actions.extend(self.chosen());
                    }
                    if ui.button("Cancel").clicked() {
                        actions.push(Action::CloseScheduleFileDialog);
                    }
                });
            });
        if !window_open {
            actions.push(Action::CloseScheduleFileDialog);
        }
        actions
    }

    /// The file as typed, to import (nothing while the field is empty). A path pasted in
    /// quotes, as file managers copy it, loses them.
    fn chosen(&self) -> Vec<Action> {
        let typed = self.file.trim();
        let typed = typed
            .strip_prefix('"')
            .and_then(|rest| rest.strip_suffix('"'))
            .or_else(|| typed.strip_prefix('\'').and_then(|r| r.strip_suffix('\'')))
            .unwrap_or(typed);
        if typed.is_empty() {
            return Vec::new();
        }
        vec![
            Action::ScheduleChosen {
                trip: self.trip,
                file: PathBuf::from(typed),
            },
            Action::CloseScheduleFileDialog,
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chosen_file(typed: &str) -> Option<PathBuf> {
        let mut dialog = ScheduleFileDialog::new(None);
        dialog.file = typed.into();
        dialog.chosen().into_iter().find_map(|action| match action {
            Action::ScheduleChosen { file, .. } => Some(file),
            _ => None,
        })
    }

    #[test]
    fn a_typed_path_is_trimmed_and_loses_the_quotes_a_file_manager_adds() {
        assert_eq!(
            chosen_file("  /tmp/a b.ics "),
            Some(PathBuf::from("/tmp/a b.ics"))
        );
        assert_eq!(
            chosen_file("'/tmp/a b.ics'"),
            Some(PathBuf::from("/tmp/a b.ics"))
        );
        assert_eq!(
            chosen_file("\"/tmp/x.xml\""),
            Some(PathBuf::from("/tmp/x.xml"))
        );
        assert_eq!(chosen_file("   "), None);
        assert_eq!(chosen_file("\"\""), None);
    }
}
