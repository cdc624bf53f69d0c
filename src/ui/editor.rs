//! The entry editor: the kind's typed fields, time in the trip's zone, section, tags, stars,
//! a Markdown body with preview, and the entry's photos. Every change is saved shortly after.
//! A session made from a talk of the schedule shows the talk's abstract as a collapsed
//! quote (it stays out of the notes).

use egui::{Id, Ui};

use super::commands::{Cmd, keys_text, take_presses};
use super::i18n::language;
use super::photos::{Suggestions, Thumbnails, photo_strip};
use super::stars::star_rating;
use super::timeline::kind_style;
use crate::app::{Action, EditorFocus, OpenTrip};
use crate::export::words::words;
use crate::model::rules::{
    clean_section, format_local_time, join_list, parse_local_time, split_list,
};
use crate::model::{
    EntryContent, EntryFields, EntryId, FoodRating, Meal, MealType, Money, RatingSource, Session,
    SessionRole,
};

/// What a parsed field is: its memory key, label, the hint showing the format, and whether
/// values are applied as typed (`live`) or when the field is left.
struct ParsedField<'a> {
    key: Id,
    label: &'a str,
    hint: &'a str,
    live: bool,
}

/// A text field bound to a parsed value through a text buffer kept while the user types, so
/// "a, " or "12." can be typed. Returns the new value when the text parses to a different one:
/// as it is typed when `live`, else when the field is left (a time passes through "2018-11-13",
/// which is midnight, on its way to "2018-11-13 16:05"; that must not be saved).
fn parsed_field<T: PartialEq>(
    ui: &mut Ui,
    field: ParsedField<'_>,
    current: &T,
    show: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    let ParsedField {
        key,
        label,
        hint,
        live,
    } = field;
    let mut buffer: String = ui
        .data_mut(|d| d.get_temp::<String>(key))
        .unwrap_or_else(|| show(current));
    // The value changed elsewhere (undo, another field): show it. Text that does not parse
    // stays as typed (and unsaved) until it is fixed.
    let typing = ui.data(|d| d.get_temp::<bool>(key.with("typing"))) == Some(true);
    if !typing && parse(&buffer).is_some_and(|value| &value != current) {
        buffer = show(current);
    }
    let label_response = ui.label(label);
    let valid = parse(&buffer).is_some();
    let mut edit = egui::TextEdit::singleline(&mut buffer)
        .hint_text(hint)
        .desired_width(f32::INFINITY);
    if !valid {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let response = ui.add(edit).labelled_by(label_response.id);
    ui.end_row();
    if !valid {
        ui.label("");
        ui.colored_label(
            ui.visuals().error_fg_color,
            t!(ui.ctx(), "editor-not-saved-write-like", hint = hint),
        );
        ui.end_row();
    }
    let typing = response.has_focus();
    ui.data_mut(|d| {
        d.insert_temp(key, buffer.clone());
        d.insert_temp(key.with("typing"), typing);
    });
    let done = if live {
        response.changed()
    } else {
        response.lost_focus() || (response.changed() && !typing)
    };
    if done
        && let Some(value) = parse(&buffer)
        && &value != current
    {
        return Some(value);
    }
    None
}

fn text_row(ui: &mut Ui, label: &str, value: &mut String, hint: &str) -> bool {
    let label = ui.label(label);
    let changed = ui
        .add(
            egui::TextEdit::singleline(value)
                .hint_text(hint)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .changed();
    ui.end_row();
    changed
}

fn list_row(ui: &mut Ui, key: Id, label: &str, list: &mut Vec<String>) -> bool {
    let hint = t!(ui.ctx(), "tags-hint");
    let field = ParsedField {
        key,
        label,
        hint: &hint,
        live: true,
    };
    match parsed_field(ui, field, list, |l| join_list(l), |t| Some(split_list(t))) {
        Some(new_list) => {
            *list = new_list;
            true
        }
        None => false,
    }
}

fn price_row(ui: &mut Ui, key: Id, price: &mut Option<Money>) -> bool {
    let label = t!(ui.ctx(), "editor-price");
    let hint = t!(ui.ctx(), "editor-price-hint");
    let field = ParsedField {
        key,
        label: &label,
        hint: &hint,
        live: false,
    };
    let parsed = parsed_field(
        ui,
        field,
        price,
        |p| p.as_ref().map_or(String::new(), Money::to_string),
        |text| {
            let text = text.trim();
            if text.is_empty() {
                return Some(None);
            }
            let (amount, currency) = match text.rsplit_once(' ') {
                Some((amount, currency)) => (amount.trim(), currency.trim()),
                None => (text, "EUR"),
            };
            Money::parse(amount, currency).ok().map(Some)
        },
    );
    match parsed {
        Some(value) => {
            *price = value;
            true
        }
        None => false,
    }
}

/// The editor panel's own state: focus, preview and the suggestions for the entry shown.
#[derive(Default)]
pub struct EntryEditor {
    /// Put the cursor in the title at the next frame (after a quick capture).
    focus_title: bool,
    /// Put the cursor in the notes (Ctrl+Enter from any field of the entry).
    focus_body: bool,
    show_body_preview: bool,
    markdown_cache: egui_commonmark::CommonMarkCache,
    suggestions: Suggestions,
}

/// The sections used in the trip, in the order they are shown and exported.
fn sections_of(open: &OpenTrip) -> Vec<String> {
    crate::model::rules::section_order(&open.entries, &open.trip.fields.section_order)
}

impl EntryEditor {
    /// Draws the editor of entry `id` of `open`; returns the edit and what else was asked.
    /// Unless `editable` (a read-only journal) the fields are shown but take no input.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        open: &OpenTrip,
        id: EntryId,
        editable: bool,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Vec<Action> {
        let ctx = ui.ctx().clone();
        let Some(entry) = open.entries.iter().find(|e| e.id == id) else {
            return Vec::new();
        };
        let mut fields = entry.fields.clone();
        let mut actions = Vec::new();
        if ui.input_mut(|input| take_presses(input, Cmd::JumpToNotes)) > 0 {
            self.focus_body = true;
            self.show_body_preview = false;
        }
        // Room for the timeline at 800 px wide; never wider than most of the window.
        let width = ui.available_width();
        egui::Panel::right("editor")
            .resizable(true)
            .default_size((width * 0.42).clamp(300.0, 480.0))
            .min_size(280.0)
            .max_size((width * 0.65).max(300.0))
            .show(ui, |ui| {
                // The header stays above the scrolling fields: Close is always in reach.
                actions.extend(header(ui, &fields, id, editable));
                ui.separator();
                egui::ScrollArea::vertical()
                    .id_salt("editor-scroll")
                    .show(ui, |ui| {
                        ui.add_enabled_ui(editable, |ui| {
                            self.title(ui, id, &mut fields);
                            ui.add_space(4.0);
                            field_grid(ui, open, id, &mut fields);
                        });
                        if let Some(item) = open.schedule.of_entry(id) {
                            talk_abstract(ui, id, &item.talk.abstract_text);
                        }
                        ui.add_space(6.0);
                        ui.add_enabled_ui(editable, |ui| self.body(ui, &mut fields));
                        ui.add_space(6.0);
                        ui.horizontal(|ui| {
                            ui.strong(t!(&ctx, "editor-photos"));
                            let add = egui::Button::new(t!(&ctx, "editor-add-photos")).small();
                            if ui.add_enabled(editable, add).clicked() {
                                actions.push(Action::PickPhotos);
                            }
                        });
                        actions.extend(photo_strip(ui, open, Some(id), thumbnails));
                        if editable {
                            actions.extend(self.suggestions.show(ui, open, id));
                        }
                    });
            });
        if fields != entry.fields {
            // The edit first: a close after it saves it.
            actions.insert(0, Action::EditEntry(id, Box::new(fields)));
        }
        actions
    }

    /// Puts the cursor in the title (a quick capture) or the notes (a talk's notes were
    /// opened) at the next frame.
    pub fn request_focus(&mut self, focus: EditorFocus) {
        match focus {
            EditorFocus::Title => self.focus_title = true,
            EditorFocus::Notes => {
                self.focus_body = true;
                self.show_body_preview = false;
            }
        }
    }

    fn title(&mut self, ui: &mut Ui, id: EntryId, fields: &mut EntryFields) {
        let ctx = ui.ctx().clone();
        let title_id = Id::unique(("entry-title", id.0));
        if self.focus_title {
            // Focus before the field is drawn, so keys of this very frame reach it; the cursor
            // goes after what was typed while the entry was being created.
            ui.memory_mut(|memory| memory.request_focus(title_id));
            let end = egui::text::CCursor::new(fields.title.chars().count());
            let mut state = egui::TextEdit::load_state(ui.ctx(), title_id).unwrap_or_default();
            state
                .cursor
                .set_char_range(Some(egui::text::CCursorRange::one(end)));
            state.store(ui.ctx(), title_id);
            self.focus_title = false;
        }
        let title_label = ui.label(t!(&ctx, "editor-title"));
        ui.add(
            egui::TextEdit::singleline(&mut fields.title)
                .id(title_id)
                .hint_text(t!(&ctx, "editor-what-is-this-about"))
                .font(egui::TextStyle::Heading)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(title_label.id);
    }

    fn body(&mut self, ui: &mut Ui, fields: &mut EntryFields) {
        let ctx = ui.ctx().clone();
        ui.horizontal(|ui| {
            ui.strong(t!(&ctx, "editor-notes-markdown"));
            ui.checkbox(&mut self.show_body_preview, t!(&ctx, "editor-preview"));
        });
        if self.show_body_preview {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                egui_commonmark::CommonMarkViewer::new().show(
                    ui,
                    &mut self.markdown_cache,
                    &fields.body,
                );
            });
        } else {
            let body_label = ui.label(t!(&ctx, "editor-body"));
            let body_id = Id::unique("entry-body");
            if std::mem::take(&mut self.focus_body) {
                ui.memory_mut(|memory| memory.request_focus(body_id));
            }
            ui.add(
                egui::TextEdit::multiline(&mut fields.body)
                    .id(body_id)
                    .desired_rows(10)
                    .desired_width(f32::INFINITY)
                    .hint_text(t!(&ctx, "editor-impressions-quotes-links-markdown-works")),
            )
            .labelled_by(body_label.id);
        }
    }
}

/// The abstract of the talk a session was made from: a quote under a collapsed "Abstract".
fn talk_abstract(ui: &mut Ui, id: EntryId, text: &str) {
    let ctx = ui.ctx().clone();
    if text.trim().is_empty() {
        return;
    }
    egui::CollapsingHeader::new(t!(&ctx, "editor-abstract"))
        .id_salt(("talk-abstract", id.0))
        .default_open(false)
        .show(ui, |ui| {
            let margin = egui::Margin {
                left: 12,
                right: 4,
                top: 2,
                bottom: 2,
            };
            let quote = egui::Frame::NONE
                .inner_margin(margin)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(egui::RichText::new(text).italics()).wrap());
                })
                .response
                .rect;
            let bar = egui::Stroke::new(3.0, ui.visuals().weak_text_color());
            ui.painter().vline(quote.left() + 4.0, quote.y_range(), bar);
        });
}

