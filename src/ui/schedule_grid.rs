//! The Schedule view's grid: the day's rooms side by side, time running down, each talk a
//! cell as long as it lasts (as conference apps show a programme), with a red "now" line
//! across the day while it runs. Starred talks carry a gold star and frame; a cancelled
//! talk is struck through. A click selects a cell, a double-click (or Enter) starts its
//! notes, `S` stars it, as in the list. The room names stay above the grid while it scrolls.
//!
//! Where each cell goes is the library's [`DayGrid`]; this module only draws it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use egui::{Align2, FontId, Id, Rect, RichText, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

use super::schedule_view::{Asked, talk_tooltip, time_text};
use crate::app::DayGrid;
use crate::model::{ScheduleItem, ScheduleItemId};

/// The width of the hours column on the left.
const TIME_COLUMN: f32 = 64.0;
/// The narrowest a room's column gets (wider rooms fill the view when they fit).
const ROOM_MIN_WIDTH: f32 = 170.0;
/// Pixels per minute down the grid: an hour is 96 px.
const PER_MINUTE: f32 = 1.6;
/// The height of the room names' row.
const HEADER_HEIGHT: f32 = 24.0;
/// A cell shows its time above the title when it is at least this tall.
const TWO_LINE_CELL: f32 = 34.0;
/// Room between cells.
const CELL_GAP: f32 = 2.0;

/// What the grid needs to draw a day, besides the grid itself.
pub(super) struct GridDay<'a> {
    pub grid: &'a DayGrid,
    pub items: &'a [ScheduleItem],
    pub zone: Tz,
    pub selected: Option<ScheduleItemId>,
    pub now: DateTime<Utc>,
}

/// The grid's own state between frames.
#[derive(Default)]
pub(super) struct GridState {
    /// The horizontal scroll of the last frame (the room names follow it).
    offset_x: f32,
    /// Scroll to the now line (or the top) when a new day shows.
    scrolled_for: Option<(chrono::NaiveDate, u64)>,
    /// Bring the selected cell into view (the selection moved by keys).
    pub scroll_to_selected: bool,
}

impl GridState {
    /// Draws `day` (the day `date` of schedule version `version`); returns what a click asked
    /// and fills `cell_ids` with each drawn cell's widget id.
    pub(super) fn show(
        &mut self,
        ui: &mut Ui,
        day: &GridDay<'_>,
        shown: (chrono::NaiveDate, u64),
        cell_ids: &mut HashMap<Id, ScheduleItemId>,
    ) -> Vec<Asked> {
        all_day_line(ui, day);
        let rooms = day.grid.rooms.len().max(1);
        #[allow(clippy::cast_precision_loss)]
        let room_width = ((ui.available_width() - TIME_COLUMN) / rooms as f32).max(ROOM_MIN_WIDTH);
        self.room_names(ui, day.grid, room_width);
        #[allow(clippy::cast_precision_loss)]
        let height = day.grid.minutes as f32 * PER_MINUTE + 8.0;
        #[allow(clippy::cast_precision_loss)]
        let width = TIME_COLUMN + room_width * rooms as f32;
        let mut scroll = egui::ScrollArea::both()
            .id_salt("schedule-grid")
            .auto_shrink([false, false]);
        if self.scrolled_for != Some(shown) {
            self.scrolled_for = Some(shown);
            let now_y = day.grid.minutes_to(day.now).map_or(0.0, |m| m * PER_MINUTE);
            scroll = scroll.vertical_scroll_offset((now_y - 120.0).max(0.0));
        }
        let scroll_to_selected = std::mem::take(&mut self.scroll_to_selected);
        let output = scroll.show(ui, |ui| {
            let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
            let canvas = Canvas { rect, room_width };
            canvas.hour_lines(ui, day.grid, day.grid.minutes_to(day.now));
            let asked = canvas.cells(ui, day, scroll_to_selected, cell_ids);
            canvas.now_line(ui, day);
            asked
        });
        self.offset_x = output.state.clamped_offset().x;
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(30));
        output.inner
    }

    /// The room names above the grid, moved with its horizontal scroll.
    fn room_names(&self, ui: &mut Ui, grid: &DayGrid, room_width: f32) {
        let (row, _) =
            ui.allocate_exact_size(vec2(ui.available_width(), HEADER_HEIGHT), Sense::hover());
        let clip = Rect::from_min_max(pos2(row.left() + TIME_COLUMN, row.top()), row.max);
        let mut names = ui.new_child(egui::UiBuilder::new().max_rect(row));
        names.set_clip_rect(clip.intersect(ui.clip_rect()));
        for (column, room) in grid.rooms.iter().enumerate() {
            #[allow(clippy::cast_precision_loss)]
            let left = row.left() + TIME_COLUMN + column as f32 * room_width - self.offset_x;
            let cell = Rect::from_min_size(
                pos2(left + 4.0, row.top()),
                vec2(room_width - 8.0, HEADER_HEIGHT),
            );
            if !cell.intersects(clip) {
                continue;
            }
            let name = if room.is_empty() {
                t!(ui.ctx(), "schedule-no-room")
            } else {
                room.clone()
            };
            names.put(
                cell,
                egui::Label::new(RichText::new(name).strong()).truncate(),
            );
        }
    }
}

