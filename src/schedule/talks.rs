//! The pieces every schedule format shares: local times to instants in a zone (with the
//! gaps and repeats of daylight saving time), "HH:MM" and ISO 8601 durations, abstracts
//! turned from HTML into plain text, and the finishing of a [`ParsedSchedule`]: talks sorted by
//! time, keys made unique, the conference's dates filled in when the file gave none.

use std::collections::{HashMap, HashSet};

use chrono::{
    DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, TimeZone, Utc,
};
use chrono_tz::Tz;

use super::ParsedSchedule;
use crate::model::{Talk, TalkTime};

/// The zone a file's local times are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Zone {
    Named(Tz),
    Fixed(FixedOffset),
}

impl Zone {
    /// The instant of a wall-clock time here. A time skipped by a daylight-saving change is
    /// read an hour later (as clocks show it); a repeated one is the earlier of the two.
    pub(super) fn instant(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        match self {
            Zone::Named(tz) => earliest(tz, local),
            Zone::Fixed(offset) => earliest(offset, local),
        }
    }
}

fn earliest<Z: TimeZone>(zone: Z, local: NaiveDateTime) -> Option<DateTime<Utc>> {
    let found = zone.from_local_datetime(&local).earliest().or_else(|| {
        zone.from_local_datetime(&(local + TimeDelta::hours(1)))
            .earliest()
    })?;
    Some(found.with_timezone(&Utc))
}

/// A time of day as schedules write it: "11:00" or "11:00:00".
pub(super) fn clock_time(text: &str) -> Option<NaiveTime> {
    let text = text.trim();
    NaiveTime::parse_from_str(text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M:%S"))
        .ok()
}

/// A duration as frab writes it ("00:30", "1:30", "01:30:00") or as ISO 8601 ("PT1H30M").
pub(super) fn duration(text: &str) -> Option<TimeDelta> {
    let text = text.trim();
    if text.starts_with(['P', 'p', '+', '-']) {
        return iso_duration(text);
    }
    let parts: Vec<&str> = text.split(':').collect();
    let numbers: Option<Vec<i64>> = parts
        .iter()
        .map(|part| {
            (!part.is_empty() && part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())
                .flatten()
        })
        .collect();
    match numbers?.as_slice() {
        [hours, minutes] if *minutes < 60 => Some(TimeDelta::minutes(hours * 60 + minutes)),
        [hours, minutes, seconds] if *minutes < 60 && *seconds < 60 => {
            Some(TimeDelta::seconds((hours * 60 + minutes) * 60 + seconds))
        }
        _ => None,
    }
}

/// An ISO 8601 / RFC 5545 duration: `PT40M`, `PT1H30M`, `P1D`, `P2W`, `-PT15M`.
pub(super) fn iso_duration(text: &str) -> Option<TimeDelta> {
    let (negative, rest) = match text.trim().as_bytes().first() {
        Some(b'-') => (true, &text.trim()[1..]),
        Some(b'+') => (false, &text.trim()[1..]),
        _ => (false, text.trim()),
    };
    let rest = rest.strip_prefix(['P', 'p'])?;
    let mut seconds: i64 = 0;
    let mut number = String::new();
    let mut in_time = false;
    let mut any = false;
    for c in rest.chars() {
        match c.to_ascii_uppercase() {
            '0'..='9' if number.len() < 9 => number.push(c),
            'T' if number.is_empty() && !in_time => in_time = true,
            unit @ ('W' | 'D' | 'H' | 'M' | 'S') => {
                let scale = match (unit, in_time) {
                    ('W', false) => 7 * 86_400,
                    ('D', false) => 86_400,
                    ('H', true) => 3_600,
                    ('M', true) => 60,
                    ('S', true) => 1,
                    _ => return None,
                };
                seconds = seconds.checked_add(number.parse::<i64>().ok()? * scale)?;
                number.clear();
                any = true;
            }
            _ => return None,
        }
    }
    if !any || !number.is_empty() {
        return None;
    }
    TimeDelta::try_seconds(if negative { -seconds } else { seconds })
}

/// The talk's page, if it is a web address (anything else, such as `javascript:`, is dropped).
pub(super) fn web_address(text: &str) -> Option<String> {
    let text = text.trim();
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    (web && !text.contains(char::is_whitespace)).then(|| text.to_owned())
}

/// Plain text from an abstract that may hold HTML: tags removed (block tags become line
/// breaks, script and style contents are dropped), entities decoded, spaces tidied.
pub(super) fn plain_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(['<', '&']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        rest = if rest.starts_with('<') {
            skip_tag(rest, &mut out)
        } else {
            decode_entity(rest, &mut out)
        };
    }
    out.push_str(rest);
    tidy_lines(&out)
}

