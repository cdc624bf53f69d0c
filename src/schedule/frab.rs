//! The frab schedule model both frab formats share: the XML and JSON readers collect a
//! conference header, days and events as the file spells them ([`Header`], [`Day`],
//! [`RawEvent`], all text) and the rules here turn them into a [`ParsedSchedule`] and [`Talk`]s:
//! which zone local times are in, the day that runs past midnight, keys, speakers, links.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;

use super::talks::{self, Zone};
use super::{ParsedSchedule, Skipped};
use crate::model::{Talk, TalkTime};

/// The conference header as the file spells it.
#[derive(Debug, Default)]
pub(super) struct Header {
    pub title: String,
    pub start: String,
    pub end: String,
    pub time_zone_name: String,
    pub day_change: String,
    pub city: String,
    pub venue: String,
}

/// A day of the schedule: its date and, when the file gives it, when the day starts (a
/// conference day may run from 11:00 to 04:00 the next morning).
#[derive(Debug, Default, Clone)]
pub(super) struct Day {
    pub date: String,
    pub start: String,
}

/// One event as the file spells it.
#[derive(Debug, Default)]
pub(super) struct RawEvent {
    pub guid: String,
    pub id: String,
    pub date: String,
    pub start: String,
    pub duration: String,
    pub room: String,
    pub title: String,
    pub subtitle: String,
    pub track: String,
    pub kind: String,
    pub abstract_html: String,
    pub description_html: String,
    pub persons: Vec<String>,
    pub links: Vec<String>,
    pub url: String,
}

/// What every event of one file is read against.
pub(super) struct Context {
    /// The conference's zone (`time_zone_name`).
    zone: Option<Tz>,
    day_change: Option<chrono::NaiveTime>,
    floating: Tz,
}

impl Context {
    pub(super) fn new(header: &Header, floating: Tz) -> Context {
        Context {
            zone: header.time_zone_name.trim().parse().ok(),
            day_change: talks::clock_time(&header.day_change),
            floating,
        }
    }
}

/// The schedule's header; its talks are added by the reader.
pub(super) fn new_schedule(header: Header, context: &Context) -> ParsedSchedule {
    let city = if header.city.trim().is_empty() {
        header.venue
    } else {
        header.city
    };
    ParsedSchedule {
        title: header.title.trim().to_owned(),
        start_date: date_prefix(&header.start),
        end_date: date_prefix(&header.end),
        time_zone: context.zone,
        city: city.trim().to_owned(),
        ..ParsedSchedule::default()
    }
}

