//! Trips: create, read, update, delete, and find one by id or name.

use chrono::NaiveDate;
use rusqlite::{Row, params};

use super::damage::{Listing, RowTable};
use super::{Store, StoreError, StoreResult, from_json_list, now_text, to_json_list};
use crate::model::{PhotoId, PostLanguage, Trip, TripFields, TripId, parse_time_zone};

const TRIP_COLUMNS: &str = "id, name, city, country, start_date, end_date, time_zone, author, summary, tags, cover_photo_id, section_order, post_language, slug";

fn trip_from_row(row: &Row<'_>) -> rusqlite::Result<(i64, TripRow)> {
    Ok((
        row.get(0)?,
        TripRow {
            name: row.get(1)?,
            city: row.get(2)?,
            country: row.get(3)?,
            start_date: row.get(4)?,
            end_date: row.get(5)?,
            time_zone: row.get(6)?,
            author: row.get(7)?,
            summary: row.get(8)?,
            tags: row.get(9)?,
            cover_photo_id: row.get(10)?,
            section_order: row.get(11)?,
            post_language: row.get(12)?,
            slug: row.get(13)?,
        },
    ))
}

fn read_trip(row: &Row<'_>) -> StoreResult<Trip> {
    let (id, row) = trip_from_row(row)?;
    row.into_trip(id)
}

struct TripRow {
    name: String,
    city: String,
    country: String,
    start_date: Option<String>,
    end_date: Option<String>,
    time_zone: String,
    author: String,
    summary: String,
    tags: String,
    cover_photo_id: Option<i64>,
    section_order: String,
    post_language: Option<String>,
    slug: Option<String>,
}

/// Reads a stored date (`YYYY-MM-DD`).
pub(super) fn parse_date(text: Option<String>) -> StoreResult<Option<NaiveDate>> {
    text.map(|t| {
        NaiveDate::parse_from_str(&t, "%Y-%m-%d")
            .map_err(|_| StoreError::CorruptValue(format!("date {t:?}")))
    })
    .transpose()
}

impl TripRow {
    fn into_trip(self, id: i64) -> StoreResult<Trip> {
        Ok(Trip {
            id: TripId(id),
            fields: TripFields {
                name: self.name,
                city: self.city,
                country: self.country,
                start_date: parse_date(self.start_date)?,
                end_date: parse_date(self.end_date)?,
                time_zone: parse_time_zone(&self.time_zone).map_err(|_| {
                    StoreError::CorruptValue(format!("time zone {:?}", self.time_zone))
                })?,
                author: self.author,
                summary: self.summary,
                tags: from_json_list(&self.tags)?,
                cover_photo: self.cover_photo_id.map(PhotoId),
                section_order: from_json_list(&self.section_order)?,
                post_language: self
                    .post_language
                    .map(|code| {
                        code.parse().map_err(|_| {
                            StoreError::CorruptValue(format!("post language {code:?}"))
                        })
                    })
                    .transpose()?,
                slug: self.slug,
            },
        })
    }
}

