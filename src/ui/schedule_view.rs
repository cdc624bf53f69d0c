//! The Schedule view: the open trip's conference schedule, one tab per day (in the trip's
//! zone), talks by time with room and track, a track filter and a search. A talk is starred
//! with its ☆ or the `S` key, and "Start notes" (its button, a double-click or Enter) opens
//! the session entry made from it, creating it the first time. Also the Now / next strip the
//! timeline shows during the trip.
//!
//! What it lists is derived once per change (of the schedule, the day, the track or the
//! search), not once per frame, and only the rows on screen are laid out: a 1,000-talk
//! schedule scrolls like a small one.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use egui::{Align, Id, Layout, RichText, Ui};

use super::commands::{Cmd, command_button, take_presses_in_order};
use super::schedule_grid::{GridDay, GridState};
use crate::app::{
    Action, DayFilter, DayGrid, OpenTrip, day_items, now_and_next, rows_started_by, schedule_days,
    schedule_tracks,
};
use crate::model::{ScheduleItem, ScheduleItemId, TalkTime, TripId};

const ROW_HEIGHT: f32 = 26.0;
const ROOM_WIDTH: f32 = 130.0;
const TRACK_WIDTH: f32 = 130.0;
const NOTES_WIDTH: f32 = 96.0;
const STAR_WIDTH: f32 = 22.0;
const GAP: f32 = 6.0;
/// The narrowest a title may get before room and track move under it.
const TITLE_MIN_WIDTH: f32 = 240.0;
/// How long the Now / next strip waits at most before it looks at the clock again.
const STRIP_RECHECK: std::time::Duration = std::time::Duration::from_secs(60);
/// What a Now / next talk shows besides its title: the word, the time, the room, a gap.
const STRIP_TALK_EXTRAS: f32 = 230.0;
/// The least a Now / next title gets before it is cut.
const STRIP_TITLE_MIN_WIDTH: f32 = 80.0;

/// What the list was derived from.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ListingKey {
    trip: TripId,
    version: u64,
    zone: Tz,
    day: Option<NaiveDate>,
    track: Option<String>,
    search: String,
}

/// The days, the tracks and the talks listed, derived from the schedule.
struct Listing {
    key: ListingKey,
    days: Vec<NaiveDate>,
    tracks: Vec<String>,
    /// Positions in the schedule's items of the talks listed, in order.
    rows: Vec<usize>,
    /// The same talks by room and time.
    grid: DayGrid,
}

/// How the view shows a day: a list by time, a grid of rooms by time, or the plan.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum DayLayout {
    #[default]
    List,
    Grid,
    /// The starred talks only, with gaps and clashes.
    Plan,
}

/// The Schedule view's own state.
#[derive(Default)]
pub struct ScheduleView {
    day: Option<NaiveDate>,
    /// Only this track (`None`: all).
    track: Option<String>,
    search: String,
    /// Put the cursor in the search field at the next frame (Ctrl+F).
    focus_search: bool,
    selected: Option<ScheduleItemId>,
    /// The title widget of each talk drawn in the last frame: keys act on the focused one.
    row_ids: HashMap<Id, ScheduleItemId>,
    /// The rows on screen in the last frame.
    visible: Range<usize>,
    /// Scroll so that this row shows (the selection moved by keys).
    scroll_to_row: Option<usize>,
    listing: Option<Listing>,
    layout: DayLayout,
    grid: GridState,
}

/// What a click or a key in the view asks for.
pub(super) enum Asked {
    Select(ScheduleItemId),
    Star(ScheduleItemId, bool),
    Notes(ScheduleItemId),
    /// Something for the app to apply (a talk's marks).
    Act(Box<Action>),
}

impl ScheduleView {
    /// Puts the cursor in the search at the next frame (Ctrl+F).
    pub fn focus_search(&mut self) {
        self.focus_search = true;
    }

