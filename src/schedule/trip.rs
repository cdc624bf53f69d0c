//! A new trip made from a schedule's header: its name, city, dates and time zone. A file
//! without a title (an iCalendar file without `X-WR-CALNAME`) names the trip after the file,
//! unless the file's name says nothing ("schedule.ics", a download's number), and then after
//! the place and month: "Conference in Brussels, Feb 2025". A file without a city whose zone
//! came from its GEO coordinates gives the trip that zone's city.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;

use super::ParsedSchedule;
use super::zone_guess::{ZoneBasis, ZoneGuess};
use crate::model::TalkTime;
use crate::model::TripFields;

/// The name of a trip made from a schedule without a title, a place or a date.
const UNTITLED: &str = "Conference";

/// File names that say nothing about the conference (lower case, without extension).
const GENERIC_FILE_NAMES: &[&str] = &[
    "agenda",
    "basic",
    "cal",
    "calendar",
    "download",
    "event",
    "events",
    "export",
    "fahrplan",
    "feed",
    "ical",
    "ics",
    "index",
    "plan",
    "program",
    "programme",
    "schedule",
    "talks",
    "timetable",
    "untitled",
];

/// The conference's name from its file's name ("fosdem-2026.ics" → "Fosdem 2026"), unless
/// the name is generic or has no letters.
fn name_from_file(file: &Path) -> Option<String> {
    let stem = file.file_stem()?.to_str()?.trim();
    // A second download: "schedule (1)".
    let stem = stem
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .map_or(stem, |(name, _)| name);
    let words: Vec<&str> = stem
        .split(|c: char| c == '-' || c == '_' || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect();
    let joined = words.join(" ");
    let letters = joined.chars().filter(|c| c.is_alphabetic()).count();
    let looks_like_an_id =
        joined.len() >= 16 && joined.chars().all(|c| c.is_ascii_hexdigit() || c == ' ');
    if letters == 0
        || looks_like_an_id
        || GENERIC_FILE_NAMES.contains(&joined.to_lowercase().as_str())
    {
        return None;
    }
    let mut chars = joined.chars();
    let first = chars.next()?;
    Some(if joined.chars().any(char::is_uppercase) {
        joined
    } else {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The city of a zone named after one ("Europe/Brussels" → "Brussels"); none for `Etc/…`.
fn zone_city(zone: Tz) -> Option<String> {
    let name = zone.name();
    let (area, city) = name.rsplit_once('/')?;
    (!area.starts_with("Etc")).then(|| city.replace('_', " "))
}

/// "Conference in Brussels, Feb 2025", leaving out what is not known.
fn placeholder_name(city: &str, first_day: Option<NaiveDate>) -> String {
    let mut name = UNTITLED.to_string();
    if !city.is_empty() {
        name = format!("{name} in {city}");
    }
    if let Some(day) = first_day {
        name = format!("{name}, {} {}", day.format("%b"), day.year());
    }
    name
}

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

    /// The fields of a new trip for this schedule read from `file`, in the zone `guess`.
    pub fn trip_fields(&self, guess: &ZoneGuess, file: &Path) -> TripFields {
        let zone = guess.zone;
        let mut fields = TripFields::named("");
        fields.city = self.city.trim().to_string();
        if fields.city.is_empty() && guess.basis == ZoneBasis::Coordinates {
            fields.city = zone_city(zone).unwrap_or_default();
        }
        (fields.start_date, fields.end_date) = self.days(zone);
        let title = self.title.trim();
        fields.name = if title.is_empty() {
            name_from_file(file)
                .unwrap_or_else(|| placeholder_name(&fields.city, fields.start_date))
        } else {
            title.to_string()
        };
        fields.time_zone = zone;
        fields
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meaningful_file_name_names_the_trip_and_a_generic_one_does_not() {
        let name = |file: &str| name_from_file(Path::new(file));
        assert_eq!(name("/tmp/fosdem-2026.ics").as_deref(), Some("Fosdem 2026"));
        assert_eq!(
            name("DebConf25_talks.xml").as_deref(),
            Some("DebConf25 talks")
        );
        assert_eq!(name("38c3 (2).ics").as_deref(), Some("38c3"));
        for generic in [
            "schedule.xml",
            "Schedule (1).ics",
            "basic.ics",
            "20250201.ics",
        ] {
            assert_eq!(name(generic), None, "{generic}");
        }
        assert_eq!(name("3f2a9c1e0b7d4e6a8c5b.ics"), None);
    }

    #[test]
    fn without_a_usable_name_the_trip_is_named_after_its_place_and_month() {
        let day = NaiveDate::from_ymd_opt(2025, 2, 1);
        assert_eq!(
            placeholder_name("Brussels", day),
            "Conference in Brussels, Feb 2025"
        );
        assert_eq!(placeholder_name("", day), "Conference, Feb 2025");
        assert_eq!(placeholder_name("", None), UNTITLED);
        assert_eq!(
            zone_city(chrono_tz::America::Argentina::Buenos_Aires).as_deref(),
            Some("Buenos Aires")
        );
        assert_eq!(zone_city(chrono_tz::Etc::GMTMinus1), None);
        assert_eq!(zone_city(Tz::UTC), None);
    }
}
