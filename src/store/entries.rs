//! Entries: create, read, update, delete and reorder, with each kind's typed fields mapped to
//! their own columns.

use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::damage::{Listing, RowTable};
use super::{Store, StoreError, StoreResult, from_json_list, now_text, to_json_list};
use crate::model::{
    Entry, EntryContent, EntryFields, EntryId, EntryKind, FoodRating, Meal, Money, Rating,
    RatingSource, Session, SessionRole, SubRatings, TripId,
};

const ENTRY_COLUMNS: &str = "id, trip_id, kind, title, at_utc, section, position, tags, body,
    speakers, track, room, duration_min, role, link, notes, takeaways,
    meal_type, venue, address, dishes, dish, category, source, verdict,
    rating, taste, value_rating, service, atmosphere, price_minor, currency";

/// The columns of one entry row, as read.
struct EntryRow {
    id: i64,
    trip_id: i64,
    kind: String,
    title: String,
    at_utc: String,
    section: Option<String>,
    position: i64,
    tags: String,
    body: String,
    speakers: String,
    track: String,
    room: String,
    duration_min: Option<u32>,
    role: Option<String>,
    link: Option<String>,
    notes: String,
    takeaways: String,
    meal_type: Option<String>,
    venue: String,
    address: String,
    dishes: String,
    dish: String,
    category: String,
    source: String,
    verdict: String,
    ratings: [Option<u8>; 5],
    price_minor: Option<i64>,
    currency: Option<String>,
}

fn entry_row(row: &Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok(EntryRow {
        id: row.get(0)?,
        trip_id: row.get(1)?,
        kind: row.get(2)?,
        title: row.get(3)?,
        at_utc: row.get(4)?,
        section: row.get(5)?,
        position: row.get(6)?,
        tags: row.get(7)?,
        body: row.get(8)?,
        speakers: row.get(9)?,
        track: row.get(10)?,
        room: row.get(11)?,
        duration_min: row.get(12)?,
        role: row.get(13)?,
        link: row.get(14)?,
        notes: row.get(15)?,
        takeaways: row.get(16)?,
        meal_type: row.get(17)?,
        venue: row.get(18)?,
        address: row.get(19)?,
        dishes: row.get(20)?,
        dish: row.get(21)?,
        category: row.get(22)?,
        source: row.get(23)?,
        verdict: row.get(24)?,
        ratings: [
            row.get(25)?,
            row.get(26)?,
            row.get(27)?,
            row.get(28)?,
            row.get(29)?,
        ],
        price_minor: row.get(30)?,
        currency: row.get(31)?,
    })
}

fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::CorruptValue(format!("{what} {value:?}"))
}

fn read_rating(half_stars: Option<u8>) -> StoreResult<Option<Rating>> {
    half_stars
        .map(|h| Rating::from_half_stars(h).map_err(|_| corrupt("rating", &h.to_string())))
        .transpose()
}

