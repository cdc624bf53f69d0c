//! Rules about text that every front end applies the same way: how a typed list is split,
//! how a trip-local time is read and written, how a trip's dates and a day are named, and
//! how typed names and sections are trimmed. The CLI, the window and the export call these;
//! none of them has its own copy.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use super::{Entry, ModelError};

/// What separates the items of a typed list (tags, speakers, dishes): an ASCII comma, a
/// full-width comma or an ideographic enumeration comma, so Chinese input needs no switch.
pub const LIST_SEPARATORS: [char; 3] = [',', '，', '、'];

/// The items of a typed list, each trimmed, empty ones dropped.
pub fn split_list(text: &str) -> Vec<String> {
    clean_list(text.split(LIST_SEPARATORS))
}

/// A list as it is shown for editing (the inverse of [`split_list`]).
pub fn join_list(items: &[String]) -> String {
    items.join(", ")
}

/// Trims each item and drops empty ones.
pub fn clean_list<I, S>(items: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    items
        .into_iter()
        .map(|item| item.as_ref().trim().to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// A section heading as stored: trimmed, and none when nothing is left.
pub fn clean_section(text: &str) -> Option<String> {
    Some(text.trim().to_string()).filter(|section| !section.is_empty())
}

/// An entry's section as it groups the post and the window: trimmed, none when blank.
pub fn section_of(entry: &Entry) -> Option<String> {
    entry.fields.section.as_deref().and_then(clean_section)
}

/// Entries grouped by section: entries without a section first, in time order (a 14:07 meal
/// before a 15:00 talk, whatever order they were written in), then the sections in `order`
/// (the trip's stored section order), then any other section in the order of its first
/// entry; inside a section, entries keep the order the user gave them (by position). The
/// post's section order and the window's By-section view both come from here.
pub fn group_by_section<'e>(
    entries: impl IntoIterator<Item = &'e Entry>,
    order: &[String],
) -> Vec<(Option<String>, Vec<&'e Entry>)> {
    let mut sorted: Vec<&Entry> = entries.into_iter().collect();
    sorted.sort_by_key(|e| (e.position, e.id));
    let mut groups: Vec<(Option<String>, Vec<&Entry>)> = Vec::new();
    for entry in sorted {
        let section = section_of(entry);
        match groups.iter_mut().find(|(heading, _)| *heading == section) {
            Some((_, members)) => members.push(entry),
            None => groups.push((section, vec![entry])),
        }
    }
    let rank = |heading: &Option<String>| match heading {
        None => (0, 0),
        Some(name) => match order.iter().position(|o| o == name) {
            Some(index) => (1, index),
            None => (2, 0),
        },
    };
    // A stable sort: unlisted sections keep their first-use order.
    groups.sort_by_key(|(heading, _)| rank(heading));
    if let Some((None, unsectioned)) = groups.first_mut() {
        unsectioned.sort_by_key(|e| (e.fields.at, e.position, e.id));
    }
    groups
}

/// The trip's sections in the order they are shown and exported (see [`group_by_section`]).
pub fn section_order<'e>(
    entries: impl IntoIterator<Item = &'e Entry>,
    order: &[String],
) -> Vec<String> {
    group_by_section(entries, order)
        .into_iter()
        .filter_map(|(heading, _)| heading)
        .collect()
}

/// The section order after moving `section` one place up or down (unchanged at an end).
pub fn move_section(mut sections: Vec<String>, section: &str, up: bool) -> Vec<String> {
    if let Some(index) = sections.iter().position(|s| s == section) {
        let other = if up {
            index.checked_sub(1)
        } else {
            Some(index + 1)
        };
        if let Some(other) = other.filter(|o| *o < sections.len()) {
            sections.swap(index, other);
        }
    }
    sections
}

