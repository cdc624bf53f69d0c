//! Repeating events: a VEVENT's RRULE, RDATE and EXDATE expanded into one talk per
//! occurrence, and occurrences that a later VEVENT changes (`RECURRENCE-ID`) left to it.
//!
//! Rules are expanded by the `rrule` crate in the event's own wall-clock time (RFC 5545
//! §3.3.10: a daily 09:00 coffee stays at 09:00 across a daylight-saving change); each local
//! start is then turned into an instant through the event's zone. A rule without COUNT or
//! UNTIL is expanded up to the last day of the rest of the programme. RDATE adds starts and
//! EXDATE removes them, compared as instants (or dates, for all-day events). Each occurrence
//! is its own talk with a stable key, the event's key and its start: importing a newer
//! version updates, never duplicates. An event whose repetition cannot be read, or that
//! repeats more than [`MAX_OCCURRENCES`] times, is skipped whole with the reason: never cut
//! to its first occurrence.

use std::collections::BTreeSet;

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

use super::lines::{self, ContentLine};
use super::zones::{self, CustomZone};
use super::{EventLines, When, Zones, when};
use crate::model::{Talk, TalkTime};
use crate::schedule::talks::Zone;

/// The most occurrences one event may have.
pub(super) const MAX_OCCURRENCES: usize = 500;

/// Where an event's local times are: a zone, UTC, or whole days.
#[derive(Clone, Copy)]
enum Frame<'a> {
    Days,
    Utc,
    Named(Tz),
    Custom(&'a CustomZone),
}

impl Frame<'_> {
    fn instant(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Frame::Days | Frame::Utc => Some(local.and_utc()),
            Frame::Named(tz) => Zone::Named(tz).instant(local),
            Frame::Custom(custom) => Zone::Fixed(custom.offset_at(local)).instant(local),
        }
    }

    fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        match self {
            Frame::Days | Frame::Utc => at.naive_utc(),
            Frame::Named(tz) => at.with_timezone(&tz).naive_local(),
            Frame::Custom(custom) => at.naive_utc() + custom.offset_at(at.naive_utc()),
        }
    }
}

/// Whether the event repeats (RRULE or RDATE).
pub(super) fn repeats(event: &EventLines) -> bool {
    event.property("RRULE").is_some() || event.property("RDATE").is_some()
}

/// The token an occurrence is known by: its start in UTC, or its date.
pub(super) fn token(time: &TalkTime) -> String {
    match time {
        TalkTime::Timed { start, .. } => start.format("%Y%m%dT%H%M%SZ").to_string(),
        TalkTime::AllDay { first, .. } => first.format("%Y%m%d").to_string(),
    }
}

/// The token of the occurrence a changed VEVENT replaces (its RECURRENCE-ID).
pub(super) fn replaced_token(
    event: &EventLines,
    zones: &Zones,
    floating: Tz,
) -> Option<Result<String, String>> {
    let line = event.property("RECURRENCE-ID")?;
    Some(when(line, zones, floating).map(|(found, _)| match found {
        When::Date(day) => day.format("%Y%m%d").to_string(),
        When::Instant(at) => at.format("%Y%m%dT%H%M%SZ").to_string(),
    }))
}

/// Every occurrence of a repeating event as its own talk, `first` being the talk its DTSTART
/// describes; occurrences in `replaced` (changed by other VEVENTs) are left out.
pub(super) fn expand(
    first: &Talk,
    event: &EventLines,
    zones: &Zones,
    floating: Tz,
    last_day: Option<NaiveDate>,
    replaced: &BTreeSet<String>,
) -> Result<Vec<Talk>, String> {
    let start = event.property("DTSTART").ok_or("it has no DTSTART")?;
    let (local_start, frame) = local_start(start, zones, floating)?;
    let mut starts: BTreeSet<Start> = BTreeSet::new();
    starts.insert(Start::at(frame, local_start)?);
    for rule in event.all("RRULE") {
        for local in rule_starts(rule, local_start, frame, last_day)? {
            starts.insert(Start::at(frame, local)?);
        }
    }
    for line in event.all("RDATE") {
        starts.extend(listed_starts(line, frame, zones, floating)?);
    }
    for line in event.all("EXDATE") {
        for excluded in listed_starts(line, frame, zones, floating)? {
            starts.retain(|start| !start.excluded_by(&excluded, frame));
        }
    }
    if starts.len() > MAX_OCCURRENCES {
        return Err(format!("it repeats more than {MAX_OCCURRENCES} times"));
    }
    Ok(starts
        .into_iter()
        .map(|start| start.talk(first))
        .filter(|talk| !replaced.contains(&token(&talk.time)))
        .collect())
}