/// The kind of the entry with the Close and Delete buttons.
fn header(ui: &mut Ui, fields: &EntryFields, id: EntryId, editable: bool) -> Option<Action> {
    let ctx = ui.ctx().clone();
    let kind = fields.kind();
    let (color, icon) = kind_style(kind);
    let mut action = None;
    ui.horizontal(|ui| {
        ui.label(
            egui::RichText::new(format!("{icon} {}", words(language(&ctx)).kind(kind)))
                .color(color)
                .strong(),
        );
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let keys = keys_text(ui.ctx(), Cmd::Close);
            let close = (ui.button(t!(&ctx, "editor-close"))).on_hover_text(t!(
                &ctx,
                "editor-close-help",
                keys = keys
            ));
            if close.clicked() {
                action = Some(Action::CloseEditor);
            }
            if ui
                .add_enabled(editable, egui::Button::new(t!(&ctx, "editor-delete")))
                .clicked()
            {
                action = Some(Action::AskDeleteEntry(id));
            }
        });
    });
    action
}

/// Time, section, tags and the fields of the entry's kind.
fn field_grid(ui: &mut Ui, open: &OpenTrip, id: EntryId, fields: &mut EntryFields) {
    let ctx = ui.ctx().clone();
    let zone = open.trip.fields.time_zone;
    let sections = sections_of(open);
    let key = Id::unique(("entry-editor", id.0));
    egui::Grid::new(("entry-grid", id.0))
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            let label = t!(&ctx, "editor-when", zone = zone.name());
            let hint = t!(&ctx, "editor-when-hint");
            let field = ParsedField {
                key: key.with("at"),
                label: &label,
                hint: &hint,
                live: false,
            };
            if let Some(at) = parsed_field(
                ui,
                field,
                &fields.at,
                |at| format_local_time(*at, zone),
                |text| parse_local_time(text, zone).ok(),
            ) {
                fields.at = at;
            }
            section_row(ui, &sections, fields);
            list_row(
                ui,
                key.with("tags"),
                &t!(&ctx, "editor-tags"),
                &mut fields.tags,
            );
            kind_fields(ui, key, fields);
        });
}