impl EntryRow {
    fn into_entry(self) -> StoreResult<Entry> {
        let kind: EntryKind = self
            .kind
            .parse()
            .map_err(|_| corrupt("entry kind", &self.kind))?;
        let at = DateTime::parse_from_rfc3339(&self.at_utc)
            .map_err(|_| corrupt("time", &self.at_utc))?
            .with_timezone(&Utc);
        let [rating, taste, value, service, atmosphere] = self.ratings;
        let price = match (self.price_minor, &self.currency) {
            (Some(minor), Some(code)) => {
                Some(Money::new(minor, code).map_err(|_| corrupt("price", code))?)
            }
            _ => None,
        };
        let content = match kind {
            EntryKind::Session => EntryContent::Session(Session {
                speakers: from_json_list(&self.speakers)?,
                track: self.track,
                room: self.room,
                duration_min: self.duration_min,
                role: match self.role.as_deref() {
                    Some(text) => text.parse().map_err(|_| corrupt("role", text))?,
                    None => SessionRole::Attended,
                },
                link: self.link,
                notes: self.notes,
                takeaways: self.takeaways,
                usefulness: read_rating(rating)?,
            }),
            EntryKind::Meal => EntryContent::Meal(Meal {
                meal_type: self
                    .meal_type
                    .as_deref()
                    .map(|text| text.parse().map_err(|_| corrupt("meal type", text)))
                    .transpose()?,
                venue: self.venue,
                address: self.address,
                dishes: from_json_list(&self.dishes)?,
                price,
                notes: self.notes,
                rating: read_rating(rating)?,
            }),
            EntryKind::FoodRating => EntryContent::FoodRating(FoodRating {
                dish: self.dish,
                venue: self.venue,
                category: self.category,
                overall: read_rating(rating)?,
                sub_ratings: SubRatings {
                    taste: read_rating(taste)?,
                    value: read_rating(value)?,
                    service: read_rating(service)?,
                    atmosphere: read_rating(atmosphere)?,
                },
                price,
                source: RatingSource::from_text(&self.source),
                verdict: self.verdict,
            }),
            EntryKind::Note => EntryContent::Note,
        };
        Ok(Entry {
            id: EntryId(self.id),
            trip: TripId(self.trip_id),
            position: self.position,
            fields: EntryFields {
                title: self.title,
                at,
                section: self.section,
                tags: from_json_list(&self.tags)?,
                body: self.body,
                content,
            },
        })
    }
}

/// The kind-specific columns of an entry, flattened for writing.
struct KindColumns {
    speakers: String,
    track: String,
    room: String,
    duration_min: Option<u32>,
    role: Option<&'static str>,
    link: Option<String>,
    notes: String,
    takeaways: String,
    meal_type: Option<&'static str>,
    venue: String,
    address: String,
    dishes: String,
    dish: String,
    category: String,
    source: String,
    verdict: String,
    ratings: [Option<u8>; 5],
    price_minor: Option<i64>,
    currency: Option<String>,
}

fn half(rating: Option<Rating>) -> Option<u8> {
    rating.map(Rating::half_stars)
}

fn kind_columns(content: &EntryContent) -> KindColumns {
    let mut columns = KindColumns {
        speakers: "[]".to_string(),
        track: String::new(),
        room: String::new(),
        duration_min: None,
        role: None,
        link: None,
        notes: String::new(),
        takeaways: String::new(),
        meal_type: None,
        venue: String::new(),
        address: String::new(),
        dishes: "[]".to_string(),
        dish: String::new(),
        category: String::new(),
        source: "own".to_string(),
        verdict: String::new(),
        ratings: [None; 5],
        price_minor: None,
        currency: None,
    };
    match content {
        EntryContent::Session(session) => {
            columns.speakers = to_json_list(&session.speakers);
            columns.track = session.track.clone();
            columns.room = session.room.clone();
            columns.duration_min = session.duration_min;
            columns.role = Some(session.role.as_str());
            columns.link = session.link.clone();
            columns.notes = session.notes.clone();
            columns.takeaways = session.takeaways.clone();
            columns.ratings[0] = half(session.usefulness);
        }
        EntryContent::Meal(meal) => {
            columns.meal_type = meal.meal_type.map(|m| m.as_str());
            columns.venue = meal.venue.clone();
            columns.address = meal.address.clone();
            columns.dishes = to_json_list(&meal.dishes);
            columns.notes = meal.notes.clone();
            columns.ratings[0] = half(meal.rating);
            columns.price_minor = meal.price.as_ref().map(Money::minor_units);
            columns.currency = meal.price.as_ref().map(|p| p.currency().to_string());
        }
        EntryContent::FoodRating(food) => {
            columns.dish = food.dish.clone();
            columns.venue = food.venue.clone();
            columns.category = food.category.clone();
            columns.source = food.source.as_text().to_string();
            columns.verdict = food.verdict.clone();
            columns.ratings = [
                half(food.overall),
                half(food.sub_ratings.taste),
                half(food.sub_ratings.value),
                half(food.sub_ratings.service),
                half(food.sub_ratings.atmosphere),
            ];
            columns.price_minor = food.price.as_ref().map(Money::minor_units);
            columns.currency = food.price.as_ref().map(|p| p.currency().to_string());
        }
        EntryContent::Note => {}
    }
    columns
}

