//! The user's plan as an iCalendar file a phone's calendar takes: one VEVENT per talk given,
//! its UID the talk's key in the programme (stable, so importing the file again updates the
//! phone's events instead of adding new ones), SEQUENCE and DTSTAMP from the talk's revisions
//! by the programme (so a moved talk replaces its old event), times in UTC (all-day items as
//! dates), the room as LOCATION, the talk's page as URL, speakers and abstract as DESCRIPTION
//! and a talk the programme dropped as `STATUS:CANCELLED`. The same talks give the same bytes:
//! nothing in the file depends on when it is written. Text is escaped and lines folded at 75
//! octets as RFC 5545 asks; tripjournal's own iCalendar reader reads it back.

use std::io::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::model::{ScheduleItem, TalkTime};

/// Why the plan's calendar file was not written (nothing is left half-written).
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    #[error("{0} is a folder; give the calendar file's name (plan.ics)")]
    Folder(PathBuf),
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The talks a plan's calendar holds: the starred ones not marked "maybe" (a cancelled one
/// too, so the phone learns it is off), in the order given.
pub fn plan_items(items: &[ScheduleItem]) -> Vec<ScheduleItem> {
    (items.iter())
        .filter(|item| item.starred && !item.marks.maybe)
        .cloned()
        .collect()
}

/// Writes `text` to `path` whole or not at all: into a new file beside it, then renamed over it.
pub fn write_plan_file(path: &Path, text: &str) -> Result<(), PlanFileError> {
    if path.is_dir() {
        return Err(PlanFileError::Folder(path.to_path_buf()));
    }
    let failed = |source| PlanFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(folder) if !folder.as_os_str().is_empty() => folder,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(failed)?;
    let mut file = tempfile::NamedTempFile::new_in(folder).map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.as_file().sync_all().map_err(failed)?;
    file.persist(path).map_err(|error| failed(error.error))?;
    Ok(())
}

/// The calendar's product id.
const PRODUCT_ID: &str = "-//tripjournal//conference plan//EN";

/// The DTSTAMP of a talk never moved by the programme (the calendar needs one; a fixed one
/// keeps the file the same from one export to the next).
const NEVER_MOVED: &str = "20000101T000000Z";

/// The iCalendar text of `items` (in the order given), named `name` (X-WR-CALNAME).
pub fn plan_calendar(name: &str, items: &[ScheduleItem]) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:{PRODUCT_ID}"),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ];
    for item in items {
        lines.extend(event_lines(item));
    }
    lines.push("END:VCALENDAR".to_string());
    let mut text = String::new();
    for line in &lines {
        fold_into(&mut text, line);
    }
    text
}

/// The VEVENT of one talk, unfolded.
fn event_lines(item: &ScheduleItem) -> Vec<String> {
    let talk = &item.talk;
    let stamp = item.revision.at.map_or(NEVER_MOVED.to_string(), utc_text);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", escape_text(&talk.key)),
        format!("DTSTAMP:{stamp}"),
        format!("SEQUENCE:{}", item.revision.number),
    ];
    match &talk.time {
        TalkTime::Timed { start, end } => {
            lines.push(format!("DTSTART:{}", utc_text(*start)));
            lines.push(format!("DTEND:{}", utc_text(*end)));
        }
        TalkTime::AllDay { first, last } => {
            let after = last.succ_opt().unwrap_or(*last);
            lines.push(format!("DTSTART;VALUE=DATE:{}", first.format("%Y%m%d")));
            lines.push(format!("DTEND;VALUE=DATE:{}", after.format("%Y%m%d")));
        }
    }
    let title = if talk.subtitle.trim().is_empty() {
        talk.title.clone()
    } else {
        format!("{}: {}", talk.title, talk.subtitle)
    };
    lines.push(format!("SUMMARY:{}", escape_text(&title)));
    if !talk.room.is_empty() {
        lines.push(format!("LOCATION:{}", escape_text(&talk.room)));
    }
    if !talk.track.is_empty() {
        lines.push(format!("CATEGORIES:{}", escape_text(&talk.track)));
    }
    if let Some(url) = &talk.url {
        lines.push(format!("URL:{}", url.trim()));
    }
    let description = description(item);
    if !description.is_empty() {
        lines.push(format!("DESCRIPTION:{}", escape_text(&description)));
    }
    if item.cancelled {
        lines.push("STATUS:CANCELLED".to_string());
    }
    lines.push("END:VEVENT".to_string());
    lines
}

/// "Speakers: A, B" and the abstract, a blank line between.
fn description(item: &ScheduleItem) -> String {
    let talk = &item.talk;
    let mut parts = Vec::new();
    if !talk.speakers.is_empty() {
        parts.push(format!("Speakers: {}", talk.speakers.join(", ")));
    }
    if !talk.abstract_text.trim().is_empty() {
        parts.push(talk.abstract_text.trim().to_string());
    }
    parts.join("\n\n")
}

fn utc_text(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

/// TEXT as RFC 5545 writes it: backslash, semicolon, comma and newlines escaped; other control
/// characters (not allowed in a value) dropped.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    let text = text.replace("\r\n", "\n");
    for c in text.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            ';' => escaped.push_str("\\;"),
            ',' => escaped.push_str("\\,"),
            '\n' | '\r' => escaped.push_str("\\n"),
            c if c.is_control() => {}
            c => escaped.push(c),
        }
    }
    escaped
}

/// Appends `line` folded at 75 octets (never inside a character), each part ending in CRLF.
fn fold_into(text: &mut String, line: &str) {
    const LIMIT: usize = 75;
    let mut used = 0;
    for c in line.chars() {
        // A continuation line starts with a space, which counts.
        if used + c.len_utf8() > LIMIT {
            text.push_str("\r\n ");
            used = 1;
        }
        text.push(c);
        used += c.len_utf8();
    }
    text.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_fold_between_characters() {
        assert_eq!(escape_text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut text = String::new();
        let line = format!("SUMMARY:{}", "柏林".repeat(30));
        fold_into(&mut text, &line);
        for part in text.split("\r\n").filter(|part| !part.is_empty()) {
            assert!(part.len() <= 75, "{} octets: {part}", part.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert_eq!(unfolded.trim_end(), line);
    }
}