/// An occurrence's start: an instant, or a day for an all-day event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Start {
    Day(NaiveDate),
    At(DateTime<Utc>),
}

impl Start {
    fn at(frame: Frame<'_>, local: NaiveDateTime) -> Result<Start, String> {
        match frame {
            Frame::Days => Ok(Start::Day(local.date())),
            _ => frame
                .instant(local)
                .map(Start::At)
                .ok_or_else(|| format!("an occurrence at {local} does not exist in its zone")),
        }
    }

    /// Whether an EXDATE value removes this start (a date removes every start that day).
    fn excluded_by(&self, excluded: &Start, frame: Frame<'_>) -> bool {
        match (self, excluded) {
            (Start::At(at), Start::Day(day)) => frame.local(*at).date() == *day,
            _ => self == excluded,
        }
    }

    /// The first talk moved to this start, keeping its length, with its own key.
    fn talk(self, first: &Talk) -> Talk {
        let time = match (&first.time, self) {
            (TalkTime::Timed { start, end }, Start::At(at)) => TalkTime::Timed {
                start: at,
                end: at + (*end - *start),
            },
            (TalkTime::AllDay { first, last }, Start::Day(day)) => TalkTime::AllDay {
                first: day,
                last: day + (*last - *first),
            },
            (TalkTime::Timed { start, end }, Start::Day(day)) => {
                let at = day.and_time(NaiveTime::MIN).and_utc();
                TalkTime::Timed {
                    start: at,
                    end: at + (*end - *start),
                }
            }
            (TalkTime::AllDay { first, last }, Start::At(at)) => TalkTime::AllDay {
                first: at.date_naive(),
                last: at.date_naive() + (*last - *first),
            },
        };
        let mut talk = first.clone();
        talk.key = format!("{}@{}", first.key, token(&time));
        talk.time = time;
        talk
    }
}

/// DTSTART as wall-clock time, and where that wall clock is.
fn local_start<'a>(
    line: &ContentLine,
    zones: &'a Zones,
    floating: Tz,
) -> Result<(NaiveDateTime, Frame<'a>), String> {
    let (found, _) = when(line, zones, floating)?;
    let value = line.value.trim();
    match found {
        When::Date(day) => Ok((day.and_time(NaiveTime::MIN), Frame::Days)),
        When::Instant(at) if value.ends_with(['Z', 'z']) => Ok((at.naive_utc(), Frame::Utc)),
        When::Instant(at) => {
            let frame = match line.param("TZID") {
                None => Frame::Named(floating),
                Some(tzid) => match zones::known_zone(tzid) {
                    Some(tz) => Frame::Named(tz),
                    None => match zones.get(tzid) {
                        Some(Ok(custom)) => Frame::Custom(custom),
                        _ => {
                            return Err(format!(
                                "its time zone \"{}\" cannot be read",
                                lines::shorten(tzid)
                            ));
                        }
                    },
                },
            };
            Ok((frame.local(at), frame))
        }
    }
}

