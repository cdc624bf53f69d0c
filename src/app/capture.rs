//! When a new entry happened, for quick capture (Ctrl+1…4): now during the trip, a day of the
//! trip when the user writes it up before or after.
//!
//! Inside the trip's dates (read in the trip's zone) a new entry is stamped now. Outside them
//! it goes on the selected entry's day when one is selected (the user is writing about that
//! day), else on the trip's last day once the trip is over, or its first day while it is
//! still to come; at the computer's current clock time (noon when a clock change skips it)
//! in the trip's zone. The caller is told which day was chosen, so it can say so.

use chrono::{DateTime, Local, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::model::TripFields;

/// Why a new entry was put on a day other than today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureDay {
    /// The day of the entry selected in the window.
    SelectedEntry,
    /// The trip's first day: the trip has not started.
    FirstDay,
    /// The trip's last day: the trip is over.
    LastDay,
}

/// When a new entry is stamped, and the day it was moved to when that is not now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaptureTime {
    pub at: DateTime<Utc>,
    pub moved_to: Option<(NaiveDate, CaptureDay)>,
}

/// When an entry created now in `trip` happened, with `selected` the time of the selected
/// entry, if any (reads the clock; see [`capture_time_at`]).
pub fn capture_time(trip: &TripFields, selected: Option<DateTime<Utc>>) -> CaptureTime {
    capture_time_at(trip, selected, Utc::now(), Local::now().time())
}

/// The rule of [`capture_time`] at the instant `now`, with `clock` the local time of day.
pub fn capture_time_at(
    trip: &TripFields,
    selected: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    clock: NaiveTime,
) -> CaptureTime {
    let zone = trip.time_zone;
    let now_here = CaptureTime {
        at: now,
        moved_to: None,
    };
    let today = now.with_timezone(&zone).date_naive();
    let Some(day) = day_outside_the_trip(trip, today, selected) else {
        return now_here;
    };
    if day.0 == today {
        return now_here;
    }
    match at_clock_time(day.0, clock, zone) {
        Some(at) => CaptureTime {
            at,
            moved_to: Some(day),
        },
        None => now_here,
    }
}

/// The day to use when `today` is outside the trip's dates; none while the trip goes on (or
/// when it has no dates).
fn day_outside_the_trip(
    trip: &TripFields,
    today: NaiveDate,
    selected: Option<DateTime<Utc>>,
) -> Option<(NaiveDate, CaptureDay)> {
    let not_started = trip.start_date.filter(|start| today < *start);
    let over = trip.end_date.filter(|end| today > *end);
    if not_started.is_none() && over.is_none() {
        return None;
    }
    if let Some(at) = selected {
        let day = at.with_timezone(&trip.time_zone).date_naive();
        return Some((day, CaptureDay::SelectedEntry));
    }
    not_started
        .map(|start| (start, CaptureDay::FirstDay))
        .or(over.map(|end| (end, CaptureDay::LastDay)))
}

/// `clock` on `day` in `zone`, or noon when a clock change skips that time.
fn at_clock_time(day: NaiveDate, clock: NaiveTime, zone: Tz) -> Option<DateTime<Utc>> {
    let local = |time: NaiveTime| zone.from_local_datetime(&day.and_time(time)).earliest();
    local(clock)
        .or_else(|| local(NaiveTime::from_hms_opt(12, 0, 0)?))
        .map(|at| at.with_timezone(&Utc))
}

#[cfg(test)]
mod tests {
    use chrono_tz::Europe::Berlin;

    use super::*;
    use crate::model::rules::{format_local_time, parse_local_time};

    /// A trip in Berlin from the 12th to the 15th of November 2018.
    fn summit() -> TripFields {
        let mut trip = TripFields::named("Summit");
        trip.time_zone = Berlin;
        trip.start_date = NaiveDate::from_ymd_opt(2018, 11, 12);
        trip.end_date = NaiveDate::from_ymd_opt(2018, 11, 15);
        trip
    }

    fn berlin(text: &str) -> DateTime<Utc> {
        parse_local_time(text, Berlin).unwrap()
    }

