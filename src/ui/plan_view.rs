//! The Schedule view's *My plan* tab: the day's starred talks in time order with the free
//! time between them, each clash marked with a *Keep this* button (the others become
//! "maybe"), and the "maybe" talks greyed in their place with *Back in plan*. A click on a
//! title opens the talk's notes; a right click its marks menu. What it lists comes from
//! [`crate::app::day_plan`].

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use egui::{RichText, Ui};

use super::plan_panel::{clashing_titles, marks_menu, maybe};
use super::schedule_view::time_text;
use crate::app::{Action, OpenTrip, PlanLine, day_plan};
use crate::model::ScheduleItem;

/// Draws the plan of `day`; returns what the user asked for.
pub fn show(ui: &mut Ui, open: &OpenTrip, day: NaiveDate, editable: bool) -> Vec<Action> {
    let items = open.schedule.items();
    let zone = open.trip.fields.time_zone;
    let lines = day_plan(items, day, zone);
    if lines.is_empty() {
        ui.add_space(12.0);
        ui.label(t!(ui.ctx(), "plan-empty"));
        return Vec::new();
    }
    let mut actions = Vec::new();
    egui::ScrollArea::vertical()
        .id_salt("plan")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for line in &lines {
                match line {
                    PlanLine::Gap { from, to } => gap_line(ui, *from, *to, zone),
                    PlanLine::AllDay { row } | PlanLine::Talk { row, .. } => {
                        let item = &items[*row];
                        let clashing = match line {
                            PlanLine::Talk { clashes_with, .. } => clashes_with.as_slice(),
                            _ => &[],
                        };
                        actions.extend(talk_line(ui, open, item, clashing, editable));
                    }
                    PlanLine::Maybe { row } => {
                        actions.extend(maybe_line(ui, &items[*row], zone, editable));
                    }
                }
            }
        });
    actions
}

/// "09:00–09:50  Title · Room", and for a clash "⚠ Clashes with: …" and *Keep this*.
fn talk_line(
    ui: &mut Ui,
    open: &OpenTrip,
    item: &ScheduleItem,
    clashing: &[crate::model::ScheduleItemId],
    editable: bool,
) -> Vec<Action> {
    let zone = open.trip.fields.time_zone;
    let ctx = ui.ctx().clone();
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.monospace(time_text(&ctx, item, zone));
        let title = ui.add(
            egui::Label::new(RichText::new(&item.talk.title).strong()).sense(egui::Sense::click()),
        );
        let what = item.talk.title.clone();
        title.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Link, true, &what));
        actions.extend(marks_menu(&title, item, editable));
        let title = title.on_hover_cursor(egui::CursorIcon::PointingHand);
        if title
            .on_hover_ui(|ui| super::schedule_view::talk_tooltip(ui, item))
            .clicked()
        {
            actions.push(Action::StartNotes(item.id));
        }
        if !item.talk.room.is_empty() {
            ui.weak(format!("· {}", item.talk.room));
        }
        if clashing.is_empty() {
            return;
        }
        let pairs: Vec<_> = clashing.iter().map(|other| (item.id, *other)).collect();
        let titles = clashing_titles(open, &pairs, item.id).join(", ");
        let warn = ui.visuals().warn_fg_color;
        let line = t!(&ctx, "plan-clashes-with", titles = titles);
        ui.label(RichText::new(format!("⚠ {line}")).color(warn));
        let keep = egui::Button::new(t!(&ctx, "plan-keep-this")).small();
        let keep = ui.add_enabled(editable, keep);
        let what = t!(&ctx, "plan-keep", title = item.talk.title.as_str());
        keep.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
        if keep.on_hover_text(&what).clicked() {
            let others = clashing.iter().filter_map(|id| open.schedule.item(*id));
            actions.extend(others.map(|other| maybe(other, true)));
        }
    });
    actions
}

/// A "maybe" talk, greyed, with *Back in plan*.
fn maybe_line(ui: &mut Ui, item: &ScheduleItem, zone: Tz, editable: bool) -> Option<Action> {
    let ctx = ui.ctx().clone();
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.weak(RichText::new(time_text(&ctx, item, zone)).monospace());
        let prefix = t!(&ctx, "plan-maybe-prefix");
        let title = ui.weak(format!("{prefix}{}", item.talk.title));
        action = marks_menu(&title, item, editable);
        let back = egui::Button::new(t!(&ctx, "plan-back-in")).small();
        let back = ui.add_enabled(editable, back);
        let what = t!(&ctx, "plan-back-in-on", title = item.talk.title.as_str());
        back.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &what));
        if back.on_hover_text(&what).clicked() {
            action = Some(maybe(item, false));
        }
    });
    action
}

/// "      free 10:00–11:00 (60 min)" between two talks of the plan.
fn gap_line(ui: &mut Ui, from: DateTime<Utc>, to: DateTime<Utc>, zone: Tz) {
    let ctx = ui.ctx().clone();
    let text = t!(
        &ctx,
        "plan-gap",
        from = from.with_timezone(&zone).format("%H:%M").to_string(),
        to = to.with_timezone(&zone).format("%H:%M").to_string(),
        minutes = (to - from).num_minutes()
    );
    ui.add_space(2.0);
    ui.label(RichText::new(text).italics().weak());
    ui.add_space(2.0);
}
