//! The time zone of a trip made from a programme. A zone the file names wins. Otherwise the
//! candidates are the conference's city, the nearest zone to its GEO coordinates and this
//! computer's zone, each taken only when it agrees with every UTC offset the file wrote
//! (`+01:00` in a December frab file rules out both UTC and New York). When nothing but the
//! offsets is known, a fixed-offset zone that keeps them is chosen and the guess says it is
//! unsure, so the front end can ask the user instead of silently using UTC.

mod cities;

use chrono::{DateTime, FixedOffset, Offset as _, TimeZone as _, Utc};
use chrono_tz::Tz;

use super::ParsedSchedule;
use crate::model::places::zone_of_place;

/// What a trip's zone was chosen from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ZoneBasis {
    /// The user chose it.
    Chosen,
    /// The file names it (frab `time_zone_name`, `X-WR-TIMEZONE`, the IANA zone of its events).
    Named,
    /// The conference's city, agreeing with the file's offsets.
    City,
    /// The zone nearest to the file's GEO coordinates that agrees with its offsets.
    Coordinates,
    /// This computer's zone, agreeing with the file's offsets.
    Computer,
    /// Only the file's UTC offsets (sorted, each once): a zone that keeps them, one of many.
    OffsetsOnly(Vec<FixedOffset>),
    /// Neither a zone, a place nor an offset: UTC.
    Nothing,
}

/// A trip's zone and what it was chosen from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ZoneGuess {
    pub zone: Tz,
    pub basis: ZoneBasis,
}

impl ZoneGuess {
    /// Whether the file (or the user) settles the zone; if not the user should be asked.
    pub fn is_sure(&self) -> bool {
        !matches!(self.basis, ZoneBasis::OffsetsOnly(_) | ZoneBasis::Nothing)
    }

    /// Why this zone, worded for either front end ("the programme's offsets (+01:00) …").
    pub fn reason(&self) -> String {
        match &self.basis {
            ZoneBasis::Chosen => "chosen".to_owned(),
            ZoneBasis::Named => "named by the programme".to_owned(),
            ZoneBasis::City => "the conference's city".to_owned(),
            ZoneBasis::Coordinates => "the conference's coordinates".to_owned(),
            ZoneBasis::Computer => {
                "this computer's zone, which agrees with the programme".to_owned()
            }
            ZoneBasis::OffsetsOnly(offsets) => {
                let offsets: Vec<String> = offsets.iter().map(ToString::to_string).collect();
                format!(
                    "a guess: the programme gives only UTC offsets ({}) and no place; the city's zone would also keep summer time right",
                    offsets.join(", ")
                )
            }
            ZoneBasis::Nothing => {
                "a guess: the programme names no zone, place or UTC offset".to_owned()
            }
        }
    }
}

/// The zone of a trip made from `schedule`: `chosen` if the user chose one, else the best
/// candidate agreeing with the file (see the module's description).
pub fn guess_zone(schedule: &ParsedSchedule, chosen: Option<Tz>, computer: Tz) -> ZoneGuess {
    let guess = |zone, basis| ZoneGuess { zone, basis };
    if let Some(zone) = chosen {
        return guess(zone, ZoneBasis::Chosen);
    }
    if let Some(zone) = schedule.time_zone {
        return guess(zone, ZoneBasis::Named);
    }
    let offsets = &schedule.stated_offsets;
    let agrees = |zone: &Tz| keeps_offsets(*zone, offsets);
    if let Some(zone) = zone_of_place(&schedule.city, "").filter(agrees) {
        return guess(zone, ZoneBasis::City);
    }
    if let Some(zone) = schedule
        .coordinates
        .and_then(|place| nearest_zone(place, &agrees))
    {
        return guess(zone, ZoneBasis::Coordinates);
    }
    if offsets.is_empty() {
        return guess(Tz::UTC, ZoneBasis::Nothing);
    }
    if agrees(&computer) {
        return guess(computer, ZoneBasis::Computer);
    }
    let mut distinct: Vec<FixedOffset> = offsets.iter().map(|(_, offset)| *offset).collect();
    distinct.sort_by_key(FixedOffset::local_minus_utc);
    distinct.dedup();
    let zone = fixed_zone(&distinct)
        .or_else(|| first_zone_keeping(offsets))
        .unwrap_or(Tz::UTC);
    guess(zone, ZoneBasis::OffsetsOnly(distinct))
}

/// Whether `zone` shows each instant at the offset the file gave it.
fn keeps_offsets(zone: Tz, offsets: &[(DateTime<Utc>, FixedOffset)]) -> bool {
    offsets
        .iter()
        .all(|(at, offset)| zone.offset_from_utc_datetime(&at.naive_utc()).fix() == *offset)
}