/// The local starts an RRULE gives (the first included), expanded in the event's wall-clock
/// time; a rule without end stops at the end of `last_day`.
fn rule_starts(
    rule: &ContentLine,
    local_start: NaiveDateTime,
    frame: Frame<'_>,
    last_day: Option<NaiveDate>,
) -> Result<Vec<NaiveDateTime>, String> {
    let unreadable = |reason: String| {
        format!(
            "line {}: its RRULE \"{}\" cannot be read: {reason}",
            rule.line,
            lines::shorten(&rule.value)
        )
    };
    let (text, bounded) = rule_in_local_time(&rule.value, frame).map_err(unreadable)?;
    let parsed: rrule::RRule<rrule::Unvalidated> = text
        .parse()
        .map_err(|error: rrule::RRuleError| unreadable(error.to_string()))?;
    let dt_start = rrule::Tz::UTC.from_utc_datetime(&local_start);
    let mut set = parsed
        .build(dt_start)
        .map_err(|error| unreadable(error.to_string()))?;
    if !bounded {
        let day = last_day.ok_or_else(|| {
            "it repeats without end, and the programme gives no last day to stop at".to_owned()
        })?;
        let end = day.and_time(NaiveTime::MIN) + TimeDelta::days(1) - TimeDelta::seconds(1);
        set = set.before(rrule::Tz::UTC.from_utc_datetime(&end));
    }
    let limit = u16::try_from(MAX_OCCURRENCES + 1).unwrap_or(u16::MAX);
    let result = set.all(limit);
    if result.dates.len() > MAX_OCCURRENCES {
        return Err(format!("it repeats more than {MAX_OCCURRENCES} times"));
    }
    Ok(result.dates.iter().map(|at| at.naive_utc()).collect())
}

/// The RRULE with its UNTIL written in the event's wall-clock time (as the expansion runs
/// there, in UTC's clothes), and whether it ends (COUNT or UNTIL).
fn rule_in_local_time(value: &str, frame: Frame<'_>) -> Result<(String, bool), String> {
    let mut bounded = false;
    let mut parts = Vec::new();
    for part in value.trim().split(';').filter(|part| !part.is_empty()) {
        let (name, setting) = part
            .split_once('=')
            .ok_or_else(|| format!("\"{part}\" has no value"))?;
        let name = name.trim().to_ascii_uppercase();
        match name.as_str() {
            "COUNT" => bounded = true,
            "UNTIL" => {
                bounded = true;
                let local = until_local(setting.trim(), frame)?;
                parts.push(format!("UNTIL={}", local.format("%Y%m%dT%H%M%SZ")));
                continue;
            }
            _ => {}
        }
        parts.push(format!("{name}={}", setting.trim()));
    }
    Ok((format!("RRULE:{}", parts.join(";")), bounded))
}

/// An UNTIL as wall-clock time: a UTC instant moved into the event's zone, a date to its last
/// second, a local time as it is.
fn until_local(text: &str, frame: Frame<'_>) -> Result<NaiveDateTime, String> {
    let bad = || {
        format!(
            "its UNTIL \"{}\" is not a date or time",
            lines::shorten(text)
        )
    };
    if text.len() == 8 {
        let day = NaiveDate::parse_from_str(text, "%Y%m%d").map_err(|_| bad())?;
        return Ok(day.and_time(NaiveTime::MIN) + TimeDelta::days(1) - TimeDelta::seconds(1));
    }
    let (local, utc) = match text.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (text, false),
    };
    let local = NaiveDateTime::parse_from_str(local, "%Y%m%dT%H%M%S").map_err(|_| bad())?;
    Ok(if utc {
        frame.local(local.and_utc())
    } else {
        local
    })
}

/// The starts an RDATE or EXDATE line lists (values separated by commas).
fn listed_starts(
    line: &ContentLine,
    frame: Frame<'_>,
    zones: &Zones,
    floating: Tz,
) -> Result<Vec<Start>, String> {
    if line
        .param("VALUE")
        .is_some_and(|value| value.eq_ignore_ascii_case("PERIOD"))
    {
        return Err(format!(
            "line {}: its {} lists periods, which are not read",
            line.line, line.name
        ));
    }
    let mut starts = Vec::new();
    for value in line
        .value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
    {
        let mut single = line.clone();
        single.value = value.to_owned();
        let (found, _) = when(&single, zones, floating)?;
        starts.push(match (found, frame) {
            (When::Date(day), _) => Start::Day(day),
            (When::Instant(at), Frame::Days) => Start::Day(frame.local(at).date()),
            (When::Instant(at), _) => Start::At(at),
        });
    }
    Ok(starts)
}
