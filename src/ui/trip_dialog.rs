//! Creating and editing a trip: name, place, dates, time zone, author, summary, tags, cover.

use chrono::NaiveDate;

use super::action::Action;
use crate::model::{Trip, TripFields, TripId, parse_time_zone};

/// The trip form, as text until saved.
pub struct TripDialog {
    pub editing: Option<TripId>,
    pub name: String,
    pub city: String,
    pub country: String,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub author: String,
    pub summary: String,
    pub tags: String,
    pub cover: Option<crate::model::PhotoId>,
    /// Kept as it is: the dialog does not show it (the By-section view arranges it).
    pub section_order: Vec<String>,
    pub error: Option<String>,
}

impl TripDialog {
    pub fn new_trip() -> Self {
        TripDialog {
            editing: None,
            name: String::new(),
            city: String::new(),
            country: String::new(),
            start: String::new(),
            end: String::new(),
            time_zone: guess_local_zone(),
            author: String::new(),
            summary: String::new(),
            tags: String::new(),
            cover: None,
            section_order: Vec::new(),
            error: None,
        }
    }

    pub fn edit(trip: &Trip) -> Self {
        let f = &trip.fields;
        TripDialog {
            editing: Some(trip.id),
            name: f.name.clone(),
            city: f.city.clone(),
            country: f.country.clone(),
            start: f.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end: f.end_date.map(|d| d.to_string()).unwrap_or_default(),
            time_zone: f.time_zone.name().to_string(),
            author: f.author.clone(),
            summary: f.summary.clone(),
            tags: f.tags.join(", "),
            cover: f.cover_photo,
            section_order: f.section_order.clone(),
            error: None,
        }
    }

    /// The form as trip fields, or the first problem in it.
    pub fn to_fields(&self) -> Result<TripFields, String> {
        let date = |text: &str, what: &str| -> Result<Option<NaiveDate>, String> {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            crate::model::rules::parse_date(text)
                .map(Some)
                .map_err(|_| format!("The {what} date must look like 2018-11-13"))
        };
        let fields = TripFields {
            name: self.name.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            start_date: date(&self.start, "start")?,
            end_date: date(&self.end, "end")?,
            time_zone: parse_time_zone(&self.time_zone).map_err(|e| e.to_string())?,
            author: self.author.clone(),
            summary: self.summary.clone(),
            tags: crate::model::rules::split_list(&self.tags),
            cover_photo: self.cover,
            section_order: self.section_order.clone(),
        }
        .cleaned();
        fields.validate().map_err(|e| e.to_string())?;
        Ok(fields)
    }
}

/// The zone of this computer when it can be told from TZ, else UTC.
fn guess_local_zone() -> String {
    std::env::var("TZ")
        .ok()
        .filter(|zone| parse_time_zone(zone).is_ok())
        .unwrap_or_else(|| "UTC".to_string())
}

fn labelled_field(ui: &mut egui::Ui, label: &str, value: &mut String, hint: &str) {
    let label = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(value)
            .hint_text(hint)
            .desired_width(280.0),
    )
    .labelled_by(label.id);
    ui.end_row();
}

impl TripDialog {
    /// Draws the dialog; returns what to do when it is confirmed or closed.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Action> {
        let dialog = self;
        let title = if dialog.editing.is_some() {
            "Edit trip"
        } else {
            "New trip"
        };
        let mut open = true;
        let mut save = false;
        let mut cancel = false;
        egui::Window::new(title)
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(420.0)
            .show(ctx, |ui| {
                egui::Grid::new("trip-form")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| {
                        labelled_field(ui, "Name", &mut dialog.name, "Berlin Summit 2018");
                        labelled_field(ui, "City", &mut dialog.city, "Berlin");
                        labelled_field(ui, "Country", &mut dialog.country, "Germany");
                        labelled_field(ui, "Start date", &mut dialog.start, "YYYY-MM-DD");
                        labelled_field(ui, "End date", &mut dialog.end, "YYYY-MM-DD");
                        labelled_field(ui, "Time zone", &mut dialog.time_zone, "Europe/Berlin");
                        labelled_field(ui, "Author", &mut dialog.author, "");
                        labelled_field(ui, "Tags", &mut dialog.tags, "comma, separated");
                        let label = ui.label("Summary");
                        ui.add(
                            egui::TextEdit::multiline(&mut dialog.summary)
                                .desired_rows(4)
                                .desired_width(280.0),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    });
                if dialog.cover.is_some() {
                    ui.horizontal(|ui| {
                        ui.label("A cover photo is set.");
                        if ui.small_button("Remove cover").clicked() {
                            dialog.cover = None;
                        }
                    });
                } else {
                    ui.weak("Set a cover from a photo's menu.");
                }
                if let Some(error) = &dialog.error {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(if dialog.editing.is_some() {
                            "Save trip"
                        } else {
                            "Create trip"
                        })
                        .clicked()
                    {
                        save = true;
                    }
                    if ui.button("Cancel").clicked() {
                        cancel = true;
                    }
                });
            });
        if save {
            match dialog.to_fields() {
                Ok(fields) => {
                    return Some(match dialog.editing {
                        Some(id) => Action::SaveTrip(id, fields),
                        None => Action::CreateTrip(fields),
                    });
                }
                Err(message) => dialog.error = Some(message),
            }
        } else if cancel || !open {
            return Some(Action::CloseTripDialog);
        }
        None
    }
}
