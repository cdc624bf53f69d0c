//! The trip's timeline: entries by day, or by section (reorderable), filtered by kind and by a
//! search typed as you go; the food board and the conference schedule are views beside them,
//! and the Now / next strip of starred talks tops them all during the trip. Only the rows on
//! screen are laid out.

use std::collections::{HashMap, HashSet};

use egui::{Color32, Id, RichText};

use super::commands::{Cmd, command_button};
use super::food_board::FoodBoard;
use super::photos::Thumbnails;
use super::schedule_view::{ScheduleView, now_next_strip};
use crate::app::{Action, OpenTrip};
use crate::model::rules::{
    group_by_section, move_section, notes_preview, section_of, section_order,
};
use crate::model::search::Search;
use crate::model::{Entry, EntryId, EntryKind, Photo, PhotoId};

/// Which view of the trip the central panel shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineView {
    /// Entries grouped by day.
    Days,
    /// Entries grouped under their section headings, reorderable.
    Sections,
    /// The food ratings board.
    Food,
    /// The trip's conference schedule.
    Schedule,
}

const ROW_HEIGHT: f32 = 26.0;
/// An entry card with notes but no photos: its line and the first line of its notes.
const TWO_LINE_HEIGHT: f32 = 46.0;
/// An entry card with photos: their thumbnails beside its two lines.
const PHOTO_CARD_HEIGHT: f32 = 62.0;
/// The size of a card's thumbnail, and how many a card shows.
const CARD_THUMB: egui::Vec2 = egui::vec2(72.0, 54.0);
const CARD_PHOTOS: usize = 2;

/// One line of the timeline.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Header(String),
    /// A section's heading in the By-section view (`None`: the entries without a section).
    Section(Option<String>),
    Entry(EntryId),
}

/// The payload of an entry dragged by its handle in the By-section view.
#[derive(Debug, Clone, Copy)]
struct DraggedEntry(EntryId);

/// Colour and icon of each kind.
pub fn kind_style(kind: EntryKind) -> (Color32, &'static str) {
    match kind {
        EntryKind::Session => (Color32::from_rgb(70, 130, 220), "🎤"),
        EntryKind::Meal => (Color32::from_rgb(220, 140, 40), "🍴"),
        EntryKind::FoodRating => (Color32::from_rgb(200, 60, 80), "⭐"),
        EntryKind::Note => (Color32::from_rgb(110, 160, 90), "📝"),
    }
}

/// The rows of a view, from the trip's entries after filtering (the search also looks at
/// the captions of each entry's `photos`).
/// Day headings are in `language`, from the export's tables ("Day 2 · Wednesday, …",
/// "第 2 天 · …").
pub fn build_rows(
    open: &OpenTrip,
    view: TimelineView,
    kind_filter: &[bool; 4],
    search: &str,
    language: crate::model::PostLanguage,
) -> Vec<Row> {
    let (entries, photos) = (&open.entries, &open.photos);
    let zone = open.trip.fields.time_zone;
    let first_day = open.trip.fields.start_date;
    let section_order = &open.trip.fields.section_order;
    let search = Search::new(search);
    let captions = if search.is_empty() {
        HashMap::new()
    } else {
        captions_by_entry(photos)
    };
    let mut shown: Vec<&Entry> = entries
        .iter()
        .filter(|e| kind_filter[e.fields.kind().index()])
        .filter(|e| {
            let own = captions.get(&e.id).into_iter().flatten().copied();
            search.matches(e, own)
        })
        .collect();
    let mut rows = Vec::new();
    match view {
        TimelineView::Days | TimelineView::Food | TimelineView::Schedule => {
            shown.sort_by_key(|e| (e.fields.at, e.position, e.id));
            let mut current_day = None;
            for entry in shown {
                let day = entry.fields.at.with_timezone(&zone).date_naive();
                if current_day != Some(day) {
                    current_day = Some(day);
                    let words = crate::export::words::words(language);
                    rows.push(Row::Header(words.day_heading(day, first_day)));
                }
                rows.push(Row::Entry(entry.id));
            }
        }
        TimelineView::Sections => {
            for (section, members) in group_by_section(shown, section_order) {
                rows.push(Row::Section(section));
                rows.extend(members.into_iter().map(|entry| Row::Entry(entry.id)));
            }
        }
    }
    rows
}