    /// Draws the schedule of `open`; returns what was asked. When the journal cannot be
    /// edited, starring, importing and starting new notes are off (existing notes still open).
    pub fn show(&mut self, ui: &mut Ui, open: &OpenTrip, editable: bool) -> Vec<Action> {
        let mut asked = Vec::new();
        asked.extend(self.keys(ui, open));
        self.update_listing(open);
        if open.schedule.items().is_empty() {
            return empty_schedule(ui, open.trip.id, editable)
                .into_iter()
                .collect();
        }
        let mut actions: Vec<Action> = self.toolbar(ui, open, editable).into_iter().collect();
        actions.extend(super::plan_panel::changes_panel(ui, open, editable));
        if let Some(listing) = &self.listing
            && self.layout != DayLayout::Plan
        {
            let rows = listing.rows.clone();
            actions.extend(super::plan_panel::clash_lines(ui, open, &rows, editable));
        }
        ui.separator();
        match self.layout {
            DayLayout::List => asked.extend(self.rows(ui, open, editable)),
            DayLayout::Grid => asked.extend(self.grid(ui, open)),
            DayLayout::Plan => {
                if let Some(day) = self.listing.as_ref().and_then(|l| l.key.day) {
                    self.row_ids.clear();
                    actions.extend(super::plan_view::show(ui, open, day, editable));
                }
            }
        }
        asked.retain(|asked| editable || allowed_read_only(asked, open));
        for asked in asked {
            match asked {
                Asked::Select(id) => self.selected = Some(id),
                Asked::Star(id, starred) => {
                    self.selected = Some(id);
                    actions.push(Action::StarTalk(id, starred));
                }
                Asked::Notes(id) => {
                    self.selected = Some(id);
                    actions.push(Action::StartNotes(id));
                }
                Asked::Act(action) => actions.push(*action),
            }
        }
        actions
    }

    /// Derives the listing again when what it depends on changed; picks a day (today when
    /// the schedule has it, else its first day) when none is chosen.
    fn update_listing(&mut self, open: &OpenTrip) {
        let zone = open.trip.fields.time_zone;
        let key = ListingKey {
            trip: open.trip.id,
            version: open.schedule.version(),
            zone,
            day: self.day,
            track: self.track.clone(),
            search: self.search.clone(),
        };
        if self.listing.as_ref().is_some_and(|l| l.key == key) {
            return;
        }
        let items = open.schedule.items();
        let days = schedule_days(items, zone);
        let today = Utc::now().with_timezone(&zone).date_naive();
        let day = self
            .day
            .filter(|day| days.contains(day))
            .or_else(|| days.iter().copied().find(|day| *day == today))
            .or_else(|| days.first().copied());
        self.day = day;
        let rows = day.map_or_else(Vec::new, |day| {
            let filter = DayFilter {
                day,
                zone,
                track: self.track.as_deref(),
                search: &self.search,
            };
            day_items(items, &filter)
        });
        self.listing = Some(Listing {
            key: ListingKey { day, ..key },
            days,
            tracks: schedule_tracks(items),
            grid: DayGrid::build(items, &rows, zone),
            rows,
        });
    }

    /// `S` stars the selected (or focused) talk, Enter starts its notes, ↑/↓ move the
    /// selection, each press in the order it came. Nothing happens while a text field or
    /// another widget has the keyboard.
    fn keys(&mut self, ui: &mut Ui, open: &OpenTrip) -> Vec<Asked> {
        let focused = ui.memory(|memory| memory.focused());
        let (mut target, cmds): (_, &[Cmd]) = match focused {
            None => (
                self.selected,
                &[
                    Cmd::ScheduleNext,
                    Cmd::SchedulePrevious,
                    Cmd::ScheduleStar,
                    Cmd::ScheduleNotes,
                ],
            ),
            Some(id) => match self.row_ids.get(&id) {
                Some(row) => (Some(*row), &[Cmd::ScheduleStar, Cmd::ScheduleNotes]),
                None => return Vec::new(),
            },
        };
        let presses = ui.input_mut(|input| take_presses_in_order(input, cmds));
        let mut starred: HashMap<ScheduleItemId, bool> = HashMap::new();
        let mut asked = Vec::new();
        for cmd in presses {
            let step = match cmd {
                Cmd::ScheduleNext => 1,
                Cmd::SchedulePrevious => -1,
                _ => 0,
            };
            if step != 0 {
                if let Some(id) = self.move_selection(open, step) {
                    self.selected = Some(id);
                    target = Some(id);
                    asked.push(Asked::Select(id));
                }
                continue;
            }
            let Some(item) = target.and_then(|id| open.schedule.item(id)) else {
                continue;
            };
            if cmd == Cmd::ScheduleStar {
                let now = starred.entry(item.id).or_insert(item.starred);
                *now = !*now;
                asked.push(Asked::Star(item.id, *now));
            } else {
                asked.push(Asked::Notes(item.id));
            }
        }
        asked
    }

