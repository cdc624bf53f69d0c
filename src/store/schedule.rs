//! A trip's conference schedule: importing a schedule (again), listing it, stars, and
//! turning a talk into its session entry (once).

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Row, params};

use super::damage::{Listing, RowTable};
use super::trips::parse_date;
use super::{Store, StoreError, StoreResult, from_json_list, now_text, to_json_list};
use crate::model::{
    ChangeKind, ProgrammeChange, Talk, TalkMarks, TalkRevision, TalkSlot, TalkTime,
};
use crate::model::{EntryFields, EntryId, ScheduleItem, ScheduleItemId, TripId, session_from_talk};

const ITEM_COLUMNS: &str = "id, trip_id, source_key, title, subtitle, start_utc, end_utc,
    first_date, last_date, room, track, kind, speakers, url, abstract, starred, cancelled, entry_id,
    maybe, attended, watch_later, revision, changed_at";

/// What importing a schedule did to the trip's schedule.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ScheduleImport {
    /// Talks new to the trip.
    pub imported: usize,
    /// Talks already there whose details changed (or that came back after being cancelled).
    pub updated: usize,
    /// Talks the trip had that the file no longer lists.
    pub cancelled: usize,
    pub unchanged: usize,
}

/// The session entry of a talk: made now, or the one made before.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionFromTalk {
    Created(EntryId),
    Existing(EntryId),
}

impl SessionFromTalk {
    pub fn entry(self) -> EntryId {
        match self {
            SessionFromTalk::Created(id) | SessionFromTalk::Existing(id) => id,
        }
    }
}

fn instant_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn parse_instant(text: &str) -> StoreResult<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|at| at.with_timezone(&Utc))
        .map_err(|_| StoreError::CorruptValue(format!("schedule time {text:?}")))
}

/// The columns of a talk that an import writes, in [`TALK_COLUMNS`] order.
const TALK_COLUMNS: [&str; 13] = [
    "title",
    "subtitle",
    "start_utc",
    "end_utc",
    "first_date",
    "last_date",
    "room",
    "track",
    "kind",
    "speakers",
    "url",
    "abstract",
    "source_key",
];

fn talk_values(talk: &Talk) -> [Value; 13] {
    use rusqlite::types::Value;
    let text = |s: &str| Value::Text(s.to_string());
    let optional = |s: Option<String>| s.map_or(Value::Null, Value::Text);
    let [start, end, first, last] = time_columns(&talk.time);
    [
        text(&talk.title),
        text(&talk.subtitle),
        optional(start),
        optional(end),
        optional(first),
        optional(last),
        text(&talk.room),
        text(&talk.track),
        text(&talk.kind),
        text(&to_json_list(&talk.speakers)),
        optional(talk.url.clone()),
        text(&talk.abstract_text),
        text(&talk.key),
    ]
}

fn item_from_row(row: &Row<'_>) -> StoreResult<ScheduleItem> {
    let id: i64 = row.get(0)?;
    let time = time_from_columns(id, [row.get(5)?, row.get(6)?, row.get(7)?, row.get(8)?])?;
    Ok(ScheduleItem {
        id: ScheduleItemId(id),
        trip: TripId(row.get(1)?),
        talk: Talk {
            key: row.get(2)?,
            title: row.get(3)?,
            subtitle: row.get(4)?,
            time,
            room: row.get(9)?,
            track: row.get(10)?,
            kind: row.get(11)?,
            speakers: from_json_list(&row.get::<_, String>(12)?)?,
            url: row.get(13)?,
            abstract_text: row.get(14)?,
        },
        starred: row.get(15)?,
        cancelled: row.get(16)?,
        entry: row.get::<_, Option<i64>>(17)?.map(EntryId),
        marks: TalkMarks {
            maybe: row.get(18)?,
            attended: row.get(19)?,
            watch_later: row.get(20)?,
        },
        revision: TalkRevision {
            number: row.get(21)?,
            at: row
                .get::<_, Option<String>>(22)?
                .map(|text| parse_instant(&text))
                .transpose()?,
        },
    })
}

