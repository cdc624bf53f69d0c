//! A trip's conference schedule as the journal keeps it: each talk of the imported file with
//! what the user added (a star, the session entry made from it, whether a newer version of the
//! schedule dropped it), and the rule that turns a talk into a pre-filled session.

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::rules::SUPPORTED_YEARS;
use super::{
    EntryContent, EntryFields, EntryId, EntryKind, ModelError, ScheduleItemId, Session, TripId,
};

/// When a talk happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TalkTime {
    /// A talk with a start and an end (the end equals the start when the file gives neither
    /// an end nor a duration).
    Timed {
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    },
    /// An item that lasts whole days (`first` to `last`, inclusive), such as "Registration
    /// open" or a poster session, not a talk at midnight.
    AllDay { first: NaiveDate, last: NaiveDate },
}

impl TalkTime {
    /// Refuses a time that leaves the years a journal holds (an event at 9999-12-31 23:00
    /// lasting two hours ends in the year 10000), with the year rule's own message, so an
    /// import skips such a talk instead of writing a row no reader can read.
    pub fn check_years(&self) -> Result<(), ModelError> {
        let refuse =
            |what: &str, value: String| ModelError::OutOfRange(format!("its {what} {value}"));
        match self {
            TalkTime::Timed { start, end } => {
                for (what, at) in [("start", start), ("end", end)] {
                    if !SUPPORTED_YEARS.contains(&at.year()) {
                        let text = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
                        return Err(refuse(what, text));
                    }
                }
            }
            TalkTime::AllDay { first, last } => {
                for (what, day) in [("first day", first), ("last day", last)] {
                    if !SUPPORTED_YEARS.contains(&day.year()) {
                        return Err(refuse(what, day.to_string()));
                    }
                }
            }
        }
        Ok(())
    }
}

/// One item of a schedule, as the file describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// Stable across versions of the schedule: the event's guid or UID; else built from
    /// title, start and room. Unique within one [`ParsedSchedule`] (a UID repeated for different
    /// events gets a suffix, so two talks are never merged).
    pub key: String,
    pub title: String,
    pub subtitle: String,
    pub time: TalkTime,
    pub room: String,
    pub track: String,
    /// Kind of item as the file names it ("lecture", "workshop"); may be empty.
    pub kind: String,
    pub speakers: Vec<String>,
    /// The talk's page.
    pub url: Option<String>,
    /// Plain text (HTML tags removed), the abstract or else the description.
    pub abstract_text: String,
}

/// One talk of a trip's schedule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleItem {
    pub id: ScheduleItemId,
    pub trip: TripId,
    pub talk: Talk,
    pub starred: bool,
    /// The latest import of the schedule no longer lists it.
    pub cancelled: bool,
    /// The session entry made from it.
    pub entry: Option<EntryId>,
    /// The user's other marks on it.
    pub marks: TalkMarks,
    /// How often the programme moved it, and when last.
    pub revision: TalkRevision,
}

/// What the user marked a talk as, beside the star.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TalkMarks {
    /// A starred talk kept in sight but out of the plan (the other side of a clash).
    pub maybe: bool,
    /// Heard it (a session made from the talk says so too).
    pub attended: bool,
    /// To watch its recording later.
    pub watch_later: bool,
}

/// A talk's revisions by the programme: each import that gave it a new time or room counts
/// one, at that import's time (`None`: as first imported). A calendar's SEQUENCE and DTSTAMP.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TalkRevision {
    pub number: u32,
    pub at: Option<DateTime<Utc>>,
}

/// A talk's time and room: what a programme change moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkSlot {
    pub time: TalkTime,
    pub room: String,
}

impl Talk {
    /// The talk's time and room.
    pub fn slot(&self) -> TalkSlot {
        TalkSlot {
            time: self.time.clone(),
            room: self.room.clone(),
        }
    }
}

/// What an import of a newer programme changed for the user: their starred talks moved or
/// cancelled, and new talks in the tracks they starred talks of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// A starred talk got a new time or room; it was at `before`.
    Moved { before: TalkSlot },
    /// A starred talk is no longer in the programme.
    Cancelled,
    /// A talk new to the programme, in a track the user starred a talk of.
    New,
}

/// One change of the last import, about the talk `item` as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgrammeChange {
    pub item: ScheduleItemId,
    pub kind: ChangeKind,
    /// Until the user has seen it (dismissed the panel that lists it).
    pub seen: bool,
}

impl ScheduleItem {
    /// Whether the talk is in the user's plan: starred, not "maybe", not cancelled.
    pub fn in_plan(&self) -> bool {
        self.starred && !self.marks.maybe && !self.cancelled
    }

    /// Whether the talk counts as attended: marked so, or its session was written.
    pub fn attended(&self) -> bool {
        self.marks.attended || self.entry.is_some()
    }

    /// When the item begins and ends in `zone`; an all-day item spans its days from midnight
    /// to the midnight after its last day.
    pub fn bounds(&self, zone: Tz) -> (DateTime<Tz>, DateTime<Tz>) {
        match &self.talk.time {
            TalkTime::Timed { start, end } => {
                (start.with_timezone(&zone), end.with_timezone(&zone))
            }
            TalkTime::AllDay { first, last } => (
                local_midnight(*first, zone),
                local_midnight(last.succ_opt().unwrap_or(*last), zone),
            ),
        }
    }