    /// The talk `step` rows away from the selected one (the first when none is selected).
    fn move_selection(&mut self, open: &OpenTrip, step: isize) -> Option<ScheduleItemId> {
        let listing = self.listing.as_ref()?;
        let items = open.schedule.items();
        let current = self
            .selected
            .and_then(|id| listing.rows.iter().position(|row| items[*row].id == id));
        let row = match current {
            Some(row) => row.checked_add_signed(step)?,
            None => 0,
        };
        let item = items.get(*listing.rows.get(row)?)?;
        self.scroll_to_row = Some(row);
        self.grid.scroll_to_selected = true;
        Some(item.id)
    }

    /// The day tabs, the track filter, the search and the import button.
    fn toolbar(&mut self, ui: &mut Ui, open: &OpenTrip, editable: bool) -> Option<Action> {
        let Some(listing) = &self.listing else {
            return None;
        };
        let mut day = self.day;
        let mut layout = self.layout;
        ui.horizontal_wrapped(|ui| {
            for tab in &listing.days {
                let words = crate::export::words::words(super::i18n::language(ui.ctx()));
                let text = words.short_date(*tab, false);
                ui.selectable_value(&mut day, Some(*tab), text);
            }
            ui.separator();
            let ctx = ui.ctx().clone();
            ui.selectable_value(&mut layout, DayLayout::List, t!(&ctx, "schedule-list"))
                .on_hover_text(t!(&ctx, "schedule-list-help"));
            ui.selectable_value(&mut layout, DayLayout::Grid, t!(&ctx, "schedule-grid"))
                .on_hover_text(t!(&ctx, "schedule-grid-help"));
            ui.selectable_value(&mut layout, DayLayout::Plan, t!(&ctx, "schedule-plan"))
                .on_hover_text(t!(&ctx, "schedule-plan-help"));
        });
        self.layout = layout;
        let mut action = None;
        let mut track = self.track.clone();
        ui.horizontal_wrapped(|ui| {
            let ctx = ui.ctx().clone();
            let shown = track
                .clone()
                .unwrap_or_else(|| t!(&ctx, "schedule-all-tracks"));
            let label = ui.label(t!(&ctx, "schedule-track"));
            egui::ComboBox::from_id_salt("schedule-track")
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut track, None, t!(&ctx, "schedule-all-tracks"));
                    for name in &listing.tracks {
                        ui.selectable_value(&mut track, Some(name.clone()), name);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.separator();
            let label = ui.label(t!(&ctx, "schedule-search"));
            let search = ui
                .add(
                    egui::TextEdit::singleline(&mut self.search)
                        .hint_text(t!(&ctx, "schedule-search-hint"))
                        .desired_width(180.0),
                )
                .labelled_by(label.id);
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            let count = listing.rows.len();
            let count = t!(&ctx, "schedule-talk-count", count = count);
            ui.add(egui::Label::new(RichText::new(count).weak()).extend());
            ui.separator();
            if command_button(ui, Cmd::ImportSchedule, editable) {
                action = Some(Action::PickSchedule(Some(open.trip.id)));
            }
            if let Some(export) = super::plan_panel::export_plan_button(ui, open) {
                action = Some(export);
            }
            super::plan_panel::reminder_setting(ui);
        });
        self.day = day;
        self.track = track;
        action
    }

    /// The day's talks by room and time.
    fn grid(&mut self, ui: &mut Ui, open: &OpenTrip) -> Vec<Asked> {
        let Some(listing) = &self.listing else {
            return Vec::new();
        };
        let Some(date) = listing.key.day else {
            return Vec::new();
        };
        if listing.rows.is_empty() {
            ui.add_space(12.0);
            ui.label(t!(ui.ctx(), "schedule-no-match"));
            return Vec::new();
        }
        let day = GridDay {
            grid: &listing.grid,
            items: open.schedule.items(),
            zone: open.trip.fields.time_zone,
            selected: self.selected,
            now: Utc::now(),
        };
        let mut cell_ids = HashMap::new();
        let shown = (date, listing.key.version);
        let asked = self.grid.show(ui, &day, shown, &mut cell_ids);
        self.row_ids = cell_ids;
        asked
    }