/// The section field with a menu of the trip's sections.
fn section_row(ui: &mut Ui, sections: &[String], fields: &mut EntryFields) {
    let ctx = ui.ctx().clone();
    let section_label = ui.label(t!(&ctx, "editor-section"));
    ui.horizontal(|ui| {
        let mut section = fields.section.clone().unwrap_or_default();
        let response = ui
            .add(
                egui::TextEdit::singleline(&mut section)
                    .hint_text(t!(&ctx, "editor-section-hint"))
                    .desired_width(200.0),
            )
            .labelled_by(section_label.id);
        // Spaces stay while typing; leaving the field stores the section as every front end
        // does (trimmed, none when blank).
        if response.changed() {
            fields.section = Some(section.clone()).filter(|s| !s.trim().is_empty());
        }
        if response.lost_focus() && fields.section != clean_section(&section) {
            fields.section = clean_section(&section);
        }
        if !sections.is_empty() {
            // A pointer-only button: Tab goes from the section field straight to the next
            // field, and a typed space never opens this menu.
            let pick = ui
                .add(egui::Button::new(t!(&ctx, "editor-pick")).sense(egui::Sense::CLICK))
                .on_hover_text(t!(&ctx, "editor-choose-one-of-the-trip-s-sections"));
            egui::Popup::menu(&pick).show(|ui| {
                for s in sections {
                    if ui
                        .selectable_label(fields.section.as_ref() == Some(s), s)
                        .clicked()
                    {
                        fields.section = Some(s.clone());
                    }
                }
            });
        }
    });
    ui.end_row();
}

