//! The plan of one day, as the Schedule view's *My plan* tab lists it: the starred talks in
//! time order, each with the plan's talks it clashes with, the free time between them, and
//! the talks marked "maybe" in their place (shown, but out of the plan and of its gaps; a
//! maybe talk starting in free time follows the gap line).
//! All-day items of the plan come first; cancelled and unstarred talks are left out.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use super::trip_schedule::{DayFilter, day_items};
use crate::model::{ScheduleItem, ScheduleItemId, TalkTime, clashes, clashes_with};

/// One line of a day's plan; `row` is the talk's position in the schedule's items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanLine {
    /// An all-day item of the plan.
    AllDay { row: usize },
    /// A timed talk of the plan and the plan's talks it overlaps.
    Talk {
        row: usize,
        clashes_with: Vec<ScheduleItemId>,
    },
    /// A starred talk marked "maybe".
    Maybe { row: usize },
    /// Free time between two talks of the plan.
    Gap {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
}

/// The plan of `day` (read in `zone`) among `items`.
pub fn day_plan(items: &[ScheduleItem], day: NaiveDate, zone: Tz) -> Vec<PlanLine> {
    let filter = DayFilter {
        day,
        zone,
        track: None,
        search: "",
    };
    let rows: Vec<usize> = day_items(items, &filter)
        .into_iter()
        .filter(|row| items[*row].starred && !items[*row].cancelled)
        .collect();
    let of_day: Vec<ScheduleItem> = rows.iter().map(|row| items[*row].clone()).collect();
    let pairs = clashes(&of_day);
    let mut lines = Vec::new();
    let mut busy_until: Option<DateTime<Utc>> = None;
    for row in rows {
        let item = &items[row];
        let TalkTime::Timed { start, end } = item.talk.time else {
            if item.in_plan() {
                lines.push(PlanLine::AllDay { row });
            }
            continue;
        };
        if !item.in_plan() {
            lines.push(PlanLine::Maybe { row });
            continue;
        }
        if let Some(free_from) = busy_until.filter(|until| *until < start) {
            // Before the "maybe" talks that start in the free time.
            let at = gap_position(&lines, items, free_from);
            lines.insert(
                at,
                PlanLine::Gap {
                    from: free_from,
                    to: start,
                },
            );
        }
        busy_until = Some(busy_until.map_or(end, |until| until.max(end)));
        lines.push(PlanLine::Talk {
            row,
            clashes_with: clashes_with(&pairs, item.id),
        });
    }
    lines
}

/// Where a gap starting at `from` goes: after the lines so far, less the trailing "maybe"
/// talks that start at or after `from`.
fn gap_position(lines: &[PlanLine], items: &[ScheduleItem], from: DateTime<Utc>) -> usize {
    let starts_in_gap = |line: &PlanLine| match line {
        PlanLine::Maybe { row } => {
            matches!(items[*row].talk.time, TalkTime::Timed { start, .. } if start >= from)
        }
        _ => false,
    };
    let trailing = lines.iter().rev().take_while(|l| starts_in_gap(l)).count();
    lines.len() - trailing
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn berlin(hour: u32, minute: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2018, 11, 14, hour, minute, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn starred(id: i64, hour: u32, minute: u32, minutes: i64) -> ScheduleItem {
        let mut item = ScheduleItem::for_test(id, "Saal 1", berlin(hour, minute), minutes);
        item.starred = true;
        item
    }

    fn plan_of(items: &[ScheduleItem]) -> Vec<PlanLine> {
        let day = NaiveDate::from_ymd_opt(2018, 11, 14).unwrap();
        day_plan(items, day, chrono_tz::Europe::Berlin)
    }

    #[test]
    fn the_plan_lists_starred_talks_in_order_with_clashes_maybes_and_gaps() {
        let mut maybe = starred(3, 10, 0, 30);
        maybe.marks.maybe = true;
        let mut cancelled = starred(6, 12, 0, 30);
        cancelled.cancelled = true;
        let mut all_day = starred(7, 0, 0, 0);
        all_day.talk.time = TalkTime::AllDay {
            first: NaiveDate::from_ymd_opt(2018, 11, 14).unwrap(),
            last: NaiveDate::from_ymd_opt(2018, 11, 14).unwrap(),
        };
        let unstarred = ScheduleItem::for_test(5, "Saal 2", berlin(9, 0), 60);
        // Listed out of order: the plan sorts them.
        let items = vec![
            starred(4, 11, 0, 30),
            starred(2, 9, 30, 30),
            maybe,
            starred(1, 9, 0, 50),
            unstarred,
            cancelled,
            all_day,
        ];
        let row = |id: i64| items.iter().position(|i| i.id.0 == id).unwrap();
        assert_eq!(
            plan_of(&items),
            vec![
                PlanLine::AllDay { row: row(7) },
                PlanLine::Talk {
                    row: row(1),
                    clashes_with: vec![ScheduleItemId(2)]
                },
                PlanLine::Talk {
                    row: row(2),
                    clashes_with: vec![ScheduleItemId(1)]
                },
                PlanLine::Gap {
                    from: berlin(10, 0),
                    to: berlin(11, 0)
                },
                PlanLine::Maybe { row: row(3) },
                PlanLine::Talk {
                    row: row(4),
                    clashes_with: Vec::new()
                },
            ]
        );
    }

    #[test]
    fn talks_back_to_back_leave_no_gap_and_a_long_talk_covers_a_short_one() {
        // 09:00–09:30 then 09:30–10:00: no gap. 10:00–12:00 holds 10:30–11:00 inside it, so
        // the next gap starts at 12:00, not 11:00.
        let items = vec![
            starred(1, 9, 0, 30),
            starred(2, 9, 30, 30),
            starred(3, 10, 0, 120),
            starred(4, 10, 30, 30),
            starred(5, 13, 0, 30),
        ];
        let gaps: Vec<_> = plan_of(&items)
            .into_iter()
            .filter(|line| matches!(line, PlanLine::Gap { .. }))
            .collect();
        assert_eq!(
            gaps,
            vec![PlanLine::Gap {
                from: berlin(12, 0),
                to: berlin(13, 0)
            }]
        );
    }
}