    /// Whether the item takes place (at least in part) on `day` in `zone`.
    pub fn occurs_on(&self, day: NaiveDate, zone: Tz) -> bool {
        match &self.talk.time {
            TalkTime::AllDay { first, last } => (*first..=*last).contains(&day),
            TalkTime::Timed { start, .. } => start.with_timezone(&zone).date_naive() == day,
        }
    }
}

/// The first moment of a day in a zone (a day that starts with a clock change starts later).
fn local_midnight(day: NaiveDate, zone: Tz) -> DateTime<Tz> {
    let mut time = day.and_time(NaiveTime::MIN);
    for _ in 0..24 {
        if let Some(local) = zone.from_local_datetime(&time).earliest() {
            return local;
        }
        time += chrono::Duration::hours(1);
    }
    zone.from_utc_datetime(&day.and_time(NaiveTime::MIN))
}

/// The session entry a talk becomes: its title, speakers, room, track, start and length, with
/// empty notes for the user to write (the talk's page stays with the schedule item, and the
/// export links the session to it). An all-day item starts at noon of its first day in the
/// trip's zone, never at a midnight that another zone would put on the day before.
pub fn session_from_talk(talk: &Talk, zone: Tz) -> EntryFields {
    let (at, duration_min) = match &talk.time {
        TalkTime::Timed { start, end } => {
            let minutes = (*end - *start).num_minutes();
            (*start, u32::try_from(minutes).ok().filter(|m| *m > 0))
        }
        TalkTime::AllDay { first, .. } => {
            let noon = first.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default());
            let at = zone
                .from_local_datetime(&noon)
                .earliest()
                .map_or_else(|| noon.and_utc(), |local| local.to_utc());
            (at, None)
        }
    };
    let title = if talk.subtitle.trim().is_empty() {
        talk.title.clone()
    } else {
        format!("{}: {}", talk.title, talk.subtitle)
    };
    let mut fields = EntryFields::new(EntryKind::Session, &title, at);
    fields.content = EntryContent::Session(Session {
        speakers: talk.speakers.clone(),
        track: talk.track.clone(),
        room: talk.room.clone(),
        duration_min,
        ..Session::default()
    });
    fields
}

/// The talks of the plan that overlap in time, as pairs of ids (the earlier-starting talk
/// first; at the same start, the lower id first), in time order. Talks that end when the next
/// begins do not clash; all-day items (registration, posters) clash with nothing.
pub fn clashes(items: &[ScheduleItem]) -> Vec<(ScheduleItemId, ScheduleItemId)> {
    let mut timed: Vec<(DateTime<Utc>, DateTime<Utc>, ScheduleItemId)> = items
        .iter()
        .filter(|item| item.in_plan())
        .filter_map(|item| match item.talk.time {
            TalkTime::Timed { start, end } => Some((start, end, item.id)),
            TalkTime::AllDay { .. } => None,
        })
        .collect();
    timed.sort_by_key(|(start, _, id)| (*start, *id));
    let mut pairs = Vec::new();
    for (index, (_, end, id)) in timed.iter().enumerate() {
        for (start, _, other) in &timed[index + 1..] {
            if start >= end {
                break;
            }
            pairs.push((*id, *other));
        }
    }
    pairs
}

/// The talks each talk of the plan clashes with (see [`clashes`]).
pub fn clashes_with(
    pairs: &[(ScheduleItemId, ScheduleItemId)],
    id: ScheduleItemId,
) -> Vec<ScheduleItemId> {
    pairs
        .iter()
        .filter_map(|(a, b)| match (*a == id, *b == id) {
            (true, _) => Some(*b),
            (_, true) => Some(*a),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
impl Talk {
    /// A talk for unit tests: key `key`, titled "Talk {key}", from `start` to `end` in
    /// `room`, nothing else filled in.
    pub(crate) fn for_test(
        key: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
        room: &str,
    ) -> Self {
        Self {
            key: key.into(),
            title: format!("Talk {key}"),
            subtitle: String::new(),
            time: TalkTime::Timed { start, end },
            room: room.into(),
            track: String::new(),
            kind: String::new(),
            speakers: Vec::new(),
            url: None,
            abstract_text: String::new(),
        }
    }
}

#[cfg(test)]
impl ScheduleItem {
    /// A talk for unit tests: "Talk {id}" (key "k{id}") in `room`, from `start` for
    /// `minutes`, not starred, no marks.
    pub(crate) fn for_test(id: i64, room: &str, start: DateTime<Utc>, minutes: i64) -> Self {
        Self {
            id: ScheduleItemId(id),
            trip: TripId(1),
            talk: Talk::for_test(
                &format!("k{id}"),
                start,
                start + chrono::Duration::minutes(minutes),
                room,
            ),
            starred: false,
            cancelled: false,
            entry: None,
            marks: TalkMarks::default(),
            revision: TalkRevision::default(),
        }
    }
}
