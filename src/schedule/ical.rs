//! iCalendar (`.ics`, RFC 5545) as sched, Indico, pretalx, sessionize and calendar programs
//! export schedules: each VEVENT is a talk.
//!
//! A hand-written reader rather than a crate: the parsers of the iCalendar crates fail the
//! whole file at its first bad line, while a schedule must import every readable event and
//! name the ones it skipped. [`lines`] has the content-line grammar (folding, parameters,
//! escapes); [`zones`] resolves `TZID`s (IANA, Windows names, the file's VTIMEZONEs). Here the
//! lines are grouped into components: a line that cannot be read spoils only its own VEVENT
//! (or VTIMEZONE, and so the events that need that zone), properties of nested components
//! such as VALARM are not taken for the event's, and a file that stops before
//! `END:VCALENDAR` is refused as cut off rather than read as a schedule whose last talks
//! were removed. `STATUS:CANCELLED` events are skipped with the reason "cancelled in the
//! file", so a re-import marks a talk cancelled the same way as one removed from the file.
//! A repeating event (RRULE, RDATE, EXDATE) becomes one talk per occurrence ([`repeat`]).

mod lines;
mod repeat;
mod zones;

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use self::lines::ContentLine;
use self::zones::{CustomZone, Observance};
use super::talks::{self, Zone};
use super::{ParsedSchedule, ScheduleError, Skipped};
use crate::model::{Talk, TalkTime};

pub(super) fn read(text: &str, floating_zone: Tz) -> Result<ParsedSchedule, ScheduleError> {
    let mut calendar = Calendar::default();
    for (number, line) in lines::unfold(text) {
        calendar.line(number, &line);
    }
    calendar.finish(floating_zone)
}

/// The lines of one VEVENT, and the first reason it cannot be read, if any.
struct EventLines {
    line: u64,
    properties: Vec<ContentLine>,
    error: Option<String>,
}

/// A VTIMEZONE being read.
#[derive(Default)]
struct ZoneLines {
    tzid: String,
    observances: Vec<Observance>,
    /// The properties of the STANDARD or DAYLIGHT block being read.
    observance: Vec<ContentLine>,
    error: Option<String>,
}

/// The zones the file defines, by TZID: read, or the reason they could not be.
type Zones = HashMap<String, Result<CustomZone, String>>;

#[derive(Default)]
struct Calendar {
    /// Names of the open components.
    stack: Vec<String>,
    name: String,
    rfc7986_name: String,
    default_zone: String,
    events: Vec<EventLines>,
    event: Option<EventLines>,
    zone: Option<ZoneLines>,
    zones: Zones,
    ended: bool,
}

impl Calendar {
    fn top(&self) -> &str {
        self.stack.last().map_or("", String::as_str)
    }

    fn line(&mut self, number: u64, text: &str) {
        match lines::parse(number, text) {
            Ok(line) if line.name == "BEGIN" => self.begin(line.value.to_ascii_uppercase(), number),
            Ok(line) if line.name == "END" => self.end(&line.value.to_ascii_uppercase()),
            Ok(line) => self.property(line),
            Err(reason) => self.bad_line(format!("line {number}: {reason}")),
        }
    }

    /// A line that cannot be read spoils the event or time zone it is in.
    fn bad_line(&mut self, reason: String) {
        match self.top() {
            "VEVENT" => {
                if let Some(event) = &mut self.event {
                    event.error.get_or_insert(reason);
                }
            }
            "VTIMEZONE" | "STANDARD" | "DAYLIGHT" => {
                if let Some(zone) = &mut self.zone {
                    zone.error.get_or_insert(reason);
                }
            }
            _ => {}
        }
    }

