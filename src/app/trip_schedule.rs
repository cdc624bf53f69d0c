//! The open trip's conference schedule as the window holds it, and the window's rules over
//! it: which days it has (in the trip's zone), which talks a day lists and in what order
//! (all-day items first, then by start, room and title), what the track filter and the search
//! keep, and which starred talk is running now and which comes next.
//!
//! Everything here is plain data and functions of an instant, tested without a window.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::model::search::Search;
use crate::model::{ChangeKind, ProgrammeChange, TalkSlot};
use crate::model::{EntryId, ScheduleItem, ScheduleItemId, TripFields};
use crate::model::{Talk, TalkTime};

/// The most days an all-day item is listed on (a malformed item spanning years stays cheap).
const MAX_ALL_DAY_SPAN: u64 = 60;

/// Versions are unique across all schedules, so a cache keyed by one never mistakes the
/// schedule of another trip (or a reloaded one) for what it saw.
static NEXT_VERSION: AtomicU64 = AtomicU64::new(1);

fn next_version() -> u64 {
    NEXT_VERSION.fetch_add(1, Ordering::Relaxed)
}

/// A trip's schedule in the window, with a version that changes whenever it does.
#[derive(Debug, Clone)]
pub struct TripSchedule {
    items: Vec<ScheduleItem>,
    /// What the last import of the programme changed for the user.
    changes: Vec<ProgrammeChange>,
    version: u64,
}

impl Default for TripSchedule {
    fn default() -> Self {
        TripSchedule {
            items: Vec::new(),
            changes: Vec::new(),
            version: next_version(),
        }
    }
}

impl TripSchedule {
    /// The items, in the journal's order.
    pub fn items(&self) -> &[ScheduleItem] {
        &self.items
    }

    /// Changes whenever the items do (views cache what they derive from them).
    pub fn version(&self) -> u64 {
        self.version
    }

    /// The schedule as the journal sent it.
    pub fn replace(&mut self, items: Vec<ScheduleItem>) {
        self.items = items;
        self.version = next_version();
    }

    /// What the last import of the programme changed for the user, as the journal sent it.
    pub fn set_changes(&mut self, changes: Vec<ProgrammeChange>) {
        self.changes = changes;
        self.version = next_version();
    }

    /// The last import's changes the user has not seen yet.
    pub fn unseen_changes(&self) -> impl Iterator<Item = &ProgrammeChange> {
        self.changes.iter().filter(|change| !change.seen)
    }

    /// Where a talk was before the programme moved it, while that change is unseen.
    pub fn moved_from(&self, id: ScheduleItemId) -> Option<&TalkSlot> {
        self.unseen_changes()
            .filter(|change| change.item == id)
            .find_map(|change| match &change.kind {
                ChangeKind::Moved { before } => Some(before),
                _ => None,
            })
    }

    /// One item as the journal stored it (a star, its entry).
    pub fn update(&mut self, item: ScheduleItem) {
        if let Some(known) = self.items.iter_mut().find(|known| known.id == item.id) {
            *known = item;
            self.version = next_version();
        }
    }

    /// Stars or unstars an item; returns whether that changed it.
    pub fn set_starred(&mut self, id: ScheduleItemId, starred: bool) -> bool {
        let Some(item) = self.items.iter_mut().find(|item| item.id == id) else {
            return false;
        };
        if item.starred == starred {
            return false;
        }
        item.starred = starred;
        self.version = next_version();
        true
    }

    /// An item by id.
    pub fn item(&self, id: ScheduleItemId) -> Option<&ScheduleItem> {
        self.items.iter().find(|item| item.id == id)
    }

    /// The item a session entry was made from.
    pub fn of_entry(&self, entry: EntryId) -> Option<&ScheduleItem> {
        self.items.iter().find(|item| item.entry == Some(entry))
    }

    /// An entry was deleted: talks made into it have no entry any more (as in the journal).
    pub fn entry_deleted(&mut self, entry: EntryId) {
        let mut changed = false;
        for item in self.items.iter_mut().filter(|i| i.entry == Some(entry)) {
            item.entry = None;
            changed = true;
        }
        if changed {
            self.version = next_version();
        }
    }
}

