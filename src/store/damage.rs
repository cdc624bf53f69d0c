//! Rows this program cannot read, and setting them aside.
//!
//! A row written by a damaged or older build, or by another program, may hold a value that
//! does not parse (a time out of range, an unknown kind, text where a number belongs). Such a
//! row never hides the rest: the listings ([`Listing`]) return every readable row and name the
//! damaged ones, `check` reports them, and [`Store::set_aside_damaged`] moves them out of the
//! way without deleting anything. An unreadable entry or schedule item is moved whole into
//! `set_aside_rows` (importing the schedule again brings a talk back);
//! a trip or photo keeps its row and only its unreadable values are reset to a default (a trip
//! cannot be removed without its entries, a photo without its bytes). Either way the row's
//! columns as they were are kept in `set_aside_rows` as JSON.

use std::fmt;

use rusqlite::Row;
use rusqlite::types::Value;

use super::photos::parse_taken_at;
use super::trips::parse_date;
use super::{Store, StoreError, StoreResult, from_json_list, now_text};
use crate::model::{PostLanguage, TripId, parse_time_zone};

/// Which table a damaged row is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowTable {
    Trip,
    Entry,
    Photo,
    ScheduleItem,
}

impl RowTable {
    fn sql_name(self) -> &'static str {
        match self {
            RowTable::Trip => "trips",
            RowTable::Entry => "entries",
            RowTable::Photo => "photos",
            RowTable::ScheduleItem => "schedule_items",
        }
    }

    /// The word for one row, as people say it: "trip", "entry", "photo".
    pub fn word(self) -> &'static str {
        match self {
            RowTable::Trip => "trip",
            RowTable::Entry => "entry",
            RowTable::Photo => "photo",
            RowTable::ScheduleItem => "schedule item",
        }
    }
}

/// A row that could not be read, and what was wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DamagedRow {
    pub table: RowTable,
    pub id: i64,
    /// The trip the row belongs to (a trip's own id for a trip), when that could be read.
    pub trip: Option<TripId>,
    /// The unreadable value, e.g. `time "-0001-12-31T18:06:32Z"`.
    pub problem: String,
}

impl fmt::Display for DamagedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.table.word(), self.id)?;
        if let (RowTable::Entry | RowTable::Photo | RowTable::ScheduleItem, Some(trip)) =
            (self.table, self.trip)
        {
            write!(f, " of trip {trip}")?;
        }
        write!(f, ": {}", self.problem)
    }
}

/// The readable rows of a list, and the rows that could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<T> {
    pub items: Vec<T>,
    pub damaged: Vec<DamagedRow>,
}

impl<T> Listing<T> {
    /// All the rows, or the first damaged one as an error (for work that must see every row,
    /// such as an export: a post silently missing an entry would be worse than no post).
    pub fn into_whole(self) -> StoreResult<Vec<T>> {
        match self.damaged.into_iter().next() {
            Some(row) => Err(StoreError::Damaged(row)),
            None => Ok(self.items),
        }
    }
}

/// What the problem of an unreadable row is, in a few words.
fn problem_text(error: &StoreError) -> String {
    match error {
        StoreError::CorruptValue(text) => text.clone(),
        StoreError::Damaged(row) => row.problem.clone(),
        other => other
            .to_string()
            .lines()
            .next()
            .unwrap_or_default()
            .to_string(),
    }
}

/// Names a row that `read` could not turn into a value.
pub(super) fn damaged_row(
    table: RowTable,
    id: i64,
    trip: Option<i64>,
    error: &StoreError,
) -> DamagedRow {
    DamagedRow {
        table,
        id,
        trip: trip.map(TripId),
        problem: problem_text(error),
    }
}

