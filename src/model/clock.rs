//! Correcting a camera clock: a photo's taken-at moved by a signed duration.
//!
//! A camera left on home time, or a few minutes off, records the wrong wall-clock time. The
//! fix moves the recorded wall clock by the same amount for every photo of that camera and
//! keeps the recorded UTC offset as it was (a photo without one still takes the trip's zone).
//! Shifting back by the opposite amount restores the photo exactly, which is what undo does.
//! Durations are written `+2h`, `-7h30m`, `+90s`, `-1d` or `+00:05` (hours:minutes).

use chrono::{Datelike, Duration};

use super::photo::{Photo, TakenAt};
use super::values::{ModelError, PhotoId};

/// The largest shift accepted: a camera set to the wrong year, with room to spare.
const MAX_SHIFT_DAYS: i64 = 36_600;

/// Reads a signed duration: an optional sign, then `NdNhNmNs` parts in that order (each at
/// most once, at least one), or `H:MM` / `H:MM:SS`. Zero is refused: it would change nothing.
pub fn parse_clock_shift(text: &str) -> Result<Duration, ModelError> {
    let bad = || ModelError::BadShift(text.to_string());
    let trimmed = text.trim();
    let (negative, body) = match trimmed.as_bytes().first() {
        Some(b'-') => (true, &trimmed[1..]),
        Some(b'+') => (false, &trimmed[1..]),
        _ => (false, trimmed),
    };
    let seconds = match body.contains(':') {
        true => clock_seconds(body),
        false => unit_seconds(body),
    }
    .ok_or_else(bad)?;
    if seconds == 0 || seconds > MAX_SHIFT_DAYS * 86_400 {
        return Err(bad());
    }
    Ok(Duration::seconds(if negative { -seconds } else { seconds }))
}

/// `H:MM` or `H:MM:SS` as seconds; minutes and seconds below 60.
fn clock_seconds(body: &str) -> Option<i64> {
    let parts: Vec<&str> = body.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0i64;
    for (index, part) in parts.iter().enumerate() {
        let value = digits(part)?;
        if index > 0 && (part.len() != 2 || value >= 60) {
            return None;
        }
        total = total.checked_mul(60)?.checked_add(value)?;
    }
    Some(if parts.len() == 2 { total * 60 } else { total })
}

/// `1d2h3m4s` (any non-empty subset, in this order) as seconds.
fn unit_seconds(body: &str) -> Option<i64> {
    const UNITS: [(char, i64); 4] = [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)];
    let mut rest = body;
    let mut total = 0i64;
    let mut next_unit = 0;
    while !rest.is_empty() {
        let end = rest.find(|c: char| !c.is_ascii_digit())?;
        let value = digits(&rest[..end])?;
        let unit = rest[end..].chars().next()?.to_ascii_lowercase();
        let index = next_unit + UNITS[next_unit..].iter().position(|(u, _)| *u == unit)?;
        total = total.checked_add(value.checked_mul(UNITS[index].1)?)?;
        next_unit = index + 1;
        rest = &rest[end + 1..];
    }
    (next_unit > 0).then_some(total)
}

/// A non-empty run of ASCII digits, not absurdly long.
fn digits(text: &str) -> Option<i64> {
    if text.is_empty() || text.len() > 9 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// A shift as text in the form [`parse_clock_shift`] reads: `+7h30m`, `-90s`, `+1d`.
pub fn format_clock_shift(by: Duration) -> String {
    let sign = if by < Duration::zero() { '-' } else { '+' };
    let mut seconds = by.num_seconds().abs();
    let mut text = String::from(sign);
    for (unit, size) in [('d', 86_400), ('h', 3_600), ('m', 60), ('s', 1)] {
        if seconds >= size {
            text.push_str(&format!("{}{unit}", seconds / size));
            seconds %= size;
        }
    }
    if text.len() == 1 {
        text.push_str("0s");
    }
    text
}

impl TakenAt {
    /// The same moment on a camera whose clock was `by` off: the wall clock moved, the
    /// offset kept. Refused when the result leaves the years a journal holds.
    pub fn shifted(&self, by: Duration) -> Result<TakenAt, ModelError> {
        let local = self
            .local
            .checked_add_signed(by)
            .filter(|local| (1000..=9999).contains(&local.year()))
            .ok_or_else(|| {
                ModelError::OutOfRange(format!(
                    "{} shifted by {}",
                    self.to_iso(),
                    format_clock_shift(by)
                ))
            })?;
        Ok(TakenAt { local, ..*self })
    }
}

/// Which photos of a trip a clock shift applies to: all, or those of one camera, or listed
/// ones (both narrow).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShiftFilter {
    /// A camera model as the photos record it (compared ignoring case and outer spaces).
    pub camera: Option<String>,
    pub ids: Option<Vec<PhotoId>>,
}