impl Store {
    /// Adds a trip and returns its id.
    pub fn create_trip(&self, fields: &TripFields) -> StoreResult<TripId> {
        self.ensure_writable()?;
        fields.validate()?;
        let now = now_text();
        self.conn.execute(
            "INSERT INTO trips (name, city, country, start_date, end_date, time_zone, author, summary, tags,
                                cover_photo_id, section_order, post_language, slug, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?12, ?13, ?14, ?11, ?11)",
            params![
                fields.name.trim(),
                fields.city,
                fields.country,
                fields.start_date.map(|d| d.to_string()),
                fields.end_date.map(|d| d.to_string()),
                fields.time_zone.name(),
                fields.author,
                fields.summary,
                to_json_list(&fields.tags),
                fields.cover_photo.map(|p| p.0),
                now,
                to_json_list(&fields.section_order),
                fields.post_language.map(PostLanguage::code),
                fields.slug,
            ],
        )?;
        Ok(TripId(self.conn.last_insert_rowid()))
    }

    /// One trip by id.
    pub fn trip(&self, id: TripId) -> StoreResult<Trip> {
        self.read_one(
            RowTable::Trip,
            &format!("SELECT {TRIP_COLUMNS} FROM trips WHERE id = ?1"),
            id.0,
            read_trip,
        )
    }

    /// All trips, newest start date first (undated trips last, then by id); a trip that
    /// cannot be read is an error.
    pub fn trips(&self) -> StoreResult<Vec<Trip>> {
        self.trip_listing()?.into_whole()
    }

    /// The readable trips, newest start date first, and the ones that cannot be read.
    pub fn trip_listing(&self) -> StoreResult<Listing<Trip>> {
        self.read_each(
            RowTable::Trip,
            &format!(
                "SELECT {TRIP_COLUMNS} FROM trips ORDER BY start_date IS NULL, start_date DESC, id"
            ),
            &[],
            read_trip,
        )
    }

    /// Finds a trip by id ("3") or by name (exact, then case-insensitive).
    pub fn find_trip(&self, id_or_name: &str) -> StoreResult<Trip> {
        let wanted = id_or_name.trim();
        if let Ok(id) = wanted.parse::<i64>() {
            return self.trip(TripId(id));
        }
        let trips = self.trip_listing()?.items;
        if let Some(trip) = trips.iter().find(|t| t.fields.name == wanted) {
            return Ok(trip.clone());
        }
        let folded: Vec<&Trip> = trips
            .iter()
            .filter(|t| t.fields.name.to_lowercase() == wanted.to_lowercase())
            .collect();
        match folded.as_slice() {
            [one] => Ok((*one).clone()),
            _ => Err(StoreError::NotFound {
                what: "trip",
                id: format!("{wanted:?}"),
            }),
        }
    }

    /// Replaces a trip's fields.
    pub fn update_trip(&self, id: TripId, fields: &TripFields) -> StoreResult<()> {
        self.ensure_writable()?;
        fields.validate()?;
        let changed = self.conn.execute(
            "UPDATE trips SET name = ?2, city = ?3, country = ?4, start_date = ?5, end_date = ?6, time_zone = ?7,
                              author = ?8, summary = ?9, tags = ?10, cover_photo_id = ?11, updated_at = ?12,
                              section_order = ?13, post_language = ?14,
                              slug = COALESCE(?15, slug)
             WHERE id = ?1",
            params![
                id.0,
                fields.name.trim(),
                fields.city,
                fields.country,
                fields.start_date.map(|d| d.to_string()),
                fields.end_date.map(|d| d.to_string()),
                fields.time_zone.name(),
                fields.author,
                fields.summary,
                to_json_list(&fields.tags),
                fields.cover_photo.map(|p| p.0),
                now_text(),
                to_json_list(&fields.section_order),
                fields.post_language.map(PostLanguage::code),
                // A window that read the trip before its first export does not clear the slug
                // the export gave it.
                fields.slug,
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "trip",
                id: id.to_string(),
            });
        }
        Ok(())
    }

    /// Sets (or clears) the trip's cover photo.
    pub fn set_trip_cover(&self, id: TripId, photo: Option<PhotoId>) -> StoreResult<()> {
        self.ensure_writable()?;
        let mut trip = self.trip(id)?;
        if let Some(photo_id) = photo {
            let owner = self.photo(photo_id)?.trip;
            if owner != id {
                return Err(StoreError::NotFound {
                    what: "photo in this trip",
                    id: photo_id.to_string(),
                });
            }
        }
        trip.fields.cover_photo = photo;
        self.update_trip(id, &trip.fields)
    }

    /// Deletes a trip with all its entries and photos.
    pub fn delete_trip(&self, id: TripId) -> StoreResult<()> {
        self.ensure_writable()?;
        let changed = self
            .conn
            .execute("DELETE FROM trips WHERE id = ?1", [id.0])?;
        if changed == 0 {
            return Err(StoreError::NotFound {
                what: "trip",
                id: id.to_string(),
            });
        }
        Ok(())
    }
}
