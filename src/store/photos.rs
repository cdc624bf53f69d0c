//! Photos: rows with their metadata, and their bytes (original, preview, thumbnail) in
//! `photo_data`. A photo is written whole in one transaction or not at all.

use chrono::{FixedOffset, NaiveDateTime};
use rusqlite::{OptionalExtension, Row, params};

use super::damage::{Listing, RowTable};
use super::{Store, StoreError, StoreResult, now_text};
use crate::model::{EntryId, GpsPosition, Photo, PhotoId, PhotoMetadata, TakenAt, TripId};

/// A photo ready to be stored: its place, its metadata and its three encodings.
#[derive(Debug, Clone)]
pub struct NewPhoto {
    pub trip: TripId,
    pub entry: Option<EntryId>,
    pub caption: String,
    pub metadata: PhotoMetadata,
    pub original: Vec<u8>,
    pub preview_jpeg: Vec<u8>,
    pub thumbnail_jpeg: Vec<u8>,
}

/// What storing a photo did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoInsert {
    Imported(PhotoId),
    /// The same bytes were already in the trip, as this photo.
    Duplicate(PhotoId),
}

pub(super) const PHOTO_COLUMNS: &str = "id, trip_id, entry_id, caption, position, sha256, mime_type, width, height,
    taken_at_local, taken_at_offset, gps_latitude, gps_longitude, camera_model, original_name, byte_size";

pub(super) fn photo_from_row(
    row: &Row<'_>,
) -> rusqlite::Result<(Photo, Option<String>, Option<i32>)> {
    let latitude: Option<f64> = row.get(11)?;
    let longitude: Option<f64> = row.get(12)?;
    Ok((
        Photo {
            id: PhotoId(row.get(0)?),
            trip: TripId(row.get(1)?),
            entry: row.get::<_, Option<i64>>(2)?.map(EntryId),
            caption: row.get(3)?,
            position: row.get(4)?,
            metadata: PhotoMetadata {
                sha256: row.get(5)?,
                mime_type: row.get(6)?,
                width: row.get(7)?,
                height: row.get(8)?,
                taken_at: None,
                gps: latitude
                    .zip(longitude)
                    .map(|(latitude, longitude)| GpsPosition {
                        latitude,
                        longitude,
                    }),
                camera_model: row.get(13)?,
                original_name: row.get(14)?,
                byte_size: row.get::<_, i64>(15)?.max(0) as u64,
            },
        },
        row.get(9)?,
        row.get(10)?,
    ))
}

pub(super) fn finish_photo(
    (mut photo, local, offset): (Photo, Option<String>, Option<i32>),
) -> StoreResult<Photo> {
    if let Some(text) = local {
        let local = parse_taken_at(&text)?;
        photo.metadata.taken_at = Some(TakenAt {
            local,
            offset: offset.and_then(FixedOffset::east_opt),
        });
    }
    Ok(photo)
}

/// Reads a stored camera wall-clock time (`YYYY-MM-DDTHH:MM:SS`).
pub(super) fn parse_taken_at(text: &str) -> StoreResult<NaiveDateTime> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S")
        .map_err(|_| StoreError::CorruptValue(format!("taken-at {text:?}")))
}

/// Which stored encoding of a photo to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhotoBytes {
    Original,
    Preview,
    Thumbnail,
}

impl PhotoBytes {
    fn column(self) -> &'static str {
        match self {
            PhotoBytes::Original => "original",
            PhotoBytes::Preview => "preview",
            PhotoBytes::Thumbnail => "thumbnail",
        }
    }
}

