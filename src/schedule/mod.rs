//! Conference schedules: the talks a conference publishes, read from the files conference
//! sites offer (frab XML `schedule.xml`, frab/C3VOC JSON `schedule.json`, iCalendar `.ics`).
//!
//! [`read_schedule`] tells the format from the bytes, parses them under size and nesting
//! limits, and returns a [`ParsedSchedule`]: the conference header (name, dates, time zone) and its
//! [`Talk`]s in one shape whatever the format. A file is never failed whole for one bad event:
//! events that cannot be read are listed in [`ParsedSchedule::skipped`] with the reason. Times are
//! instants (UTC) or, for all-day items, dates; a time the file gives without a zone (an
//! iCalendar "floating" time) is read in the zone the caller passes. Reading touches nothing;
//! `import` then puts a file's talks into a trip (or a new trip) through the store, the one
//! way the CLI and the window both import.

mod file;
mod frab;
mod frab_json;
mod frab_xml;
mod ical;
mod import;
mod plan_calendar;
mod talks;
mod trip;
mod zone_guess;

pub use file::{ScheduleFileError, read_schedule_file, read_schedule_for_new_trip};
pub use import::{
    ScheduleImportError, ScheduleImported, import_schedule_into, new_trip_from_schedule,
};

pub use plan_calendar::{PlanFileError, plan_calendar, plan_items, write_plan_file};
pub use zone_guess::{ZoneBasis, ZoneGuess};

use crate::model::Talk;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use chrono_tz::Tz;

/// The largest schedule file read: a 1,000-talk conference with long abstracts is ~3 MB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// An event the file holds but that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Which event: its title or UID when readable, with a line number when known.
    pub what: String,
    pub reason: String,
}

/// A conference schedule read from a file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedSchedule {
    pub title: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// The conference's zone when the file says (`time_zone_name`, `X-WR-TIMEZONE`, or the
    /// one IANA zone all its events use).
    pub time_zone: Option<Tz>,
    pub city: String,
    /// Starts the file wrote with a UTC offset (frab's `+01:00`, an iCalendar VTIMEZONE of
    /// its own), each with that offset: a guessed zone must agree with them.
    pub stated_offsets: Vec<(DateTime<Utc>, FixedOffset)>,
    /// Where the conference is (iCalendar `GEO`), in minutes of arc north and east.
    pub coordinates: Option<(i32, i32)>,
    pub talks: Vec<Talk>,
    pub skipped: Vec<Skipped>,
}

/// The formats read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleFormat {
    FrabXml,
    FrabJson,
    ICalendar,
}

/// Why a schedule file could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    #[error("the file is {size} bytes; a programme larger than {limit} bytes is not read")]
    TooLarge { size: u64, limit: u64 },
    #[error(
        "not a conference programme this program reads (frab schedule.xml or schedule.json, or iCalendar .ics)"
    )]
    UnknownFormat,
    #[error("the programme is not valid {format}: {reason}")]
    Malformed {
        format: &'static str,
        reason: String,
    },
    #[error("the programme holds no talks")]
    Empty,
}

/// Reads a schedule from the bytes of a file. `floating_zone` is the zone of times the file
/// gives without one (an iCalendar floating time, a frab file with no offsets).
pub fn read_schedule(bytes: &[u8], floating_zone: Tz) -> Result<ParsedSchedule, ScheduleError> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(ScheduleError::TooLarge {
            size,
            limit: MAX_FILE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).map_err(
        |error| ScheduleError::Malformed {
            format: "UTF-8 text",
            reason: error.to_string(),
        },
    )?;
    let mut schedule = match detect_format(text).ok_or(ScheduleError::UnknownFormat)? {
        ScheduleFormat::FrabXml => frab_xml::read(text, floating_zone)?,
        ScheduleFormat::FrabJson => frab_json::read(text, floating_zone)?,
        ScheduleFormat::ICalendar => ical::read(text, floating_zone)?,
    };
    talks::finish(&mut schedule, floating_zone);
    if schedule.talks.is_empty() && schedule.skipped.is_empty() {
        return Err(ScheduleError::Empty);
    }
    Ok(schedule)
}

/// Tells the format from the first characters of the text.
pub fn detect_format(text: &str) -> Option<ScheduleFormat> {
    let start = text.trim_start();
    if start.starts_with('<') {
        Some(ScheduleFormat::FrabXml)
    } else if start.starts_with('{') {
        Some(ScheduleFormat::FrabJson)
    } else if start
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        Some(ScheduleFormat::ICalendar)
    } else {
        None
    }
}
