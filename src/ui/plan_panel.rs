//! The plan in the Schedule view: what the last programme import changed for the user (a
//! panel until dismissed), the day's clashes of starred talks with a button to keep one of
//! each (the other becomes "maybe"), the marks menu of a talk (maybe, attended, watch later)
//! and the button that writes the plan as a calendar file.

use egui::{RichText, Ui};

use crate::app::{Action, Command, OpenTrip, plan_file_for};
use crate::export::words::words;
use crate::model::{ChangeKind, ScheduleItem, ScheduleItemId, TalkMarks, clashes};

/// The unseen changes of the last import, a line each, with *Dismiss* (which marks them
/// seen); nothing when there are none.
pub fn changes_panel(ui: &mut Ui, open: &OpenTrip, editable: bool) -> Option<Action> {
    let changes: Vec<_> = open.schedule.unseen_changes().collect();
    if changes.is_empty() {
        return None;
    }
    let ctx = ui.ctx().clone();
    let zone = open.trip.fields.time_zone;
    let words = words(super::i18n::language(&ctx));
    let mut action = None;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.strong(t!(&ctx, "plan-changes-heading", count = changes.len()));
        for change in changes {
            let Some(item) = open.schedule.item(change.item) else {
                continue;
            };
            let title = item.talk.title.as_str();
            let now = words.slot(&item.talk.slot(), zone);
            let line = match &change.kind {
                ChangeKind::Moved { before } => {
                    let before = words.slot(before, zone);
                    t!(
                        &ctx,
                        "plan-change-moved",
                        title = title,
                        before = before,
                        now = now
                    )
                }
                ChangeKind::Cancelled => {
                    t!(&ctx, "plan-change-cancelled", title = title, now = now)
                }
                ChangeKind::New => t!(&ctx, "plan-change-new", title = title, now = now),
            };
            ui.label(line);
        }
        let dismiss = egui::Button::new(t!(&ctx, "status-dismiss"));
        if ui.add_enabled(editable, dismiss).clicked() {
            action = Some(Action::Send(Command::MarkChangesSeen(open.trip.id)));
        }
    });
    action
}

/// The clashes among the plan's talks of `rows` (the day shown): "⚠ A clashes with B" with
/// *Keep A* and *Keep B*, which mark the other one "maybe".
pub fn clash_lines(ui: &mut Ui, open: &OpenTrip, rows: &[usize], editable: bool) -> Option<Action> {
    let items = open.schedule.items();
    let day: Vec<ScheduleItem> = rows
        .iter()
        .filter_map(|row| items.get(*row).cloned())
        .collect();
    let pairs = clashes(&day);
    let ctx = ui.ctx().clone();
    let warn = ui.visuals().warn_fg_color;
    let mut action = None;
    for (first, second) in pairs {
        let (Some(a), Some(b)) = (open.schedule.item(first), open.schedule.item(second)) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let line = t!(
                &ctx,
                "plan-clash",
                first = a.talk.title.as_str(),
                second = b.talk.title.as_str()
            );
            ui.label(RichText::new(format!("⚠ {line}")).color(warn));
            for (kept, other) in [(a, b), (b, a)] {
                let keep = t!(&ctx, "plan-keep", title = kept.talk.title.as_str());
                let button = egui::Button::new(keep).small();
                if ui.add_enabled(editable, button).clicked() {
                    action = Some(maybe(other, true));
                }
            }
        });
    }
    action
}

/// Marks `item` "maybe" (or not).
pub(super) fn maybe(item: &ScheduleItem, maybe: bool) -> Action {
    Action::Send(Command::SetTalkMarks {
        item: item.id,
        marks: TalkMarks {
            maybe,
            ..item.marks
        },
    })
}

/// The titles of the talks of the plan `id` clashes with (for its row's mark and tooltip).
pub fn clashing_titles(
    open: &OpenTrip,
    pairs: &[(ScheduleItemId, ScheduleItemId)],
    id: ScheduleItemId,
) -> Vec<String> {
    crate::model::clashes_with(pairs, id)
        .into_iter()
        .filter_map(|other| open.schedule.item(other))
        .map(|other| other.talk.title.clone())
        .collect()
}

/// The marks menu of a talk (a right click on its title): maybe, attended, watch later.
pub fn marks_menu(
    response: &egui::Response,
    item: &ScheduleItem,
    editable: bool,
) -> Option<Action> {
    let mut action = None;
    response.context_menu(|ui| {
        let ctx = ui.ctx().clone();
        let mut marks = item.marks;
        ui.add_enabled_ui(editable, |ui| {
            let maybe = ui.checkbox(&mut marks.maybe, t!(&ctx, "plan-mark-maybe"));
            let attended = ui.checkbox(&mut marks.attended, t!(&ctx, "plan-mark-attended"));
            let later = ui.checkbox(&mut marks.watch_later, t!(&ctx, "plan-mark-watch-later"));
            if maybe.changed() || attended.changed() || later.changed() {
                action = Some(Action::Send(Command::SetTalkMarks {
                    item: item.id,
                    marks,
                }));
                ui.close();
            }
        });
    });
    action
}

/// *Plan as calendar*: writes the trip's plan to `<slug>-plan.ics` in the export folder.
pub fn export_plan_button(ui: &mut Ui, open: &OpenTrip) -> Option<Action> {
    let file = plan_file_for(&open.trip);
    let ctx = ui.ctx().clone();
    let help = t!(&ctx, "plan-export-help", file = file.display().to_string());
    ui.button(t!(&ctx, "plan-export"))
        .on_hover_text(help)
        .clicked()
        .then(|| {
            Action::Send(Command::ExportPlan {
                trip: open.trip.id,
                file,
            })
        })
}

fn reminder_minutes_id() -> egui::Id {
    egui::Id::unique("tripjournal-reminder-minutes")
}

/// How many minutes before a starred talk the window reminds of it (0: never), kept in the
/// window's context like its language.
pub fn reminder_minutes(ctx: &egui::Context) -> u32 {
    ctx.data(|data| data.get_temp::<u32>(reminder_minutes_id()))
        .unwrap_or(crate::app::DEFAULT_REMINDER_MINUTES)
}

/// Sets the reminders' lead time (remembered by the app between runs).
pub fn set_reminder_minutes(ctx: &egui::Context, minutes: u32) {
    ctx.data_mut(|data| data.insert_temp(reminder_minutes_id(), minutes));
}

/// The Schedule toolbar's "⏰ [5] min before" setting (0 turns reminders off).
pub fn reminder_setting(ui: &mut Ui) {
    let ctx = ui.ctx().clone();
    let mut minutes = reminder_minutes(&ctx);
    let label = ui.label(t!(&ctx, "reminder-setting"));
    let response = ui
        .add(
            egui::DragValue::new(&mut minutes)
                .range(0..=120)
                .suffix(t!(&ctx, "reminder-minutes-suffix")),
        )
        .labelled_by(label.id)
        .on_hover_text(t!(&ctx, "reminder-setting-help"));
    if response.changed() {
        set_reminder_minutes(&ctx, minutes);
    }
}
