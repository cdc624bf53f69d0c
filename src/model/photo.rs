//! A photo's description: where it belongs, what it shows and what its EXIF said.
//!
//! The pixels themselves (original, preview, thumbnail) live in the store and are fetched on
//! demand; this type is small enough to list thousands of photos.

use chrono::{FixedOffset, NaiveDateTime};

use super::values::{EntryId, PhotoId, TripId};

/// When a photo was taken, as the camera recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TakenAt {
    /// Wall-clock time on the camera (EXIF DateTimeOriginal).
    pub local: NaiveDateTime,
    /// The camera's UTC offset (EXIF OffsetTimeOriginal), when it recorded one.
    pub offset: Option<FixedOffset>,
}

impl TakenAt {
    /// ISO 8601 text, with the offset when known: "2018-11-13T16:20:05+01:00".
    pub fn to_iso(&self) -> String {
        let local = self.local.format("%Y-%m-%dT%H:%M:%S");
        match self.offset {
            Some(offset) => format!("{local}{offset}"),
            None => local.to_string(),
        }
    }
}

/// A latitude/longitude pair in decimal degrees (north and east positive).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GpsPosition {
    pub latitude: f64,
    pub longitude: f64,
}

/// What is learned about a photo when it is imported.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoMetadata {
    /// SHA-256 of the original bytes, lower-case hex.
    pub sha256: String,
    pub mime_type: String,
    /// Pixel size as the photo is meant to be seen (after EXIF orientation).
    pub width: u32,
    pub height: u32,
    pub taken_at: Option<TakenAt>,
    pub gps: Option<GpsPosition>,
    pub camera_model: Option<String>,
    pub original_name: String,
    pub byte_size: u64,
}

/// A stored photo.
#[derive(Debug, Clone, PartialEq)]
pub struct Photo {
    pub id: PhotoId,
    pub trip: TripId,
    /// None: in the trip's unassigned photos.
    pub entry: Option<EntryId>,
    pub caption: String,
    pub position: i64,
    pub metadata: PhotoMetadata,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A 1x1 JPEG of trip 1, unassigned, with no metadata worth the name: tests set what
    /// they need.
    pub(crate) fn sample_photo() -> Photo {
        Photo {
            id: PhotoId(1),
            trip: TripId(1),
            entry: None,
            caption: String::new(),
            position: 1,
            metadata: PhotoMetadata {
                sha256: String::new(),
                mime_type: "image/jpeg".into(),
                width: 1,
                height: 1,
                taken_at: None,
                gps: None,
                camera_model: None,
                original_name: String::new(),
                byte_size: 1,
            },
        }
    }
}