    fn begin(&mut self, name: String, number: u64) {
        match name.as_str() {
            "VEVENT" => {
                if self.event.is_some() {
                    self.end("VEVENT");
                }
                self.event = Some(EventLines {
                    line: number,
                    properties: Vec::new(),
                    error: None,
                });
            }
            "VTIMEZONE" => self.zone = Some(ZoneLines::default()),
            "STANDARD" | "DAYLIGHT" => {
                if let Some(zone) = &mut self.zone {
                    zone.observance.clear();
                }
            }
            _ => {}
        }
        self.stack.push(name);
    }

    /// Closes the innermost open `name` and whatever is still open inside it; an END with
    /// no BEGIN is ignored.
    fn end(&mut self, name: &str) {
        if !self.stack.iter().any(|open| open == name) {
            return;
        }
        while let Some(open) = self.stack.pop() {
            let properly = open == name;
            self.closed(&open, properly);
            if properly {
                break;
            }
        }
    }

    fn closed(&mut self, name: &str, properly: bool) {
        match name {
            "VEVENT" => {
                if let Some(mut event) = self.event.take() {
                    if !properly {
                        event.error.get_or_insert("it has no END:VEVENT".to_owned());
                    }
                    self.events.push(event);
                }
            }
            "STANDARD" | "DAYLIGHT" => {
                if let Some(zone) = &mut self.zone {
                    zone.close_observance();
                }
            }
            "VTIMEZONE" => {
                if let Some(zone) = self.zone.take() {
                    let tzid = zone.tzid.clone();
                    self.zones.insert(tzid, zone.read());
                }
            }
            "VCALENDAR" => self.ended = true,
            _ => {}
        }
    }

    fn property(&mut self, line: ContentLine) {
        match (self.top(), line.name.as_str()) {
            ("VEVENT", _) => {
                if let Some(event) = &mut self.event {
                    event.properties.push(line);
                }
            }
            ("STANDARD" | "DAYLIGHT", _) => {
                if let Some(zone) = &mut self.zone {
                    zone.observance.push(line);
                }
            }
            ("VTIMEZONE", "TZID") => {
                if let Some(zone) = &mut self.zone {
                    zone.tzid = line.value;
                }
            }
            ("VCALENDAR", "X-WR-CALNAME") => self.name = line.text(),
            ("VCALENDAR", "NAME") => self.rfc7986_name = line.text(),
            ("VCALENDAR", "X-WR-TIMEZONE") => self.default_zone = line.text(),
            _ => {}
        }
    }

    /// For each repeating event's UID, the occurrences that other VEVENTs change
    /// (`RECURRENCE-ID`), by token.
    fn changed_occurrences(&self, floating: Tz) -> HashMap<String, BTreeSet<String>> {
        let repeating: BTreeSet<&str> = self
            .events
            .iter()
            .filter(|event| repeat::repeats(event))
            .filter_map(EventLines::uid)
            .collect();
        let mut changed: HashMap<String, BTreeSet<String>> = HashMap::new();
        for event in &self.events {
            let Some(uid) = event.uid().filter(|uid| repeating.contains(uid)) else {
                continue;
            };
            if let Some(Ok(token)) = repeat::replaced_token(event, &self.zones, floating) {
                changed.entry(uid.to_owned()).or_default().insert(token);
            }
        }
        changed
    }

    /// A VEVENT that changes one occurrence of a repeating event takes that occurrence's key.
    fn as_changed_occurrence(
        &self,
        mut talk: Talk,
        event: &EventLines,
        repeating: &HashMap<String, BTreeSet<String>>,
        floating: Tz,
    ) -> Result<Talk, String> {
        let Some(uid) = event.uid().filter(|uid| repeating.contains_key(*uid)) else {
            return Ok(talk);
        };
        if let Some(token) = repeat::replaced_token(event, &self.zones, floating) {
            talk.key = format!("{uid}@{}", token?);
        }
        Ok(talk)
    }

