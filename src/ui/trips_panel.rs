//! The side panel: every trip with its cover, place and dates; open, edit, delete.

use super::app::TripJournalApp;
use super::trip_dialog::TripDialog;
use crate::app::Command;

const COVER_SIZE: f32 = 40.0;

impl TripJournalApp {
    pub(super) fn trips_panel(&mut self, ui: &mut egui::Ui) {
        egui::Panel::left("trips")
            .resizable(true)
            .default_size(250.0)
            .show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.heading("Trips");
                    if ui.button("➕ New trip").on_hover_text("Ctrl+N").clicked() {
                        self.trip_dialog = Some(TripDialog::new_trip());
                    }
                });
                ui.separator();
                let current = self.current.as_ref().map(|o| o.trip.id);
                let trips = self.trips.clone();
                egui::ScrollArea::vertical()
                    .id_salt("trip-list")
                    .show(ui, |ui| {
                        for trip in &trips {
                            let selected = current == Some(trip.id);
                            let response = ui
                                .horizontal(|ui| {
                                    let (rect, _) = ui.allocate_exact_size(
                                        egui::vec2(COVER_SIZE, COVER_SIZE),
                                        egui::Sense::hover(),
                                    );
                                    match trip
                                        .fields
                                        .cover_photo
                                        .and_then(|photo| self.thumbnail_texture(photo))
                                    {
                                        Some(texture) => {
                                            egui::Image::new((texture.id(), rect.size()))
                                                .maintain_aspect_ratio(true)
                                                .paint_at(ui, rect);
                                        }
                                        None => {
                                            ui.painter().rect_filled(
                                                rect,
                                                4.0,
                                                ui.visuals().faint_bg_color,
                                            );
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
                                        let name = ui.selectable_label(
                                            selected,
                                            egui::RichText::new(&trip.fields.name).strong(),
                                        );
                                        let place = trip.fields.place();
                                        let dates = crate::model::rules::date_range_text(
                                            trip.fields.start_date,
                                            trip.fields.end_date,
                                        );
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
                                self.open_trip(trip.id);
                            }
                            response.context_menu(|ui| {
                                if ui.button("Edit trip…").clicked() {
                                    self.trip_dialog = Some(TripDialog::edit(trip));
                                    ui.close();
                                }
                                if ui.button("Delete trip…").clicked() {
                                    self.confirm_delete_trip = Some(trip.id);
                                    ui.close();
                                }
                            });
                            ui.add_space(4.0);
                        }
                    });
                if let Some(open) = &self.current {
                    ui.separator();
                    ui.horizontal(|ui| {
                        if ui.button("Edit trip…").clicked() {
                            self.trip_dialog = Some(TripDialog::edit(&open.trip));
                        }
                        if ui.button("Delete trip…").clicked() {
                            self.confirm_delete_trip = Some(open.trip.id);
                        }
                    });
                }
            });
    }

    pub(super) fn confirm_dialogs(&mut self, ctx: &egui::Context) {
        if let Some(trip_id) = self.confirm_delete_trip {
            let name = self
                .trips
                .iter()
                .find(|t| t.id == trip_id)
                .map_or(String::new(), |t| t.fields.name.clone());
            let mut close = false;
            egui::Modal::new(egui::Id::unique("confirm-delete-trip")).show(ctx, |ui| {
                ui.heading("Delete this trip?");
                ui.label(format!(
                    "“{name}” and all its entries and photos will be deleted from the journal."
                ));
                ui.horizontal(|ui| {
                    if ui.button("Delete trip").clicked() {
                        self.send(Command::DeleteTrip(trip_id));
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
            });
            if close {
                self.confirm_delete_trip = None;
            }
        }
        if let Some(entry_id) = self.confirm_delete_entry {
            let photo_count = self.current.as_ref().map_or(0, |o| {
                o.photos
                    .iter()
                    .filter(|p| p.entry == Some(entry_id))
                    .count()
            });
            let mut close = false;
            egui::Modal::new(egui::Id::unique("confirm-delete-entry")).show(ctx, |ui| {
                ui.heading("Delete this entry?");
                ui.horizontal(|ui| {
                    if ui.button("Delete entry").clicked() {
                        self.send(Command::DeleteEntry {
                            entry: entry_id,
                            with_photos: false,
                        });
                        close = true;
                    }
                    if photo_count > 0 && ui.button(format!("Delete with its {photo_count} photo(s)")).clicked() {
                        self.send(Command::DeleteEntry {
                            entry: entry_id,
                            with_photos: true,
                        });
                        close = true;
                    }
                    if ui.button("Cancel").clicked() {
                        close = true;
                    }
                });
                if photo_count > 0 {
                    ui.weak("Without “with photos”, its photos go back to the trip's unassigned photos.");
                }
            });
            if close {
                self.confirm_delete_entry = None;
            }
        }
    }
}
