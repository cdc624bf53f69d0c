//! Which entry a photo probably belongs to, from when it was taken.

use chrono::{DateTime, Duration, TimeZone, Utc};
use chrono_tz::Tz;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use crate::model::{Entry, EntryContent, EntryId, Photo, PhotoId};

/// How long an entry without a duration is taken to last.
const DEFAULT_SPAN_MIN: i64 = 60;

/// The instant a photo was taken: with the camera's offset when recorded, else its wall clock
/// read in the trip's zone.
pub fn photo_instant(photo: &Photo, zone: Tz) -> Option<DateTime<Utc>> {
    let taken = photo.metadata.taken_at?;
    match taken.offset {
        Some(offset) => offset
            .from_local_datetime(&taken.local)
            .single()
            .map(|t| t.with_timezone(&Utc)),
        None => zone
            .from_local_datetime(&taken.local)
            .earliest()
            .map(|t| t.with_timezone(&Utc)),
    }
}

/// Suggests an entry for an unassigned photo: the entry whose time span contains the moment
/// the photo was taken, else the nearest entry on the same day (in the trip's zone).
pub fn suggest_entry_for_photo(photo: &Photo, entries: &[Entry], zone: Tz) -> Option<EntryId> {
    let at = photo_instant(photo, zone)?;
    let span = |entry: &Entry| {
        let minutes = match &entry.fields.content {
            EntryContent::Session(session) => {
                session.duration_min.map_or(DEFAULT_SPAN_MIN, i64::from)
            }
            _ => DEFAULT_SPAN_MIN,
        };
        (
            entry.fields.at,
            entry.fields.at + Duration::minutes(minutes),
        )
    };
    if let Some(inside) = entries.iter().find(|entry| {
        let (start, end) = span(entry);
        start <= at && at <= end
    }) {
        return Some(inside.id);
    }
    let day = at.with_timezone(&zone).date_naive();
    entries
        .iter()
        .filter(|entry| entry.fields.at.with_timezone(&zone).date_naive() == day)
        .min_by_key(|entry| (entry.fields.at - at).num_seconds().abs())
        .map(|entry| entry.id)
}

/// Every unassigned photo's suggested entry, grouped by entry.
pub fn suggestions_by_entry(
    photos: &[Photo],
    entries: &[Entry],
    zone: Tz,
) -> HashMap<EntryId, Vec<PhotoId>> {
    let mut by_entry: HashMap<EntryId, Vec<PhotoId>> = HashMap::new();
    for photo in photos.iter().filter(|p| p.entry.is_none()) {
        if let Some(entry) = suggest_entry_for_photo(photo, entries, zone) {
            by_entry.entry(entry).or_default().push(photo.id);
        }
    }
    by_entry
}

/// A fingerprint of everything the suggestions depend on (the unassigned photos and when
/// they were taken, the entries' times and durations, the zone). Cheap to compute each frame,
/// so the suggestions themselves are only recomputed when it changes.
pub fn suggestion_inputs(photos: &[Photo], entries: &[Entry], zone: Tz) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    zone.name().hash(&mut hasher);
    for photo in photos.iter().filter(|p| p.entry.is_none()) {
        photo.id.0.hash(&mut hasher);
        photo
            .metadata
            .taken_at
            .map(|t| (t.local, t.offset.map(|o| o.local_minus_utc())))
            .hash(&mut hasher);
    }
    for entry in entries {
        entry.id.0.hash(&mut hasher);
        entry.fields.at.hash(&mut hasher);
        if let EntryContent::Session(session) = &entry.fields.content {
            session.duration_min.hash(&mut hasher);
        }
    }
    hasher.finish()
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::{EntryFields, EntryKind, PhotoId, TakenAt, TripId};
    use chrono::NaiveDate;

    /// A note of trip 1 at `hour`:00 on 2018-11-13 in Berlin.
    pub(in crate::app) fn entry(id: i64, hour: u32) -> Entry {
        let at = chrono_tz::Europe::Berlin
            .with_ymd_and_hms(2018, 11, 13, hour, 0, 0)
            .single()
            .expect("valid")
            .with_timezone(&Utc);
        Entry {
            id: EntryId(id),
            trip: TripId(1),
            position: id,
            fields: EntryFields::new(EntryKind::Note, "x", at),
        }
    }

    fn photo_at(day: u32, hour: u32, minute: u32) -> Photo {
        let mut photo = crate::model::photo_tests::sample_photo();
        photo.metadata.taken_at = Some(TakenAt {
            local: NaiveDate::from_ymd_opt(2018, 11, day)
                .and_then(|d| d.and_hms_opt(hour, minute, 0))
                .expect("valid"),
            offset: None,
        });
        photo
    }

    #[test]
    fn a_photo_goes_to_the_entry_it_was_taken_in_or_the_nearest_that_day() {
        let entries = vec![entry(1, 9), entry(2, 14), entry(3, 19)];
        let zone = chrono_tz::Europe::Berlin;
        assert_eq!(
            suggest_entry_for_photo(&photo_at(13, 14, 30), &entries, zone),
            Some(EntryId(2))
        );
        assert_eq!(
            suggest_entry_for_photo(&photo_at(13, 17, 50), &entries, zone),
            Some(EntryId(3))
        );
        assert_eq!(
            suggest_entry_for_photo(&photo_at(14, 9, 10), &entries, zone),
            None
        );
    }

    #[test]
    fn suggestions_are_grouped_by_entry_and_their_inputs_notice_a_moved_entry() {
        let mut entries = vec![entry(1, 9), entry(2, 14)];
        let zone = chrono_tz::Europe::Berlin;
        let mut photos = vec![
            photo_at(13, 9, 20),
            photo_at(13, 14, 10),
            photo_at(13, 14, 40),
        ];
        for (index, photo) in photos.iter_mut().enumerate() {
            photo.id = PhotoId(index as i64 + 1);
        }
        photos[2].entry = Some(EntryId(2)); // assigned already: never suggested
        let by_entry = suggestions_by_entry(&photos, &entries, zone);
        assert_eq!(by_entry.get(&EntryId(1)), Some(&vec![PhotoId(1)]));
        assert_eq!(by_entry.get(&EntryId(2)), Some(&vec![PhotoId(2)]));

        let before = suggestion_inputs(&photos, &entries, zone);
        assert_eq!(before, suggestion_inputs(&photos, &entries, zone));
        entries[1] = entry(2, 16);
        let entry_moved = suggestion_inputs(&photos, &entries, zone);
        assert_ne!(before, entry_moved);
        photos[1].entry = Some(EntryId(1));
        assert_ne!(entry_moved, suggestion_inputs(&photos, &entries, zone));
    }
}