/// The captions of the photos of each entry.
fn captions_by_entry(photos: &[Photo]) -> HashMap<EntryId, Vec<&str>> {
    let mut captions: HashMap<EntryId, Vec<&str>> = HashMap::new();
    for photo in photos {
        if let Some(entry) = photo.entry {
            captions.entry(entry).or_default().push(&photo.caption);
        }
    }
    captions
}

/// The timeline's own state: the view, the filters, the search and the food board.
pub struct Timeline {
    view: TimelineView,
    kind_filter: [bool; 4],
    search: String,
    /// Put the cursor in the search field at the next frame (Ctrl+F).
    focus_search: bool,
    /// The entry whose row is under the pointer (files dropped on the window go to it).
    entry_under_pointer: Option<EntryId>,
    food_board: FoodBoard,
    schedule: ScheduleView,
}

impl Default for Timeline {
    fn default() -> Self {
        Timeline {
            view: TimelineView::Days,
            kind_filter: [true; 4],
            search: String::new(),
            focus_search: false,
            entry_under_pointer: None,
            food_board: FoodBoard::default(),
            schedule: ScheduleView::default(),
        }
    }
}

impl Timeline {
    /// Puts the cursor in the search of the view shown, at the next frame (Ctrl+F).
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// The entry whose row is under the pointer (files dropped on the window go to it).
    pub fn entry_under_pointer(&self) -> Option<EntryId> {
        self.entry_under_pointer
    }

