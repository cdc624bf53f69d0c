//! Correcting a camera clock in the journal: the taken-at of a trip's matching photos moved
//! by one duration in one transaction (the rule itself is [`crate::model::TakenAt::shifted`]).
//! Only the photo rows change; the original bytes in `photo_data` are never touched.

use chrono::Duration;
use rusqlite::params;

use super::photos::{PHOTO_COLUMNS, finish_photo, photo_from_row};
use super::{Store, StoreError, StoreResult};
use crate::model::{Photo, PhotoId, ShiftFilter, TakenAt, TripId, camera_models};

/// One photo whose taken-at a shift changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftedPhoto {
    pub id: PhotoId,
    pub old: TakenAt,
    pub new: TakenAt,
}

/// What a clock shift did: the photos it moved (in the trip's photo order) and the matching
/// photos it left because they record no taken-at.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShiftReport {
    pub shifted: Vec<ShiftedPhoto>,
    pub without_taken_at: Vec<PhotoId>,
}

impl Store {
    /// Moves the taken-at of the trip's photos that `filter` matches by `by` (wall clock
    /// moved, offset kept), all or none. A camera no photo of the trip records, an id not in
    /// the trip, or a filter matching nothing is an error and changes nothing.
    pub fn shift_taken_at(
        &mut self,
        trip: TripId,
        by: Duration,
        filter: &ShiftFilter,
    ) -> StoreResult<ShiftReport> {
        self.ensure_writable()?;
        self.trip(trip)?;
        let tx = self.conn.transaction()?;
        let photos = trip_photos(&tx, trip)?;
        let matched = matching_photos(&photos, filter)?;
        let mut report = ShiftReport::default();
        for photo in matched {
            let Some(old) = photo.metadata.taken_at else {
                report.without_taken_at.push(photo.id);
                continue;
            };
            let new = old.shifted(by)?;
            tx.execute(
                "UPDATE photos SET taken_at_local = ?2 WHERE id = ?1",
                params![
                    photo.id.0,
                    new.local.format("%Y-%m-%dT%H:%M:%S").to_string()
                ],
            )?;
            report.shifted.push(ShiftedPhoto {
                id: photo.id,
                old,
                new,
            });
        }
        tx.commit()?;
        Ok(report)
    }
}

/// Every photo of a trip in position order, read inside the shift's transaction.
fn trip_photos(tx: &rusqlite::Transaction<'_>, trip: TripId) -> StoreResult<Vec<Photo>> {
    let mut statement = tx.prepare(&format!(
        "SELECT {PHOTO_COLUMNS} FROM photos WHERE trip_id = ?1 ORDER BY position, id"
    ))?;
    let rows = statement.query_map([trip.0], photo_from_row)?;
    rows.map(|row| finish_photo(row?)).collect()
}