    fn finish(self, floating_zone: Tz) -> Result<ParsedSchedule, ScheduleError> {
        if !self.ended {
            return Err(ScheduleError::Malformed {
                format: "iCalendar",
                reason: "the file ends before END:VCALENDAR (is it cut off?)".into(),
            });
        }
        let title = if self.name.trim().is_empty() {
            &self.rfc7986_name
        } else {
            &self.name
        };
        let mut schedule = ParsedSchedule {
            title: title.trim().to_owned(),
            time_zone: zones::known_zone(&self.default_zone),
            coordinates: self.events.iter().find_map(EventLines::coordinates),
            ..ParsedSchedule::default()
        };
        let mut zones_used = BTreeSet::new();
        let read: Vec<_> = self
            .events
            .iter()
            .map(|event| talk(event, &self.zones, floating_zone))
            .collect();
        let repeating = self.changed_occurrences(floating_zone);
        let last_day = read
            .iter()
            .flatten()
            .map(|(talk, _)| talks::last_date(&talk.time))
            .max();
        for (event, read) in self.events.iter().zip(read) {
            let expanded = read.and_then(|(first, zone)| {
                let occurrences = if repeat::repeats(event) {
                    let replaced = event.uid().and_then(|uid| repeating.get(uid));
                    let none = BTreeSet::new();
                    let replaced = replaced.unwrap_or(&none);
                    repeat::expand(
                        &first,
                        event,
                        &self.zones,
                        floating_zone,
                        last_day,
                        replaced,
                    )?
                } else {
                    vec![self.as_changed_occurrence(first, event, &repeating, floating_zone)?]
                };
                let checked: Result<Vec<Talk>, String> = occurrences
                    .into_iter()
                    .map(talks::within_journal_years)
                    .collect();
                Ok((checked?, zone))
            });
            match expanded {
                Ok((talks, zone)) => {
                    match (zone, talks.first().map(|talk| &talk.time)) {
                        (Some(Zone::Named(tz)), _) => {
                            zones_used.insert(tz.name());
                        }
                        (Some(Zone::Fixed(offset)), Some(TalkTime::Timed { start, .. })) => {
                            schedule.stated_offsets.push((*start, offset));
                        }
                        _ => {}
                    }
                    schedule.talks.extend(talks);
                }
                Err(reason) => schedule.skipped.push(skipped(event, reason)),
            }
        }
        if schedule.time_zone.is_none() && zones_used.len() == 1 {
            schedule.time_zone = zones_used.first().and_then(|name| name.parse().ok());
        }
        Ok(schedule)
    }
}

impl EventLines {
    fn property(&self, name: &str) -> Option<&ContentLine> {
        self.properties.iter().find(|line| line.name == name)
    }

    /// Its `GEO:50.8466;4.3528` (degrees north; east) in minutes of arc, when it reads.
    fn coordinates(&self) -> Option<(i32, i32)> {
        let (north, east) = self.property("GEO")?.value.split_once(';')?;
        let minutes = |text: &str, limit: f64| {
            let degrees: f64 = text.trim().parse().ok()?;
            // Rounded minutes of a bounded angle fit an i32.
            #[allow(clippy::cast_possible_truncation)]
            (degrees.is_finite() && degrees.abs() <= limit).then(|| (degrees * 60.0).round() as i32)
        };
        Some((minutes(north, 90.0)?, minutes(east, 180.0)?))
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a ContentLine> + 'a {
        self.properties.iter().filter(move |line| line.name == name)
    }

    fn uid(&self) -> Option<&str> {
        self.property("UID").map(|uid| uid.value.trim())
    }
}

impl ZoneLines {
    fn close_observance(&mut self) {
        let value = |name: &str| {
            self.observance
                .iter()
                .find(|line| line.name == name)
                .map(|line| line.value.as_str())
        };
        match Observance::new(value) {
            Ok(observance) => self.observances.push(observance),
            Err(reason) => {
                self.error.get_or_insert(reason);
            }
        }
        self.observance.clear();
    }

    fn read(self) -> Result<CustomZone, String> {
        match self.error {
            Some(error) => Err(error),
            None => CustomZone::new(self.observances),
        }
    }
}