/// Whether a title already starts with its own number, so a post must not number it again:
/// "1. …", "12) …", "1、…", "一、…", "（二）…", "(3) …", "①…", "Day 2: …", "第三天 …", "Tag 2: …".
/// A year or a count that begins a title ("2018 recap", "3 dishes") is not a number of its own.
pub fn starts_with_own_number(title: &str) -> bool {
    const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十百零〇";
    const CIRCLED: std::ops::RangeInclusive<char> = '\u{2460}'..='\u{24FF}';
    let title = title.trim_start();
    let Some(first) = title.chars().next() else {
        return false;
    };
    if CIRCLED.contains(&first) || ('\u{2776}'..='\u{2793}').contains(&first) {
        return true;
    }
    // "(1)", "（一）": a bracketed numeral.
    if let Some(rest) = title.strip_prefix(['(', '（', '[', '【']) {
        let digits = rest.chars().take_while(|c| NUMERALS.contains(*c)).count();
        return digits > 0
            && rest
                .chars()
                .nth(digits)
                .is_some_and(|c| matches!(c, ')' | '）' | ']' | '】'));
    }
    // "1.", "1)", "1、", "一、", "1:": numerals then a separator ("2018 recap" is a title).
    let digits = title.chars().take_while(|c| NUMERALS.contains(*c)).count();
    if digits > 0 {
        let after = title.chars().nth(digits);
        return after.is_some_and(|c| ".)、:：．".contains(c));
    }
    // "Day 2", "Tag 2", "Jour 2", "第三天", "第2场".
    let lower = title.to_lowercase();
    let word_then_number = ["day ", "tag ", "jour ", "part ", "teil "]
        .iter()
        .any(|word| {
            lower
                .strip_prefix(word)
                .and_then(|rest| rest.chars().next())
                .is_some_and(|c| NUMERALS.contains(c))
        });
    word_then_number
        || title
            .strip_prefix('第')
            .and_then(|rest| rest.chars().next())
            .is_some_and(|c| NUMERALS.contains(c))
}

/// The formats a trip-local time may be typed in; the first is the one shown.
const LOCAL_TIME_FORMATS: [&str; 4] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%dT%H:%M:%S",
];

/// The longest notes preview, in characters, before "…".
pub const NOTES_PREVIEW_CHARS: usize = 160;

/// The first line of an entry's Markdown notes as a reader sees it, for a timeline card: the
/// first line with words, without its heading, quote or list marker and without emphasis and
/// code marks; cut at [`NOTES_PREVIEW_CHARS`] with "…". `None` when the notes are empty.
pub fn notes_preview(body: &str) -> Option<String> {
    let line = body
        .lines()
        .map(strip_block_marker)
        .find(|line| line.chars().any(char::is_alphanumeric))?;
    let plain: String = line
        .replace("**", "")
        .replace("__", "")
        .chars()
        .filter(|c| *c != '`')
        .collect();
    let plain = plain.trim();
    if plain.chars().count() <= NOTES_PREVIEW_CHARS {
        return Some(plain.to_owned());
    }
    let cut: String = plain.chars().take(NOTES_PREVIEW_CHARS).collect();
    Some(format!("{}…", cut.trim_end()))
}

/// A Markdown line without its leading `#`s, `>`s, `-`/`*`/`+` bullet or `1.` number.
fn strip_block_marker(line: &str) -> &str {
    let mut rest = line.trim();
    loop {
        let before = rest;
        rest = rest.trim_start_matches(['#', '>']).trim_start();
        for marker in ["- [ ] ", "- [x] ", "- ", "* ", "+ "] {
            rest = rest.strip_prefix(marker).unwrap_or(rest);
        }
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 {
            let after_number = &rest[digits..];
            if let Some(after) = after_number
                .strip_prefix(". ")
                .or_else(|| after_number.strip_prefix(") "))
            {
                rest = after;
            }
        }
        if rest == before {
            return rest;
        }
    }
}

/// Reads a trip-local time ("2018-11-13 16:20", with seconds or a `T`, or a bare date for
/// midnight) as an instant. A time that a clock change skips is refused; one that happens
/// twice means the first.
pub fn parse_local_time(text: &str, zone: Tz) -> Result<DateTime<Utc>, ModelError> {
    let trimmed = text.trim();
    let local = LOCAL_TIME_FORMATS
        .iter()
        .find_map(|format| NaiveDateTime::parse_from_str(trimmed, format).ok())
        .or_else(|| {
            NaiveDate::parse_from_str(trimmed, "%Y-%m-%d")
                .ok()
                .and_then(|day| day.and_hms_opt(0, 0, 0))
        })
        .ok_or_else(|| ModelError::BadTime(text.to_string()))?;
    let at = zone
        .from_local_datetime(&local)
        .earliest()
        .map(|at| at.with_timezone(&Utc))
        .ok_or_else(|| ModelError::SkippedTime {
            time: text.trim().to_string(),
            zone: zone.name().to_string(),
        })?;
    // The year must be a journal's both where it was typed and in UTC, where it is stored
    // (9999-12-31 23:59 in St. John's is already the year 10000 in UTC).
    if !SUPPORTED_YEARS.contains(&local.year()) || !(1..=9999).contains(&at.year()) {
        return Err(ModelError::OutOfRange(trimmed.to_string()));
    }
    Ok(at)
}