impl Store {
    /// Imports (or imports again) a schedule into a trip, in one transaction: new talks are
    /// added, known ones (by key) get the file's details, and talks the file no longer lists are
    /// marked cancelled. Stars, marks and links to entries are kept. A talk given a new time or
    /// room counts a revision. What this changed for the user (starred talks moved or
    /// cancelled, new talks in starred tracks) replaces the trip's stored changes
    /// ([`Store::schedule_changes`]).
    pub fn import_schedule(&mut self, trip: TripId, talks: &[Talk]) -> StoreResult<ScheduleImport> {
        self.ensure_writable()?;
        self.trip(trip)?;
        for talk in talks {
            talk.time.check_years()?;
        }
        let listing = self.schedule_listing(trip)?;
        let damaged = self.damaged_item_keys(&listing)?;
        let starred_tracks: std::collections::HashSet<String> = (listing.items.iter())
            .filter(|item| item.starred && !item.talk.track.is_empty())
            .map(|item| item.talk.track.clone())
            .collect();
        let known: HashMap<String, ScheduleItem> = listing
            .items
            .into_iter()
            .map(|item| (item.talk.key.clone(), item))
            .collect();
        let mut summary = ScheduleImport::default();
        let mut changes = Vec::new();
        let now = now_text();
        let tx = self.conn.transaction()?;
        for talk in talks {
            match (known.get(&talk.key), damaged.get(&talk.key)) {
                (Some(item), _) if item.talk == *talk && !item.cancelled => summary.unchanged += 1,
                (Some(item), _) => {
                    let moved = item.talk.slot() != talk.slot();
                    update_talk(&tx, item.id, talk, &now, moved)?;
                    if moved && item.starred && !item.cancelled {
                        let before = item.talk.slot();
                        changes.push((item.id, ChangeKind::Moved { before }));
                    }
                    summary.updated += 1;
                }
                (None, Some(id)) => {
                    // A row that could not be read is rewritten whole from the file.
                    update_talk(&tx, *id, talk, &now, false)?;
                    summary.updated += 1;
                }
                (None, None) => {
                    let id = insert_talk(&tx, trip, talk, &now)?;
                    if starred_tracks.contains(&talk.track) {
                        changes.push((id, ChangeKind::New));
                    }
                    summary.imported += 1;
                }
            }
        }
        let listed: std::collections::HashSet<&str> =
            talks.iter().map(|talk| talk.key.as_str()).collect();
        let dropped = known
            .values()
            .filter(|item| !item.cancelled)
            .map(|item| (item.talk.key.as_str(), item.id, item.starred));
        let dropped_damaged = damaged.iter().map(|(key, id)| (key.as_str(), *id, false));
        for (key, id, starred) in dropped.chain(dropped_damaged) {
            if listed.contains(key) {
                continue;
            }
            tx.execute(
                "UPDATE schedule_items SET cancelled = 1, updated_at = ?2 WHERE id = ?1",
                params![id.0, now],
            )?;
            if known.get(key).is_some_and(|item| item.id == id) {
                summary.cancelled += 1;
            }
            if starred {
                changes.push((id, ChangeKind::Cancelled));
            }
        }
        record_changes(&tx, trip, &changes, &now)?;
        tx.commit()?;
        Ok(summary)
    }