fn skipped(event: &EventLines, reason: String) -> Skipped {
    let named = |name: &str| {
        event
            .properties
            .iter()
            .find(|line| line.name == name)
            .map(|line| line.text().trim().to_owned())
            .filter(|text| !text.is_empty())
    };
    let name = named("SUMMARY").or_else(|| named("UID")).map_or_else(
        || "an event".to_owned(),
        |name| format!("\"{}\"", lines::shorten(&name)),
    );
    Skipped {
        what: format!("{name} (line {})", event.line),
        reason,
    }
}

/// A DTSTART or DTEND value: a date, or an instant.
enum When {
    Date(NaiveDate),
    Instant(DateTime<Utc>),
}

/// The talk a VEVENT describes, and the zone its start was given in (by TZID).
fn talk(event: &EventLines, zones: &Zones, floating: Tz) -> Result<(Talk, Option<Zone>), String> {
    if let Some(error) = &event.error {
        return Err(error.clone());
    }
    let property = |name: &str| event.properties.iter().find(|line| line.name == name);
    let all = |name: &'static str| {
        event
            .properties
            .iter()
            .filter(move |line| line.name == name)
    };
    if property("STATUS").is_some_and(|status| status.value.eq_ignore_ascii_case("CANCELLED")) {
        return Err("cancelled in the file".into());
    }
    let title = property("SUMMARY")
        .map(ContentLine::text)
        .unwrap_or_default();
    if title.trim().is_empty() {
        return Err("it has no SUMMARY (title)".into());
    }
    let start = property("DTSTART").ok_or("it has no DTSTART")?;
    let (when, zone) = when(start, zones, floating)?;
    let time = match when {
        When::Date(first) => all_day(first, property("DTEND"), property("DURATION"))?,
        When::Instant(start) => timed(
            start,
            property("DTEND"),
            property("DURATION"),
            zones,
            floating,
        )?,
    };
    let room = property("LOCATION")
        .map(ContentLine::text)
        .unwrap_or_default();
    let description = property("DESCRIPTION")
        .map(ContentLine::text)
        .unwrap_or_default();
    let key = match property("UID").map(|uid| uid.value.trim()) {
        Some(uid) if !uid.is_empty() => uid.to_owned(),
        _ => talks::fallback_key(&title, &time, &room),
    };
    let track: Vec<String> = all("CATEGORIES")
        .flat_map(|line| lines::list(&line.value))
        .collect();
    let talk = Talk {
        key,
        title: title.trim().to_owned(),
        subtitle: String::new(),
        time,
        room: room.trim().to_owned(),
        track: track.join(", "),
        kind: String::new(),
        speakers: speakers(&event.properties, &description),
        url: property("URL").and_then(|url| talks::web_address(&url.value)),
        abstract_text: talks::plain_text(&description),
    };
    Ok((talk, zone))
}

