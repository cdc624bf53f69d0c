//! The Schedule view's rooms-by-time grid, as data: one column per room (in the order the
//! day's first talk in each room starts), a time axis from the hour before the day's first
//! talk to the hour after its last, each timed talk a cell placed by its start and length,
//! talks that overlap in one room side by side in lanes, and where "now" falls. All-day
//! items are kept aside for a strip above the grid.
//!
//! Plain data and functions of an instant: the window draws it, the tests check it.

use chrono::{DateTime, Duration, Timelike, Utc};
use chrono_tz::Tz;

use crate::model::{ScheduleItem, TalkTime};

/// The shortest a cell is drawn, in minutes, so a talk without an end still shows.
pub const MIN_CELL_MINUTES: i64 = 15;

/// One talk's place in the grid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridCell {
    /// Its position in the schedule's items.
    pub item: usize,
    /// Its room's column.
    pub column: usize,
    /// Its lane in the column, and how many lanes its overlapping talks share.
    pub lane: usize,
    pub lanes: usize,
    /// Minutes from the grid's top to its start, and its length in minutes (at least
    /// [`MIN_CELL_MINUTES`]).
    pub from_top: i64,
    pub minutes: i64,
}

/// A day's talks laid out by room and time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayGrid {
    /// Column names; an empty name is a talk without a room.
    pub rooms: Vec<String>,
    /// The instant at the grid's top (a whole hour of the zone) and its length in minutes.
    pub top: DateTime<Utc>,
    pub minutes: i64,
    pub cells: Vec<GridCell>,
    /// Positions in the schedule's items of the day's all-day items.
    pub all_day: Vec<usize>,
    zone: Tz,
}

/// The start and the drawn end of a timed talk.
fn span(item: &ScheduleItem) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    match item.talk.time {
        TalkTime::Timed { start, end } => {
            Some((start, end.max(start + Duration::minutes(MIN_CELL_MINUTES))))
        }
        TalkTime::AllDay { .. } => None,
    }
}

/// `at` moved back to the whole hour of `zone` it falls in.
fn hour_floor(at: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    let local = at.with_timezone(&zone);
    at - Duration::minutes(i64::from(local.minute())) - Duration::seconds(i64::from(local.second()))
}

impl DayGrid {
    /// Lays out `rows` (positions in `items`, as the day's listing gives them) in `zone`.
    pub fn build(items: &[ScheduleItem], rows: &[usize], zone: Tz) -> Self {
        let mut all_day = Vec::new();
        let mut timed = Vec::new();
        for &row in rows {
            match items.get(row).and_then(span) {
                Some((start, end)) => timed.push((row, start, end)),
                None if items.get(row).is_some() => all_day.push(row),
                None => {}
            }
        }
        timed.sort_by_key(|(row, start, _)| (*start, *row));
        let mut rooms: Vec<String> = Vec::new();
        for (row, ..) in &timed {
            let room = items[*row].talk.room.trim();
            if !rooms.iter().any(|known| known == room) {
                rooms.push(room.to_string());
            }
        }
        let first = timed.iter().map(|(_, start, _)| *start).min();
        let last = timed.iter().map(|(.., end)| *end).max();
        let (top, minutes) = match (first, last) {
            (Some(first), Some(last)) => {
                let top = hour_floor(first, zone);
                let bottom = hour_floor(last - Duration::seconds(1), zone) + Duration::hours(1);
                (top, (bottom - top).num_minutes())
            }
            _ => (Utc::now(), 0),
        };
        let mut cells = Vec::with_capacity(timed.len());
        for (column, room) in rooms.iter().enumerate() {
            let in_room: Vec<_> = timed
                .iter()
                .filter(|(row, ..)| items[*row].talk.room.trim() == room)
                .collect();
            cells.extend(lay_out_column(&in_room, column, top));
        }
        Self {
            rooms,
            top,
            minutes,
            cells,
            all_day,
            zone,
        }
    }