/// Past one tag at the start of `rest` (`<` then a letter, `/`, `!` or `?`), noting a line
/// break for block tags; a `<` that starts no tag is kept as text.
fn skip_tag<'a>(rest: &'a str, out: &mut String) -> &'a str {
    let starts_tag = rest[1..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?'));
    let Some(end) = rest.find('>').filter(|_| starts_tag) else {
        out.push('<');
        return &rest[1..];
    };
    let name: String = rest[1..end]
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    let after = &rest[end + 1..];
    let closing = rest[1..].starts_with('/');
    if matches!(name.as_str(), "script" | "style") && !closing {
        let end_tag = format!("</{name}");
        let lower = after.to_ascii_lowercase();
        return lower.find(&end_tag).map_or("", |at| &after[at..]);
    }
    match (name.as_str(), closing) {
        ("li", false) => out.push_str("\n• "),
        ("br" | "ul" | "ol" | "tr", _) | ("p" | "div" | "blockquote", false) => out.push('\n'),
        ("p" | "div" | "blockquote", true) | ("h1" | "h2" | "h3" | "h4" | "h5" | "h6", _) => {
            out.push_str("\n\n");
        }
        _ => {}
    }
    after
}

/// Decodes the entity at the start of `rest` (`&amp;`, `&#8217;`, `&nbsp;` …), or keeps the `&`.
fn decode_entity<'a>(rest: &'a str, out: &mut String) -> &'a str {
    let end = rest
        .char_indices()
        .take(12)
        .find(|(_, c)| *c == ';')
        .map(|(at, _)| at);
    match end.and_then(|end| entity_text(&rest[1..end]).map(|text| (end, text))) {
        Some((end, text)) => {
            out.push_str(&text);
            &rest[end + 1..]
        }
        None => {
            out.push('&');
            &rest[1..]
        }
    }
}

/// The text of an entity name (without `&` and `;`): numeric references and the HTML names
/// schedules use.
pub(super) fn entity_text(name: &str) -> Option<String> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    named_entity(name).map(str::to_owned)
}

/// The HTML entity names seen in schedule abstracts.
pub(super) fn named_entity(name: &str) -> Option<&'static str> {
    const TABLE: [(&str, &str); 34] = [
        ("amp", "&"),
        ("lt", "<"),
        ("gt", ">"),
        ("quot", "\""),
        ("apos", "'"),
        ("nbsp", " "),
        ("shy", ""),
        ("ndash", "–"),
        ("mdash", "—"),
        ("hellip", "…"),
        ("lsquo", "‘"),
        ("rsquo", "’"),
        ("sbquo", "‚"),
        ("ldquo", "“"),
        ("rdquo", "”"),
        ("bdquo", "„"),
        ("laquo", "«"),
        ("raquo", "»"),
        ("bull", "•"),
        ("middot", "·"),
        ("copy", "©"),
        ("reg", "®"),
        ("trade", "™"),
        ("euro", "€"),
        ("auml", "ä"),
        ("ouml", "ö"),
        ("uuml", "ü"),
        ("Auml", "Ä"),
        ("Ouml", "Ö"),
        ("Uuml", "Ü"),
        ("szlig", "ß"),
        ("eacute", "é"),
        ("egrave", "è"),
        ("ccedil", "ç"),
    ];
    TABLE
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, text)| *text)
}

/// Each line trimmed with runs of spaces made one, at most one empty line in a row, no
/// empty lines at either end.
fn tidy_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.is_empty() {
            blank_run += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank_run > 0 { "\n\n" } else { "\n" });
        }
        blank_run = 0;
        out.push_str(&words.join(" "));
    }
    out
}