/// The fields of the entry's kind (none for a note).
fn kind_fields(ui: &mut Ui, key: Id, fields: &mut EntryFields) {
    match &mut fields.content {
        EntryContent::Session(session) => session_fields(ui, key, session),
        EntryContent::Meal(meal) => meal_fields(ui, key, meal),
        EntryContent::FoodRating(food) => food_fields(ui, key, food),
        EntryContent::Note => {}
    }
}

fn session_fields(ui: &mut Ui, key: Id, session: &mut Session) {
    let ctx = ui.ctx().clone();
    list_row(
        ui,
        key.with("speakers"),
        &t!(&ctx, "editor-speakers"),
        &mut session.speakers,
    );
    text_row(ui, &t!(&ctx, "editor-track"), &mut session.track, "");
    text_row(ui, &t!(&ctx, "editor-room"), &mut session.room, "");
    let label = ui.label(t!(&ctx, "editor-duration-min"));
    let mut minutes = session.duration_min.unwrap_or(0);
    if ui
        .add(
            egui::DragValue::new(&mut minutes)
                .range(0..=1440)
                .speed(1.0),
        )
        .labelled_by(label.id)
        .changed()
    {
        session.duration_min = (minutes > 0).then_some(minutes);
    }
    ui.end_row();
    ui.label(t!(&ctx, "editor-role"));
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut session.role,
            SessionRole::Attended,
            t!(&ctx, "editor-attended"),
        );
        ui.radio_value(
            &mut session.role,
            SessionRole::Speaker,
            t!(&ctx, "editor-speaker"),
        );
    });
    ui.end_row();
    let mut link = session.link.clone().unwrap_or_default();
    if text_row(
        ui,
        &t!(&ctx, "editor-link-slides-video"),
        &mut link,
        "https://…",
    ) {
        session.link = Some(link.trim().to_string()).filter(|l| !l.is_empty());
    }
    ui.label(t!(&ctx, "editor-usefulness"));
    star_rating(ui, &t!(&ctx, "editor-usefulness"), &mut session.usefulness);
    ui.end_row();
    let label = ui.label(t!(&ctx, "editor-takeaways"));
    ui.add(
        egui::TextEdit::multiline(&mut session.takeaways)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.end_row();
}

