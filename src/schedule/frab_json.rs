//! frab JSON (`schedule.json`) in the C3VOC schedule schema, as pretalx and others write it:
//! `{"schedule": {"conference": {…, "days": [{"date", "day_start", "rooms": {"Room":
//! [event, …]}}]}}}`.
//!
//! serde_json reads the document (its recursion limit refuses deeply nested input without
//! exhausting the stack); each event is then read on its own, so one event of the wrong
//! shape is skipped with the reason and the rest imports. Text fields accept strings,
//! numbers and `null`; persons may be objects (`public_name` or `name`) or plain strings;
//! links may be objects (`url`) or strings.

use chrono_tz::Tz;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use super::frab::{self, Context, Day, Header, RawEvent};
use super::{ParsedSchedule, ScheduleError};

#[derive(Deserialize)]
struct File {
    schedule: Schedule,
}

#[derive(Deserialize)]
struct Schedule {
    conference: Conference,
}

#[derive(Deserialize)]
struct Conference {
    #[serde(default, deserialize_with = "text")]
    title: String,
    #[serde(default, deserialize_with = "text")]
    start: String,
    #[serde(default, deserialize_with = "text")]
    end: String,
    #[serde(default, deserialize_with = "text")]
    time_zone_name: String,
    #[serde(default, deserialize_with = "text")]
    day_change: String,
    #[serde(default, deserialize_with = "text")]
    city: String,
    #[serde(default, deserialize_with = "text")]
    venue: String,
    #[serde(default, deserialize_with = "nullable")]
    days: Vec<JsonDay>,
}

#[derive(Deserialize)]
struct JsonDay {
    #[serde(default, deserialize_with = "text")]
    date: String,
    #[serde(default, deserialize_with = "text")]
    day_start: String,
    #[serde(default, deserialize_with = "nullable")]
    rooms: serde_json::Map<String, Value>,
}

#[derive(Deserialize)]
struct JsonEvent {
    #[serde(default, deserialize_with = "text")]
    guid: String,
    #[serde(default, deserialize_with = "text")]
    id: String,
    #[serde(default, deserialize_with = "text")]
    date: String,
    #[serde(default, deserialize_with = "text")]
    start: String,
    #[serde(default, deserialize_with = "text")]
    duration: String,
    #[serde(default, deserialize_with = "text")]
    room: String,
    #[serde(default, deserialize_with = "text")]
    title: String,
    #[serde(default, deserialize_with = "text")]
    subtitle: String,
    #[serde(default, deserialize_with = "text")]
    track: String,
    #[serde(default, rename = "type", deserialize_with = "text")]
    kind: String,
    #[serde(default, rename = "abstract", deserialize_with = "text")]
    abstract_html: String,
    #[serde(default, rename = "description", deserialize_with = "text")]
    description_html: String,
    #[serde(default, deserialize_with = "text")]
    url: String,
    #[serde(default, deserialize_with = "nullable")]
    persons: Vec<Person>,
    #[serde(default, deserialize_with = "nullable")]
    links: Vec<Link>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Person {
    Name(String),
    Object {
        #[serde(default, deserialize_with = "text")]
        public_name: String,
        #[serde(default, deserialize_with = "text")]
        name: String,
        #[serde(default, deserialize_with = "text")]
        full_public_name: String,
    },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Link {
    Url(String),
    Object {
        #[serde(default, deserialize_with = "text")]
        url: String,
    },
}

/// A text field that may also be a number, a boolean or `null`.
fn text<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    match Value::deserialize(deserializer)? {
        Value::String(text) => Ok(text),
        Value::Null => Ok(String::new()),
        Value::Number(number) => Ok(number.to_string()),
        Value::Bool(flag) => Ok(flag.to_string()),
        other => Err(serde::de::Error::custom(format!(
            "expected text, found {}",
            kind_of(&other)
        ))),
    }
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
        _ => "a value",
    }
}

/// A list or map that may be `null`.
fn nullable<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Ok(Option::<T>::deserialize(deserializer)?.unwrap_or_default())
}

pub(super) fn read(text: &str, floating_zone: Tz) -> Result<ParsedSchedule, ScheduleError> {
    let file: File = serde_json::from_str(text).map_err(|error| ScheduleError::Malformed {
        format: "frab JSON",
        reason: if error.is_eof() {
            format!("{error} (is it cut off?)")
        } else {
            error.to_string()
        },
    })?;
    let conference = file.schedule.conference;
    let header = Header {
        title: conference.title,
        start: conference.start,
        end: conference.end,
        time_zone_name: conference.time_zone_name,
        day_change: conference.day_change,
        city: conference.city,
        venue: conference.venue,
    };
    let context = Context::new(&header, floating_zone);
    let mut schedule = frab::new_schedule(header, &context);
    for day in conference.days {
        let frab_day = Day {
            date: day.date,
            start: day.day_start,
        };
        for (room, events) in day.rooms {
            let Value::Array(events) = events else {
                schedule.skipped.push(frab::skipped(
                    [&room, "", ""],
                    None,
                    format!("the room's events are {}, not a list", kind_of(&events)),
                ));
                continue;
            };
            for event in events {
                add_event(&mut schedule, event, &frab_day, &room, &context);
            }
        }
    }
    Ok(schedule)
}

fn add_event(
    schedule: &mut ParsedSchedule,
    value: Value,
    day: &Day,
    room: &str,
    context: &Context,
) {
    let event = match JsonEvent::deserialize(&value) {
        Ok(event) => event,
        Err(error) => {
            let field = |name: &str| value.get(name).and_then(Value::as_str).unwrap_or("");
            schedule.skipped.push(frab::skipped(
                [field("title"), field("guid"), field("id")],
                None,
                format!("its fields cannot be read: {error}"),
            ));
            return;
        }
    };
    let raw = RawEvent {
        guid: event.guid,
        id: event.id,
        date: event.date,
        start: event.start,
        duration: event.duration,
        room: event.room,
        title: event.title,
        subtitle: event.subtitle,
        track: event.track,
        kind: event.kind,
        abstract_html: event.abstract_html,
        description_html: event.description_html,
        persons: event.persons.into_iter().map(Person::into_name).collect(),
        links: event.links.into_iter().map(Link::into_url).collect(),
        url: event.url,
    };
    frab::add_event(schedule, raw, day, room, context, None);
}

impl Person {
    fn into_name(self) -> String {
        match self {
            Person::Name(name) => name,
            Person::Object {
                public_name,
                name,
                full_public_name,
            } => [public_name, name, full_public_name]
                .into_iter()
                .find(|name| !name.trim().is_empty())
                .unwrap_or_default(),
        }
    }
}

impl Link {
    fn into_url(self) -> String {
        match self {
            Link::Url(url) | Link::Object { url } => url,
        }
    }
}
