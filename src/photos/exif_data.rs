//! The few EXIF facts tripjournal keeps: orientation, when (with the camera's UTC offset),
//! where (GPS) and with what camera.

use std::io::Cursor;

use chrono::{Datelike, FixedOffset, NaiveDateTime};
use exif::{Exif, In, Tag, Value};

use crate::model::{GpsPosition, TakenAt};

/// EXIF facts of one photo; every field is optional because most files lack some.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExifSummary {
    /// EXIF orientation 1..=8 (1 = upright).
    pub orientation: Option<u8>,
    pub taken_at: Option<TakenAt>,
    pub gps: Option<GpsPosition>,
    pub camera_model: Option<String>,
}

/// Reads EXIF from a JPEG, PNG or WebP file's bytes; a file without (readable) EXIF gives an
/// empty summary rather than an error.
pub fn read_exif(bytes: &[u8]) -> ExifSummary {
    let Ok(exif) = exif::Reader::new().read_from_container(&mut Cursor::new(bytes)) else {
        return ExifSummary::default();
    };
    ExifSummary {
        orientation: exif
            .get_field(Tag::Orientation, In::PRIMARY)
            .and_then(|field| field.value.get_uint(0))
            .and_then(|value| u8::try_from(value).ok())
            .filter(|value| (1..=8).contains(value)),
        taken_at: taken_at(&exif),
        gps: gps(&exif),
        camera_model: ascii(&exif, Tag::Model)
            .map(|model| printable(&model, MAX_MODEL_CHARS))
            .filter(|model| !model.is_empty()),
    }
}

/// Camera names longer than this are cut (a hostile file can carry 64 KB of "model").
const MAX_MODEL_CHARS: usize = 120;

/// Years a camera clock can plausibly show; others (year 0, 9999) mean "not set".
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1826..=2200;

/// The text without control characters, at most `limit` characters, trimmed.
fn printable(text: &str, limit: usize) -> String {
    text.chars()
        .filter(|c| !c.is_control())
        .take(limit)
        .collect::<String>()
        .trim()
        .to_string()
}

fn ascii(exif: &Exif, tag: Tag) -> Option<String> {
    match &exif.get_field(tag, In::PRIMARY)?.value {
        Value::Ascii(parts) => {
            let first = parts.first()?;
            Some(
                String::from_utf8_lossy(first)
                    .trim_matches(['\0', ' '])
                    .to_string(),
            )
        }
        _ => None,
    }
}

fn taken_at(exif: &Exif) -> Option<TakenAt> {
    let text = ascii(exif, Tag::DateTimeOriginal).or_else(|| ascii(exif, Tag::DateTime))?;
    let local = NaiveDateTime::parse_from_str(text.get(..19)?, "%Y:%m:%d %H:%M:%S").ok()?;
    if !PLAUSIBLE_YEARS.contains(&local.year()) {
        return None;
    }
    let offset = ascii(exif, Tag::OffsetTimeOriginal)
        .or_else(|| ascii(exif, Tag::OffsetTime))
        .and_then(|text| parse_offset(&text));
    Some(TakenAt { local, offset })
}

/// Parses "+01:00" / "-05:30" into a fixed offset.
fn parse_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let sign = match text.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let (hours, minutes) = text.get(1..)?.split_once(':')?;
    let seconds = hours.parse::<i32>().ok()? * 3600 + minutes.parse::<i32>().ok()? * 60;
    FixedOffset::east_opt(sign * seconds)
}

fn gps(exif: &Exif) -> Option<GpsPosition> {
    let degrees = |tag: Tag| -> Option<f64> {
        match &exif.get_field(tag, In::PRIMARY)?.value {
            Value::Rational(parts) if parts.len() >= 3 => {
                let part = |i: usize| {
                    let r = &parts[i];
                    if r.denom == 0 {
                        None
                    } else {
                        Some(f64::from(r.num) / f64::from(r.denom))
                    }
                };
                Some(part(0)? + part(1)? / 60.0 + part(2)? / 3600.0)
            }
            _ => None,
        }
    };
    let mut latitude = degrees(Tag::GPSLatitude)?;
    let mut longitude = degrees(Tag::GPSLongitude)?;
    if ascii(exif, Tag::GPSLatitudeRef).is_some_and(|r| r.eq_ignore_ascii_case("S")) {
        latitude = -latitude;
    }
    if ascii(exif, Tag::GPSLongitudeRef).is_some_and(|r| r.eq_ignore_ascii_case("W")) {
        longitude = -longitude;
    }
    if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
        return None;
    }
    Some(GpsPosition {
        latitude,
        longitude,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_parse_with_sign() {
        assert_eq!(
            parse_offset("+01:00").map(|o| o.local_minus_utc()),
            Some(3600)
        );
        assert_eq!(
            parse_offset("-05:30").map(|o| o.local_minus_utc()),
            Some(-19800)
        );
        assert_eq!(parse_offset("01:00"), None);
    }

    #[test]
    fn bytes_without_exif_give_an_empty_summary() {
        assert_eq!(read_exif(b"not an image"), ExifSummary::default());
    }
}