/// The zone whose principal city is nearest to `place` (minutes of arc), among those `agrees`.
fn nearest_zone(place: (i32, i32), agrees: &impl Fn(&Tz) -> bool) -> Option<Tz> {
    let distance = |(north, east): (i32, i32)| {
        let to_radians = |minutes: i32| f64::from(minutes) / 60.0 * std::f64::consts::PI / 180.0;
        let (lat_a, lat_b) = (to_radians(place.0), to_radians(north));
        let d_lon = to_radians(east) - to_radians(place.1);
        // The central angle between the two points (spherical law of cosines).
        (lat_a.sin() * lat_b.sin() + lat_a.cos() * lat_b.cos() * d_lon.cos())
            .clamp(-1.0, 1.0)
            .acos()
    };
    cities::ZONE_CITIES
        .iter()
        .filter_map(|(name, north, east)| Some((name.parse::<Tz>().ok()?, (*north, *east))))
        .filter(|(zone, _)| agrees(zone))
        .min_by(|a, b| distance(a.1).total_cmp(&distance(b.1)))
        .map(|(zone, _)| zone)
}

/// The fixed `Etc/GMT±N` zone of a single whole-hour offset (POSIX signs: `Etc/GMT-1` is
/// +01:00).
fn fixed_zone(offsets: &[FixedOffset]) -> Option<Tz> {
    let [offset] = offsets else { return None };
    let seconds = offset.local_minus_utc();
    if seconds == 0 {
        return Some(Tz::UTC);
    }
    if seconds % 3600 != 0 {
        return None;
    }
    let hours = seconds / 3600;
    format!("Etc/GMT{:+}", -hours).parse().ok()
}

/// The first zone of the table that keeps every offset (a programme spanning a change of
/// summer time, or a half-hour offset).
fn first_zone_keeping(offsets: &[(DateTime<Utc>, FixedOffset)]) -> Option<Tz> {
    cities::ZONE_CITIES
        .iter()
        .filter_map(|(name, _, _)| name.parse::<Tz>().ok())
        .find(|zone| keeps_offsets(*zone, offsets))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::{America, Asia, Europe};

    fn at(text: &str) -> (DateTime<Utc>, FixedOffset) {
        let time = DateTime::parse_from_rfc3339(text).expect("a time");
        (time.with_timezone(&Utc), *time.offset())
    }

    fn schedule(offsets: &[&str]) -> ParsedSchedule {
        ParsedSchedule {
            stated_offsets: offsets.iter().map(|text| at(text)).collect(),
            ..ParsedSchedule::default()
        }
    }

    #[test]
    fn offsets_alone_give_a_zone_keeping_them_and_say_it_is_a_guess() {
        let december = schedule(&["2019-12-27T11:00:00+01:00", "2019-12-28T18:00:00+01:00"]);
        let guess = guess_zone(&december, None, America::New_York);
        assert_eq!(guess.zone.name(), "Etc/GMT-1");
        assert!(!guess.is_sure());
        assert!(guess.reason().contains("+01:00"), "{}", guess.reason());
        // Half an hour: a real zone that keeps it.
        let india = schedule(&["2019-12-27T11:00:00+05:30"]);
        assert_eq!(guess_zone(&india, None, Tz::UTC).zone, Asia::Kolkata);
    }

    #[test]
    fn the_city_coordinates_or_computer_win_only_when_they_agree() {
        let mut brussels = schedule(&["2019-02-02T09:30:00+01:00"]);
        // This computer agrees: it is the best guess without a place.
        let guess = guess_zone(&brussels, None, Europe::Paris);
        assert_eq!(
            (guess.zone, guess.basis),
            (Europe::Paris, ZoneBasis::Computer)
        );
        brussels.coordinates = Some((50 * 60 + 51, 4 * 60 + 21));
        let guess = guess_zone(&brussels, None, Europe::Paris);
        assert_eq!(
            (guess.zone, guess.basis),
            (Europe::Brussels, ZoneBasis::Coordinates)
        );
        brussels.city = "Brussels".into();
        assert_eq!(guess_zone(&brussels, None, Tz::UTC).basis, ZoneBasis::City);
        // A city whose zone disagrees with the offsets is not believed.
        brussels.city = "Tokyo".into();
        assert_eq!(guess_zone(&brussels, None, Tz::UTC).zone, Europe::Brussels);
        brussels.coordinates = None;
        assert_eq!(
            guess_zone(&brussels, None, America::New_York).zone.name(),
            "Etc/GMT-1"
        );
    }

    #[test]
    fn a_named_or_chosen_zone_wins_and_nothing_known_is_utc_unsure() {
        let mut named = schedule(&["2019-02-02T09:30:00+01:00"]);
        named.time_zone = Some(Europe::Berlin);
        assert_eq!(guess_zone(&named, None, Tz::UTC).basis, ZoneBasis::Named);
        let chosen = guess_zone(&named, Some(Asia::Tokyo), Tz::UTC);
        assert_eq!((chosen.zone, chosen.is_sure()), (Asia::Tokyo, true));
        let nothing = guess_zone(&ParsedSchedule::default(), None, Europe::Berlin);
        assert_eq!((nothing.zone, nothing.is_sure()), (Tz::UTC, false));
    }

    #[test]
    fn a_programme_across_a_summer_time_change_gets_a_zone_with_that_change() {
        let guess = guess_zone(
            &schedule(&["2019-03-30T10:00:00+01:00", "2019-03-31T10:00:00+02:00"]),
            None,
            Tz::UTC,
        );
        assert!(keeps_offsets(
            guess.zone,
            &schedule(&["2019-03-30T10:00:00+01:00", "2019-03-31T10:00:00+02:00"]).stated_offsets
        ));
        assert!(!guess.is_sure());
    }
}