    /// The talks of the day, only those on screen laid out.
    fn rows(&mut self, ui: &mut Ui, open: &OpenTrip, editable: bool) -> Vec<Asked> {
        let Some(listing) = &self.listing else {
            return Vec::new();
        };
        if listing.rows.is_empty() {
            ui.add_space(12.0);
            ui.label(t!(ui.ctx(), "schedule-no-match"));
            return Vec::new();
        }
        let zone = open.trip.fields.time_zone;
        let items = open.schedule.items();
        let time_width = ui
            .painter()
            .layout_no_wrap(
                "00:00–00:00".to_string(),
                egui::TextStyle::Monospace.resolve(ui.style()),
                egui::Color32::WHITE,
            )
            .size()
            .x;
        let shape = RowShape::for_width(ui.available_width(), time_width);
        let row_step = shape.height() + ui.spacing().item_spacing.y;
        let mut scroll = egui::ScrollArea::vertical()
            .id_salt("schedule")
            .auto_shrink([false, false]);
        if let Some(row) = self.scroll_to_row.take()
            && !self.visible.contains(&row)
        {
            scroll = scroll.vertical_scroll_offset((row as f32 - 3.0).max(0.0) * row_step);
        }
        let mut asked = Vec::new();
        let day: Vec<ScheduleItem> = (listing.rows.iter())
            .filter_map(|row| items.get(*row).cloned())
            .collect();
        let clashing = crate::model::clashes(&day);
        let words = crate::export::words::words(super::i18n::language(ui.ctx()));
        let mut row_ids = HashMap::new();
        let mut visible = 0..0;
        let now = Utc::now();
        let today = listing.key.day == Some(now.with_timezone(&zone).date_naive());
        let started = today.then(|| rows_started_by(items, &listing.rows, now));
        if today {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(30));
        }
        scroll.show_rows(ui, shape.height(), listing.rows.len(), |ui, range| {
            let first_top = ui.cursor().top();
            if let Some(started) = started.filter(|row| range.start <= *row && *row <= range.end) {
                #[allow(clippy::cast_precision_loss)]
                let y = first_top + (started - range.start) as f32 * row_step
                    - ui.spacing().item_spacing.y / 2.0;
                list_now_line(ui, y.max(first_top + 1.0), now.with_timezone(&zone));
            }
            visible = range.clone();
            for &index in &listing.rows[range] {
                let item = &items[index];
                let row = TalkRow {
                    item,
                    zone,
                    selected: self.selected == Some(item.id),
                    editable,
                    has_notes: item
                        .entry
                        .is_some_and(|entry| open.entries.iter().any(|e| e.id == entry)),
                    clashes_with: super::plan_panel::clashing_titles(open, &clashing, item.id),
                    moved_from: (open.schedule.moved_from(item.id))
                        .map(|before| words.slot(before, zone)),
                };
                let (title_id, row_asked) = row.show(ui, shape);
                row_ids.insert(title_id, item.id);
                asked.extend(row_asked);
            }
        });
        self.visible = visible;
        self.row_ids = row_ids;
        asked
    }
}

/// The list's red "now" line between the talks already started and those to come, with the
/// time at its right end.
fn list_now_line(ui: &Ui, y: f32, now: DateTime<Tz>) {
    let color = ui.visuals().error_fg_color;
    let rect = ui.max_rect();
    let painter = ui.painter();
    painter.hline(rect.x_range(), y, egui::Stroke::new(2.0, color));
    let text = painter.layout_no_wrap(
        t!(
            ui.ctx(),
            "schedule-now-at",
            time = now.format("%H:%M").to_string()
        ),
        egui::FontId::proportional(11.0),
        color,
    );
    let tag = egui::Rect::from_min_size(
        egui::pos2(
            rect.right() - text.size().x - 8.0,
            y - text.size().y / 2.0 - 1.0,
        ),
        text.size() + egui::vec2(8.0, 2.0),
    );
    painter.rect_filled(tag, 3.0, ui.visuals().panel_fill);
    painter.galley(tag.min + egui::vec2(4.0, 1.0), text, color);
}