/// "All day: Registration · Hall" above the grid, when the day has all-day items.
fn all_day_line(ui: &mut Ui, day: &GridDay<'_>) {
    let titles: Vec<&str> = day
        .grid
        .all_day
        .iter()
        .filter_map(|row| day.items.get(*row))
        .map(|item| item.talk.title.as_str())
        .collect();
    if titles.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        ui.weak(t!(ui.ctx(), "schedule-all-day-label"));
        ui.add(egui::Label::new(titles.join(" · ")).truncate());
    });
}

/// The grid's drawing area and its columns' width.
struct Canvas {
    rect: Rect,
    room_width: f32,
}

impl Canvas {
    fn y_at(&self, minutes: f32) -> f32 {
        self.rect.top() + 4.0 + minutes * PER_MINUTE
    }

    /// A faint line and the time at each whole hour, and a line between rooms.
    /// The hour lines and labels, and the room columns; an hour label the now tag would cover
    /// (`now_minutes` from the top) is left out, the tag telling the time instead.
    fn hour_lines(&self, ui: &Ui, grid: &DayGrid, now_minutes: Option<f32>) {
        let painter = ui.painter();
        let visuals = ui.visuals();
        let line = Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color);
        let font = FontId::monospace(12.0);
        for (minutes, label) in grid.hours() {
            #[allow(clippy::cast_precision_loss)]
            let y = self.y_at(minutes as f32);
            painter.hline(
                self.rect.left() + TIME_COLUMN - 6.0..=self.rect.right(),
                y,
                line,
            );
            let under_now_tag =
                now_minutes.is_some_and(|now| (self.y_at(now) - (y + 9.0)).abs() < 20.0);
            if under_now_tag {
                continue;
            }
            painter.text(
                pos2(self.rect.left() + 4.0, y + 2.0),
                Align2::LEFT_TOP,
                label,
                font.clone(),
                visuals.weak_text_color(),
            );
        }
        for column in 0..=grid.rooms.len() {
            #[allow(clippy::cast_precision_loss)]
            let x = self.rect.left() + TIME_COLUMN + column as f32 * self.room_width;
            painter.vline(x, self.rect.y_range(), line);
        }
    }

    /// The cells of the day's talks (those in view, and the selected one when it is to be
    /// scrolled to); returns what a click or double-click asked.
    fn cells(
        &self,
        ui: &mut Ui,
        day: &GridDay<'_>,
        scroll_to_selected: bool,
        cell_ids: &mut HashMap<Id, ScheduleItemId>,
    ) -> Vec<Asked> {
        let mut asked = Vec::new();
        let clip = ui.clip_rect();
        for cell in &day.grid.cells {
            let Some(item) = day.items.get(cell.item) else {
                continue;
            };
            #[allow(clippy::cast_precision_loss)]
            let lane_width = self.room_width / cell.lanes.max(1) as f32;
            #[allow(clippy::cast_precision_loss)]
            let left = self.rect.left()
                + TIME_COLUMN
                + cell.column as f32 * self.room_width
                + cell.lane as f32 * lane_width;
            #[allow(clippy::cast_precision_loss)]
            let top = self.y_at(cell.from_top as f32);
            #[allow(clippy::cast_precision_loss)]
            let height = (cell.minutes as f32 * PER_MINUTE - CELL_GAP).max(18.0);
            let rect = Rect::from_min_size(
                pos2(left + CELL_GAP, top + CELL_GAP / 2.0),
                vec2(lane_width - 2.0 * CELL_GAP, height),
            );
            let selected = day.selected == Some(item.id);
            let wanted = selected && scroll_to_selected;
            if !rect.intersects(clip) && !wanted {
                continue;
            }
            let response = talk_cell(ui, rect, item, day.zone, selected);
            if selected && scroll_to_selected {
                response.scroll_to_me(None);
            }
            cell_ids.insert(response.id, item.id);
            if response.double_clicked() {
                asked.push(Asked::Notes(item.id));
            } else if response.clicked() || response.gained_focus() {
                asked.push(Asked::Select(item.id));
            }
        }
        asked
    }

    /// The red line across the day at the present minute, with the time on its left.
    fn now_line(&self, ui: &mut Ui, day: &GridDay<'_>) {
        let Some(minutes) = day.grid.minutes_to(day.now) else {
            return;
        };
        let y = self.y_at(minutes);
        let color = ui.visuals().error_fg_color;
        ui.painter().hline(
            self.rect.left() + TIME_COLUMN - 4.0..=self.rect.right(),
            y,
            Stroke::new(2.0, color),
        );
        let tag = Rect::from_min_size(
            pos2(self.rect.left(), y - 9.0),
            vec2(TIME_COLUMN - 4.0, 18.0),
        );
        ui.painter().rect_filled(tag, 3.0, ui.visuals().panel_fill);
        let now = day.now.with_timezone(&day.zone).format("%H:%M");
        ui.put(
            tag,
            egui::Label::new(
                RichText::new(t!(ui.ctx(), "schedule-now-at", time = now.to_string()))
                    .color(color)
                    .small(),
            ),
        );
    }
}

