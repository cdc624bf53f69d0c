//! Creating and editing a trip: name, place, dates, time zone, author, summary, tags, cover.
//!
//! The form opens with the cursor in the name; Enter in any one-line field confirms it like
//! the Create/Save button. Dates are typed or picked on a calendar. A new trip's time zone
//! follows the place typed (the library's table of cities and countries, else this
//! computer's zone) until the user types a zone. Once a problem was shown, the form is checked
//! again at every change, so the message goes as soon as the problem is fixed.

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use super::commands::{Cmd, command_button, was_pressed};
use super::wording::trip_form_error;
use crate::app::{Action, TripForm, TripFormError, ZoneQuestion};
use crate::model::places::zone_of_place;
use crate::model::{Trip, TripId};

/// The trip form, as text until saved.
pub struct TripDialog {
    editing: Option<TripId>,
    form: TripForm,
    /// The problem shown, once the user tried to save.
    error: Option<TripFormError>,
    /// Where the time zone comes from; the place sets it only while it is not typed.
    zone_source: ZoneSource,
    /// This computer's zone, the zone of a place the table does not know.
    system_zone: Tz,
    /// Put the cursor in the name at the next frame.
    focus_name: bool,
    /// Why the zone is a guess (a trip just made from a programme), shown under the zone.
    zone_doubt: Option<crate::schedule::ZoneGuess>,
}

/// Where the time zone in the form comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ZoneSource {
    /// This computer's zone (no known place typed yet).
    System,
    /// The city or country typed.
    Place,
    /// Typed by the user, or an existing trip's: the place no longer changes it.
    Chosen,
}

impl TripDialog {
    pub fn new_trip() -> Self {
        let system_zone = crate::app::system_zone();
        TripDialog {
            editing: None,
            form: TripForm {
                time_zone: system_zone.name().to_string(),
                ..TripForm::default()
            },
            error: None,
            zone_source: ZoneSource::System,
            system_zone,
            focus_name: true,
            zone_doubt: None,
        }
    }

    pub fn edit(trip: &Trip) -> Self {
        TripDialog {
            editing: Some(trip.id),
            form: TripForm::of(trip),
            error: None,
            zone_source: ZoneSource::Chosen,
            system_zone: crate::app::system_zone(),
            focus_name: true,
            zone_doubt: None,
        }
    }

    /// The form of a trip just made from a programme that left its zone a guess: the
    /// cursor in the zone, and why it is unsure under it.
    pub fn confirm_zone(question: &ZoneQuestion) -> Self {
        TripDialog {
            zone_doubt: Some(question.guess.clone()),
            focus_name: false,
            ..TripDialog::edit(&question.trip)
        }
    }

    /// Follows the place typed with the time zone, unless the user chose one.
    fn place_changed(&mut self) {
        if self.zone_source == ZoneSource::Chosen {
            return;
        }
        let (zone, source) = match zone_of_place(&self.form.city, &self.form.country) {
            Some(zone) => (zone, ZoneSource::Place),
            None => (self.system_zone, ZoneSource::System),
        };
        self.form.time_zone = zone.name().to_string();
        self.zone_source = source;
    }
}

/// What the user did in the form in one frame.
#[derive(Default)]
struct FormInput {
    /// A field changed.
    changed: bool,
    /// Enter was pressed in a one-line field.
    submitted: bool,
}

impl FormInput {
    fn note(&mut self, response: &egui::Response) {
        self.changed |= response.changed();
        // A one-line field gives up the cursor on Enter.
        self.submitted |=
            response.lost_focus() && response.ctx.input(|i| was_pressed(i, Cmd::Confirm));
    }
}

/// The button that ended the dialog.
enum Answer {
    Save,
    Cancel,
    /// Make the new trip from a conference schedule file instead.
    FromSchedule,
}

/// A label and a one-line field in the form's grid.
fn labelled_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    hint: &str,
) -> egui::Response {
    let label = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(280.0),
        )
        .labelled_by(label.id);
    ui.end_row();
    response
}

/// A date as the calendar picker holds it.
fn to_picker(day: NaiveDate) -> Option<jiff::civil::Date> {
    let year = i16::try_from(day.year()).ok()?;
    let month = i8::try_from(day.month()).ok()?;
    let day = i8::try_from(day.day()).ok()?;
    jiff::civil::Date::new(year, month, day).ok()
}