impl Store {
    /// Runs a query whose first column is the row id (and, for entries and photos, the second
    /// the trip id) and reads each row with `read`; rows that fail are named, not fatal.
    pub(super) fn read_each<T>(
        &self,
        table: RowTable,
        sql: &str,
        params: &[i64],
        read: impl Fn(&Row<'_>) -> StoreResult<T>,
    ) -> StoreResult<Listing<T>> {
        let mut statement = self.conn.prepare(sql)?;
        let mut rows = statement.query(rusqlite::params_from_iter(params))?;
        let mut listing = Listing {
            items: Vec::new(),
            damaged: Vec::new(),
        };
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            match read(row) {
                Ok(item) => listing.items.push(item),
                Err(error) => {
                    let trip = match table {
                        RowTable::Trip => Some(id),
                        _ => row.get::<_, Option<i64>>(1).ok().flatten(),
                    };
                    listing.damaged.push(damaged_row(table, id, trip, &error));
                }
            }
        }
        Ok(listing)
    }

    /// The one row with this id, read with `read`; a missing row is `NotFound`, an unreadable
    /// one `Damaged` (naming it).
    pub(super) fn read_one<T>(
        &self,
        table: RowTable,
        sql: &str,
        id: i64,
        read: impl Fn(&Row<'_>) -> StoreResult<T>,
    ) -> StoreResult<T> {
        self.read_each(table, sql, &[id], read)?
            .into_whole()?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                what: table.word(),
                id: id.to_string(),
            })
    }

    /// Every row of the journal that cannot be read: trips, then each trip's entries, photos
    /// and schedule items.
    pub fn damaged_rows(&self) -> StoreResult<Vec<DamagedRow>> {
        let mut damaged = self.trip_listing()?.damaged;
        let trip_ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM trips ORDER BY id")?
            .query_map([], |row| row.get(0))?
            .collect::<Result<_, _>>()?;
        for id in trip_ids {
            damaged.extend(self.all_entries_listing(TripId(id))?.damaged);
            damaged.extend(self.all_photos_listing(TripId(id))?.damaged);
            damaged.extend(self.schedule_listing(TripId(id))?.damaged);
        }
        Ok(damaged)
    }

    /// Sets every damaged row aside (see the module notes) and returns the rows it set aside;
    /// a row whose damage no rule covers stays and is left out of the result.
    pub fn set_aside_damaged(&mut self) -> StoreResult<Vec<DamagedRow>> {
        self.ensure_writable()?;
        let mut done = Vec::new();
        for row in self.damaged_rows()? {
            let tx = self.conn.transaction()?;
            keep_row_as_json(&tx, &row)?;
            match row.table {
                RowTable::Entry | RowTable::ScheduleItem => {
                    let table = row.table.sql_name();
                    tx.execute(&format!("DELETE FROM {table} WHERE id = ?1"), [row.id])?;
                }
                RowTable::Trip => reset_unreadable(&tx, row.table, row.id, TRIP_RULES)?,
                RowTable::Photo => reset_unreadable(&tx, row.table, row.id, PHOTO_RULES)?,
            }
            tx.commit()?;
            done.push(row);
        }
        let still = self.damaged_rows()?;
        done.retain(|row| !still.iter().any(|s| s.table == row.table && s.id == row.id));
        Ok(done)
    }

    /// How many rows have been set aside so far.
    pub fn set_aside_count(&self) -> StoreResult<i64> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM set_aside_rows", [], |row| row.get(0))?)
    }
}

/// Copies a row's columns, as they are, into `set_aside_rows` (BLOBs as hex text).
fn keep_row_as_json(conn: &rusqlite::Connection, row: &DamagedRow) -> StoreResult<()> {
    let table = row.table.sql_name();
    let columns: Vec<String> = conn
        .prepare(&format!("PRAGMA table_info({table})"))?
        .query_map([], |info| info.get::<_, String>(1))?
        .collect::<Result<_, _>>()?;
    let pairs: Vec<String> = columns
        .iter()
        .map(|c| format!("'{c}', CASE WHEN typeof({c}) = 'blob' THEN hex({c}) ELSE {c} END"))
        .collect();
    conn.execute(
        &format!(
            "INSERT INTO set_aside_rows (source_table, source_id, trip_id, row_json, problem, set_aside_at)
             SELECT '{table}', ?1, ?2, json_object({}), ?3, ?4 FROM {table} WHERE id = ?1",
            pairs.join(", ")
        ),
        rusqlite::params![row.id, row.trip.map(|t| t.0), row.problem, now_text()],
    )?;
    Ok(())
}