    /// Draws the timeline of `open` with `selected` highlighted; returns what was asked.
    pub fn show(
        &mut self,
        ui: &mut egui::Ui,
        open: &OpenTrip,
        selected: Option<EntryId>,
        editable: bool,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Vec<Action> {
        // Truncated, never wider than the panel: a wider first line would widen every row below.
        ui.horizontal(|ui| {
            let place = open.trip.fields.place();
            ui.add(egui::Label::new(RichText::new(&open.trip.fields.name).heading()).truncate())
                .on_hover_text(format!("{}\n{place}", open.trip.fields.name));
            if ui.available_width() > 60.0 {
                ui.add(egui::Label::new(RichText::new(place).weak()).truncate());
            }
        });
        let mut actions: Vec<Action> = now_next_strip(ui, open).into_iter().collect();
        self.toolbar(ui);
        ui.separator();
        match self.view {
            TimelineView::Food => {
                actions.extend(self.food_board.show(ui, &open.entries));
                return actions;
            }
            TimelineView::Schedule => {
                if std::mem::take(&mut self.focus_search) {
                    self.schedule.focus_search();
                }
                actions.extend(self.schedule.show(ui, open, editable));
                return actions;
            }
            TimelineView::Days | TimelineView::Sections => {}
        }
        actions.extend(super::photos::unassigned_tray(ui, open, thumbnails));
        let language = super::i18n::language(ui.ctx());
        let rows = build_rows(open, self.view, &self.kind_filter, &self.search, language);
        if rows.is_empty() {
            ui.add_space(20.0);
            ui.vertical_centered(|ui| {
                if open.entries.is_empty() {
                    ui.label(t!(ui.ctx(), "timeline-empty"));
                } else {
                    ui.label(t!(ui.ctx(), "timeline-no-match"));
                }
            });
            return actions;
        }
        let (row_actions, under_pointer) = self.rows(ui, open, selected, &rows, thumbnails);
        self.entry_under_pointer = under_pointer;
        actions.extend(
            row_actions
                .into_iter()
                .filter_map(|action| row_action(action, open, &rows)),
        );
        actions
    }

    /// The view switch, the kind filters and the search field.
    fn toolbar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            let ctx = ui.ctx().clone();
            ui.selectable_value(&mut self.view, TimelineView::Days, t!(&ctx, "view-by-day"));
            ui.selectable_value(
                &mut self.view,
                TimelineView::Sections,
                t!(&ctx, "view-by-section"),
            );
            ui.selectable_value(
                &mut self.view,
                TimelineView::Food,
                t!(&ctx, "view-food-board"),
            );
            ui.selectable_value(
                &mut self.view,
                TimelineView::Schedule,
                t!(&ctx, "view-schedule"),
            );
            if self.view == TimelineView::Schedule {
                // The schedule has its own filter and search.
                return;
            }
            ui.separator();
            for (index, kind) in EntryKind::ALL.into_iter().enumerate() {
                // Only the icon carries the kind's colour: the words keep the theme's text colour,
                // readable on the chip's selected and plain backgrounds in both themes.
                let (color, icon) = kind_style(kind);
                let mut label = egui::text::LayoutJob::default();
                let font = egui::TextStyle::Button.resolve(ui.style());
                let text_color = chip_text_color(ui.visuals());
                label.append(icon, 0.0, egui::TextFormat::simple(font.clone(), color));
                let (plural, show) = kind_words(&ctx, kind);
                label.append(
                    &format!(" {plural}"),
                    0.0,
                    egui::TextFormat::simple(font, text_color),
                );
                ui.toggle_value(&mut self.kind_filter[index], label)
                    .on_hover_text(show);
            }
            ui.separator();
            let label = ui.label("🔍");
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text(t!(&ctx, "timeline-search-hint"))
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            if self.focus_search {
                search.request_focus();
                self.focus_search = false;
            }
            if !self.search.is_empty()
                && ui
                    .small_button("✖")
                    .on_hover_text(t!(&ctx, "timeline-search-clear"))
                    .clicked()
            {
                self.search.clear();
            }
        });
    }

    /// The rows on screen (only those in view are drawn; a card is as tall as what it shows);
    /// returns what was clicked, dropped or chosen in them.
    fn rows(
        &self,
        ui: &mut egui::Ui,
        open: &OpenTrip,
        selected: Option<EntryId>,
        rows: &[Row],
        thumbnails: &mut Thumbnails<'_>,
    ) -> (Vec<RowAction>, Option<EntryId>) {
        let pointer = ui.ctx().pointer_latest_pos();
        let mut under_pointer = None;
        // Computed once per frame, not once per row: big trips have thousands of photos.
        let context = RowContext::of(open);
        let in_sections = self.view == TimelineView::Sections;
        let mut actions: Vec<RowAction> = Vec::new();
        // A click on the timeline's empty space (registered first, so rows stay on top of it)
        // closes the editor.
        let area = ui.available_rect_before_wrap();
        let background = ui.interact(area, Id::unique("timeline-background"), egui::Sense::CLICK);
        let gap = ui.spacing().item_spacing.y;
        let tops = row_tops(rows, &context, gap);
        egui::ScrollArea::vertical()
            .id_salt("timeline")
            .auto_shrink([false, false])
            .show_viewport(ui, |ui, viewport| {
                let origin = ui.max_rect().min;
                ui.set_height(tops.last().copied().unwrap_or_default());
                let first = tops
                    .partition_point(|top| *top <= viewport.min.y)
                    .saturating_sub(1);
                for (index, row) in rows.iter().enumerate().skip(first) {
                    if tops[index] > viewport.max.y {
                        break;
                    }
                    let height = tops[index + 1] - tops[index] - gap;
                    let rect = egui::Rect::from_min_size(
                        origin + egui::vec2(0.0, tops[index]),
                        egui::vec2(ui.max_rect().width(), height),
                    );
                    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
                    let ui = &mut child;
                    match row {
                        Row::Header(text) => {
                            ui.horizontal(|ui| {
                                ui.set_min_height(ROW_HEIGHT);
                                ui.label(RichText::new(text).strong());
                            });
                        }
                        Row::Section(section) => actions.extend(section_heading(ui, section)),
                        Row::Entry(id) => {
                            let row = EntryRow {
                                open,
                                context: &context,
                                selected: selected == Some(*id),
                                in_sections,
                            };
                            actions.extend(row.show(ui, *id, height, thumbnails));
                            if pointer.is_some_and(|p| rect.contains(p)) {
                                under_pointer = Some(*id);
                            }
                        }
                    }
                }
            });
        if background.clicked() && actions.is_empty() {
            actions.push(RowAction::Deselect);
        }
        (actions, under_pointer)
    }
}