/// A date picked on the calendar.
fn from_picker(day: jiff::civil::Date) -> Option<NaiveDate> {
    let month = u32::try_from(day.month()).ok()?;
    let date = u32::try_from(day.day()).ok()?;
    NaiveDate::from_ymd_opt(i32::from(day.year()), month, date)
}

/// A typed date field with a calendar button after it. The calendar opens on the typed date,
/// else on `fallback`; a picked date replaces the text. Returns the field's response, marked
/// changed when a date was picked.
fn date_field(
    ui: &mut egui::Ui,
    label: &str,
    value: &mut String,
    fallback: NaiveDate,
) -> egui::Response {
    let name = label;
    let label = ui.label(name);
    let ctx = ui.ctx().clone();
    let mut response = ui
        .horizontal(|ui| {
            let field = ui
                .add(
                    egui::TextEdit::singleline(value)
                        .hint_text(t!(&ctx, "date-hint"))
                        .desired_width(240.0),
                )
                .labelled_by(label.id);
            let typed = crate::model::rules::parse_date(value).ok();
            if let Some(mut picked) = to_picker(typed.unwrap_or(fallback)) {
                let calendar = ui
                    .add(
                        egui_extras::DatePickerButton::new(&mut picked)
                            .id_salt(name)
                            .format(""),
                    )
                    .on_hover_text(t!(&ctx, "trip-pick-date"));
                if calendar.changed()
                    && let Some(day) = from_picker(picked)
                {
                    *value = day.to_string();
                    return (field, true);
                }
            }
            (field, false)
        })
        .inner;
    ui.end_row();
    if response.1 {
        response.0.mark_changed();
    }
    response.0
}

impl TripDialog {
    /// Draws the dialog; returns what to do when it is confirmed or closed.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Action> {
        let title = if self.editing.is_some() {
            t!(ctx, "trip-edit-title")
        } else {
            t!(ctx, "trip-new-title")
        };
        let mut open = true;
        let mut answer = None;
        super::dialog(&title, ctx)
            .open(&mut open)
            .resizable(true)
            .default_width(420.0)
            .show(ctx, |ui| {
                let input = egui::Grid::new("trip-form")
                    .num_columns(2)
                    .spacing([8.0, 6.0])
                    .show(ui, |ui| self.form(ui))
                    .inner;
                if input.changed && self.error.is_some() {
                    self.error = self.form.to_fields().err();
                }
                self.cover_line(ui);
                let language = super::i18n::language(ctx);
                if let Some(doubt) = &self.zone_doubt {
                    let doubt = super::wording::zone_doubt(doubt, language);
                    ui.colored_label(ui.visuals().warn_fg_color, doubt);
                }
                if let Some(error) = &self.error {
                    let error = trip_form_error(error, language);
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
                answer = self.buttons(ui);
                if input.submitted {
                    answer = Some(Answer::Save);
                }
            });
        match answer {
            Some(Answer::Save) => self.submit(),
            Some(Answer::Cancel) => Some(Action::CloseTripDialog),
            Some(Answer::FromSchedule) => Some(Action::PickSchedule(None)),
            None if !open => Some(Action::CloseTripDialog),
            None => None,
        }
    }

    /// The form's rows; returns whether a field changed and whether Enter confirmed it.
    fn form(&mut self, ui: &mut egui::Ui) -> FormInput {
        let mut input = FormInput::default();
        let ctx = ui.ctx().clone();
        let name = labelled_field(
            ui,
            &t!(&ctx, "trip-name"),
            &mut self.form.name,
            &t!(&ctx, "trip-name-hint"),
        );
        if std::mem::take(&mut self.focus_name) {
            name.request_focus();
        }
        input.note(&name);
        let city = labelled_field(
            ui,
            &t!(&ctx, "trip-city"),
            &mut self.form.city,
            &t!(&ctx, "trip-city-hint"),
        );
        let country = labelled_field(
            ui,
            &t!(&ctx, "trip-country"),
            &mut self.form.country,
            &t!(&ctx, "trip-country-hint"),
        );
        if city.changed() || country.changed() {
            self.place_changed();
        }
        input.note(&city);
        input.note(&country);
        let today = chrono::Local::now().date_naive();
        let start_default = crate::model::rules::parse_date(&self.form.end).unwrap_or(today);
        input.note(&date_field(
            ui,
            &t!(&ctx, "trip-start-date"),
            &mut self.form.start,
            start_default,
        ));
        let end_default = crate::model::rules::parse_date(&self.form.start).unwrap_or(today);
        input.note(&date_field(
            ui,
            &t!(&ctx, "trip-end-date"),
            &mut self.form.end,
            end_default,
        ));
        let zone = self.zone_field(ui);
        input.note(&zone);
        input.changed |= language_row(ui, &mut self.form.post_language);
        input.note(&labelled_field(
            ui,
            &t!(&ctx, "export-slug"),
            &mut self.form.slug,
            &t!(&ctx, "trip-slug-hint"),
        ));
        input.note(&labelled_field(
            ui,
            &t!(&ctx, "trip-author"),
            &mut self.form.author,
            "",
        ));
        input.note(&labelled_field(
            ui,
            &t!(&ctx, "editor-tags"),
            &mut self.form.tags,
            &t!(&ctx, "tags-hint"),
        ));
        let label = ui.label(t!(&ctx, "trip-summary"));
        let summary = ui
            .add(
                egui::TextEdit::multiline(&mut self.form.summary)
                    .desired_rows(4)
                    .desired_width(280.0),
            )
            .labelled_by(label.id);
        // Enter in the summary starts a new line: only note the change.
        input.changed |= summary.changed();
        ui.end_row();
        input
    }