/// The date at the start of "2014-12-27" or "2014-12-27T11:00:00+01:00".
fn date_prefix(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

/// Adds the event to the schedule as a talk, or to its skipped list with the reason.
/// `room` is the room the event is listed under; `line` its line in the file when known.
pub(super) fn add_event(
    schedule: &mut ParsedSchedule,
    event: RawEvent,
    day: &Day,
    room: &str,
    context: &Context,
    line: Option<u64>,
) {
    let read = talk(&event, day, room, context)
        .and_then(|(talk, offset)| Ok((talks::within_journal_years(talk)?, offset)));
    match read {
        Ok((talk, offset)) => {
            if let (Some(offset), TalkTime::Timed { start, .. }) = (offset, &talk.time) {
                schedule.stated_offsets.push((*start, offset));
            }
            schedule.talks.push(talk);
        }
        Err(reason) => schedule.skipped.push(skipped(
            [&event.title, &event.guid, &event.id],
            line,
            reason,
        )),
    }
}

/// A skipped event named by the first of `names` it has (title, guid, id) and its line.
pub(super) fn skipped(names: [&str; 3], line: Option<u64>, reason: String) -> Skipped {
    let name = names
        .into_iter()
        .map(str::trim)
        .find(|text| !text.is_empty())
        .map_or_else(|| "an event".to_owned(), |text| format!("\"{text}\""));
    Skipped {
        what: match line {
            Some(line) => format!("{name} (line {line})"),
            None => name,
        },
        reason,
    }
}

/// The talk an event describes, and the UTC offset the file gave its start in (if any).
fn talk(
    event: &RawEvent,
    day: &Day,
    room: &str,
    context: &Context,
) -> Result<(Talk, Option<FixedOffset>), String> {
    let title = event.title.trim();
    if title.is_empty() {
        return Err("it has no title".into());
    }
    let (start, offset) = start(event, day, context)?;
    let length = match event.duration.trim() {
        "" => TimeDelta::zero(),
        text => talks::duration(text)
            .filter(|length| *length >= TimeDelta::zero())
            .ok_or_else(|| format!("its duration \"{text}\" is not a duration"))?,
    };
    let time = TalkTime::Timed {
        start,
        end: start + length,
    };
    let room = [event.room.trim(), room.trim()]
        .into_iter()
        .find(|room| !room.is_empty())
        .unwrap_or_default();
    let key = [event.guid.trim(), event.id.trim()]
        .into_iter()
        .find(|key| !key.is_empty())
        .map_or_else(|| talks::fallback_key(title, &time, room), str::to_owned);
    let abstract_text = match talks::plain_text(&event.abstract_html) {
        text if text.is_empty() => talks::plain_text(&event.description_html),
        text => text,
    };
    let talk = Talk {
        key,
        title: title.to_owned(),
        subtitle: event.subtitle.trim().to_owned(),
        time,
        room: room.to_owned(),
        track: event.track.trim().to_owned(),
        kind: event.kind.trim().to_owned(),
        speakers: event
            .persons
            .iter()
            .map(|name| name.trim().to_owned())
            .filter(|name| !name.is_empty())
            .collect(),
        url: talks::web_address(&event.url)
            .or_else(|| event.links.iter().find_map(|link| talks::web_address(link))),
        abstract_text,
    };
    Ok((talk, offset))
}

/// The event's start: its `date` when that reads as a date and time; else the day's date
/// and the event's `start`, a day later when `start` is before the day starts (a talk at
/// 01:30 listed under a day that begins at 11:00). With it, the UTC offset the file wrote
/// (the date's or the day's), when it read the time as such an offset.
fn start(
    event: &RawEvent,
    day: &Day,
    context: &Context,
) -> Result<(DateTime<Utc>, Option<FixedOffset>), String> {
    let day_start = DateTime::parse_from_rfc3339(day.start.trim()).ok();
    let zone = match (context.zone, day_start) {
        (Some(tz), _) => Zone::Named(tz),
        (None, Some(day_start)) => Zone::Fixed(*day_start.offset()),
        (None, None) => Zone::Named(context.floating),
    };
    let zone_offset = match zone {
        Zone::Fixed(offset) => Some(offset),
        Zone::Named(_) => None,
    };
    if let Some((instant, offset)) = date_time(&event.date, zone) {
        return Ok((instant, offset.or(zone_offset)));
    }
    let time = talks::clock_time(&event.start).ok_or_else(|| {
        if event.date.trim().is_empty() {
            format!("its start \"{}\" is not a time", event.start.trim())
        } else {
            format!("its date \"{}\" is not a date and time", event.date.trim())
        }
    })?;
    let date = date_prefix(&day.date)
        .ok_or_else(|| format!("its day \"{}\" is not a date", day.date.trim()))?;
    let threshold = day_start.map(|start| start.time()).or(context.day_change);
    let date = if threshold.is_some_and(|threshold| time < threshold) {
        date + TimeDelta::days(1)
    } else {
        date
    };
    let instant = zone
        .instant(date.and_time(time))
        .ok_or_else(|| "its start is not a time that exists".to_owned())?;
    Ok((instant, zone_offset))
}

/// "2014-12-27T11:00:00+01:00" (also "+0100", fractions of seconds, or no offset: then in
/// `zone`), with the offset it was written with.
fn date_time(text: &str, zone: Zone) -> Option<(DateTime<Utc>, Option<FixedOffset>)> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::<FixedOffset>::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .or_else(|_| DateTime::<FixedOffset>::parse_from_str(text, "%Y-%m-%dT%H:%M%z"))
    {
        // "Z" says the instant, not the conference's clock.
        let stated = !text.ends_with(['Z', 'z']);
        return Some((
            instant.with_timezone(&Utc),
            stated.then(|| *instant.offset()),
        ));
    }
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
        .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M"))
        .ok()?;
    zone.instant(local).map(|instant| (instant, None))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(date: &str, start: &str) -> RawEvent {
        RawEvent {
            title: "Talk".into(),
            date: date.into(),
            start: start.into(),
            duration: "00:30".into(),
            ..RawEvent::default()
        }
    }

    fn start_of(event: &RawEvent, day: &Day, header: &Header) -> String {
        let context = Context::new(header, chrono_tz::Asia::Tokyo);
        start(event, day, &context).map_or_else(|e| e, |(s, _)| s.to_rfc3339())
    }

    #[test]
    fn the_date_wins_then_day_and_start() {
        let day = Day {
            date: "2014-12-27".into(),
            start: "2014-12-27T11:00:00+01:00".into(),
        };
        let header = Header::default();
        let at = |date: &str, start: &str| start_of(&event(date, start), &day, &header);
        assert_eq!(
            at("2014-12-28T01:30:00+01:00", "01:30"),
            "2014-12-28T00:30:00+00:00"
        );
        // No date: the day's offset, and past midnight is the next date.
        assert_eq!(at("", "01:30"), "2014-12-28T00:30:00+00:00");
        assert_eq!(at("", "11:00"), "2014-12-27T10:00:00+00:00");
        assert_eq!(at("", "half past"), "its start \"half past\" is not a time");
    }

    #[test]
    fn zones_without_offsets() {
        let day = Day {
            date: "2019-02-02".into(),
            start: String::new(),
        };
        let mut header = Header {
            day_change: "09:00:00".into(),
            ..Header::default()
        };
        // Neither a zone name nor offsets: the floating zone (Tokyo, +09:00).
        assert_eq!(
            start_of(&event("", "10:00"), &day, &header),
            "2019-02-02T01:00:00+00:00"
        );
        assert_eq!(
            start_of(&event("", "08:00"), &day, &header),
            "2019-02-02T23:00:00+00:00"
        );
        header.time_zone_name = "Europe/Brussels".into();
        assert_eq!(
            start_of(&event("2019-02-02T10:00:00", ""), &day, &header),
            "2019-02-02T09:00:00+00:00"
        );
    }
}