/// Whether a read-only journal can do what was asked: select, and open existing notes.
fn allowed_read_only(asked: &Asked, open: &OpenTrip) -> bool {
    match asked {
        Asked::Select(_) => true,
        Asked::Star(..) | Asked::Act(_) => false,
        Asked::Notes(id) => open
            .schedule
            .item(*id)
            .and_then(|item| item.entry)
            .is_some_and(|entry| open.entries.iter().any(|e| e.id == entry)),
    }
}

/// The view of a trip without a schedule.
fn empty_schedule(ui: &mut Ui, trip: TripId, editable: bool) -> Option<Action> {
    let mut action = None;
    ui.add_space(20.0);
    ui.vertical_centered(|ui| {
        ui.label(t!(ui.ctx(), "schedule-none"));
        ui.label(t!(ui.ctx(), "schedule-none-hint"));
        ui.add_space(8.0);
        if command_button(ui, Cmd::ImportSchedule, editable) {
            action = Some(Action::PickSchedule(Some(trip)));
        }
    });
    action
}

/// How the rows are laid out at a width. The title is what matters: when the row is too
/// narrow for it beside the room and track columns, room · track go on a second line under
/// it rather than squeezing it.
#[derive(Debug, Clone, Copy, PartialEq)]
struct RowShape {
    /// Width of the star and time cells before the title.
    lead: f32,
    /// Room and track under the title instead of in columns beside it.
    two_lines: bool,
}

impl RowShape {
    /// The shape of a row `width` wide whose time text is `time_width` wide.
    fn for_width(width: f32, time_width: f32) -> Self {
        let lead = STAR_WIDTH + GAP + time_width + GAP;
        let one_line_title = width - lead - (ROOM_WIDTH + TRACK_WIDTH + NOTES_WIDTH + 3.0 * GAP);
        Self {
            lead,
            two_lines: one_line_title < TITLE_MIN_WIDTH,
        }
    }

    fn height(self) -> f32 {
        if self.two_lines {
            2.0 * ROW_HEIGHT - 4.0
        } else {
            ROW_HEIGHT
        }
    }
}

/// `rect` cut in two at `width` from its left (a gap between).
fn cut_left(rect: egui::Rect, width: f32) -> (egui::Rect, egui::Rect) {
    let width = width.min(rect.width());
    let left = egui::Rect::from_min_size(rect.min, egui::vec2(width, rect.height()));
    let right = egui::Rect::from_min_max(
        egui::pos2((left.right() + GAP).min(rect.right()), rect.top()),
        rect.max,
    );
    (left, right)
}

/// `rect` cut in two at `width` from its right (a gap between).
fn cut_right(rect: egui::Rect, width: f32) -> (egui::Rect, egui::Rect) {
    let width = width.min(rect.width());
    let right = egui::Rect::from_min_max(egui::pos2(rect.right() - width, rect.top()), rect.max);
    let left = egui::Rect::from_min_max(
        rect.min,
        egui::pos2((right.left() - GAP).max(rect.left()), rect.bottom()),
    );
    (left, right)
}

/// A child of `ui` confined to `rect`, laid out left to right (right to left when `end`).
fn cell(ui: &mut Ui, rect: egui::Rect, end: bool) -> Ui {
    let layout = if end {
        Layout::right_to_left(Align::Center)
    } else {
        Layout::left_to_right(Align::Center)
    };
    ui.new_child(egui::UiBuilder::new().max_rect(rect).layout(layout))
}

/// One talk's row.
struct TalkRow<'a> {
    item: &'a ScheduleItem,
    zone: Tz,
    selected: bool,
    /// The journal can be written (else starring and new notes are off).
    editable: bool,
    /// A session entry was made from it (and still exists).
    has_notes: bool,
    /// The titles of the plan's talks it clashes with.
    clashes_with: Vec<String>,
    /// Where it was before the programme moved it (until the change is seen).
    moved_from: Option<String>,
}