/// RFC 3339 text of an instant, always UTC with a fixed width so text order is time order.
fn instant_text(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// The columns that hold an entry's fields, in the order of [`field_values`].
const FIELD_COLUMNS: [&str; 29] = [
    "kind",
    "title",
    "at_utc",
    "section",
    "tags",
    "body",
    "speakers",
    "track",
    "room",
    "duration_min",
    "role",
    "link",
    "notes",
    "takeaways",
    "meal_type",
    "venue",
    "address",
    "dishes",
    "dish",
    "category",
    "source",
    "verdict",
    "rating",
    "taste",
    "value_rating",
    "service",
    "atmosphere",
    "price_minor",
    "currency",
];

/// The values of [`FIELD_COLUMNS`] for an entry's fields.
fn field_values(fields: &EntryFields) -> [Value; 29] {
    let c = kind_columns(&fields.content);
    let [rating, taste, value_rating, service, atmosphere] = c.ratings.map(Value::from);
    [
        Value::from(fields.kind().as_str().to_string()),
        Value::from(fields.title.clone()),
        Value::from(instant_text(fields.at)),
        Value::from(fields.section.clone()),
        Value::from(to_json_list(&fields.tags)),
        Value::from(fields.body.clone()),
        Value::from(c.speakers),
        Value::from(c.track),
        Value::from(c.room),
        Value::from(c.duration_min),
        Value::from(c.role.map(str::to_string)),
        Value::from(c.link),
        Value::from(c.notes),
        Value::from(c.takeaways),
        Value::from(c.meal_type.map(str::to_string)),
        Value::from(c.venue),
        Value::from(c.address),
        Value::from(c.dishes),
        Value::from(c.dish),
        Value::from(c.category),
        Value::from(c.source),
        Value::from(c.verdict),
        rating,
        taste,
        value_rating,
        service,
        atmosphere,
        Value::from(c.price_minor),
        Value::from(c.currency),
    ]
}

impl Store {
    /// Adds an entry at the end of the trip's manual order and returns its id.
    pub fn create_entry(&self, trip: TripId, fields: &EntryFields) -> StoreResult<EntryId> {
        self.ensure_writable()?;
        self.trip(trip)?;
        Store::create_entry_in(&self.conn, trip, fields)
    }

    /// Adds an entry through `conn` (which may be inside a transaction), without checks.
    pub(super) fn create_entry_in(
        conn: &rusqlite::Connection,
        trip: TripId,
        fields: &EntryFields,
    ) -> StoreResult<EntryId> {
        // The position is computed in the same statement, so two programs adding at once
        // never get the same one.
        let sql = format!(
            "INSERT INTO entries (trip_id, position, created_at, updated_at, {})
             VALUES (?1, (SELECT coalesce(max(position), 0) + 1 FROM entries WHERE trip_id = ?1),
                     ?2, ?2, {})",
            FIELD_COLUMNS.join(", "),
            (3..3 + FIELD_COLUMNS.len())
                .map(|n| format!("?{n}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let leading = [Value::from(trip.0), Value::from(now_text())];
        conn.execute(
            &sql,
            params_from_iter(leading.into_iter().chain(field_values(fields))),
        )?;
        Ok(EntryId(conn.last_insert_rowid()))
    }

    /// One entry by id.
    pub fn entry(&self, id: EntryId) -> StoreResult<Entry> {
        self.read_one(
            RowTable::Entry,
            &format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1"),
            id.0,
            |row| entry_row(row)?.into_entry(),
        )
    }

    /// A trip's entries in manual order (position, then id); an entry that cannot be read is
    /// an error.
    pub fn entries(&self, trip: TripId) -> StoreResult<Vec<Entry>> {
        self.entry_listing(trip)?.into_whole()
    }

    /// A trip's readable entries in manual order, and the ones that cannot be read.
    pub fn entry_listing(&self, trip: TripId) -> StoreResult<Listing<Entry>> {
        self.trip(trip)?;
        self.all_entries_listing(trip)
    }

    /// Like [`Store::entry_listing`], for a trip that may itself be damaged.
    pub(super) fn all_entries_listing(&self, trip: TripId) -> StoreResult<Listing<Entry>> {
        self.read_each(
            RowTable::Entry,
            &format!(
                "SELECT {ENTRY_COLUMNS} FROM entries WHERE trip_id = ?1 ORDER BY position, id"
            ),
            &[trip.0],
            |row| entry_row(row)?.into_entry(),
        )
    }

    /// Applies `change` to an entry's current fields and saves them, reading and writing under
    /// one write lock: a change another program made meanwhile is never overwritten with stale
    /// fields. `change` also gets the trip's time zone.
    pub fn modify_entry<E: From<StoreError>>(
        &self,
        id: EntryId,
        change: impl FnOnce(&mut EntryFields, chrono_tz::Tz) -> Result<(), E>,
    ) -> Result<(), E> {
        self.ensure_writable()?;
        self.conn
            .execute_batch("BEGIN IMMEDIATE")
            .map_err(StoreError::from)?;
        let result = (|| {
            let existing = self.entry(id)?;
            let zone = self.trip(existing.trip)?.fields.time_zone;
            let mut fields = existing.fields;
            change(&mut fields, zone)?;
            self.update_entry(id, &fields)?;
            Ok(())
        })();
        let finished = match result {
            Ok(()) => self.conn.execute_batch("COMMIT"),
            Err(_) => self.conn.execute_batch("ROLLBACK"),
        };
        if let Err(error) = finished {
            // A failed COMMIT leaves the transaction open; end it so the connection stays usable.
            let _ = self.conn.execute_batch("ROLLBACK");
            return Err(StoreError::from(error).into());
        }
        result
    }

    /// Replaces an entry's fields (its kind may change; fields of the old kind are dropped).
    pub fn update_entry(&self, id: EntryId, fields: &EntryFields) -> StoreResult<()> {
        self.ensure_writable()?;
        let sql = format!(
            "UPDATE entries SET updated_at = ?2, {} WHERE id = ?1",
            FIELD_COLUMNS
                .iter()
                .enumerate()
                .map(|(index, column)| format!("{column} = ?{}", index + 3))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let leading = [Value::from(id.0), Value::from(now_text())];
        let changed = self.conn.execute(
            &sql,
            params_from_iter(leading.into_iter().chain(field_values(fields))),
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "entry",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Deletes an entry. Its photos go back to the trip's unassigned photos, or are deleted
    /// too when `with_photos` is set.
    pub fn delete_entry(&mut self, id: EntryId, with_photos: bool) -> StoreResult<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        if with_photos {
            tx.execute("DELETE FROM photos WHERE entry_id = ?1", [id.0])?;
        }
        let changed = tx.execute("DELETE FROM entries WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "entry",
                id: id.to_string(),
            });
        }
        tx.commit()?;
        Ok(())
    }

    /// Puts a trip's entries in the given order; entries not listed keep their relative order
    /// after the listed ones.
    pub fn reorder_entries(&mut self, trip: TripId, order: &[EntryId]) -> StoreResult<()> {
        self.ensure_writable()?;
        let existing: Vec<EntryId> = self.entries(trip)?.into_iter().map(|e| e.id).collect();
        for id in order {
            if !existing.contains(id) {
                return Err(StoreError::NotFound {
                    what: "entry in this trip",
                    id: id.to_string(),
                });
            }
        }
        let mut final_order: Vec<EntryId> = Vec::with_capacity(existing.len());
        for id in order.iter().chain(existing.iter()) {
            if !final_order.contains(id) {
                final_order.push(*id);
            }
        }
        let tx = self.conn.transaction()?;
        for (index, id) in final_order.iter().enumerate() {
            tx.execute(
                "UPDATE entries SET position = ?2 WHERE id = ?1",
                params![id.0, index as i64 + 1],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