/// The days an item is listed on in `zone`: a timed talk on the day it starts, an all-day
/// item on each of its days.
fn item_days(item: &ScheduleItem, zone: Tz) -> impl Iterator<Item = NaiveDate> {
    let (first, last) = match &item.talk.time {
        TalkTime::Timed { start, .. } => {
            let day = start.with_timezone(&zone).date_naive();
            (day, day)
        }
        TalkTime::AllDay { first, last } => (*first, *last),
    };
    first
        .iter_days()
        .take_while(move |day| *day <= last)
        .take(MAX_ALL_DAY_SPAN as usize)
}

/// The days of the schedule in `zone`, in order.
pub fn schedule_days(items: &[ScheduleItem], zone: Tz) -> Vec<NaiveDate> {
    let days: BTreeSet<NaiveDate> = items.iter().flat_map(|i| item_days(i, zone)).collect();
    days.into_iter().collect()
}

/// The tracks of the schedule, sorted, without the empty one.
pub fn schedule_tracks(items: &[ScheduleItem]) -> Vec<String> {
    let tracks: BTreeSet<&str> = items
        .iter()
        .map(|item| item.talk.track.trim())
        .filter(|track| !track.is_empty())
        .collect();
    tracks.into_iter().map(str::to_string).collect()
}

/// Whether the search finds a talk: its title, subtitle, speakers, room, track or abstract.
pub fn talk_matches(search: &Search, talk: &Talk) -> bool {
    search.is_empty()
        || [&talk.title, &talk.subtitle, &talk.room, &talk.track]
            .into_iter()
            .chain(&talk.speakers)
            .chain([&talk.abstract_text])
            .any(|text| search.finds(text))
}

/// What the Schedule view lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayFilter<'a> {
    pub day: NaiveDate,
    pub zone: Tz,
    /// Only this track (`None`: every track).
    pub track: Option<&'a str>,
    /// As typed.
    pub search: &'a str,
}

/// The positions in `items` of the talks `filter` lists: all-day items of the day first, then
/// the timed talks by start, room and title.
pub fn day_items(items: &[ScheduleItem], filter: &DayFilter<'_>) -> Vec<usize> {
    let search = Search::new(filter.search);
    let mut listed: Vec<usize> = (0..items.len())
        .filter(|index| {
            let item = &items[*index];
            item.occurs_on(filter.day, filter.zone)
                && filter
                    .track
                    .is_none_or(|track| item.talk.track.trim() == track)
                && talk_matches(&search, &item.talk)
        })
        .collect();
    listed.sort_by(|a, b| {
        let key = |item: &ScheduleItem| match &item.talk.time {
            TalkTime::AllDay { first, .. } => (0, None, Some(*first)),
            TalkTime::Timed { start, .. } => (1, Some(*start), None),
        };
        let (a, b) = (&items[*a], &items[*b]);
        key(a)
            .cmp(&key(b))
            .then_with(|| a.talk.room.cmp(&b.talk.room))
            .then_with(|| a.talk.title.cmp(&b.talk.title))
            .then_with(|| a.id.0.cmp(&b.id.0))
    });
    listed
}

/// The starred talk running at an instant and the next starred one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NowNext<'a> {
    pub now: Option<&'a ScheduleItem>,
    pub next: Option<&'a ScheduleItem>,
    /// When this answer changes next (the running talk ends or the next one starts).
    pub changes_at: Option<DateTime<Utc>>,
    /// Whether a star could give the strip a talk (during the trip, a talk not yet over):
    /// the window keeps its place then, so starring does not push the list down.
    pub holds_place: bool,
}

/// Whether `at` falls within the trip's dates, read in its zone (a trip without dates is
/// always going on).
fn during_trip(trip: &TripFields, at: DateTime<Utc>) -> bool {
    let today = at.with_timezone(&trip.time_zone).date_naive();
    trip.start_date.is_none_or(|start| today >= start)
        && trip.end_date.is_none_or(|end| today <= end)
}

