//! Time zones named by `TZID=`: an IANA name (also inside the path-like TZIDs some
//! generators write, `/mozilla.org/20050126_1/Europe/Berlin`), a Windows name as Outlook
//! writes them (`W. Europe Standard Time`, mapped by a table taken from CLDR's
//! windowsZones), or else the file's own VTIMEZONE: its STANDARD and DAYLIGHT observances
//! with their yearly rules (`FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU`). A VTIMEZONE that cannot be
//! read keeps the reason, and only the events that need it are skipped.

use chrono::{Datelike, FixedOffset, NaiveDate, NaiveDateTime, Offset, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;

/// Windows zone names and the IANA zone CLDR maps each to (territory "001").
const WINDOWS_ZONES: [(&str, &str); 40] = [
    ("UTC", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("Romance Standard Time", "Europe/Paris"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("India Standard Time", "Asia/Kolkata"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Mountain Standard Time", "America/Denver"),
    ("Central Standard Time", "America/Chicago"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Canada Central Standard Time", "America/Regina"),
    ("Eastern Standard Time", "America/New_York"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Argentina/Buenos_Aires"),
];

/// The zone a TZID names without help from the file: an IANA name, one at the end of a
/// path-like TZID, or a Windows name.
pub(super) fn known_zone(tzid: &str) -> Option<Tz> {
    let tzid = tzid.trim();
    if let Some((_, iana)) = WINDOWS_ZONES
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(tzid))
    {
        return iana.parse().ok();
    }
    let mut rest = tzid.trim_start_matches('/');
    loop {
        if let Ok(zone) = rest.parse::<Tz>() {
            return Some(zone);
        }
        rest = &rest[rest.find('/')? + 1..];
    }
}

/// A VTIMEZONE's observances: from each onset, its offset applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct CustomZone {
    observances: Vec<Observance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Observance {
    offset: FixedOffset,
    /// The offset before the first onset (TZOFFSETFROM), when readable.
    offset_before: Option<FixedOffset>,
    /// The first onset (DTSTART, local time).
    onset: NaiveDateTime,
    rule: Option<YearlyRule>,
}

/// "In `month`, on the `week`th (from the end when negative) `weekday`", or on the first
/// `weekday` among `month_days`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct YearlyRule {
    month: u32,
    weekday: Weekday,
    week: i64,
    month_days: Vec<u32>,
}

impl Observance {
    /// Reads a STANDARD or DAYLIGHT block from its properties' values by name (DTSTART,
    /// TZOFFSETTO, TZOFFSETFROM, RRULE).
    pub(super) fn new<'a>(value: impl Fn(&str) -> Option<&'a str>) -> Result<Observance, String> {
        let dtstart = value("DTSTART");
        let dtstart = dtstart.ok_or("an observance has no DTSTART")?;
        let onset = NaiveDateTime::parse_from_str(dtstart.trim(), "%Y%m%dT%H%M%S")
            .map_err(|_| format!("its DTSTART \"{dtstart}\" is not a local time"))?;
        let offset_to = value("TZOFFSETTO").ok_or("an observance has no TZOFFSETTO")?;
        let offset =
            utc_offset(offset_to).ok_or_else(|| format!("\"{offset_to}\" is not an offset"))?;
        let rule = value("RRULE").map(yearly_rule).transpose()?;
        Ok(Observance {
            offset,
            offset_before: value("TZOFFSETFROM").and_then(utc_offset),
            onset,
            rule,
        })
    }

    /// The latest onset of this observance at or before `local`.
    fn last_onset(&self, local: NaiveDateTime) -> Option<NaiveDateTime> {
        let Some(rule) = &self.rule else {
            return (self.onset <= local).then_some(self.onset);
        };
        [local.year(), local.year() - 1]
            .into_iter()
            .filter_map(|year| rule.date_in(year))
            .map(|date| date.and_time(self.onset.time()))
            .find(|onset| *onset >= self.onset && *onset <= local)
    }
}

impl CustomZone {
    pub(super) fn new(observances: Vec<Observance>) -> Result<CustomZone, String> {
        if observances.is_empty() {
            return Err("it has no STANDARD or DAYLIGHT block".into());
        }
        Ok(CustomZone { observances })
    }

    /// The offset in force at a wall-clock time: that of the observance with the latest
    /// onset before it (before all onsets, the one the earliest observance changed from).
    pub(super) fn offset_at(&self, local: NaiveDateTime) -> FixedOffset {
        let current = self
            .observances
            .iter()
            .filter_map(|o| o.last_onset(local).map(|onset| (onset, o)))
            .max_by_key(|(onset, _)| *onset)
            .map(|(_, o)| o);
        if let Some(current) = current {
            return current.offset;
        }
        let earliest = self.observances.iter().min_by_key(|o| o.onset);
        earliest.map_or_else(|| Utc.fix(), |o| o.offset_before.unwrap_or(o.offset))
    }
}

/// `+0100`, `-0530`, `+013000`.
fn utc_offset(text: &str) -> Option<FixedOffset> {
    let text = text.trim();
    let (sign, digits) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => return None,
    };
    if !matches!(digits.len(), 4 | 6) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number = |range: std::ops::Range<usize>| {
        digits.get(range).map_or(Some(0), |d| d.parse::<i32>().ok())
    };
    let seconds = number(0..2)? * 3600 + number(2..4)? * 60 + number(4..6)?;
    FixedOffset::east_opt(sign * seconds)
}

/// An RRULE of the shapes VTIMEZONEs use: `FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`, or
/// `FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14`.
fn yearly_rule(text: &str) -> Result<YearlyRule, String> {
    let part = |key: &str| {
        text.split(';')
            .filter_map(|pair| pair.split_once('='))
            .find(|(name, _)| name.trim().eq_ignore_ascii_case(key))
            .map(|(_, value)| value.trim())
    };
    let unread = || format!("its rule \"{text}\" is not one this program reads");
    if !part("FREQ").is_some_and(|freq| freq.eq_ignore_ascii_case("YEARLY")) {
        return Err(unread());
    }
    let month = part("BYMONTH")
        .and_then(|m| m.parse().ok())
        .filter(|m| (1..=12).contains(m));
    let byday = part("BYDAY").ok_or_else(unread)?;
    let split = byday.len().checked_sub(2).ok_or_else(unread)?;
    let weekday = byday.get(split..).and_then(weekday).ok_or_else(unread)?;
    let week = match byday[..split].trim_start_matches('+') {
        "" => 0,
        number => number.parse().map_err(|_| unread())?,
    };
    let month_days = part("BYMONTHDAY").map_or(Ok(Vec::new()), |days| {
        days.split(',')
            .map(|d| d.trim().parse().map_err(|_| unread()))
            .collect()
    })?;
    let valid = if month_days.is_empty() {
        matches!(week, -5..=-1 | 1..=5)
    } else {
        week == 0
    };
    match month {
        Some(month) if valid => Ok(YearlyRule {
            month,
            weekday,
            week,
            month_days,
        }),
        _ => Err(unread()),
    }
}

fn weekday(code: &str) -> Option<Weekday> {
    let days = [
        ("MO", Weekday::Mon),
        ("TU", Weekday::Tue),
        ("WE", Weekday::Wed),
        ("TH", Weekday::Thu),
        ("FR", Weekday::Fri),
        ("SA", Weekday::Sat),
        ("SU", Weekday::Sun),
    ];
    days.iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(code))
        .map(|(_, day)| *day)
}

impl YearlyRule {
    fn date_in(&self, year: i32) -> Option<NaiveDate> {
        if !self.month_days.is_empty() {
            return self
                .month_days
                .iter()
                .filter_map(|day| NaiveDate::from_ymd_opt(year, self.month, *day))
                .filter(|date| date.weekday() == self.weekday)
                .min();
        }
        let first = NaiveDate::from_ymd_opt(year, self.month, 1)?;
        let date = if self.week > 0 {
            let ahead = (7 + self.weekday.num_days_from_monday()
                - first.weekday().num_days_from_monday())
                % 7;
            first + TimeDelta::days(i64::from(ahead) + (self.week - 1) * 7)
        } else {
            let last = first
                .checked_add_months(chrono::Months::new(1))?
                .pred_opt()?;
            let back = (7 + last.weekday().num_days_from_monday()
                - self.weekday.num_days_from_monday())
                % 7;
            last - TimeDelta::days(i64::from(back) + (-self.week - 1) * 7)
        };
        (date.month() == self.month).then_some(date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_windows_name_maps_to_a_zone() {
        for (windows, iana) in WINDOWS_ZONES {
            assert!(known_zone(windows).is_some(), "{windows} -> {iana}");
        }
        assert_eq!(
            known_zone("w. europe standard time"),
            Some(chrono_tz::Europe::Berlin)
        );
    }

    #[test]
    fn iana_names_inside_paths() {
        assert_eq!(
            known_zone("/mozilla.org/20050126_1/Europe/Berlin"),
            Some(chrono_tz::Europe::Berlin)
        );
        assert_eq!(
            known_zone("America/Argentina/Buenos_Aires"),
            Some(chrono_tz::America::Argentina::Buenos_Aires)
        );
        assert_eq!(known_zone("(UTC+01:00) Amsterdam, Berlin"), None);
        assert_eq!(known_zone("Mars/Olympus"), None);
    }

    fn local(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").expect("time")
    }

    fn observance(dtstart: &str, from: &str, to: &str, rule: &str) -> Observance {
        let rule = format!("FREQ=YEARLY;BYMONTH={rule}");
        Observance::new(|name| match name {
            "DTSTART" => Some(dtstart),
            "TZOFFSETFROM" => Some(from),
            "TZOFFSETTO" => Some(to),
            "RRULE" => Some(rule.as_str()),
            _ => None,
        })
        .expect("observance")
    }

    #[test]
    fn a_central_european_vtimezone() {
        let zone = CustomZone::new(vec![
            observance("19701025T030000", "+0200", "+0100", "10;BYDAY=-1SU"),
            observance("19700329T020000", "+0100", "+0200", "3;BYDAY=-1SU"),
        ])
        .expect("zone");
        let hours = |text| zone.offset_at(local(text)).local_minus_utc() / 3600;
        assert_eq!(hours("20240331T015959"), 1);
        assert_eq!(hours("20240331T030000"), 2);
        assert_eq!(hours("20241027T025959"), 2);
        assert_eq!(hours("20241027T030000"), 1);
        assert_eq!(hours("20240115T120000"), 1);
        assert_eq!(hours("19600101T000000"), 1);
    }

    #[test]
    fn rules_by_week_and_by_month_days() {
        let second_sunday = yearly_rule("FREQ=YEARLY;BYMONTH=3;BYDAY=2SU")
            .expect("rule")
            .date_in(2024);
        assert_eq!(second_sunday, NaiveDate::from_ymd_opt(2024, 3, 10));
        let by_days = yearly_rule("FREQ=YEARLY;BYMONTH=3;BYDAY=SU;BYMONTHDAY=8,9,10,11,12,13,14")
            .expect("rule")
            .date_in(2024);
        assert_eq!(by_days, NaiveDate::from_ymd_opt(2024, 3, 10));
        for bad in [
            "FREQ=MONTHLY;BYDAY=1SU",
            "FREQ=YEARLY;BYMONTH=3",
            "FREQ=YEARLY;BYMONTH=3;BYDAY=9SU",
            "FREQ=YEARLY;BYMONTH=13;BYDAY=1SU",
        ] {
            assert!(yearly_rule(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn offsets() {
        assert_eq!(utc_offset("+0100"), FixedOffset::east_opt(3600));
        assert_eq!(utc_offset("-0530"), FixedOffset::east_opt(-19800));
        assert_eq!(utc_offset("+013000"), FixedOffset::east_opt(5400));
        assert_eq!(utc_offset("0100"), None);
        assert_eq!(utc_offset("+1"), None);
    }
}