/// One talk's cell: its frame (gold when starred), star, time and title; hovering shows the
/// talk as the list's tooltip does.
fn talk_cell(
    ui: &mut Ui,
    rect: Rect,
    item: &ScheduleItem,
    zone: Tz,
    selected: bool,
) -> egui::Response {
    let id = Id::unique(("schedule-talk-cell", item.id.0));
    let response = ui.interact(rect, id, Sense::click());
    let title = &item.talk.title;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, title));
    let visuals = ui.visuals();
    let gold = super::theme::rating_color(visuals);
    let (fill, text_color) = if selected {
        (visuals.selection.bg_fill, visuals.selection.stroke.color)
    } else if response.hovered() {
        (
            visuals.widgets.hovered.weak_bg_fill,
            visuals.strong_text_color(),
        )
    } else {
        (
            visuals.widgets.inactive.weak_bg_fill,
            visuals.strong_text_color(),
        )
    };
    let text_color = if item.cancelled {
        visuals.weak_text_color()
    } else {
        text_color
    };
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect_filled(rect, 4.0, fill);
    if item.starred {
        painter.rect_stroke(rect, 4.0, Stroke::new(1.5, gold), StrokeKind::Inside);
        painter.rect_filled(
            Rect::from_min_size(rect.min, vec2(4.0, rect.height())),
            egui::CornerRadius {
                nw: 4,
                sw: 4,
                ne: 0,
                se: 0,
            },
            gold,
        );
    }
    let mut top = rect.top() + 3.0;
    let left = rect.left() + 8.0;
    if rect.height() >= TWO_LINE_CELL {
        let star = if item.starred { "★ " } else { "" };
        let when = painter.layout_no_wrap(
            format!("{star}{}", time_text(painter.ctx(), item, zone)),
            FontId::proportional(11.0),
            match (selected, item.starred) {
                (true, _) => text_color,
                (false, true) => gold,
                (false, false) => visuals.weak_text_color(),
            },
        );
        painter.galley(pos2(left, top), when.clone(), text_color);
        top += when.size().y + 1.0;
    }
    let mut job = egui::text::LayoutJob::simple(
        title.clone(),
        FontId::proportional(13.0),
        text_color,
        rect.width() - 12.0,
    );
    if item.cancelled {
        job.sections.iter_mut().for_each(|section| {
            section.format.strikethrough = Stroke::new(1.0, text_color);
        });
    }
    painter.galley(pos2(left, top), painter.layout_job(job), text_color);
    response.on_hover_ui(|ui| talk_tooltip(ui, item))
}
