//! A new trip made from a schedule's header: its name, city, dates and time zone.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::ParsedSchedule;
use crate::model::TalkTime;
use crate::model::TripFields;

/// The name of a trip made from a schedule without a title.
const UNTITLED: &str = "Conference";

impl ParsedSchedule {
    /// The first and last day of the schedule in `zone`: the header's dates, else those of its
    /// first and last talks.
    pub fn days(&self, zone: Tz) -> (Option<NaiveDate>, Option<NaiveDate>) {
        let talk_days = self.talks.iter().flat_map(|talk| match &talk.time {
            TalkTime::Timed { start, end } => [
                start.with_timezone(&zone).date_naive(),
                end.with_timezone(&zone).date_naive(),
            ],
            TalkTime::AllDay { first, last } => [*first, *last],
        });
        let (mut first, mut last) = (None::<NaiveDate>, None::<NaiveDate>);
        for day in talk_days {
            first = Some(first.map_or(day, |d| d.min(day)));
            last = Some(last.map_or(day, |d| d.max(day)));
        }
        (self.start_date.or(first), self.end_date.or(last))
    }

    /// The fields of a new trip for this schedule, in `zone`.
    pub fn trip_fields(&self, zone: Tz) -> TripFields {
        let title = self.title.trim();
        let mut fields = TripFields::named(if title.is_empty() { UNTITLED } else { title });
        fields.city = self.city.clone();
        (fields.start_date, fields.end_date) = self.days(zone);
        fields.time_zone = zone;
        fields
    }
}