    /// The time zone row, saying when the zone came from the place.
    fn zone_field(&mut self, ui: &mut egui::Ui) -> egui::Response {
        let ctx = ui.ctx().clone();
        let label = ui.label(t!(&ctx, "trip-time-zone"));
        let response = ui
            .horizontal(|ui| {
                let field = ui
                    .add(
                        egui::TextEdit::singleline(&mut self.form.time_zone)
                            .hint_text("Europe/Berlin")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                if self.zone_source == ZoneSource::Place {
                    ui.weak(t!(&ctx, "trip-zone-from-place"));
                }
                field
            })
            .inner;
        ui.end_row();
        if response.changed() {
            self.zone_source = ZoneSource::Chosen;
        }
        response
    }

    fn cover_line(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if self.form.cover.is_some() {
            ui.horizontal(|ui| {
                ui.label(t!(&ctx, "trip-cover-set"));
                if ui.small_button(t!(&ctx, "trip-remove-cover")).clicked() {
                    self.form.cover = None;
                }
            });
        } else {
            ui.weak(t!(&ctx, "trip-cover-hint"));
        }
    }

    fn buttons(&self, ui: &mut egui::Ui) -> Option<Answer> {
        let ctx = ui.ctx().clone();
        let confirm = if self.editing.is_some() {
            t!(&ctx, "trip-save")
        } else {
            t!(&ctx, "trip-create")
        };
        ui.horizontal(|ui| {
            if ui.button(confirm).clicked() {
                Some(Answer::Save)
            } else if ui.button(t!(&ctx, "dialog-cancel")).clicked() {
                Some(Answer::Cancel)
            } else if self.editing.is_none() && command_button(ui, Cmd::NewTripFromSchedule, true) {
                Some(Answer::FromSchedule)
            } else {
                None
            }
        })
        .inner
    }

    /// The trip to create or save, or the problem shown in the form.
    fn submit(&mut self) -> Option<Action> {
        match self.form.to_fields() {
            Ok(fields) => Some(match self.editing {
                Some(id) => Action::SaveTrip(id, fields),
                None => Action::CreateTrip(fields),
            }),
            Err(error) => {
                self.error = Some(error);
                None
            }
        }
    }
}

/// The post's language: automatic (told from the trip's text) or one of the languages.
/// Returns whether it changed.
pub(super) fn language_row(
    ui: &mut egui::Ui,
    language: &mut Option<crate::model::PostLanguage>,
) -> bool {
    let ctx = ui.ctx().clone();
    let label = ui.label(t!(&ctx, "trip-post-language"));
    let name = |language: Option<crate::model::PostLanguage>| {
        language.map_or(t!(&ctx, "trip-post-language-automatic"), |l| {
            l.native_name().to_string()
        })
    };
    let before = *language;
    egui::ComboBox::from_id_salt(label.id)
        .selected_text(name(*language))
        .show_ui(ui, |ui| {
            ui.selectable_value(language, None, name(None));
            for choice in crate::model::PostLanguage::ALL {
                ui.selectable_value(language, Some(choice), choice.native_name());
            }
        })
        .response
        .labelled_by(label.id);
    ui.end_row();
    *language != before
}