fn meal_fields(ui: &mut Ui, key: Id, meal: &mut Meal) {
    let ctx = ui.ctx().clone();
    ui.label(t!(&ctx, "editor-meal"));
    ui.horizontal(|ui| {
        for meal_type in [
            MealType::Breakfast,
            MealType::Lunch,
            MealType::Dinner,
            MealType::Snack,
        ] {
            let label = words(language(&ctx)).meal(Some(meal_type));
            if ui
                .selectable_label(meal.meal_type == Some(meal_type), label)
                .clicked()
            {
                meal.meal_type = Some(meal_type);
            }
        }
    });
    ui.end_row();
    text_row(ui, &t!(&ctx, "editor-venue"), &mut meal.venue, "");
    text_row(ui, &t!(&ctx, "editor-address"), &mut meal.address, "");
    list_row(
        ui,
        key.with("dishes"),
        &t!(&ctx, "editor-dishes"),
        &mut meal.dishes,
    );
    price_row(ui, key.with("price"), &mut meal.price);
    ui.label(t!(&ctx, "editor-rating"));
    star_rating(ui, &t!(&ctx, "editor-rating"), &mut meal.rating);
    ui.end_row();
}

fn food_fields(ui: &mut Ui, key: Id, food: &mut FoodRating) {
    let ctx = ui.ctx().clone();
    text_row(
        ui,
        &t!(&ctx, "editor-dish"),
        &mut food.dish,
        &t!(&ctx, "editor-dish-hint"),
    );
    text_row(ui, &t!(&ctx, "editor-venue"), &mut food.venue, "");
    text_row(
        ui,
        &t!(&ctx, "editor-category"),
        &mut food.category,
        &t!(&ctx, "editor-category-hint"),
    );
    ui.label(t!(&ctx, "editor-overall"));
    star_rating(ui, &t!(&ctx, "editor-overall"), &mut food.overall);
    ui.end_row();
    for (label, value) in [
        (&t!(&ctx, "editor-taste"), &mut food.sub_ratings.taste),
        (&t!(&ctx, "editor-value"), &mut food.sub_ratings.value),
        (&t!(&ctx, "editor-service"), &mut food.sub_ratings.service),
        (
            &t!(&ctx, "editor-atmosphere"),
            &mut food.sub_ratings.atmosphere,
        ),
    ] {
        ui.label(label);
        star_rating(ui, label, value);
        ui.end_row();
    }
    price_row(ui, key.with("price"), &mut food.price);
    let mut source = match &food.source {
        RatingSource::OwnVisit => String::new(),
        RatingSource::Outside(text) => text.clone(),
    };
    if text_row(
        ui,
        &t!(&ctx, "editor-source"),
        &mut source,
        &t!(&ctx, "editor-source-hint"),
    ) {
        food.source = RatingSource::from_text(&source);
    }
    let label = ui.label(t!(&ctx, "editor-verdict"));
    ui.add(
        egui::TextEdit::multiline(&mut food.verdict)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
    ui.end_row();
}