    /// The changes the trip's last schedule import made to the user's plan, in the order
    /// found (moved and new talks in the file's order, then cancelled ones).
    pub fn schedule_changes(&self, trip: TripId) -> StoreResult<Vec<ProgrammeChange>> {
        let mut statement = self.conn.prepare(
            "SELECT item_id, kind, old_start_utc, old_end_utc, old_first_date, old_last_date,
                    old_room, seen
             FROM schedule_changes WHERE trip_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([trip.0], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, String>(1)?,
                [
                    row.get::<_, Option<String>>(2)?,
                    row.get(3)?,
                    row.get(4)?,
                    row.get(5)?,
                ],
                row.get::<_, Option<String>>(6)?,
                row.get::<_, bool>(7)?,
            ))
        })?;
        let mut changes = Vec::new();
        for row in rows {
            let (item, kind, times, room, seen) = row?;
            let kind = match kind.as_str() {
                "moved" => ChangeKind::Moved {
                    before: TalkSlot {
                        time: time_from_columns(item, times)?,
                        room: room.unwrap_or_default(),
                    },
                },
                "cancelled" => ChangeKind::Cancelled,
                "new" => ChangeKind::New,
                other => {
                    return Err(StoreError::CorruptValue(format!(
                        "schedule change {other:?}"
                    )));
                }
            };
            changes.push(ProgrammeChange {
                item: ScheduleItemId(item),
                kind,
                seen,
            });
        }
        Ok(changes)
    }

    /// Marks the trip's programme changes seen (the moved talks lose their mark).
    pub fn mark_changes_seen(&self, trip: TripId) -> StoreResult<()> {
        self.ensure_writable()?;
        self.conn.execute(
            "UPDATE schedule_changes SET seen = 1 WHERE trip_id = ?1",
            [trip.0],
        )?;
        Ok(())
    }

    /// Sets a talk's marks beside the star (maybe, attended, watch later).
    pub fn set_talk_marks(&self, id: ScheduleItemId, marks: TalkMarks) -> StoreResult<()> {
        self.ensure_writable()?;
        let changed = self.conn.execute(
            "UPDATE schedule_items SET maybe = ?2, attended = ?3, watch_later = ?4, updated_at = ?5
             WHERE id = ?1",
            params![
                id.0,
                marks.maybe,
                marks.attended,
                marks.watch_later,
                now_text()
            ],
        )?;
        item_was_there(changed, id)
    }

    /// A trip's schedule, by start (an all-day item before the talks of its first day), then
    /// room and title; a row that cannot be read is an error naming it (see
    /// [`Store::schedule_listing`] for the readable rows alone).
    pub fn schedule(&self, trip: TripId) -> StoreResult<Vec<ScheduleItem>> {
        self.schedule_listing(trip)?.into_whole()
    }

    /// The readable items of a trip's schedule, in [`Store::schedule`]'s order, and the rows
    /// that cannot be read.
    pub fn schedule_listing(&self, trip: TripId) -> StoreResult<Listing<ScheduleItem>> {
        self.read_each(
            RowTable::ScheduleItem,
            &format!(
                "SELECT {ITEM_COLUMNS} FROM schedule_items WHERE trip_id = ?1
                 ORDER BY coalesce(start_utc, first_date), start_utc IS NOT NULL, room, title, id"
            ),
            &[trip.0],
            item_from_row,
        )
    }

    /// One item of a schedule by id.
    pub fn schedule_item(&self, id: ScheduleItemId) -> StoreResult<ScheduleItem> {
        self.read_one(
            RowTable::ScheduleItem,
            &format!("SELECT {ITEM_COLUMNS} FROM schedule_items WHERE id = ?1"),
            id.0,
            item_from_row,
        )
    }

    /// The keys of a listing's unreadable rows (a key is plain text, readable when the rest
    /// of its row is not), so that importing the schedule again rewrites them.
    fn damaged_item_keys(
        &self,
        listing: &Listing<ScheduleItem>,
    ) -> StoreResult<HashMap<String, ScheduleItemId>> {
        let mut keys = HashMap::new();
        for row in &listing.damaged {
            let key: Option<String> = self
                .conn
                .query_row(
                    "SELECT source_key FROM schedule_items WHERE id = ?1 AND typeof(source_key) = 'text'",
                    [row.id],
                    |found| found.get(0),
                )
                .optional()?;
            if let Some(key) = key {
                keys.insert(key, ScheduleItemId(row.id));
            }
        }
        Ok(keys)
    }

    /// Stars or unstars a talk.
    pub fn set_starred(&self, id: ScheduleItemId, starred: bool) -> StoreResult<()> {
        self.ensure_writable()?;
        let changed = self.conn.execute(
            "UPDATE schedule_items SET starred = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.0, starred, now_text()],
        )?;
        item_was_there(changed, id)
    }

    /// The session entry of a talk: the one made from it before if it still exists, else a new
    /// session filled from the talk and then changed by `adjust` (the caller's own fields).
    pub fn session_from_talk<E: From<StoreError>>(
        &mut self,
        id: ScheduleItemId,
        adjust: impl FnOnce(&mut EntryFields, chrono_tz::Tz) -> Result<(), E>,
    ) -> Result<SessionFromTalk, E> {
        self.ensure_writable()?;
        let item = self.schedule_item(id)?;
        if let Some(entry) = item.entry
            && self.entry(entry).is_ok()
        {
            return Ok(SessionFromTalk::Existing(entry));
        }
        let zone = self.trip(item.trip)?.fields.time_zone;
        let mut fields = session_from_talk(&item.talk, zone);
        adjust(&mut fields, zone)?;
        let tx = self.conn.transaction().map_err(StoreError::from)?;
        let entry = Store::create_entry_in(&tx, item.trip, &fields)?;
        tx.execute(
            "UPDATE schedule_items SET entry_id = ?2, updated_at = ?3 WHERE id = ?1",
            params![id.0, entry.0, now_text()],
        )
        .map_err(StoreError::from)?;
        tx.commit().map_err(StoreError::from)?;
        Ok(SessionFromTalk::Created(entry))
    }

    /// The schedule item a session entry was made from, if any.
    pub fn schedule_item_of_entry(&self, entry: EntryId) -> StoreResult<Option<ScheduleItemId>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM schedule_items WHERE entry_id = ?1 ORDER BY id LIMIT 1",
                [entry.0],
                |row| row.get(0),
            )
            .optional()?
            .map(ScheduleItemId))
    }
}