    /// Minutes from the grid's top to `at`, when `at` falls within the grid.
    pub fn minutes_to(&self, at: DateTime<Utc>) -> Option<f32> {
        let seconds = (at - self.top).num_seconds();
        #[allow(clippy::cast_precision_loss)]
        let minutes = seconds as f32 / 60.0;
        #[allow(clippy::cast_precision_loss)]
        let length = self.minutes as f32;
        (self.minutes > 0 && (0.0..=length).contains(&minutes)).then_some(minutes)
    }

    /// The whole hours of the grid: minutes from its top and the zone's "09:00".
    pub fn hours(&self) -> Vec<(i64, String)> {
        (0..=self.minutes / 60)
            .map(|hour| {
                let at = self.top + Duration::hours(hour);
                (
                    hour * 60,
                    at.with_timezone(&self.zone).format("%H:%M").to_string(),
                )
            })
            .collect()
    }
}

/// The cells of one room's talks (sorted by start): overlapping talks form a group whose
/// talks each take the first lane free at their start; every cell of a group shares the
/// group's lane count.
fn lay_out_column(
    talks: &[&(usize, DateTime<Utc>, DateTime<Utc>)],
    column: usize,
    top: DateTime<Utc>,
) -> Vec<GridCell> {
    let mut cells = Vec::with_capacity(talks.len());
    let mut group_start = 0;
    let mut group_end: Option<DateTime<Utc>> = None;
    // The end of the talk last put in each lane of the current group.
    let mut lane_ends: Vec<DateTime<Utc>> = Vec::new();
    for &&(item, start, end) in talks {
        if group_end.is_some_and(|group_end| start >= group_end) {
            close_group(&mut cells[group_start..], lane_ends.len());
            group_start = cells.len();
            lane_ends.clear();
        }
        let lane = match lane_ends.iter().position(|lane_end| *lane_end <= start) {
            Some(lane) => {
                lane_ends[lane] = end;
                lane
            }
            None => {
                lane_ends.push(end);
                lane_ends.len() - 1
            }
        };
        group_end = Some(group_end.map_or(end, |group_end| group_end.max(end)));
        cells.push(GridCell {
            item,
            column,
            lane,
            lanes: 1,
            from_top: (start - top).num_minutes(),
            minutes: (end - start).num_minutes(),
        });
    }
    close_group(&mut cells[group_start..], lane_ends.len());
    cells
}

fn close_group(cells: &mut [GridCell], lanes: usize) {
    for cell in cells {
        cell.lanes = lanes.max(1);
    }
}