    fn clock(hour: u32, minute: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(hour, minute, 0).unwrap()
    }

    /// The capture as trip-local text and the reason it was moved, if it was.
    fn captured(
        trip: &TripFields,
        selected: Option<&str>,
        now: &str,
        at: NaiveTime,
    ) -> (String, Option<CaptureDay>) {
        let capture = capture_time_at(trip, selected.map(berlin), berlin(now), at);
        let why = capture.moved_to.map(|(_, why)| why);
        (format_local_time(capture.at, trip.time_zone), why)
    }

    #[test]
    fn during_the_trip_an_entry_is_stamped_now() {
        let trip = summit();
        for now in ["2018-11-12 00:00", "2018-11-13 16:20", "2018-11-15 23:59"] {
            assert_eq!(
                captured(&trip, Some("2018-11-12 09:00"), now, clock(8, 0)),
                (now.to_string(), None)
            );
        }
        let mut undated = TripFields::named("Someday");
        undated.time_zone = Berlin;
        assert_eq!(
            captured(&undated, None, "2026-11-27 10:00", clock(8, 0)),
            ("2026-11-27 10:00".into(), None)
        );
    }

    #[test]
    fn after_the_trip_it_goes_on_the_last_day_at_the_clock_time() {
        let (at, why) = captured(&summit(), None, "2026-11-27 16:42", clock(16, 42));
        assert_eq!(
            (at.as_str(), why),
            ("2018-11-15 16:42", Some(CaptureDay::LastDay))
        );
        let day_after = captured(&summit(), None, "2018-11-16 00:30", clock(0, 30));
        assert_eq!(day_after.0, "2018-11-15 00:30");
    }

    #[test]
    fn before_the_trip_it_goes_on_the_first_day() {
        let (at, why) = captured(&summit(), None, "2018-10-01 09:15", clock(9, 15));
        assert_eq!(
            (at.as_str(), why),
            ("2018-11-12 09:15", Some(CaptureDay::FirstDay))
        );
        let mut open_ended = summit();
        open_ended.end_date = None;
        let later = captured(&open_ended, None, "2026-11-27 09:15", clock(9, 15));
        assert_eq!(later, ("2026-11-27 09:15".into(), None), "no end: not over");
    }

    #[test]
    fn outside_the_trip_the_selected_entrys_day_wins() {
        let selected = Some("2018-11-13 19:30");
        let (at, why) = captured(&summit(), selected, "2026-11-27 08:05", clock(8, 5));
        assert_eq!(
            (at.as_str(), why),
            ("2018-11-13 08:05", Some(CaptureDay::SelectedEntry))
        );
        let before = captured(&summit(), selected, "2018-01-01 08:05", clock(8, 5));
        assert_eq!(before.1, Some(CaptureDay::SelectedEntry));
        let today = Some("2026-11-27 07:00");
        let now = captured(&summit(), today, "2026-11-27 08:05", clock(8, 5));
        assert_eq!(
            now,
            ("2026-11-27 08:05".into(), None),
            "its day is today: now"
        );
    }

    #[test]
    fn the_trip_day_is_read_in_the_trips_zone() {
        // 23:30 on the 15th in UTC is already the 16th in Berlin: the trip is over there.
        let now = DateTime::parse_from_rfc3339("2018-11-15T23:30:00Z").unwrap();
        let capture = capture_time_at(&summit(), None, now.to_utc(), clock(10, 0));
        assert_eq!(capture.moved_to.map(|(day, _)| day), summit().end_date);
        assert_eq!(format_local_time(capture.at, Berlin), "2018-11-15 10:00");
    }

    #[test]
    fn a_clock_time_skipped_by_a_clock_change_becomes_noon() {
        let mut trip = summit();
        trip.start_date = NaiveDate::from_ymd_opt(2019, 3, 28);
        trip.end_date = NaiveDate::from_ymd_opt(2019, 3, 31);
        let (at, _) = captured(&trip, None, "2026-11-27 02:30", clock(2, 30));
        assert_eq!(at, "2019-03-31 12:00");
    }
}
