//! The reminders of the plan's talks while the window is open: checked every frame against
//! the window's clock (the system's, or one a test sets), shown in a bar over the view until
//! dismissed, and the window woken when the next one falls due.

use chrono::{DateTime, Utc};

use crate::app::{OpenTrip, Reminder, Reminders};

/// Sets the reminders' lead time remembered from the last run, if any.
pub(super) fn restore_minutes(ctx: &egui::Context, minutes: Option<u32>) {
    if let Some(minutes) = minutes {
        super::super::plan_panel::set_reminder_minutes(ctx, minutes);
    }
}

/// What reads the time (the system's clock unless a test sets one).
pub type Clock = Box<dyn Fn() -> DateTime<Utc>>;

/// The reminders given and those still on screen.
pub(super) struct ReminderBar {
    reminders: Reminders,
    shown: Vec<Reminder>,
    clock: Clock,
}

impl Default for ReminderBar {
    fn default() -> Self {
        ReminderBar {
            reminders: Reminders::default(),
            shown: Vec::new(),
            clock: Box::new(Utc::now),
        }
    }
}

impl ReminderBar {
    /// Reads the time from `clock` from now on.
    pub(super) fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// The reminders on screen.
    pub(super) fn shown(&self) -> &[Reminder] {
        &self.shown
    }

    /// Takes the reminders due now for the open trip, shows them, and wakes the window for
    /// the next.
    pub(super) fn update(&mut self, ui: &mut egui::Ui, open: Option<&OpenTrip>) {
        self.check(&ui.ctx().clone(), open);
        self.show(ui, open);
    }

    /// Takes the reminders due now for the open trip and wakes the window for the next.
    fn check(&mut self, ctx: &egui::Context, open: Option<&OpenTrip>) {
        let Some(open) = open else {
            return;
        };
        let minutes = super::super::plan_panel::reminder_minutes(ctx);
        let items = open.schedule.items();
        let now = (self.clock)();
        self.shown.extend(self.reminders.due(items, minutes, now));
        if let Some(next) = self.reminders.next_due(items, minutes, now) {
            let wait = (next - now).to_std().unwrap_or_default();
            ctx.request_repaint_after(wait.min(std::time::Duration::from_secs(60)));
        }
    }

    /// The bar over the view: "⏰ 10:00 Title · Room", with *Dismiss*.
    fn show(&mut self, ui: &mut egui::Ui, open: Option<&OpenTrip>) {
        if self.shown.is_empty() {
            return;
        }
        let zone = open.map_or(chrono_tz::UTC, |open| open.trip.fields.time_zone);
        let ctx = ui.ctx().clone();
        let mut dismissed = false;
        egui::Panel::top("reminders").show(ui, |ui| {
            for reminder in &self.shown {
                let time = reminder
                    .start
                    .with_timezone(&zone)
                    .format("%H:%M")
                    .to_string();
                let line = t!(
                    &ctx,
                    "reminder-line",
                    time = time,
                    title = reminder.title.as_str(),
                    room = reminder.room.as_str()
                );
                ui.label(
                    egui::RichText::new(line)
                        .strong()
                        .color(ui.visuals().warn_fg_color),
                );
            }
            dismissed = ui.small_button(t!(&ctx, "status-dismiss")).clicked();
        });
        if dismissed {
            self.shown.clear();
        }
    }
}

impl super::TripJournalApp {
    /// Reads the time from `clock` (tests; the window uses the system's clock).
    pub fn set_clock(&mut self, clock: impl Fn() -> chrono::DateTime<chrono::Utc> + 'static) {
        self.reminder_bar.set_clock(Box::new(clock));
    }

    /// The reminders on screen, as (talk, start).
    pub fn reminders_shown(
        &self,
    ) -> Vec<(crate::model::ScheduleItemId, chrono::DateTime<chrono::Utc>)> {
        let shown = self.reminder_bar.shown().iter();
        shown
            .map(|reminder| (reminder.item, reminder.start))
            .collect()
    }
}