/// Where each row starts in the scrolled content, and after the last one the content's
/// height (`rows.len() + 1` values).
fn row_tops(rows: &[Row], context: &RowContext, gap: f32) -> Vec<f32> {
    let mut tops = Vec::with_capacity(rows.len() + 1);
    let mut top = 0.0;
    tops.push(top);
    for row in rows {
        top += context.height(row) + gap;
        tops.push(top);
    }
    tops
}

/// One entry's row, with what it needs to be drawn.
struct EntryRow<'a> {
    open: &'a OpenTrip,
    context: &'a RowContext,
    selected: bool,
    in_sections: bool,
}

impl EntryRow<'_> {
    /// The entry's card, `height` tall: its first photos, then a line with the kind's icon,
    /// time, rating, photo count and title, and under it the first line of its notes.
    fn show(
        &self,
        ui: &mut egui::Ui,
        id: EntryId,
        height: f32,
        thumbnails: &mut Thumbnails<'_>,
    ) -> Option<RowAction> {
        let entry = self.open.entries.get(*self.context.index.get(&id)?)?;
        let zone = self.open.trip.fields.time_zone;
        let photo_count = self.context.photo_counts.get(&id).copied().unwrap_or(0);
        let kind = entry.fields.kind();
        let (color, icon) = kind_style(kind);
        let time = entry
            .fields
            .at
            .with_timezone(&zone)
            .format("%H:%M")
            .to_string();
        let title = entry.fields.shown_title();
        let stars = super::stars::stars_text(entry.fields.content.rating());
        let mut action = None;
        // The card's tile: a faint rounded background, outlined when it is the open entry. A
        // click anywhere on it opens the entry (registered first: its buttons stay on top).
        let tile = ui.max_rect();
        let card = ui.interact(tile, Id::unique(("entry-card", id.0)), egui::Sense::click());
        let visuals = ui.visuals();
        ui.painter().rect_filled(tile, 6.0, visuals.faint_bg_color);
        if self.selected {
            let stroke = visuals.selection.stroke;
            ui.painter()
                .rect_stroke(tile, 6.0, stroke, egui::StrokeKind::Inside);
        }
        let row = ui.horizontal(|ui| {
            ui.set_min_height(height);
            // Its words are not selectable text: a click on them goes to the card.
            ui.style_mut().interaction.selectable_labels = false;
            ui.add_space(4.0);
            if self.in_sections {
                ui.dnd_drag_source(Id::unique(("drag-entry", id.0)), DraggedEntry(id), |ui| {
                    ui.label("☰")
                        .on_hover_text(t!(ui.ctx(), "timeline-drag-help"));
                });
                // Entries without a section are in time order: only a section's own order
                // is the user's to change.
                if section_of(entry).is_some() {
                    let up = t!(ui.ctx(), "timeline-move-up", title = title.as_str());
                    let down = t!(ui.ctx(), "timeline-move-down", title = title.as_str());
                    if arrow_button(ui, "⬆", &up) {
                        action = Some(RowAction::MoveUp(id));
                    }
                    if arrow_button(ui, "⬇", &down) {
                        action = Some(RowAction::MoveDown(id));
                    }
                } else {
                    ui.add_space(
                        2.0 * (ui.spacing().interact_size.y + ui.spacing().item_spacing.x),
                    );
                }
            }
            for photo in self.context.first_photos.get(&id).into_iter().flatten() {
                let (rect, _) = ui.allocate_exact_size(CARD_THUMB, egui::Sense::hover());
                super::photos::paint_cover(ui, rect, *photo, thumbnails);
            }
            ui.vertical(|ui| {
                let title_button = ui
                    .horizontal(|ui| {
                        ui.label(RichText::new(icon).color(color));
                        ui.monospace(&time);
                        if !stars.is_empty() {
                            let gold = super::theme::rating_color(ui.visuals());
                            ui.label(RichText::new(stars).color(gold));
                        }
                        if photo_count > 0 {
                            ui.weak(format!("📷 {photo_count}"));
                        }
                        // Last, so a long title is cut with an ellipsis at the panel's edge.
                        ui.add(egui::Button::selectable(self.selected, title.as_str()).truncate())
                            .on_hover_text(&title)
                    })
                    .inner;
                if let Some(preview) = notes_preview(&entry.fields.body) {
                    // Not selectable: a click on it goes to the card.
                    let preview = egui::Label::new(RichText::new(preview).weak());
                    ui.add(preview.truncate().selectable(false));
                }
                title_button
            })
            .inner
        });
        let label = row.inner;
        if label.clicked() || card.clicked() {
            action = Some(RowAction::Select(id));
        }
        self.menu(&card, id, &mut action);
        // Photos dragged from a strip or the tray, and entries dragged by their handle, can be
        // dropped on an entry.
        if let Some(photo) = row.response.dnd_release_payload::<PhotoId>() {
            action = Some(RowAction::DropPhoto(*photo, id));
        }
        if let Some(dragged) = row.response.dnd_release_payload::<DraggedEntry>() {
            action = Some(RowAction::DropBefore(dragged.0, id));
        }
        drop_highlight(ui, &row.response);
        self.menu(&label, id, &mut action);
        action
    }

    fn menu(&self, label: &egui::Response, id: EntryId, action: &mut Option<RowAction>) {
        label.context_menu(|ui| {
            ui.menu_button(t!(ui.ctx(), "timeline-move-to-section"), |ui| {
                if ui
                    .button(t!(ui.ctx(), "timeline-no-section-choice"))
                    .clicked()
                {
                    *action = Some(RowAction::SetSection(id, None));
                    ui.close();
                }
                for section in &self.context.sections {
                    if ui.button(section).clicked() {
                        *action = Some(RowAction::SetSection(id, Some(section.clone())));
                        ui.close();
                    }
                }
            });
            if command_button(ui, Cmd::DeleteEntry, true) {
                *action = Some(RowAction::Delete(id));
                ui.close();
            }
        });
    }
}