impl TalkRow<'_> {
    /// Draws the row in the given shape; returns its title widget's id and what was asked.
    fn show(&self, ui: &mut Ui, shape: RowShape) -> (Id, Option<Asked>) {
        let item = self.item;
        let width = ui.available_width();
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(width, shape.height()), egui::Sense::hover());
        let line = egui::Rect::from_min_size(rect.min, egui::vec2(width, ROW_HEIGHT));
        let (star, rest) = cut_left(line, STAR_WIDTH);
        let (time, rest) = cut_left(rest, shape.lead - STAR_WIDTH - 2.0 * GAP);
        let mut asked = self.star_button(&mut cell(ui, star, false));
        let when = time_text(ui.ctx(), item, self.zone);
        cell(ui, time, false).monospace(when);
        let title = if shape.two_lines {
            // Title alone on the first line; room · track and the notes button under it.
            let under =
                egui::Rect::from_min_max(egui::pos2(rest.left(), line.bottom() - 4.0), rect.max);
            let (place, notes) = cut_right(under, NOTES_WIDTH);
            asked = self.notes_button(&mut cell(ui, notes, true)).or(asked);
            let place_text = room_and_track(&item.talk);
            if !place_text.is_empty() {
                column(
                    &mut cell(ui, place, false),
                    RichText::new(place_text).weak(),
                );
            }
            rest
        } else {
            let (rest, notes) = cut_right(rest, NOTES_WIDTH);
            asked = self.notes_button(&mut cell(ui, notes, true)).or(asked);
            let (rest, track) = cut_right(rest, TRACK_WIDTH);
            let (title, room) = cut_right(rest, ROOM_WIDTH);
            column(
                &mut cell(ui, track, false),
                RichText::new(&item.talk.track).weak(),
            );
            column(&mut cell(ui, room, false), RichText::new(&item.talk.room));
            title
        };
        let response = self.title(&mut cell(ui, title, false));
        if let Some(marked) = super::plan_panel::marks_menu(&response, item, self.editable) {
            asked = Some(Asked::Act(Box::new(marked)));
        }
        if response.double_clicked() {
            asked = Some(Asked::Notes(item.id));
        } else if response.clicked() || response.gained_focus() {
            asked = asked.take().or(Some(Asked::Select(item.id)));
        }
        (response.id, asked)
    }

    /// The ☆/★ button; a click asks to (un)star.
    fn star_button(&self, ui: &mut Ui) -> Option<Asked> {
        let item = self.item;
        let title = &item.talk.title;
        let (star, what) = if item.starred {
            ("★", t!(ui.ctx(), "schedule-unstar", title = title.as_str()))
        } else {
            ("☆", t!(ui.ctx(), "schedule-star", title = title.as_str()))
        };
        let star = egui::Button::new(RichText::new(star).color(star_color(ui))).small();
        let button = ui.add_enabled(self.editable, star);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
        button
            .on_hover_text(format!("{what} (S)"))
            .clicked()
            .then_some(Asked::Star(item.id, !item.starred))
    }

    /// The title as a selectable button (struck through when cancelled); hovering shows the
    /// speakers and the abstract.
    fn title(&self, ui: &mut Ui) -> egui::Response {
        let talk = &self.item.talk;
        let ctx = ui.ctx().clone();
        let mut marks = String::new();
        if !self.clashes_with.is_empty() {
            marks.push_str("⚠ ");
        }
        if self.moved_from.is_some() {
            marks.push_str("↻ ");
        }
        if self.item.starred && self.item.marks.maybe {
            marks.push_str(&t!(&ctx, "plan-maybe-prefix"));
        }
        let mut text = RichText::new(format!("{marks}{}", talk.title));
        if self.item.cancelled {
            text = text.strikethrough().weak();
        }
        let response = ui.add(egui::Button::selectable(self.selected, text).truncate());
        response.on_hover_ui(|ui| {
            talk_tooltip(ui, self.item);
            if !self.clashes_with.is_empty() {
                let with = self.clashes_with.join(", ");
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!(&ctx, "plan-clashes-with", titles = with),
                );
            }
            if let Some(before) = &self.moved_from {
                ui.label(t!(&ctx, "plan-moved-from", before = before.as_str()));
            }
        })
    }

    /// "✏ notes" for a talk with an entry; "Start notes" on the selected talk.
    fn notes_button(&self, ui: &mut Ui) -> Option<Asked> {
        let title = &self.item.talk.title;
        let ctx = ui.ctx().clone();
        let title = title.as_str();
        let (text, what) = if self.has_notes {
            (
                t!(&ctx, "schedule-notes"),
                t!(&ctx, "schedule-open-notes-on", title = title),
            )
        } else if self.selected && self.editable {
            (
                t!(&ctx, "schedule-start-notes"),
                t!(&ctx, "schedule-start-notes-on", title = title),
            )
        } else {
            return None;
        };
        let button = ui.small_button(text);
        button.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
        button
            .on_hover_text(&what)
            .clicked()
            .then_some(Asked::Notes(self.item.id))
    }
}