impl ShiftFilter {
    /// Whether the shift applies to this photo.
    pub fn matches(&self, photo: &Photo) -> bool {
        let camera_ok = self.camera.as_deref().is_none_or(|wanted| {
            photo
                .metadata
                .camera_model
                .as_deref()
                .is_some_and(|model| same_camera(model, wanted))
        });
        let id_ok = self.ids.as_ref().is_none_or(|ids| ids.contains(&photo.id));
        camera_ok && id_ok
    }
}

fn same_camera(model: &str, wanted: &str) -> bool {
    model.trim().eq_ignore_ascii_case(wanted.trim())
}

/// The camera models the photos record, sorted, each once.
pub fn camera_models(photos: &[Photo]) -> Vec<String> {
    let mut models: Vec<String> = photos
        .iter()
        .filter_map(|photo| photo.metadata.camera_model.as_deref())
        .map(|model| model.trim().to_string())
        .filter(|model| !model.is_empty())
        .collect();
    models.sort();
    models.dedup();
    models
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, NaiveDate};

    fn secs(text: &str) -> Option<i64> {
        parse_clock_shift(text).ok().map(|d| d.num_seconds())
    }

    #[test]
    fn shifts_are_read_in_units_or_as_hours_and_minutes() {
        assert_eq!(secs("+2h"), Some(7_200));
        assert_eq!(secs("-7h30m"), Some(-27_000));
        assert_eq!(secs("+90s"), Some(90));
        assert_eq!(secs("-1d"), Some(-86_400));
        assert_eq!(secs("+00:05"), Some(300));
        assert_eq!(secs("-1:02:03"), Some(-3_723));
        assert_eq!(secs("3H"), Some(10_800));
        for bad in [
            "",
            "+",
            "2",
            "+2x",
            "+2h2h",
            "+30m2h",
            "+h",
            "+0h",
            "+1:5",
            "+1:60",
            "+1::00",
            "+ 2h",
            "+2h-3m",
            "+99999999999h",
            "+40000d",
            "++2h",
            "+1:00:00:00",
        ] {
            assert_eq!(secs(bad), None, "{bad:?} should be refused");
        }
    }

    #[test]
    fn a_shift_reads_back_from_its_text() {
        for text in ["+7h30m", "-1m30s", "+1d", "-1d2h3m4s"] {
            let by = parse_clock_shift(text).expect("valid");
            assert_eq!(format_clock_shift(by), text);
        }
    }

    #[test]
    fn shifting_moves_the_wall_clock_keeps_the_offset_and_undoes_exactly() {
        let taken = TakenAt {
            local: NaiveDate::from_ymd_opt(2018, 11, 13)
                .and_then(|d| d.and_hms_opt(23, 50, 0))
                .expect("valid"),
            offset: FixedOffset::east_opt(3_600),
        };
        let by = parse_clock_shift("+15m").expect("valid");
        let moved = taken.shifted(by).expect("in range");
        assert_eq!(moved.to_iso(), "2018-11-14T00:05:00+01:00");
        assert_eq!(moved.shifted(-by).expect("in range"), taken);
        assert!(taken.shifted(Duration::days(-MAX_SHIFT_DAYS * 30)).is_err());
    }

    #[test]
    fn the_filter_narrows_by_camera_ignoring_case_and_by_ids() {
        let mut photo = crate::model::photo_tests::sample_photo();
        photo.metadata.camera_model = Some("TJ Cam 1 ".into());
        let camera = |name: &str| ShiftFilter {
            camera: Some(name.into()),
            ids: None,
        };
        assert!(ShiftFilter::default().matches(&photo));
        assert!(camera("tj cam 1").matches(&photo));
        assert!(!camera("TJ Cam 2").matches(&photo));
        let ids = ShiftFilter {
            camera: Some("TJ CAM 1".into()),
            ids: Some(vec![PhotoId(7)]),
        };
        assert!(!ids.matches(&photo));
        photo.id = PhotoId(7);
        assert!(ids.matches(&photo));
        assert_eq!(camera_models(&[photo.clone(), photo]), vec!["TJ Cam 1"]);
    }
}