/// Lower case with runs of white space made one space: the spelling keys are built from.
fn normalized(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The time part of a key: the start instant in UTC, or the first day of an all-day item.
fn time_token(time: &TalkTime) -> String {
    match time {
        TalkTime::Timed { start, .. } => start.format("%Y-%m-%dT%H:%MZ").to_string(),
        TalkTime::AllDay { first, .. } => first.format("%Y-%m-%d").to_string(),
    }
}

/// The key of a talk whose file gives no guid or UID: title, start and room, normalized so a
/// newer version of the schedule that only changes case or spacing still matches.
pub(super) fn fallback_key(title: &str, time: &TalkTime, room: &str) -> String {
    format!(
        "{}|{}|{}",
        normalized(title),
        time_token(time),
        normalized(room)
    )
}

/// The talk when the journal can hold its time, else why not, in the year rule's words: the
/// one check every format's reader passes its talks through.
pub(super) fn within_journal_years(talk: Talk) -> Result<Talk, String> {
    match talk.time.check_years() {
        Ok(()) => Ok(talk),
        Err(error) => Err(error.to_string()),
    }
}

/// The last calendar date a talk touches (UTC for timed talks).
pub(super) fn last_date(time: &TalkTime) -> NaiveDate {
    match time {
        TalkTime::Timed { end, .. } => end.date_naive(),
        TalkTime::AllDay { last, .. } => *last,
    }
}

/// Where a talk sorts: its start (all-day items at the start of their first day).
fn sort_instant(time: &TalkTime) -> DateTime<Utc> {
    match time {
        TalkTime::Timed { start, .. } => *start,
        TalkTime::AllDay { first, .. } => first.and_time(NaiveTime::MIN).and_utc(),
    }
}

/// Sorts the talks, makes their keys unique and fills the conference's dates from the talks
/// when the file gave none: the last step of reading any format.
pub(super) fn finish(schedule: &mut ParsedSchedule, floating_zone: Tz) {
    schedule.talks.sort_by(|a, b| {
        (sort_instant(&a.time), &a.room, &a.title, &a.key).cmp(&(
            sort_instant(&b.time),
            &b.room,
            &b.title,
            &b.key,
        ))
    });
    make_keys_unique(&mut schedule.talks);
    let zone = schedule.time_zone.unwrap_or(floating_zone);
    let dates = schedule
        .talks
        .iter()
        .flat_map(|talk| talk_dates(talk, zone));
    let (first, last) = dates.fold((None, None), |(first, last), date| {
        (
            Some(first.map_or(date, |f: NaiveDate| f.min(date))),
            Some(last.map_or(date, |l: NaiveDate| l.max(date))),
        )
    });
    schedule.start_date = schedule.start_date.or(first);
    schedule.end_date = schedule.end_date.or(last);
}

/// The first and last calendar dates of a talk in `zone`.
fn talk_dates(talk: &Talk, zone: Tz) -> [NaiveDate; 2] {
    match talk.time {
        TalkTime::Timed { start, end } => [
            start.with_timezone(&zone).date_naive(),
            end.with_timezone(&zone).date_naive(),
        ],
        TalkTime::AllDay { first, last } => [first, last],
    }
}

/// Gives talks that share a key distinct keys, in a way that depends only on the talks:
/// first the start is appended, then the room, and only then a number in sorted order.
/// Two different events sharing a UID thus stay two talks, and keep their keys when the
/// schedule is read again.
fn make_keys_unique(talks: &mut [Talk]) {
    let widenings: [fn(&Talk) -> String; 2] = [
        |talk| format!("{}@{}", talk.key, time_token(&talk.time)),
        |talk| format!("{}@{}", talk.key, normalized(&talk.room)),
    ];
    for widen in widenings {
        let counts = key_counts(talks);
        for talk in talks.iter_mut() {
            if counts.get(talk.key.as_str()).copied().unwrap_or(0) > 1 {
                talk.key = widen(talk);
            }
        }
    }
    let counts = key_counts(talks);
    let mut taken: HashSet<String> = talks.iter().map(|talk| talk.key.clone()).collect();
    for talk in talks.iter_mut() {
        if counts.get(talk.key.as_str()).copied().unwrap_or(0) > 1 {
            let mut number = 1;
            while taken.contains(&format!("{}#{number}", talk.key)) {
                number += 1;
            }
            talk.key = format!("{}#{number}", talk.key);
            taken.insert(talk.key.clone());
        }
    }
}

fn key_counts(talks: &[Talk]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for talk in talks {
        *counts.entry(talk.key.clone()).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frab_and_iso_durations() {
        assert_eq!(duration("00:30"), Some(TimeDelta::minutes(30)));
        assert_eq!(duration("1:30"), Some(TimeDelta::minutes(90)));
        assert_eq!(duration("01:30:15"), Some(TimeDelta::seconds(5415)));
        assert_eq!(duration("PT1H30M"), Some(TimeDelta::minutes(90)));
        assert_eq!(duration("PT40M"), Some(TimeDelta::minutes(40)));
        assert_eq!(iso_duration("P1D"), Some(TimeDelta::days(1)));
        assert_eq!(iso_duration("P2W"), Some(TimeDelta::days(14)));
        assert_eq!(iso_duration("-PT15M"), Some(TimeDelta::minutes(-15)));
        for bad in [
            "",
            "90",
            "1:75",
            "PT",
            "P1H",
            "PTM",
            "abc",
            "1:2:3:4",
            "P99999999999D",
        ] {
            assert_eq!(duration(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock_time("09:05"), NaiveTime::from_hms_opt(9, 5, 0));
        assert_eq!(
            clock_time(" 23:59:30 "),
            NaiveTime::from_hms_opt(23, 59, 30)
        );
        assert_eq!(clock_time("25:00"), None);
    }

    #[test]
    fn html_becomes_plain_text() {
        assert_eq!(
            plain_text("<p>Rust &amp; <b>Wasm</b>&nbsp;&#8212; fast</p><p>2 &lt; 3</p>"),
            "Rust & Wasm — fast\n\n2 < 3"
        );
        assert_eq!(plain_text("a < b and c>d"), "a < b and c>d");
        assert_eq!(plain_text("x<script>alert(1)</script>y"), "xy");
        assert_eq!(plain_text("R&D &unknown; &#0;"), "R&D &unknown; &#0;");
        assert_eq!(plain_text("&amp;中文字&quot;"), "&中文字\"");
        assert_eq!(plain_text("one<br/>two\n\n\n\nthree"), "one\ntwo\n\nthree");
        assert_eq!(
            plain_text("<h2>Plan</h2><ul><li>one</li><li>two</li></ul>end"),
            "Plan\n\n• one\n• two\nend"
        );
    }

    #[test]
    fn only_web_addresses_are_kept() {
        assert_eq!(
            web_address(" https://example.org/talk/1 ").as_deref(),
            Some("https://example.org/talk/1")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address("http://a b"), None);
    }

    #[test]
    fn a_time_in_a_dst_gap_moves_an_hour_on() {
        let local = NaiveDate::from_ymd_opt(2024, 3, 31)
            .and_then(|d| d.and_hms_opt(2, 30, 0))
            .expect("date");
        let instant = Zone::Named(chrono_tz::Europe::Berlin).instant(local);
        assert_eq!(
            instant.map(|i| i.to_rfc3339()),
            Some("2024-03-31T01:30:00+00:00".into())
        );
    }

    fn talk(key: &str, hour: u32, room: &str) -> Talk {
        let start = NaiveDate::from_ymd_opt(2024, 2, 3)
            .and_then(|d| d.and_hms_opt(hour, 0, 0))
            .expect("date")
            .and_utc();
        Talk::for_test(key, start, start, room)
    }

    #[test]
    fn shared_keys_are_widened_until_unique() {
        let mut talks = vec![
            talk("a", 9, "R1"),
            talk("a", 10, "R1"),
            talk("a", 10, "R2"),
            talk("b", 9, "R1"),
            talk("b", 9, "R1"),
            talk("b@2024-02-03T09:00Z@r1#1", 9, "R1"),
        ];
        make_keys_unique(&mut talks);
        let keys: Vec<&str> = talks.iter().map(|t| t.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "a@2024-02-03T09:00Z",
                "a@2024-02-03T10:00Z@r1",
                "a@2024-02-03T10:00Z@r2",
                "b@2024-02-03T09:00Z@r1#2",
                "b@2024-02-03T09:00Z@r1#3",
                "b@2024-02-03T09:00Z@r1#1",
            ]
        );
    }

    #[test]
    fn fallback_keys_ignore_case_and_spacing() {
        let one = talk("", 9, "Room  A");
        let two = talk("", 9, "room a");
        assert_eq!(
            fallback_key("Hello  World", &one.time, &one.room),
            fallback_key("hello world", &two.time, &two.room)
        );
    }
}