impl Store {
    /// The id of the photo with these bytes in the trip, if any.
    pub fn photo_with_hash(&self, trip: TripId, sha256: &str) -> StoreResult<Option<PhotoId>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM photos WHERE trip_id = ?1 AND sha256 = ?2",
                params![trip.0, sha256],
                |row| row.get(0),
            )
            .optional()?
            .map(PhotoId))
    }

    /// The SHA-256 of every photo of a trip, sorted.
    pub fn photo_hashes(&self, trip: TripId) -> StoreResult<Vec<String>> {
        let mut statement = self
            .conn
            .prepare("SELECT sha256 FROM photos WHERE trip_id = ?1 ORDER BY sha256")?;
        let hashes = statement
            .query_map([trip.0], |row| row.get(0))?
            .collect::<Result<Vec<String>, _>>()?;
        Ok(hashes)
    }

    /// Stores a photo whole (row and bytes in one transaction), at the end of its entry's or
    /// the trip's photos; a photo already in the trip is not stored twice.
    pub fn insert_photo(&mut self, photo: &NewPhoto) -> StoreResult<PhotoInsert> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        let existing: Option<i64> = tx
            .query_row(
                "SELECT id FROM photos WHERE trip_id = ?1 AND sha256 = ?2",
                params![photo.trip.0, photo.metadata.sha256],
                |row| row.get(0),
            )
            .optional()?;
        if let Some(id) = existing {
            return Ok(PhotoInsert::Duplicate(PhotoId(id)));
        }
        if let Some(entry) = photo.entry {
            let entry_trip: Option<i64> = tx
                .query_row(
                    "SELECT trip_id FROM entries WHERE id = ?1",
                    [entry.0],
                    |row| row.get(0),
                )
                .optional()?;
            if entry_trip != Some(photo.trip.0) {
                return Err(StoreError::NotFound {
                    what: "entry in this trip",
                    id: entry.to_string(),
                });
            }
        }
        let position: i64 = tx.query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM photos WHERE trip_id = ?1",
            [photo.trip.0],
            |row| row.get(0),
        )?;
        let m = &photo.metadata;
        tx.execute(
            "INSERT INTO photos (trip_id, entry_id, caption, position, sha256, mime_type, width, height,
                taken_at_local, taken_at_offset, gps_latitude, gps_longitude, camera_model, original_name,
                byte_size, imported_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                photo.trip.0,
                photo.entry.map(|e| e.0),
                photo.caption,
                position,
                m.sha256,
                m.mime_type,
                m.width,
                m.height,
                m.taken_at.map(|t| t.local.format("%Y-%m-%dT%H:%M:%S").to_string()),
                m.taken_at.and_then(|t| t.offset).map(|o| o.local_minus_utc()),
                m.gps.map(|g| g.latitude),
                m.gps.map(|g| g.longitude),
                m.camera_model,
                m.original_name,
                m.byte_size as i64,
                now_text(),
            ],
        )?;
        let id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO photo_data (photo_id, original, preview, thumbnail) VALUES (?1, ?2, ?3, ?4)",
            params![id, photo.original, photo.preview_jpeg, photo.thumbnail_jpeg],
        )?;
        tx.commit()?;
        Ok(PhotoInsert::Imported(PhotoId(id)))
    }

    /// One photo's row by id.
    pub fn photo(&self, id: PhotoId) -> StoreResult<Photo> {
        self.read_one(
            RowTable::Photo,
            &format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE id = ?1"),
            id.0,
            |row| finish_photo(photo_from_row(row)?),
        )
    }

    /// All photos of a trip, in position order; a photo that cannot be read is an error.
    pub fn photos(&self, trip: TripId) -> StoreResult<Vec<Photo>> {
        self.photo_listing(trip)?.into_whole()
    }

    /// A trip's readable photos in position order, and the ones that cannot be read.
    pub fn photo_listing(&self, trip: TripId) -> StoreResult<Listing<Photo>> {
        self.trip(trip)?;
        self.all_photos_listing(trip)
    }

    /// Like [`Store::photo_listing`], for a trip that may itself be damaged.
    pub(super) fn all_photos_listing(&self, trip: TripId) -> StoreResult<Listing<Photo>> {
        self.read_each(
            RowTable::Photo,
            &format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE trip_id = ?1 ORDER BY position, id"),
            &[trip.0],
            |row| finish_photo(photo_from_row(row)?),
        )
    }

    /// The readable photos of one entry, in position order (the trip's listing names any
    /// that cannot be read).
    pub fn entry_photos(&self, entry: EntryId) -> StoreResult<Vec<Photo>> {
        self.photos_where("entry_id = ?1", entry.0)
    }

    /// A trip's readable photos that belong to no entry, in position order.
    pub fn unassigned_photos(&self, trip: TripId) -> StoreResult<Vec<Photo>> {
        self.photos_where("trip_id = ?1 AND entry_id IS NULL", trip.0)
    }

    fn photos_where(&self, condition: &str, value: i64) -> StoreResult<Vec<Photo>> {
        self.read_each(
            RowTable::Photo,
            &format!("SELECT {PHOTO_COLUMNS} FROM photos WHERE {condition} ORDER BY position, id"),
            &[value],
            |row| finish_photo(photo_from_row(row)?),
        )
        .map(|listing| listing.items)
    }

    /// One stored encoding of a photo.
    pub fn photo_bytes(&self, id: PhotoId, which: PhotoBytes) -> StoreResult<Vec<u8>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {} FROM photo_data WHERE photo_id = ?1",
                    which.column()
                ),
                [id.0],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::NotFound {
                what: "photo",
                id: id.to_string(),
            })
    }

    /// Replaces a photo's stored preview and thumbnail (rebuilt from its original).
    pub fn replace_derivatives(
        &self,
        id: PhotoId,
        preview_jpeg: &[u8],
        thumbnail_jpeg: &[u8],
    ) -> StoreResult<()> {
        self.ensure_writable()?;
        self.expect_one(
            self.conn.execute(
                "UPDATE photo_data SET preview = ?2, thumbnail = ?3 WHERE photo_id = ?1",
                params![id.0, preview_jpeg, thumbnail_jpeg],
            )?,
            id,
        )
    }

    /// Changes a photo's caption.
    pub fn set_photo_caption(&self, id: PhotoId, caption: &str) -> StoreResult<()> {
        self.ensure_writable()?;
        self.expect_one(
            self.conn.execute(
                "UPDATE photos SET caption = ?2 WHERE id = ?1",
                params![id.0, caption],
            )?,
            id,
        )
    }

    /// Moves a photo to an entry of its trip (at the end of that entry's photos), or with
    /// `None` back to the trip's unassigned photos.
    pub fn move_photo(&self, id: PhotoId, entry: Option<EntryId>) -> StoreResult<()> {
        self.ensure_writable()?;
        let photo = self.photo(id)?;
        if let Some(entry_id) = entry
            && self.entry(entry_id)?.trip != photo.trip
        {
            return Err(StoreError::NotFound {
                what: "entry in this photo's trip",
                id: entry_id.to_string(),
            });
        }
        self.expect_one(
            self.conn.execute(
                "UPDATE photos SET entry_id = ?2,
                    position = (SELECT coalesce(max(position), 0) + 1 FROM photos WHERE trip_id = ?3)
                 WHERE id = ?1",
                params![id.0, entry.map(|e| e.0), photo.trip.0],
            )?,
            id,
        )
    }

    /// Gives the listed photos consecutive positions in the listed order (the rest keep theirs,
    /// after them), e.g. to reorder the photos of one entry.
    pub fn reorder_photos(&mut self, order: &[PhotoId]) -> StoreResult<()> {
        self.ensure_writable()?;
        let tx = self.conn.transaction()?;
        let base: i64 = match order.first() {
            Some(first) => tx
                .query_row(
                    "SELECT trip_id FROM photos WHERE id = ?1",
                    [first.0],
                    |row| row.get::<_, i64>(0),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: "photo",
                    id: first.to_string(),
                })
                .and_then(|trip| {
                    Ok(tx.query_row(
                        "SELECT coalesce(min(position), 1) FROM photos WHERE trip_id = ?1",
                        [trip],
                        |row| row.get(0),
                    )?)
                })?,
            None => return Ok(()),
        };
        // Shift everything after so the listed photos fit at the front of the trip's order.
        let count = order.len() as i64;
        for (index, id) in order.iter().enumerate() {
            let changed = tx.execute(
                "UPDATE photos SET position = ?2 WHERE id = ?1",
                params![id.0, base - count - 1 + index as i64],
            )?;
            if changed == 0 {
                return Err(StoreError::NotFound {
                    what: "photo",
                    id: id.to_string(),
                });
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Deletes a photo and its bytes.
    pub fn delete_photo(&self, id: PhotoId) -> StoreResult<()> {
        self.ensure_writable()?;
        self.expect_one(
            self.conn
                .execute("DELETE FROM photos WHERE id = ?1", [id.0])?,
            id,
        )
    }

    fn expect_one(&self, changed: usize, id: PhotoId) -> StoreResult<()> {
        if changed == 0 {
            Err(StoreError::NotFound {
                what: "photo",
                id: id.to_string(),
            })
        } else {
            Ok(())
        }
    }
}