/// The photos the filter picks, after checking that its camera and ids name something.
fn matching_photos<'p>(photos: &'p [Photo], filter: &ShiftFilter) -> StoreResult<Vec<&'p Photo>> {
    if let Some(camera) = &filter.camera {
        let camera_only = ShiftFilter {
            camera: Some(camera.clone()),
            ids: None,
        };
        if !photos.iter().any(|photo| camera_only.matches(photo)) {
            return Err(StoreError::UnknownCamera {
                camera: camera.clone(),
                known: camera_models(photos),
            });
        }
    }
    for id in filter.ids.iter().flatten() {
        if !photos.iter().any(|photo| photo.id == *id) {
            return Err(StoreError::NotFound {
                what: "photo in this trip",
                id: id.to_string(),
            });
        }
    }
    let matched: Vec<&Photo> = photos.iter().filter(|p| filter.matches(p)).collect();
    if matched.is_empty() {
        return Err(StoreError::NoPhotosMatched);
    }
    Ok(matched)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{PhotoMetadata, TripFields};
    use crate::store::{NewPhoto, PhotoBytes};
    use chrono::{FixedOffset, NaiveDate};

    fn add_photo(
        store: &mut Store,
        trip: TripId,
        name: &str,
        camera: &str,
        hour: Option<u32>,
    ) -> PhotoId {
        let metadata = PhotoMetadata {
            sha256: format!("{name:0>64}"),
            mime_type: "image/jpeg".into(),
            width: 1,
            height: 1,
            taken_at: hour.map(|hour| TakenAt {
                local: NaiveDate::from_ymd_opt(2018, 11, 13)
                    .and_then(|d| d.and_hms_opt(hour, 0, 0))
                    .expect("valid"),
                offset: FixedOffset::east_opt(3_600),
            }),
            gps: None,
            camera_model: Some(camera.into()),
            original_name: format!("{name}.jpg"),
            byte_size: 3,
        };
        let new = NewPhoto {
            trip,
            entry: None,
            caption: String::new(),
            metadata,
            original: name.as_bytes().to_vec(),
            preview_jpeg: Vec::new(),
            thumbnail_jpeg: Vec::new(),
        };
        match store.insert_photo(&new).expect("insert") {
            crate::store::PhotoInsert::Imported(id) => id,
            other => panic!("not imported: {other:?}"),
        }
    }

    /// A new journal (its folder kept alive by the first value) with one trip.
    fn journal_with_trip() -> (tempfile::TempDir, Store, TripId) {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("j.sqlite")).expect("journal");
        let trip = store
            .create_trip(&TripFields::named("Berlin"))
            .expect("trip");
        (dir, store, trip)
    }

    fn taken(store: &Store, id: PhotoId) -> Option<TakenAt> {
        store.photo(id).expect("photo").metadata.taken_at
    }

    #[test]
    fn one_camera_is_shifted_the_rest_left_and_unknown_cameras_named() {
        let (_dir, mut store, trip) = journal_with_trip();
        let a = add_photo(&mut store, trip, "a", "Cam A", Some(10));
        let b = add_photo(&mut store, trip, "b", "Cam B", Some(10));
        let c = add_photo(&mut store, trip, "c", "Cam A", None);
        let filter = ShiftFilter {
            camera: Some("cam a".into()),
            ids: None,
        };
        let report = store
            .shift_taken_at(trip, Duration::minutes(-90), &filter)
            .expect("shift");
        assert_eq!(report.shifted.len(), 1);
        assert_eq!(report.shifted[0].id, a);
        assert_eq!(report.shifted[0].new.to_iso(), "2018-11-13T08:30:00+01:00");
        assert_eq!(report.without_taken_at, vec![c]);
        assert_eq!(taken(&store, a), Some(report.shifted[0].new));
        assert_eq!(taken(&store, b), Some(report.shifted[0].old));
        assert_eq!(
            store.photo_bytes(a, PhotoBytes::Original).expect("bytes"),
            b"a"
        );

        let unknown = ShiftFilter {
            camera: Some("Cam Z".into()),
            ids: None,
        };
        match store.shift_taken_at(trip, Duration::hours(1), &unknown) {
            Err(StoreError::UnknownCamera { known, .. }) => assert_eq!(known, ["Cam A", "Cam B"]),
            other => panic!("expected an unknown camera, got {other:?}"),
        }
        let nothing = ShiftFilter {
            camera: Some("Cam B".into()),
            ids: Some(vec![a]),
        };
        assert!(matches!(
            store.shift_taken_at(trip, Duration::hours(1), &nothing),
            Err(StoreError::NoPhotosMatched)
        ));
        let stranger = ShiftFilter {
            camera: None,
            ids: Some(vec![PhotoId(999)]),
        };
        assert!(matches!(
            store.shift_taken_at(trip, Duration::hours(1), &stranger),
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(
            taken(&store, b),
            Some(report.shifted[0].old),
            "failed shifts change nothing"
        );
    }

    #[test]
    fn a_shift_out_of_range_changes_no_photo() {
        let (_dir, mut store, trip) = journal_with_trip();
        let a = add_photo(&mut store, trip, "a", "Cam A", Some(10));
        let before = store.photo(a).expect("photo").metadata.taken_at;
        let result = store.shift_taken_at(trip, Duration::days(-800_000), &ShiftFilter::default());
        assert!(matches!(result, Err(StoreError::Invalid(_))), "{result:?}");
        assert_eq!(store.photo(a).expect("photo").metadata.taken_at, before);
    }
}