/// The starred talks for the Now / next strip at instant `at`, during the trip only: the one
/// running (the latest to have started when several overlap) and the next to start. All-day
/// items and cancelled talks are never chosen.
pub fn now_and_next<'a>(
    items: &'a [ScheduleItem],
    trip: &TripFields,
    at: DateTime<Utc>,
) -> NowNext<'a> {
    let mut answer = NowNext {
        now: None,
        next: None,
        changes_at: None,
        holds_place: false,
    };
    if !during_trip(trip, at) {
        return answer;
    }
    answer.holds_place = items.iter().any(|item| {
        !item.cancelled && matches!(item.talk.time, TalkTime::Timed { end, .. } if end > at)
    });
    let mut now_start = None;
    let mut next_start = None;
    for item in items.iter().filter(|i| i.starred && !i.cancelled) {
        let TalkTime::Timed { start, end } = item.talk.time else {
            continue;
        };
        if start <= at && at < end && now_start.is_none_or(|s| start > s) {
            now_start = Some(start);
            answer.now = Some(item);
        } else if start > at && next_start.is_none_or(|s| start < s) {
            next_start = Some(start);
            answer.next = Some(item);
        }
    }
    let now_end = answer.now.and_then(|item| match item.talk.time {
        TalkTime::Timed { end, .. } => Some(end),
        TalkTime::AllDay { .. } => None,
    });
    answer.changes_at = [now_end, next_start].into_iter().flatten().min();
    answer
}

