//! The side panel: every trip with its cover, place and dates; open, edit, delete. Also the
//! questions asked before a trip or an entry is deleted.

use super::commands::{Cmd, command_button};
use super::photos::Thumbnails;
use crate::app::Action;
use crate::model::{Entry, EntryId, Photo, Trip, TripId};

const COVER_SIZE: f32 = 40.0;

/// The trips side panel (it keeps no state of its own beyond egui's).
#[derive(Debug, Default)]
pub struct TripsPanel;

impl TripsPanel {
    /// Draws `trips`, `current` highlighted; returns what the user asked for. Unless
    /// `editable` (a read-only journal) the buttons that create, edit or delete are off.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        trips: &[Trip],
        current: Option<&Trip>,
        editable: bool,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Option<Action> {
        let mut action = None;
        egui::Panel::left("trips")
            .resizable(true)
            .default_size(230.0)
            .min_size(160.0)
            .max_size(400.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading(t!(ui.ctx(), "trips-heading"));
                    if command_button(ui, Cmd::NewTrip, editable) {
                        action = Some(Action::NewTrip);
                    }
                });
                ui.separator();
                let current_id = current.map(|t| t.id);
                egui::ScrollArea::vertical()
                    .id_salt("trip-list")
                    .show(ui, |ui| {
                        for trip in trips {
                            let selected = current_id == Some(trip.id);
                            if let Some(asked) = trip_row(ui, trip, selected, editable, thumbnails)
                            {
                                action = Some(asked);
                            }
                            ui.add_space(4.0);
                        }
                    });
                if let Some(trip) = current {
                    ui.separator();
                    ui.horizontal(|ui| {
                        ui.add_enabled_ui(editable, |ui| {
                            if let Some(asked) = trip_buttons(ui, trip.id) {
                                action = Some(asked);
                            }
                        });
                    });
                }
            });
        action
    }
}

/// One trip in the list: cover, name, place and dates, with its menu.
fn trip_row(
    ui: &mut egui::Ui,
    trip: &Trip,
    selected: bool,
    editable: bool,
    thumbnails: &mut Thumbnails<'_>,
) -> Option<Action> {
    let mut action = None;
    let response = ui
        .horizontal(|ui| {
            let (rect, _) =
                ui.allocate_exact_size(egui::vec2(COVER_SIZE, COVER_SIZE), egui::Sense::hover());
            match trip
                .fields
                .cover_photo
                .and_then(|photo| thumbnails.thumbnail(photo))
            {
                Some(texture) => {
                    egui::Image::new((texture.id(), rect.size()))
                        .maintain_aspect_ratio(true)
                        .paint_at(ui, rect);
                }
                None => {
                    ui.painter()
                        .rect_filled(rect, 4.0, ui.visuals().faint_bg_color);
                    ui.painter().text(
                        rect.center(),
                        egui::Align2::CENTER_CENTER,
                        "✈",
                        egui::FontId::proportional(18.0),
                        ui.visuals().weak_text_color(),
                    );
                }
            }
            ui.vertical(|ui| {
                let name =
                    ui.selectable_label(selected, egui::RichText::new(&trip.fields.name).strong());
                let place = trip.fields.place();
                let words = crate::export::words::words(super::i18n::language(ui.ctx()));
                let dates = words.date_range(trip.fields.start_date, trip.fields.end_date);
                let details = [place, dates]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>();
                if !details.is_empty() {
                    ui.weak(details.join(" · "));
                }
                name
            })
            .inner
        })
        .inner;
    if response.clicked() && !selected {
        action = Some(Action::OpenTrip(trip.id));
    }
    response.context_menu(|ui| {
        ui.add_enabled_ui(editable, |ui| {
            if let Some(asked) = trip_buttons(ui, trip.id) {
                action = Some(asked);
                ui.close();
            }
        });
    });
    action
}

/// The trip's Edit, Delete and Watch a folder buttons.
fn trip_buttons(ui: &mut egui::Ui, trip: TripId) -> Option<Action> {
    let mut action = None;
    if command_button(ui, Cmd::EditTrip, true) {
        action = Some(Action::EditTrip(trip));
    }
    if command_button(ui, Cmd::DeleteTrip, true) {
        action = Some(Action::AskDeleteTrip(trip));
    }
    if command_button(ui, Cmd::WatchFolder, true) {
        action = Some(Action::OpenWatchDialog(trip));
    }
    action
}

/// The question asked before a trip is deleted.
#[derive(Debug)]
pub struct ConfirmDeleteTrip(pub TripId);

impl ConfirmDeleteTrip {
    /// Draws the question; returns the answer once given.
    pub fn show(&mut self, ctx: &egui::Context, trips: &[Trip]) -> Option<Action> {
        let trip_id = self.0;
        let name = trips
            .iter()
            .find(|t| t.id == trip_id)
            .map_or(String::new(), |t| t.fields.name.clone());
        let mut action = None;
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete-trip")).show(ctx, |ui| {
            ui.heading(t!(ctx, "delete-trip-question"));
            ui.label(t!(ctx, "delete-trip-what", trip = name.as_str()));
            ui.horizontal(|ui| {
                if ui.button(t!(ctx, "delete-trip")).clicked() {
                    action = Some(Action::DeleteTrip(Some(trip_id)));
                }
                if ui.button(t!(ctx, "dialog-cancel")).clicked() {
                    action = Some(Action::DeleteTrip(None));
                }
            });
        });
        if action.is_none() && modal.should_close() {
            action = Some(Action::DeleteTrip(None));
        }
        action
    }
}

/// The question asked before an entry is deleted (with or without its photos). Esc or a
/// click outside cancels.
#[derive(Debug)]
pub struct ConfirmDeleteEntry(pub EntryId);

impl ConfirmDeleteEntry {
    /// Draws the question naming the entry; returns the answer once given.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        entries: &[Entry],
        photos: &[Photo],
    ) -> Option<Action> {
        let entry_id = self.0;
        let title = entries
            .iter()
            .find(|e| e.id == entry_id)
            .map_or(String::new(), |e| e.fields.shown_title());
        let photo_count = photos.iter().filter(|p| p.entry == Some(entry_id)).count();
        let mut action = None;
        let modal = egui::Modal::new(egui::Id::unique("confirm-delete-entry")).show(ctx, |ui| {
            ui.heading(t!(ctx, "delete-entry-question", entry = title.as_str()));
            ui.label(t!(ctx, "delete-entry-undo"));
            if photo_count > 0 {
                ui.label(t!(ctx, "delete-entry-photos", count = photo_count));
            }
            ui.horizontal(|ui| {
                if ui.button(t!(ctx, "delete-entry")).clicked() {
                    action = Some(Action::DeleteEntry(Some((entry_id, false))));
                }
                if photo_count > 0
                    && ui
                        .button(t!(ctx, "delete-entry-with-photos", count = photo_count))
                        .clicked()
                {
                    action = Some(Action::DeleteEntry(Some((entry_id, true))));
                }
                if ui.button(t!(ctx, "dialog-cancel")).clicked() {
                    action = Some(Action::DeleteEntry(None));
                }
            });
        });
        if action.is_none() && modal.should_close() {
            action = Some(Action::DeleteEntry(None));
        }
        action
    }
}
