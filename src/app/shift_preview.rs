//! What a camera-clock shift would do to the trip before it is applied: for each photo it
//! moves, the entry it is offered to now and the one it would be offered to after, by the
//! same rule that offers unassigned photos to entries ([`suggest_entry_for_photo`]).

use chrono::Duration;
use chrono_tz::Tz;

use super::suggest::suggest_entry_for_photo;
use crate::model::{Entry, EntryId, Photo, PhotoId, ShiftFilter, TakenAt};

/// One photo a shift would move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftPreview {
    pub photo: PhotoId,
    /// The entry the photo already belongs to (a shift never moves it out; only
    /// unassigned photos are offered to entries).
    pub assigned: Option<EntryId>,
    pub old: TakenAt,
    pub new: TakenAt,
    /// The entry the photo is offered to with its current time, if any.
    pub before: Option<EntryId>,
    /// The entry it would be offered to after the shift, if any.
    pub after: Option<EntryId>,
}

impl ShiftPreview {
    /// Whether the shift changes which entry the photo is offered to.
    pub fn changes_offer(&self) -> bool {
        self.assigned.is_none() && self.before != self.after
    }
}

/// The photos `filter` picks that record a time and can be shifted by `by`, in the given
/// order, each with its offer before and after. Photos without a time are left out, as the
/// shift leaves them.
pub fn preview_clock_shift(
    photos: &[Photo],
    entries: &[Entry],
    zone: Tz,
    by: Duration,
    filter: &ShiftFilter,
) -> Vec<ShiftPreview> {
    photos
        .iter()
        .filter(|photo| filter.matches(photo))
        .filter_map(|photo| {
            let old = photo.metadata.taken_at?;
            let new = old.shifted(by).ok()?;
            let mut moved = photo.clone();
            moved.metadata.taken_at = Some(new);
            Some(ShiftPreview {
                photo: photo.id,
                assigned: photo.entry,
                old,
                new,
                before: suggest_entry_for_photo(photo, entries, zone),
                after: suggest_entry_for_photo(&moved, entries, zone),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::suggest::tests::entry;
    use chrono::NaiveDate;

    fn photo(id: i64, camera: &str, hour: Option<u32>) -> Photo {
        let mut photo = crate::model::photo_tests::sample_photo();
        photo.id = PhotoId(id);
        photo.metadata.camera_model = Some(camera.into());
        photo.metadata.taken_at = hour.map(|hour| TakenAt {
            local: NaiveDate::from_ymd_opt(2018, 11, 13)
                .and_then(|d| d.and_hms_opt(hour, 30, 0))
                .expect("valid"),
            offset: None,
        });
        photo
    }

    #[test]
    fn the_preview_names_the_entry_each_photo_moves_to() {
        let entries = vec![entry(1, 9), entry(2, 14), entry(3, 16)];
        let mut assigned = photo(4, "Phone", Some(9));
        assigned.entry = Some(EntryId(1));
        let photos = vec![
            photo(1, "Phone", Some(9)),
            photo(2, "Phone", Some(14)),
            photo(3, "Phone", None),
            assigned,
            photo(5, "Camera", Some(9)),
        ];
        let filter = ShiftFilter {
            camera: Some("phone".into()),
            ids: None,
        };
        let zone = chrono_tz::Europe::Berlin;
        let preview = preview_clock_shift(&photos, &entries, zone, Duration::hours(5), &filter);
        let summary: Vec<_> = preview
            .iter()
            .map(|p| (p.photo.0, p.before, p.after, p.changes_offer()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (1, Some(EntryId(1)), Some(EntryId(2)), true),
                (2, Some(EntryId(2)), Some(EntryId(3)), true),
                (4, Some(EntryId(1)), Some(EntryId(2)), false),
            ]
        );
        assert_eq!(preview[0].new.to_iso(), "2018-11-13T14:30:00");
        let none = preview_clock_shift(&photos, &entries, zone, Duration::seconds(1), &filter);
        assert!(none.iter().all(|p| !p.changes_offer()));
    }
}