/// Where the window writes a trip's plan as a calendar: `<slug>-plan.ics` in the export
/// folder the export dialog starts with (`Documents/tripjournal-export`).
pub fn plan_file_for(trip: &crate::model::Trip) -> std::path::PathBuf {
    let folder = directories::UserDirs::new()
        .and_then(|dirs| dirs.document_dir().map(|d| d.to_path_buf()))
        .unwrap_or_else(std::env::temp_dir)
        .join("tripjournal-export");
    let slug = crate::export::text::slugify(&trip.fields.name);
    let slug = if slug.is_empty() {
        "trip".to_string()
    } else {
        slug
    };
    folder.join(format!("{slug}-plan.ics"))
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, TimeZone};

    use super::*;

    fn at(hour: u32, minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 2, 1, hour, minute, 0).unwrap()
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 2, d).unwrap()
    }

    fn item(id: i64, title: &str, time: TalkTime, starred: bool) -> ScheduleItem {
        let mut item = ScheduleItem::for_test(id, &format!("Room {id}"), at(9, 0), 0);
        item.talk.title = title.into();
        item.talk.time = time;
        item.talk.track = if id % 2 == 0 { "Rust" } else { "Go" }.into();
        item.talk.speakers = vec!["Ada Lovelace".into()];
        item.talk.abstract_text = "About the talk".into();
        item.starred = starred;
        item
    }

    fn timed(from: DateTime<Utc>, minutes: i64) -> TalkTime {
        TalkTime::Timed {
            start: from,
            end: from + Duration::minutes(minutes),
        }
    }

    fn trip() -> TripFields {
        let mut fields = TripFields::named("FOSDEM");
        fields.time_zone = chrono_tz::Europe::Brussels;
        fields.start_date = Some(day(1));
        fields.end_date = Some(day(2));
        fields
    }

    fn talks() -> Vec<ScheduleItem> {
        let mut cancelled = item(4, "Cancelled", timed(at(10, 0), 60), true);
        cancelled.cancelled = true;
        vec![
            item(
                1,
                "Registration",
                TalkTime::AllDay {
                    first: day(1),
                    last: day(2),
                },
                true,
            ),
            item(2, "Keynote", timed(at(9, 0), 50), true),
            item(3, "Unstarred", timed(at(10, 0), 30), false),
            cancelled,
            item(5, "Lightning", timed(at(10, 15), 10), true),
            item(6, "Closing", timed(at(16, 0), 30), true),
        ]
    }

    fn title(item: Option<&ScheduleItem>) -> Option<&str> {
        item.map(|i| i.talk.title.as_str())
    }

    fn titles(now_next: NowNext<'_>) -> (Option<&str>, Option<&str>) {
        (title(now_next.now), title(now_next.next))
    }

    #[test]
    fn now_is_the_running_starred_talk_and_next_the_following_one() {
        let items = talks();
        let trip = trip();
        let early = now_and_next(&items, &trip, at(8, 0));
        assert_eq!(
            titles(early),
            (None, Some("Keynote")),
            "all-day is never now"
        );
        assert_eq!(early.changes_at, Some(at(9, 0)));
        let keynote = now_and_next(&items, &trip, at(9, 10));
        assert_eq!(titles(keynote), (Some("Keynote"), Some("Lightning")));
        assert_eq!(keynote.changes_at, Some(at(9, 50)));
        // 10:05: the cancelled starred talk runs 10:00–11:00 and is ignored; so is the
        // unstarred one.
        let between = now_and_next(&items, &trip, at(10, 5));
        assert_eq!(titles(between), (None, Some("Lightning")));
        let lightning = now_and_next(&items, &trip, at(10, 20));
        assert_eq!(titles(lightning), (Some("Lightning"), Some("Closing")));
        let after = now_and_next(&items, &trip, at(17, 0));
        assert_eq!(titles(after), (None, None));
        assert_eq!(after.changes_at, None);
        assert!(!after.holds_place, "every talk is over");
    }

    #[test]
    fn the_strip_holds_its_place_while_a_star_could_fill_it() {
        let mut items = talks();
        for item in &mut items {
            item.starred = false;
        }
        let early = now_and_next(&items, &trip(), at(8, 0));
        assert_eq!(titles(early), (None, None));
        assert!(early.holds_place, "talks to come could be starred");
        let before_trip = now_and_next(&items, &trip(), at(8, 0) - Duration::days(3));
        assert!(!before_trip.holds_place);
    }

    #[test]
    fn overlapping_starred_talks_show_the_latest_started() {
        let mut items = talks();
        items.push(item(7, "Workshop", timed(at(9, 5), 180), true));
        let answer = now_and_next(&items, &trip(), at(10, 20));
        assert_eq!(titles(answer), (Some("Lightning"), Some("Closing")));
        assert_eq!(answer.changes_at, Some(at(10, 25)));
        let answer = now_and_next(&items, &trip(), at(9, 55));
        assert_eq!(titles(answer), (Some("Workshop"), Some("Lightning")));
    }

    #[test]
    fn nothing_shows_outside_the_trip() {
        let items = talks();
        let mut later = trip();
        later.start_date = Some(day(3));
        later.end_date = Some(day(5));
        assert_eq!(
            titles(now_and_next(&items, &later, at(9, 10))),
            (None, None)
        );
        let mut undated = trip();
        (undated.start_date, undated.end_date) = (None, None);
        assert_eq!(
            titles(now_and_next(&items, &undated, at(9, 10))).0,
            Some("Keynote")
        );
    }

    #[test]
    fn a_day_lists_all_day_items_first_then_talks_by_start() {
        let items = talks();
        let zone = chrono_tz::Europe::Brussels;
        assert_eq!(schedule_days(&items, zone), vec![day(1), day(2)]);
        let filter = DayFilter {
            day: day(1),
            zone,
            track: None,
            search: "",
        };
        let listed: Vec<&str> = day_items(&items, &filter)
            .into_iter()
            .map(|i| items[i].talk.title.as_str())
            .collect();
        assert_eq!(
            listed,
            [
                "Registration",
                "Keynote",
                "Unstarred",
                "Cancelled",
                "Lightning",
                "Closing"
            ]
        );
        let second = DayFilter {
            day: day(2),
            ..filter.clone()
        };
        assert_eq!(day_items(&items, &second), vec![0]);
        let rust = DayFilter {
            track: Some("Rust"),
            ..filter.clone()
        };
        assert_eq!(
            day_items(&items, &rust).len(),
            3,
            "Keynote, Cancelled, Closing"
        );
        let search = DayFilter {
            search: "LIGHT",
            ..filter
        };
        assert_eq!(day_items(&items, &search), vec![4]);
        assert_eq!(schedule_tracks(&items), ["Go", "Rust"]);
    }

    #[test]
    fn a_talk_late_in_the_evening_utc_is_listed_on_the_next_day_in_the_trips_zone() {
        let late = Utc.with_ymd_and_hms(2026, 2, 1, 23, 30, 0).unwrap();
        let items = vec![item(1, "Night", timed(late, 30), false)];
        assert_eq!(schedule_days(&items, chrono_tz::Asia::Tokyo), vec![day(2)]);
        assert_eq!(schedule_days(&items, Tz::UTC), vec![day(1)]);
    }

    #[test]
    fn the_window_copy_follows_stars_and_deleted_entries() {
        let mut schedule = TripSchedule::default();
        schedule.replace(talks());
        let before = schedule.version();
        let mut starred = schedule.items()[2].clone();
        starred.starred = true;
        starred.entry = Some(EntryId(9));
        schedule.update(starred);
        assert!(schedule.version() != before);
        assert_eq!(
            schedule.of_entry(EntryId(9)).map(|i| i.id),
            Some(ScheduleItemId(3))
        );
        schedule.entry_deleted(EntryId(9));
        assert!(schedule.of_entry(EntryId(9)).is_none());
        assert!(schedule.item(ScheduleItemId(3)).is_some_and(|i| i.starred));
    }
}