/// A section's heading with ⬆/⬇ to move the whole section; entries dragged onto it go to the
/// start of the section.
fn section_heading(ui: &mut egui::Ui, section: &Option<String>) -> Option<RowAction> {
    let mut action = None;
    let heading = ui.horizontal(|ui| {
        ui.set_min_height(ROW_HEIGHT);
        match section {
            Some(name) => {
                let up = t!(
                    ui.ctx(),
                    "timeline-move-section-up",
                    section = name.as_str()
                );
                let down = t!(
                    ui.ctx(),
                    "timeline-move-section-down",
                    section = name.as_str()
                );
                if arrow_button(ui, "⬆", &up) {
                    action = Some(RowAction::MoveSection(name.clone(), true));
                }
                if arrow_button(ui, "⬇", &down) {
                    action = Some(RowAction::MoveSection(name.clone(), false));
                }
                ui.label(RichText::new(name).strong());
            }
            None => {
                ui.label(RichText::new(t!(ui.ctx(), "timeline-no-section")).strong());
            }
        }
    });
    if let Some(dragged) = heading.response.dnd_release_payload::<DraggedEntry>() {
        action = Some(RowAction::DropInSection(dragged.0, section.clone()));
    }
    drop_highlight(ui, &heading.response);
    action
}

/// The words of a kind chip: the theme's strongest text colour, which reads at 4.5:1 or better
/// on the chip's selected and plain backgrounds in the light and the dark theme.
fn chip_text_color(visuals: &egui::Visuals) -> Color32 {
    visuals.strong_text_color()
}

/// A small arrow button whose hover text is also its name for screen readers (and tests).
fn arrow_button(ui: &mut egui::Ui, arrow: &str, what: &str) -> bool {
    let response = ui.small_button(arrow);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, what));
    response.on_hover_text(what).clicked()
}

