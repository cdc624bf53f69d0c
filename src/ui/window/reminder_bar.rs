//! The reminders of the plan's talks while the window is open: checked every frame against
//! the window's clock (the system's, or one a test sets), shown in a bar over the view until
//! dismissed, and the window woken when the next one falls due. Each reminder is also sent
//! as a desktop notification where the system has a notification service.

use chrono::{DateTime, Utc};

use crate::app::{DesktopNotification, DesktopNotifier, OpenTrip, Reminder, Reminders};

/// Sets the reminders' lead time remembered from the last run, if any.
pub(super) fn restore_minutes(ctx: &egui::Context, minutes: Option<u32>) {
    if let Some(minutes) = minutes {
        super::super::plan_panel::set_reminder_minutes(ctx, minutes);
    }
}

/// What reads the time (the system's clock unless a test sets one).
pub type Clock = Box<dyn Fn() -> DateTime<Utc>>;

/// Where a reminder's desktop notification goes (the system's service unless a test sets
/// another).
pub type Notify = Box<dyn FnMut(DesktopNotification)>;

/// The reminders given and those still on screen.
pub(super) struct ReminderBar {
    reminders: Reminders,
    shown: Vec<Reminder>,
    clock: Clock,
    notify: Notify,
}

impl Default for ReminderBar {
    fn default() -> Self {
        ReminderBar {
            reminders: Reminders::default(),
            shown: Vec::new(),
            clock: Box::new(Utc::now),
            notify: desktop_notify(),
        }
    }
}

impl ReminderBar {
    /// Reads the time from `clock` from now on.
    pub(super) fn set_clock(&mut self, clock: Clock) {
        self.clock = clock;
    }

    /// Sends the reminders' desktop notifications to `notify` from now on.
    pub(super) fn set_notify(&mut self, notify: Notify) {
        self.notify = notify;
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
        let zone = open.trip.fields.time_zone;
        for reminder in self.reminders.due(items, minutes, now) {
            (self.notify)(notification(ctx, &reminder, zone));
            self.shown.push(reminder);
        }
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
                let time = start_time(reminder, zone);
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

/// The system's notification service, fed from a worker thread.
fn desktop_notify() -> Notify {
    let mut notifier = DesktopNotifier::default();
    Box::new(move |notification| notifier.send(notification))
}

/// The desktop notification of `reminder`: the talk's title, then its time and room.
fn notification(
    ctx: &egui::Context,
    reminder: &Reminder,
    zone: chrono_tz::Tz,
) -> DesktopNotification {
    let body = t!(
        ctx,
        "reminder-notification-body",
        time = start_time(reminder, zone),
        room = reminder.room.as_str()
    );
    DesktopNotification {
        summary: reminder.title.clone(),
        body,
    }
}

/// When the reminded talk starts, on the trip's clock ("10:00").
fn start_time(reminder: &Reminder, zone: chrono_tz::Tz) -> String {
    reminder
        .start
        .with_timezone(&zone)
        .format("%H:%M")
        .to_string()
}

impl super::TripJournalApp {
    /// Reads the time from `clock` (tests; the window uses the system's clock).
    pub fn set_clock(&mut self, clock: impl Fn() -> chrono::DateTime<chrono::Utc> + 'static) {
        self.reminder_bar.set_clock(Box::new(clock));
    }

    /// Sends reminders' desktop notifications to `notify` instead of the system (tests).
    pub fn set_notify(&mut self, notify: impl FnMut(DesktopNotification) + 'static) {
        self.reminder_bar.set_notify(Box::new(notify));
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