/// Reads a DTSTART/DTEND line, with the zone its TZID named if any.
fn when(line: &ContentLine, zones: &Zones, floating: Tz) -> Result<(When, Option<Zone>), String> {
    let value = line.value.trim();
    let unreadable = || {
        format!(
            "line {}: its {} \"{}\" is not a date and time",
            line.line,
            line.name,
            lines::shorten(value)
        )
    };
    let date_only = value.len() == 8 && value.bytes().all(|b| b.is_ascii_digit());
    if date_only
        || line
            .param("VALUE")
            .is_some_and(|v| v.eq_ignore_ascii_case("DATE"))
    {
        let date = NaiveDate::parse_from_str(value, "%Y%m%d").map_err(|_| unreadable())?;
        return Ok((When::Date(date), None));
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let local = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M"))
        .map_err(|_| unreadable())?;
    if utc {
        return Ok((When::Instant(local.and_utc()), None));
    }
    let named = match line.param("TZID") {
        None => None,
        Some(tzid) => Some(zone_for(tzid, local, zones)?),
    };
    let zone = named.unwrap_or(Zone::Named(floating));
    let instant = zone.instant(local).ok_or_else(|| {
        format!(
            "line {}: its {} does not exist in its zone",
            line.line, line.name
        )
    })?;
    Ok((When::Instant(instant), named))
}

/// The zone a TZID stands for at a local time: known by name, or the file's VTIMEZONE.
fn zone_for(tzid: &str, local: NaiveDateTime, zones: &Zones) -> Result<Zone, String> {
    if let Some(tz) = zones::known_zone(tzid) {
        return Ok(Zone::Named(tz));
    }
    match zones.get(tzid) {
        Some(Ok(custom)) => Ok(Zone::Fixed(custom.offset_at(local))),
        Some(Err(reason)) => Err(format!(
            "its time zone \"{}\" cannot be read: {reason}",
            lines::shorten(tzid)
        )),
        None => Err(format!(
            "its time zone \"{}\" is neither an IANA nor a Windows zone name, and the file does not define it",
            lines::shorten(tzid)
        )),
    }
}

fn timed(
    start: DateTime<Utc>,
    dtend: Option<&ContentLine>,
    duration: Option<&ContentLine>,
    zones: &Zones,
    floating: Tz,
) -> Result<TalkTime, String> {
    let end = match (dtend, duration) {
        (Some(dtend), _) => match when(dtend, zones, floating)?.0 {
            When::Instant(end) => end,
            When::Date(_) => return Err("its DTSTART is a time but its DTEND a date".into()),
        },
        (None, Some(duration)) => start + length(duration)?,
        (None, None) => start,
    };
    if end < start {
        return Err("it ends before it starts".into());
    }
    Ok(TalkTime::Timed { start, end })
}

/// An all-day item: DTEND is the day after the last (RFC 5545 §3.6.1), DURATION counts days.
fn all_day(
    first: NaiveDate,
    dtend: Option<&ContentLine>,
    duration: Option<&ContentLine>,
) -> Result<TalkTime, String> {
    let after_last = match (dtend, duration) {
        (Some(dtend), _) => {
            NaiveDate::parse_from_str(dtend.value.trim(), "%Y%m%d").map_err(|_| {
                format!(
                    "line {}: its DTEND is not a date as its DTSTART is",
                    dtend.line
                )
            })?
        }
        (None, Some(duration)) => first + TimeDelta::days(length(duration)?.num_days()),
        (None, None) => first,
    };
    let last = after_last.pred_opt().unwrap_or(first).max(first);
    Ok(TalkTime::AllDay { first, last })
}

fn length(duration: &ContentLine) -> Result<TimeDelta, String> {
    talks::iso_duration(&duration.value)
        .filter(|length| *length >= TimeDelta::zero() && *length < TimeDelta::days(400))
        .ok_or_else(|| {
            format!(
                "line {}: its DURATION \"{}\" is not a duration",
                duration.line,
                lines::shorten(&duration.value)
            )
        })
}

/// Speakers: the `CN` of each ATTENDEE, else of the ORGANIZER, else a "Speakers:" line of
/// the description.
fn speakers(properties: &[ContentLine], description: &str) -> Vec<String> {
    let names = |property: &str| -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        for line in properties.iter().filter(|line| line.name == property) {
            let name = line.param("CN").unwrap_or_default().trim();
            if !name.is_empty() && !names.iter().any(|known| known == name) {
                names.push(name.to_owned());
            }
        }
        names
    };
    let attendees = names("ATTENDEE");
    if !attendees.is_empty() {
        return attendees;
    }
    let organizers = names("ORGANIZER");
    if !organizers.is_empty() {
        return organizers;
    }
    description
        .lines()
        .find_map(|line| {
            let (label, names) = line.split_once(':')?;
            matches!(label.trim().to_lowercase().as_str(), "speaker" | "speakers").then_some(names)
        })
        .map(|names| {
            names
                .split([',', '&'])
                .flat_map(|part| part.split(" and "))
                .map(str::trim)
                .filter(|name| !name.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}