/// A talk's tooltip: its title, subtitle, whether it was cancelled, room and track, speakers
/// and the start of its abstract.
pub(super) fn talk_tooltip(ui: &mut Ui, item: &ScheduleItem) {
    let talk = &item.talk;
    let ctx = ui.ctx().clone();
    ui.set_max_width(420.0);
    ui.strong(&talk.title);
    if !talk.subtitle.is_empty() {
        ui.label(&talk.subtitle);
    }
    if item.cancelled {
        ui.label(t!(&ctx, "schedule-cancelled"));
    }
    let place = room_and_track(talk);
    if !place.is_empty() {
        ui.label(place);
    }
    if !talk.speakers.is_empty() {
        ui.label(talk.speakers.join(", "));
    }
    let summary: String = talk.abstract_text.chars().take(400).collect();
    if !summary.is_empty() {
        ui.weak(summary);
    }
    ui.weak(t!(&ctx, "schedule-start-notes-hint"));
}

/// "Room · Track", leaving out either when the programme gives none.
fn room_and_track(talk: &crate::model::Talk) -> String {
    [talk.room.as_str(), talk.track.as_str()]
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// A column's text, cut with an ellipsis at the cell's width.
fn column(ui: &mut Ui, text: RichText) {
    ui.add(egui::Label::new(text).truncate());
}

fn star_color(ui: &Ui) -> egui::Color32 {
    super::theme::rating_color(ui.visuals())
}

/// "09:00–09:50" in the trip's zone, or "All day".
pub(super) fn time_text(ctx: &egui::Context, item: &ScheduleItem, zone: Tz) -> String {
    match &item.talk.time {
        TalkTime::AllDay { .. } => t!(ctx, "schedule-all-day"),
        TalkTime::Timed { start, end } => format!(
            "{}–{}",
            start.with_timezone(&zone).format("%H:%M"),
            end.with_timezone(&zone).format("%H:%M")
        ),
    }
}

/// The Now / next strip: the starred talk running now and the next one, with rooms and
/// times. It is one line of a fixed height, and while a star could fill it (during the trip,
/// talks still to come) it keeps its place with a hint, so starring a talk never pushes the
/// list under the pointer. A click opens the talk's notes (starting them the first time).
pub fn now_next_strip(ui: &mut Ui, open: &OpenTrip) -> Option<Action> {
    let items = open.schedule.items();
    if items.is_empty() {
        return None;
    }
    let now = Utc::now();
    let answer = now_and_next(items, &open.trip.fields, now);
    let wait = answer
        .changes_at
        .and_then(|at| (at - now).to_std().ok())
        .map_or(STRIP_RECHECK, |left| left.min(STRIP_RECHECK));
    ui.ctx().request_repaint_after(wait);
    if !answer.holds_place && answer.now.is_none() && answer.next.is_none() {
        return None;
    }
    let zone = open.trip.fields.time_zone;
    let clashing = crate::model::clashes(items);
    let mut action = None;
    let height = ui.spacing().interact_size.y;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        let size = egui::vec2(ui.available_width(), height);
        let layout = egui::Layout::left_to_right(egui::Align::Center);
        ui.allocate_ui_with_layout(size, layout, |ui| {
            ui.set_height(height);
            ui.set_clip_rect(ui.max_rect().intersect(ui.clip_rect()));
            if answer.now.is_none() && answer.next.is_none() {
                ui.weak(t!(ui.ctx(), "schedule-strip-hint"));
            }
            let shown = usize::from(answer.now.is_some()) + usize::from(answer.next.is_some());
            // Each talk's share of the line, less its word, time and room.
            #[allow(clippy::cast_precision_loss)]
            let title_width = (ui.available_width() / shown.max(1) as f32 - STRIP_TALK_EXTRAS)
                .max(STRIP_TITLE_MIN_WIDTH);
            let words = [t!(ui.ctx(), "schedule-now"), t!(ui.ctx(), "schedule-next")];
            for (word, item) in words.iter().zip([answer.now, answer.next]) {
                let Some(item) = item else { continue };
                if let Some(asked) = strip_talk(ui, word, item, zone, now, title_width) {
                    action = Some(asked);
                }
                strip_clash_mark(
                    ui,
                    &super::plan_panel::clashing_titles(open, &clashing, item.id),
                );
                ui.add_space(16.0);
            }
        });
    });
    action
}