/// The years a journal's dates and times may have.
pub const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// "2018-11-13 16:20": an instant in the trip's zone, as it is typed.
pub fn format_local_time(at: DateTime<Utc>, zone: Tz) -> String {
    at.with_timezone(&zone)
        .format(LOCAL_TIME_FORMATS[0])
        .to_string()
}

/// Reads a date typed as YYYY-MM-DD.
pub fn parse_date(text: &str) -> Result<NaiveDate, ModelError> {
    let day = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| ModelError::BadDate(text.to_string()))?;
    if !SUPPORTED_YEARS.contains(&day.year()) {
        return Err(ModelError::OutOfRange(text.trim().to_string()));
    }
    Ok(day)
}

/// A trip's dates as one line: "2018-11-13 – 2018-11-15", one day alone, an open end
/// ("2018-11-13 –", "– 2018-11-15"), or nothing.
pub fn date_range_text(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(start), Some(end)) if start == end => start.to_string(),
        (Some(start), Some(end)) => format!("{start} – {end}"),
        (Some(start), None) => start.to_string(),
        (None, Some(end)) => format!("– {end}"),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{NOTES_PREVIEW_CHARS, notes_preview};

    #[test]
    fn a_notes_preview_is_the_first_line_with_words_without_markdown_marks() {
        assert_eq!(notes_preview(""), None);
        assert_eq!(notes_preview("\n  \n---\n"), None);
        assert_eq!(
            notes_preview("\n## Keynote\nmore").as_deref(),
            Some("Keynote")
        );
        assert_eq!(
            notes_preview("> The summit will be renamed **Open Infrastructure Summit**.")
                .as_deref(),
            Some("The summit will be renamed Open Infrastructure Summit.")
        );
        assert_eq!(
            notes_preview("1. 先说结论 `code`").as_deref(),
            Some("先说结论 code")
        );
        assert_eq!(notes_preview("- [ ] todo").as_deref(), Some("todo"));
        let long = "word ".repeat(100);
        let preview = notes_preview(&long).expect("a preview");
        assert!(preview.ends_with('…'));
        assert!(preview.chars().count() <= NOTES_PREVIEW_CHARS + 1);
    }

    #[test]
    fn times_and_dates_outside_the_years_1000_to_9999_are_refused() {
        let kolkata = chrono_tz::Asia::Kolkata;
        let st_johns = chrono_tz::America::St_Johns;
        for (text, zone) in [
            ("0000-01-01 00:00", kolkata),
            ("0999-12-31 23:00", chrono_tz::UTC),
            ("9999-12-31 23:59", st_johns),
            ("+10000-01-01 00:00", chrono_tz::UTC),
        ] {
            assert!(
                matches!(
                    parse_local_time(text, zone),
                    Err(ModelError::OutOfRange(_) | ModelError::BadTime(_))
                ),
                "{text} in {zone}"
            );
        }
        assert!(matches!(
            parse_local_time("0000-01-01 00:00", kolkata),
            Err(ModelError::OutOfRange(_))
        ));
        assert!(parse_local_time("1000-01-01 00:00", kolkata).is_ok());
        assert!(parse_local_time("9999-12-31 23:59", kolkata).is_ok());
        assert!(matches!(
            parse_date("0999-12-31"),
            Err(ModelError::OutOfRange(_))
        ));
        assert!(parse_date("2018-11-13").is_ok());
    }

    #[test]
    fn titles_that_carry_their_own_number_are_recognised() {
        for numbered in [
            "1. OpenStack的野心",
            "2) Edge",
            "3、边缘计算",
            "一、社区在发展",
            "十二．总结",
            "(1) Intro",
            "（二）午餐",
            "【3】Demo",
            "① 开场",
            "Day 2: Berlin",
            "Tag 3 – Potsdam",
            "第三天 回家",
            "  4. Indented",
            "第一",
        ] {
            assert!(starts_with_own_number(numbered), "{numbered:?}");
        }
        for plain in [
            "Keynote",
            "2018 recap",
            "3 dishes to try",
            "Daylight",
            "(Session)",
            "",
            "Dayton 2 trip",
        ] {
            assert!(!starts_with_own_number(plain), "{plain:?}");
        }
    }

    #[test]
    fn sections_follow_the_stored_order_then_first_use() {
        use crate::model::{EntryFields, EntryKind, TripId};
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2018, 11, 13, 9, 0, 0).unwrap();
        let entry = |id: i64, section: Option<&str>| {
            let mut fields = EntryFields::new(EntryKind::Note, "t", at);
            fields.section = section.map(str::to_string);
            Entry {
                id: crate::model::EntryId(id),
                trip: TripId(1),
                position: id,
                fields,
            }
        };
        let entries = [
            entry(1, Some("一")),
            entry(2, Some("二")),
            entry(3, None),
            entry(4, Some("三")),
            entry(5, Some("一")),
        ];
        assert_eq!(section_order(&entries, &[]), ["一", "二", "三"]);
        let stored = ["三".to_string(), "gone".to_string(), "一".to_string()];
        assert_eq!(section_order(&entries, &stored), ["三", "一", "二"]);
        let groups = group_by_section(&entries, &stored);
        assert_eq!(groups[0].0, None, "entries without a section come first");
        let ids: Vec<i64> = groups[2].1.iter().map(|e| e.id.0).collect();
        assert_eq!(ids, [1, 5], "a section's entries keep the trip's order");

        let order = vec!["a".to_string(), "b".to_string(), "c".to_string()];
        assert_eq!(move_section(order.clone(), "b", true), ["b", "a", "c"]);
        assert_eq!(move_section(order.clone(), "c", false), ["a", "b", "c"]);
        assert_eq!(move_section(order.clone(), "a", true), ["a", "b", "c"]);
        assert_eq!(move_section(order, "x", true), ["a", "b", "c"]);
    }

    #[test]
    fn entries_without_a_section_are_in_time_order_and_sections_in_the_users() {
        use crate::model::{EntryFields, EntryKind, TripId};
        let entry = |id: i64, hour: u32, minute: u32, section: Option<&str>| {
            let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2018, 11, 13, hour, minute, 0)
                .single()
                .expect("a time");
            let mut fields = EntryFields::new(EntryKind::Note, "t", at);
            fields.section = section.map(str::to_string);
            Entry {
                id: crate::model::EntryId(id),
                trip: TripId(1),
                position: id,
                fields,
            }
        };
        // Written in this order: the talk at 15:00 first, the 14:07 meal after it.
        let entries = [
            entry(1, 15, 0, None),
            entry(2, 14, 7, None),
            entry(3, 16, 0, Some("一")),
            entry(4, 9, 0, Some("一")),
        ];
        let groups = group_by_section(&entries, &[]);
        let ids = |group: usize| -> Vec<i64> { groups[group].1.iter().map(|e| e.id.0).collect() };
        assert_eq!(ids(0), [2, 1]);
        assert_eq!(ids(1), [3, 4], "the user's order inside a section");
    }

    use super::*;

    #[test]
    fn lists_split_on_every_comma_kind() {
        assert_eq!(split_list(" a, b，c、 ,d "), vec!["a", "b", "c", "d"]);
        assert_eq!(split_list(" , "), Vec::<String>::new());
        assert_eq!(split_list(&join_list(&split_list("x、y"))), vec!["x", "y"]);
    }

    #[test]
    fn local_times_in_every_typed_form_and_dst_gaps() {
        let berlin = chrono_tz::Europe::Berlin;
        let expected = Utc.with_ymd_and_hms(2018, 11, 13, 15, 20, 0).unwrap();
        for text in [
            "2018-11-13 16:20",
            " 2018-11-13T16:20 ",
            "2018-11-13 16:20:00",
        ] {
            assert_eq!(parse_local_time(text, berlin), Ok(expected), "{text}");
        }
        assert_eq!(format_local_time(expected, berlin), "2018-11-13 16:20");
        assert_eq!(
            parse_local_time("2018-11-13", berlin).map(|at| format_local_time(at, berlin)),
            Ok("2018-11-13 00:00".to_string())
        );
        assert!(matches!(
            parse_local_time("2019-03-31 02:30", berlin),
            Err(ModelError::SkippedTime { .. })
        ));
        assert!(matches!(
            parse_local_time("25:99", berlin),
            Err(ModelError::BadTime(_))
        ));
    }

    #[test]
    fn date_ranges() {
        let day = |d| NaiveDate::from_ymd_opt(2018, 11, d);
        assert_eq!(date_range_text(day(13), day(15)), "2018-11-13 – 2018-11-15");
        assert_eq!(date_range_text(day(13), day(13)), "2018-11-13");
        assert_eq!(date_range_text(None, day(15)), "– 2018-11-15");
        assert_eq!(date_range_text(None, None), "");
    }
}
