//! "Photos from this camera are off by …": the dialog that corrects a camera clock, with a
//! preview of the entries its photos would be offered to before it is applied (the rule and
//! the preview are the library's; this only draws them).

use chrono::Duration;
use egui::Ui;

use super::photos::entry_titles;
use crate::app::{Action, OpenTrip};
use crate::app::{Command, ShiftPreview, preview_clock_shift};
use crate::model::{EntryId, ShiftFilter, parse_clock_shift};

/// The open dialog: which camera, and the shift as typed.
#[derive(Debug, Clone)]
pub struct ClockDialog {
    camera: String,
    by_text: String,
}

impl ClockDialog {
    pub fn new(camera: String) -> Self {
        ClockDialog {
            camera,
            by_text: String::new(),
        }
    }

    fn filter(&self) -> ShiftFilter {
        ShiftFilter {
            camera: Some(self.camera.clone()),
            ids: None,
        }
    }

    /// Draws the dialog; returns the shift to apply (and closing) or closing alone.
    pub fn show(&mut self, ctx: &egui::Context, open: &OpenTrip) -> Vec<Action> {
        let mut window_open = true;
        let mut actions = Vec::new();
        super::dialog(&t!(ctx, "clock-title"), ctx)
            .open(&mut window_open)
            .default_width(420.0)
            .show(ctx, |ui| {
                ui.horizontal(|ui| {
                    let camera = self.camera.as_str();
                    let label = ui.label(t!(ctx, "clock-off-by", camera = camera));
                    ui.text_edit_singleline(&mut self.by_text)
                        .labelled_by(label.id)
                        .on_hover_text(t!(ctx, "clock-off-by-help"));
                });
                let by = parse_clock_shift(&self.by_text);
                match &by {
                    Ok(by) => self.preview(ui, open, *by),
                    Err(_) if !self.by_text.trim().is_empty() => {
                        let error = t!(ctx, "clock-bad-shift", typed = self.by_text.trim());
                        ui.colored_label(ui.visuals().error_fg_color, error);
                    }
                    Err(_) => {}
                }
                ui.horizontal(|ui| {
                    let shift =
                        ui.add_enabled(by.is_ok(), egui::Button::new(t!(ctx, "clock-shift")));
                    if let (true, Ok(by)) = (shift.clicked(), &by) {
                        actions.push(Action::Send(Command::ShiftTakenAt {
                            trip: open.trip.id,
                            by: *by,
                            filter: self.filter(),
                            undoable: true,
                        }));
                        actions.push(Action::CloseClockDialog);
                    }
                    if ui.button(t!(ctx, "dialog-cancel")).clicked() {
                        actions.push(Action::CloseClockDialog);
                    }
                });
            });
        if !window_open {
            actions.push(Action::CloseClockDialog);
        }
        actions
    }

    /// How many photos move, and each one whose offered entry changes.
    fn preview(&self, ui: &mut Ui, open: &OpenTrip, by: Duration) {
        let zone = open.trip.fields.time_zone;
        let preview = preview_clock_shift(&open.photos, &open.entries, zone, by, &self.filter());
        let ctx = ui.ctx().clone();
        ui.label(t!(&ctx, "clock-moving", count = preview.len()));
        let titles = entry_titles(open);
        let title = |entry: Option<EntryId>| {
            entry
                .and_then(|id| titles.iter().find(|(e, _)| *e == id))
                .map_or_else(|| t!(&ctx, "clock-no-entry"), |(_, title)| title.clone())
        };
        let changes: Vec<&ShiftPreview> = preview.iter().filter(|p| p.changes_offer()).collect();
        egui::ScrollArea::vertical()
            .max_height(200.0)
            .show(ui, |ui| {
                for change in changes {
                    let name = open
                        .photos
                        .iter()
                        .find(|p| p.id == change.photo)
                        .map_or("", |p| p.metadata.original_name.as_str());
                    ui.label(format!(
                        "{name}: {} → {}",
                        title(change.before),
                        title(change.after)
                    ));
                }
            });
    }
}