/// Outlines a row while something is dragged over it.
fn drop_highlight(ui: &egui::Ui, response: &egui::Response) {
    if response.dnd_hover_payload::<PhotoId>().is_some()
        || response.dnd_hover_payload::<DraggedEntry>().is_some()
    {
        ui.painter().rect_stroke(
            response.rect,
            3.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// What a row asked for, as the app's action.
fn row_action(action: RowAction, open: &OpenTrip, rows: &[Row]) -> Option<Action> {
    Some(match action {
        RowAction::Select(id) => Action::SelectEntry(id),
        RowAction::Deselect => Action::CloseEditor,
        RowAction::DropPhoto(photo, entry) => Action::MovePhoto(photo, Some(entry)),
        RowAction::Delete(id) => Action::AskDeleteEntry(id),
        RowAction::SetSection(id, section) => Action::SetSection(id, section),
        RowAction::MoveUp(id) => return move_in_sections(open, id, rows, true),
        RowAction::MoveDown(id) => return move_in_sections(open, id, rows, false),
        RowAction::MoveSection(section, up) => {
            let shown = section_order(&open.entries, &open.trip.fields.section_order);
            Action::SetSectionOrder(open.trip.id, move_section(shown, &section, up))
        }
        RowAction::DropBefore(dragged, target) => {
            let section = open
                .entries
                .iter()
                .find(|e| e.id == target)
                .and_then(section_of);
            return place_entry(open, dragged, section, Some(target));
        }
        RowAction::DropInSection(dragged, section) => {
            // The start of the section: before its first entry, if it has one.
            let first = group_by_section(&open.entries, &open.trip.fields.section_order)
                .into_iter()
                .find(|(heading, _)| *heading == section)
                .and_then(|(_, members)| members.first().map(|e| e.id));
            return place_entry(open, dragged, section, first);
        }
    })
}

/// Puts `id` into `section`, before `before` in the trip's order (or at the end).
fn place_entry(
    open: &OpenTrip,
    id: EntryId,
    section: Option<String>,
    before: Option<EntryId>,
) -> Option<Action> {
    if before == Some(id) {
        return None;
    }
    let mut order: Vec<(i64, EntryId)> = open.entries.iter().map(|e| (e.position, e.id)).collect();
    order.sort();
    let mut ids: Vec<EntryId> = order
        .into_iter()
        .map(|(_, e)| e)
        .filter(|e| *e != id)
        .collect();
    let index = before
        .and_then(|target| ids.iter().position(|e| *e == target))
        .unwrap_or(ids.len());
    ids.insert(index, id);
    Some(Action::PlaceEntry {
        trip: open.trip.id,
        id,
        section,
        order: ids,
    })
}

/// Moves an entry one row up or down in the section view, within its section: it swaps places
/// with its neighbour and stays put at the section's edge (moving to another section is the
/// row's menu, the editor's field, or a drag).
pub fn move_in_sections(open: &OpenTrip, id: EntryId, rows: &[Row], up: bool) -> Option<Action> {
    let position = rows.iter().position(|r| *r == Row::Entry(id))?;
    let neighbour = if up {
        rows[..position]
            .iter()
            .rev()
            .find(|r| matches!(r, Row::Entry(_)))
    } else {
        rows[position + 1..]
            .iter()
            .find(|r| matches!(r, Row::Entry(_)))
    };
    let Some(Row::Entry(other)) = neighbour.cloned() else {
        return None;
    };
    let section = |entry: EntryId| {
        open.entries
            .iter()
            .find(|e| e.id == entry)
            .and_then(section_of)
    };
    if section(other) != section(id) {
        return None;
    }
    let mut order: Vec<(i64, EntryId)> = open.entries.iter().map(|e| (e.position, e.id)).collect();
    order.sort();
    let mut ids: Vec<EntryId> = order.into_iter().map(|(_, id)| id).collect();
    let a = ids.iter().position(|x| *x == id)?;
    let b = ids.iter().position(|x| *x == other)?;
    ids.swap(a, b);
    Some(Action::ReorderEntries(open.trip.id, ids))
}

/// What every row needs to know about the trip, computed once per frame.
struct RowContext {
    /// Where each entry is in the trip's entry list.
    index: HashMap<EntryId, usize>,
    photo_counts: HashMap<EntryId, usize>,
    /// The photos each entry's card shows, in the entry's order.
    first_photos: HashMap<EntryId, Vec<PhotoId>>,
    /// Whether each entry's notes give a preview line.
    has_preview: HashSet<EntryId>,
    /// Section headings in the user's order.
    sections: Vec<String>,
}

impl RowContext {
    fn of(open: &OpenTrip) -> Self {
        let index = open
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id, i))
            .collect();
        let mut photo_counts: HashMap<EntryId, usize> = HashMap::new();
        let mut first_photos: HashMap<EntryId, Vec<PhotoId>> = HashMap::new();
        for photo in &open.photos {
            let Some(entry) = photo.entry else { continue };
            *photo_counts.entry(entry).or_default() += 1;
            let shown = first_photos.entry(entry).or_default();
            if shown.len() < CARD_PHOTOS {
                shown.push(photo.id);
            }
        }
        let has_preview = open
            .entries
            .iter()
            .filter(|entry| notes_preview(&entry.fields.body).is_some())
            .map(|entry| entry.id)
            .collect();
        let sections = section_order(&open.entries, &open.trip.fields.section_order);
        RowContext {
            index,
            photo_counts,
            first_photos,
            has_preview,
            sections,
        }
    }

    /// How tall a row is: a card with photos, with a notes line, or one line.
    fn height(&self, row: &Row) -> f32 {
        match row {
            Row::Entry(id) if self.first_photos.contains_key(id) => PHOTO_CARD_HEIGHT,
            Row::Entry(id) if self.has_preview.contains(id) => TWO_LINE_HEIGHT,
            _ => ROW_HEIGHT,
        }
    }
}

/// What a click in the timeline asks for, applied after drawing.
enum RowAction {
    Select(EntryId),
    DropPhoto(PhotoId, EntryId),
    Delete(EntryId),
    SetSection(EntryId, Option<String>),
    MoveUp(EntryId),
    MoveDown(EntryId),
    /// A click on empty space: close the editor.
    Deselect,
    /// Move a section one place up (`true`) or down.
    MoveSection(String, bool),
    /// A dragged entry was dropped on another entry's row: it goes before it, in its section.
    DropBefore(EntryId, EntryId),
    /// A dragged entry was dropped on a section's heading.
    DropInSection(EntryId, Option<String>),
}

/// A kind's plural for its filter chip and the chip's tooltip, in the window's language.
fn kind_words(ctx: &egui::Context, kind: EntryKind) -> (String, String) {
    match kind {
        EntryKind::Session => (t!(ctx, "kind-sessions"), t!(ctx, "kind-sessions-show")),
        EntryKind::Meal => (t!(ctx, "kind-meals"), t!(ctx, "kind-meals-show")),
        EntryKind::FoodRating => (
            t!(ctx, "kind-food-ratings"),
            t!(ctx, "kind-food-ratings-show"),
        ),
        EntryKind::Note => (t!(ctx, "kind-notes"), t!(ctx, "kind-notes-show")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::ui::theme::contrast;

    #[test]
    fn kind_chips_read_at_4_5_to_1_in_both_themes() {
        for visuals in [egui::Visuals::light(), egui::Visuals::dark()] {
            let text = chip_text_color(&visuals);
            for background in [
                visuals.selection.bg_fill,
                visuals.widgets.inactive.weak_bg_fill,
                visuals.widgets.hovered.weak_bg_fill,
            ] {
                let ratio = contrast(text, background);
                assert!(
                    ratio >= 4.5,
                    "dark={}: {text:?} on {background:?} is {ratio:.2}:1",
                    visuals.dark_mode
                );
            }
        }
        // The old chips (the kind's orange on the selected blue) fail the same check.
        let old = kind_style(EntryKind::Meal).0;
        assert!(contrast(old, egui::Visuals::dark().selection.bg_fill) < 4.5);
    }
}