/// One talk of the Now / next strip: "Now  10:00–10:50  Title  · Room". The title is cut
/// with "…" when the line is full (the whole title is its tooltip).
fn strip_talk(
    ui: &mut Ui,
    word: &str,
    item: &ScheduleItem,
    zone: Tz,
    now: DateTime<Utc>,
    title_width: f32,
) -> Option<Action> {
    ui.label(RichText::new(word).strong());
    let mut when = time_text(ui.ctx(), item, zone);
    if let TalkTime::Timed { start, .. } = item.talk.time {
        let day = start.with_timezone(&zone).date_naive();
        if day != now.with_timezone(&zone).date_naive() {
            let words = crate::export::words::words(super::i18n::language(ui.ctx()));
            when = format!("{} {when}", words.short_weekday(day));
        }
    }
    ui.monospace(when);
    let title = &item.talk.title;
    let link_text = RichText::new(title)
        .color(ui.visuals().hyperlink_color)
        .underline();
    let height = ui.spacing().interact_size.y;
    let link = ui
        .allocate_ui(egui::vec2(title_width, height), |ui| {
            ui.add(
                egui::Label::new(link_text)
                    .truncate()
                    .sense(egui::Sense::click()),
            )
        })
        .inner;
    let what = format!("{word}: {title}");
    link.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &what));
    if !item.talk.room.is_empty() {
        ui.weak(format!("· {}", item.talk.room));
    }
    let link = link.on_hover_cursor(egui::CursorIcon::PointingHand);
    link.on_hover_text(format!("{title}\nOpen the notes on this talk"))
        .clicked()
        .then_some(Action::StartNotes(item.id))
}

/// "⚠" after a Now / next talk that clashes with another talk of the plan; its tooltip
/// names them.
fn strip_clash_mark(ui: &mut Ui, titles: &[String]) {
    if titles.is_empty() {
        return;
    }
    let ctx = ui.ctx().clone();
    let what = t!(&ctx, "plan-clashes-with", titles = titles.join(", "));
    let mark = ui.colored_label(ui.visuals().warn_fg_color, "⚠");
    mark.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &what));
    mark.on_hover_text(what);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_rows_put_room_and_track_under_the_title_wide_rows_beside_it() {
        let time = 90.0;
        let narrow = RowShape::for_width(440.0, time);
        assert!(narrow.two_lines);
        assert!(narrow.height() > ROW_HEIGHT);
        let wide = RowShape::for_width(1000.0, time);
        assert!(!wide.two_lines);
        assert_eq!(wide.height(), ROW_HEIGHT);
        // Right where the title would get less than its minimum beside the columns.
        let edge = wide.lead + ROOM_WIDTH + TRACK_WIDTH + NOTES_WIDTH + 3.0 * GAP + TITLE_MIN_WIDTH;
        assert!(!RowShape::for_width(edge, time).two_lines);
        assert!(RowShape::for_width(edge - 1.0, time).two_lines);
    }

    #[test]
    fn cutting_a_rect_never_leaves_a_negative_width() {
        let rect = egui::Rect::from_min_size(egui::pos2(10.0, 0.0), egui::vec2(50.0, 20.0));
        let (left, right) = cut_left(rect, 80.0);
        assert_eq!(left.width(), 50.0);
        assert!(right.width() >= 0.0);
        let (left, right) = cut_right(rect, 20.0);
        assert_eq!(right.width(), 20.0);
        assert_eq!(left.right(), right.left() - GAP);
    }
}