fn insert_talk(
    conn: &rusqlite::Connection,
    trip: TripId,
    talk: &Talk,
    now: &str,
) -> StoreResult<ScheduleItemId> {
    let placeholders: Vec<String> = (4..4 + TALK_COLUMNS.len())
        .map(|n| format!("?{n}"))
        .collect();
    let sql = format!(
        "INSERT INTO schedule_items (trip_id, imported_at, updated_at, {}) VALUES (?1, ?2, ?3, {})",
        TALK_COLUMNS.join(", "),
        placeholders.join(", ")
    );
    let leading = [
        Value::from(trip.0),
        Value::from(now.to_string()),
        Value::from(now.to_string()),
    ];
    execute_with_talk(conn, &sql, &leading, talk)?;
    Ok(ScheduleItemId(conn.last_insert_rowid()))
}

/// Writes the file's details of a known talk; `moved` (a new time or room) counts a revision.
fn update_talk(
    conn: &rusqlite::Connection,
    id: crate::model::ScheduleItemId,
    talk: &Talk,
    now: &str,
    moved: bool,
) -> StoreResult<()> {
    let assignments: Vec<String> = TALK_COLUMNS
        .iter()
        .enumerate()
        .map(|(index, column)| format!("{column} = ?{}", index + 3))
        .collect();
    let revision = if moved {
        ", revision = revision + 1, changed_at = ?2"
    } else {
        ""
    };
    let sql = format!(
        "UPDATE schedule_items SET cancelled = 0, updated_at = ?2{revision}, {} WHERE id = ?1",
        assignments.join(", ")
    );
    let leading = [Value::from(id.0), Value::from(now.to_string())];
    execute_with_talk(conn, &sql, &leading, talk)
}

/// Runs `sql` with the `leading` parameters followed by the talk's values in TALK_COLUMNS order.
fn execute_with_talk(
    conn: &rusqlite::Connection,
    sql: &str,
    leading: &[Value],
    talk: &Talk,
) -> StoreResult<()> {
    let values = leading.iter().cloned().chain(talk_values(talk));
    conn.execute(sql, rusqlite::params_from_iter(values))?;
    Ok(())
}

/// Replaces the trip's stored programme changes with `changes`.
fn record_changes(
    conn: &rusqlite::Connection,
    trip: TripId,
    changes: &[(ScheduleItemId, ChangeKind)],
    now: &str,
) -> StoreResult<()> {
    conn.execute("DELETE FROM schedule_changes WHERE trip_id = ?1", [trip.0])?;
    for (item, kind) in changes {
        let (name, before) = match kind {
            ChangeKind::Moved { before } => ("moved", Some(before)),
            ChangeKind::Cancelled => ("cancelled", None),
            ChangeKind::New => ("new", None),
        };
        let [start, end, first, last] =
            before.map_or([None, None, None, None], |slot| time_columns(&slot.time));
        conn.execute(
            "INSERT INTO schedule_changes (trip_id, item_id, kind, old_start_utc, old_end_utc,
                 old_first_date, old_last_date, old_room, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                trip.0,
                item.0,
                name,
                start,
                end,
                first,
                last,
                before.map(|slot| slot.room.clone()),
                now
            ],
        )?;
    }
    Ok(())
}

/// A talk's time as the four columns that hold it (start, end; or first and last day).
fn time_columns(time: &TalkTime) -> [Option<String>; 4] {
    match time {
        TalkTime::Timed { start, end } => [
            Some(instant_text(*start)),
            Some(instant_text(*end)),
            None,
            None,
        ],
        TalkTime::AllDay { first, last } => {
            [None, None, Some(first.to_string()), Some(last.to_string())]
        }
    }
}

/// A talk's time from its four columns (see [`time_columns`]).
fn time_from_columns(
    id: i64,
    [start, end, first, last]: [Option<String>; 4],
) -> StoreResult<TalkTime> {
    if let (Some(start), Some(end)) = (start, end) {
        return Ok(TalkTime::Timed {
            start: parse_instant(&start)?,
            end: parse_instant(&end)?,
        });
    }
    let day = |text: Option<String>| -> StoreResult<NaiveDate> {
        parse_date(text)?
            .ok_or_else(|| StoreError::CorruptValue(format!("schedule item {id} has no time")))
    };
    Ok(TalkTime::AllDay {
        first: day(first)?,
        last: day(last)?,
    })
}

/// An update of one schedule item by id: an error naming it when no row had that id.
fn item_was_there(changed: usize, id: ScheduleItemId) -> StoreResult<()> {
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "schedule item",
            id: id.to_string(),
        });
    }
    Ok(())
}