/// How many of `rows` (positions in `items`, in the listing's order) have started by `at`:
/// the list's now line goes before the row at that position. All-day items count as started.
pub fn rows_started_by(items: &[ScheduleItem], rows: &[usize], at: DateTime<Utc>) -> usize {
    rows.iter()
        .take_while(|row| {
            items.get(**row).is_some_and(|item| match item.talk.time {
                TalkTime::Timed { start, .. } => start <= at,
                TalkTime::AllDay { .. } => true,
            })
        })
        .count()
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone};

    use super::*;

    fn berlin(hour: u32, minute: u32) -> DateTime<Utc> {
        chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2018, 11, 13, hour, minute, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn item(id: i64, room: &str, start: DateTime<Utc>, minutes: i64) -> ScheduleItem {
        ScheduleItem::for_test(id, room, start, minutes)
    }

    fn cell_of(grid: &DayGrid, item: usize) -> &GridCell {
        grid.cells.iter().find(|c| c.item == item).unwrap()
    }

    #[test]
    fn rooms_are_columns_in_the_order_their_first_talk_starts_and_hours_frame_the_day() {
        let items = vec![
            item(1, "Saal 2", berlin(10, 30), 30),
            item(2, "Saal 1", berlin(9, 15), 45),
            item(3, "Saal 2", berlin(11, 0), 50),
        ];
        let grid = DayGrid::build(&items, &[1, 0, 2], chrono_tz::Europe::Berlin);
        assert_eq!(grid.rooms, ["Saal 1", "Saal 2"]);
        assert_eq!(grid.top, berlin(9, 0));
        assert_eq!(grid.minutes, 3 * 60);
        let hours: Vec<String> = grid.hours().into_iter().map(|(_, h)| h).collect();
        assert_eq!(hours, ["09:00", "10:00", "11:00", "12:00"]);
        let first = cell_of(&grid, 1);
        assert_eq!((first.column, first.from_top, first.minutes), (0, 15, 45));
        let last = cell_of(&grid, 2);
        assert_eq!((last.column, last.from_top, last.minutes), (1, 120, 50));
        assert_eq!((last.lane, last.lanes), (0, 1));
    }

    #[test]
    fn talks_overlapping_in_one_room_share_it_in_lanes_and_the_next_talk_gets_it_whole() {
        let items = vec![
            item(1, "A", berlin(10, 0), 60),
            item(2, "A", berlin(10, 30), 60),
            item(3, "A", berlin(11, 0), 15),
            item(4, "A", berlin(12, 0), 30),
        ];
        let grid = DayGrid::build(&items, &[0, 1, 2, 3], chrono_tz::Europe::Berlin);
        let lanes: Vec<(usize, usize)> = (0..4)
            .map(|i| (cell_of(&grid, i).lane, cell_of(&grid, i).lanes))
            .collect();
        // Talk 3 starts when talk 1 ends: it takes talk 1's lane.
        assert_eq!(lanes, [(0, 2), (1, 2), (0, 2), (0, 1)]);
    }

    #[test]
    fn a_talk_without_an_end_still_gets_a_cell_and_all_day_items_stay_aside() {
        let mut items = vec![
            item(1, "", berlin(9, 50), 0),
            item(2, "Hall", berlin(8, 0), 0),
        ];
        let day = NaiveDate::from_ymd_opt(2018, 11, 13).unwrap();
        items[1].talk.time = TalkTime::AllDay {
            first: day,
            last: day,
        };
        let grid = DayGrid::build(&items, &[1, 0], chrono_tz::Europe::Berlin);
        assert_eq!(grid.all_day, [1]);
        assert_eq!(grid.rooms, [""]);
        assert_eq!(cell_of(&grid, 0).minutes, MIN_CELL_MINUTES);
        // 09:50 + 15 min ends after 10:00: the grid runs to 11:00.
        assert_eq!((grid.top, grid.minutes), (berlin(9, 0), 120));
    }

    #[test]
    fn now_falls_in_the_grid_only_between_its_top_and_bottom() {
        let items = vec![item(1, "A", berlin(9, 0), 60)];
        let grid = DayGrid::build(&items, &[0], chrono_tz::Europe::Berlin);
        assert_eq!(grid.minutes_to(berlin(9, 30)), Some(30.0));
        assert_eq!(grid.minutes_to(berlin(8, 59)), None);
        assert_eq!(grid.minutes_to(berlin(10, 1)), None);
        let empty = DayGrid::build(&items, &[], chrono_tz::Europe::Berlin);
        assert!(empty.cells.is_empty() && empty.minutes_to(Utc::now()).is_none());
    }

    #[test]
    fn a_zone_half_an_hour_off_gets_its_own_whole_hours() {
        let kolkata = chrono_tz::Asia::Kolkata;
        let start = kolkata
            .with_ymd_and_hms(2018, 11, 13, 9, 40, 0)
            .unwrap()
            .with_timezone(&Utc);
        let grid = DayGrid::build(&[item(1, "A", start, 30)], &[0], kolkata);
        assert_eq!(grid.hours()[0].1, "09:00");
        assert_eq!(cell_of(&grid, 0).from_top, 40);
    }

    #[test]
    fn the_list_s_now_line_goes_after_the_talks_already_started() {
        let items = vec![
            item(1, "A", berlin(9, 0), 60),
            item(2, "A", berlin(10, 0), 60),
            item(3, "A", berlin(11, 0), 60),
        ];
        let rows = [0, 1, 2];
        assert_eq!(rows_started_by(&items, &rows, berlin(8, 0)), 0);
        assert_eq!(rows_started_by(&items, &rows, berlin(10, 0)), 2);
        assert_eq!(rows_started_by(&items, &rows, berlin(12, 30)), 3);
    }
}
