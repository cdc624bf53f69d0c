//! Reminders of the plan's talks while the window is open: `minutes` before a starred talk
//! (not "maybe", not cancelled) starts, once per talk and start time, so a talk the programme
//! moved is reminded at its new time and a cancelled one not at all. The clock is the
//! caller's (`now` is passed in), so tests need no waiting.

use std::collections::HashSet;

use chrono::{DateTime, Duration, Utc};

use crate::model::{ScheduleItem, ScheduleItemId, TalkTime};

/// How many minutes before a talk it is reminded of, unless the user chose another.
pub const DEFAULT_REMINDER_MINUTES: u32 = 5;

/// A talk to remind the user of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub item: ScheduleItemId,
    pub title: String,
    pub room: String,
    pub start: DateTime<Utc>,
}

/// The reminders given so far, by talk and start.
#[derive(Debug, Default)]
pub struct Reminders {
    given: HashSet<(ScheduleItemId, DateTime<Utc>)>,
}

impl Reminders {
    /// The reminders due at `now` that were not given yet (each is given once): talks of
    /// the plan starting within `minutes` from `now`. `minutes` 0 turns reminders off.
    pub fn due(
        &mut self,
        items: &[ScheduleItem],
        minutes: u32,
        now: DateTime<Utc>,
    ) -> Vec<Reminder> {
        if minutes == 0 {
            return Vec::new();
        }
        let lead = Duration::minutes(i64::from(minutes));
        let mut due = Vec::new();
        for (item, start) in timed_plan(items) {
            let window = start - lead..start;
            if window.contains(&now) && self.given.insert((item.id, start)) {
                due.push(Reminder {
                    item: item.id,
                    title: item.talk.title.clone(),
                    room: item.talk.room.clone(),
                    start,
                });
            }
        }
        due
    }

    /// When the next reminder falls due after `now` (for waking the window then), if any.
    pub fn next_due(
        &self,
        items: &[ScheduleItem],
        minutes: u32,
        now: DateTime<Utc>,
    ) -> Option<DateTime<Utc>> {
        if minutes == 0 {
            return None;
        }
        let lead = Duration::minutes(i64::from(minutes));
        timed_plan(items)
            .filter(|(item, start)| !self.given.contains(&(item.id, *start)))
            .map(|(_, start)| start - lead)
            .filter(|at| *at > now)
            .min()
    }
}

/// The plan's timed talks with their starts.
fn timed_plan(items: &[ScheduleItem]) -> impl Iterator<Item = (&ScheduleItem, DateTime<Utc>)> {
    items
        .iter()
        .filter(|item| item.in_plan())
        .filter_map(|item| match item.talk.time {
            TalkTime::Timed { start, .. } => Some((item, start)),
            TalkTime::AllDay { .. } => None,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, 1, hour, minute, 0).unwrap()
    }

    fn talk(id: i64, start: DateTime<Utc>) -> ScheduleItem {
        let mut item = ScheduleItem::for_test(id, "H.2215", start, 30);
        item.starred = true;
        item
    }

    /// The minutes of 09:00–11:59 at which `items` give a reminder, with the talk reminded.
    fn reminded_minutes(reminders: &mut Reminders, items: &[ScheduleItem]) -> Vec<(String, i64)> {
        let mut fired = Vec::new();
        for minute in 0..180 {
            let now = at(9, 0) + Duration::minutes(minute);
            for reminder in reminders.due(items, 5, now) {
                fired.push((now.format("%H:%M").to_string(), reminder.item.0));
            }
        }
        fired
    }

    #[test]
    fn a_talk_is_reminded_once_five_minutes_before_and_a_moved_one_at_its_new_time() {
        let mut reminders = Reminders::default();
        let mut items = vec![talk(1, at(10, 0))];
        assert_eq!(
            reminded_minutes(&mut reminders, &items),
            [("09:55".to_string(), 1)]
        );
        // The programme moves it to 11:00: reminded again, at 10:55, not at 09:55.
        items[0].talk.time = TalkTime::Timed {
            start: at(11, 0),
            end: at(11, 30),
        };
        assert_eq!(
            reminded_minutes(&mut reminders, &items),
            [("10:55".to_string(), 1)]
        );
        assert_eq!(reminders.next_due(&items, 5, at(9, 0)), None);
    }

    #[test]
    fn cancelled_maybe_and_unstarred_talks_are_not_reminded_and_zero_minutes_is_off() {
        let mut reminders = Reminders::default();
        let mut cancelled = talk(1, at(10, 0));
        cancelled.cancelled = true;
        let mut maybe = talk(2, at(10, 0));
        maybe.marks.maybe = true;
        let mut unstarred = talk(3, at(10, 0));
        unstarred.starred = false;
        let items = [cancelled, maybe, unstarred];
        assert!(reminded_minutes(&mut reminders, &items).is_empty());
        let planned = [talk(4, at(10, 0))];
        assert!(reminders.due(&planned, 0, at(9, 57)).is_empty());
        assert_eq!(reminders.next_due(&planned, 5, at(9, 0)), Some(at(9, 55)));
        assert_eq!(reminders.next_due(&planned, 0, at(9, 0)), None);
    }
}