/// A column of a row that stays in place, with what counts as readable and what replaces an
/// unreadable value.
struct ColumnRule {
    column: &'static str,
    readable: fn(&Value) -> bool,
    reset_sql: &'static str,
}

const TRIP_RULES: &[ColumnRule] = &[
    rule("name", is_nonblank_text, "'Trip ' || id"),
    rule("city", is_text, "''"),
    rule("country", is_text, "''"),
    rule("start_date", is_date_or_null, "NULL"),
    rule("end_date", is_date_or_null, "NULL"),
    rule("time_zone", is_time_zone, "'UTC'"),
    rule("author", is_text, "''"),
    rule("summary", is_text, "''"),
    rule("tags", is_json_list, "'[]'"),
    rule("cover_photo_id", is_integer_or_null, "NULL"),
    rule("section_order", is_json_list, "'[]'"),
    rule("post_language", is_language_or_null, "NULL"),
    rule("slug", is_text_or_null, "NULL"),
];

const PHOTO_RULES: &[ColumnRule] = &[
    rule("caption", is_text, "''"),
    rule("taken_at_local", is_taken_at_or_null, "NULL"),
    rule("taken_at_offset", is_integer_or_null, "NULL"),
    rule("gps_latitude", is_number_or_null, "NULL"),
    rule("gps_longitude", is_number_or_null, "NULL"),
    rule("camera_model", is_text_or_null, "NULL"),
    rule("original_name", is_text, "''"),
];

const fn rule(
    column: &'static str,
    readable: fn(&Value) -> bool,
    reset_sql: &'static str,
) -> ColumnRule {
    ColumnRule {
        column,
        readable,
        reset_sql,
    }
}

/// Resets each value of a row that its rule finds unreadable.
fn reset_unreadable(
    conn: &rusqlite::Connection,
    table: RowTable,
    id: i64,
    rules: &[ColumnRule],
) -> StoreResult<()> {
    let table = table.sql_name();
    for rule in rules {
        let value: Value = conn.query_row(
            &format!("SELECT {} FROM {table} WHERE id = ?1", rule.column),
            [id],
            |row| row.get(0),
        )?;
        if !(rule.readable)(&value) {
            conn.execute(
                &format!(
                    "UPDATE {table} SET {} = {} WHERE id = ?1",
                    rule.column, rule.reset_sql
                ),
                [id],
            )?;
        }
    }
    Ok(())
}

fn text_of(value: &Value) -> Option<&str> {
    match value {
        Value::Text(text) => Some(text),
        _ => None,
    }
}

fn is_text(value: &Value) -> bool {
    text_of(value).is_some()
}

fn is_nonblank_text(value: &Value) -> bool {
    text_of(value).is_some_and(|text| !text.trim().is_empty())
}

fn is_text_or_null(value: &Value) -> bool {
    matches!(value, Value::Null) || is_text(value)
}

fn is_integer_or_null(value: &Value) -> bool {
    matches!(value, Value::Null | Value::Integer(_))
}

fn is_number_or_null(value: &Value) -> bool {
    matches!(value, Value::Null | Value::Integer(_) | Value::Real(_))
}

fn is_date_or_null(value: &Value) -> bool {
    matches!(value, Value::Null)
        || text_of(value).is_some_and(|text| parse_date(Some(text.to_string())).is_ok())
}

fn is_taken_at_or_null(value: &Value) -> bool {
    matches!(value, Value::Null) || text_of(value).is_some_and(|text| parse_taken_at(text).is_ok())
}

fn is_time_zone(value: &Value) -> bool {
    text_of(value).is_some_and(|text| parse_time_zone(text).is_ok())
}

fn is_json_list(value: &Value) -> bool {
    text_of(value).is_some_and(|text| from_json_list(text).is_ok())
}

fn is_language_or_null(value: &Value) -> bool {
    matches!(value, Value::Null)
        || text_of(value).is_some_and(|text| text.parse::<PostLanguage>().is_ok())
}
