//! frab XML (`schedule.xml`), as pretalx, frab, FOSDEM's pentabarf, CCC events and wafer write
//! it: `<schedule>` with a `<conference>` header, then `<day>`s holding `<room>`s holding
//! `<event>`s.
//!
//! The file is read with quick-xml's pull reader, one event at a time, into the text fields
//! of [`frab`](super::frab)'s model; nothing recurses, elements nested deeper than
//! [`MAX_DEPTH`] are refused, and a document type that declares entities (the
//! "billion laughs" bomb) is refused before any of it is read, so memory stays within a
//! small multiple of the file. Entities other than XML's five are never expanded from the
//! file: HTML names such as `&nbsp;` are read from a fixed table, unknown ones kept as written.
//! A file that is not well-formed XML is refused whole (a cut-off download must not look like
//! a schedule whose later talks were removed); an event whose fields cannot be read is
//! skipped with the reason.

use chrono_tz::Tz;
use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::frab::{self, Context, Day, Header, RawEvent};
use super::talks;
use super::{ParsedSchedule, ScheduleError};

/// The deepest element nesting read; frab files use six levels.
const MAX_DEPTH: usize = 64;

const FORMAT: &str = "frab XML";

pub(super) fn read(text: &str, floating_zone: Tz) -> Result<ParsedSchedule, ScheduleError> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().allow_dangling_amp = true;
    let mut state = State::new(floating_zone);
    let mut lines = LineCounter::default();
    loop {
        let event = reader.read_event().map_err(|error| {
            let line = lines.line_at(text, reader.error_position());
            let at_end = usize::try_from(reader.buffer_position()).is_ok_and(|at| at >= text.len());
            let hint = if at_end {
                " (the file ends there: is it cut off?)"
            } else {
                ""
            };
            malformed(format!("line {line}: {error}{hint}"))
        })?;
        match event {
            Event::Start(tag) => {
                let line = lines.line_at(text, reader.buffer_position());
                state.open(&tag, line)?;
            }
            Event::Empty(tag) => {
                let line = lines.line_at(text, reader.buffer_position());
                state.open(&tag, line)?;
                state.close();
            }
            Event::End(_) => state.close(),
            Event::Text(content) => {
                state
                    .text
                    .push_str(&content.xml10_content().map_err(|error| {
                        malformed(format!("line {}: {error}", lines.at(text, &reader)))
                    })?)
            }
            Event::CData(content) => state.text.push_str(&content.decode().map_err(|error| {
                malformed(format!("line {}: {error}", lines.at(text, &reader)))
            })?),
            Event::GeneralRef(reference) => state.reference(&reference),
            Event::DocType(doctype) if declares_entities(&doctype) => {
                return Err(malformed(
                    "its document type declares entities (<!ENTITY …>), which are not read".into(),
                ));
            }
            Event::Eof => break,
            _ => {}
        }
    }
    state.finish()
}

fn malformed(reason: String) -> ScheduleError {
    ScheduleError::Malformed {
        format: FORMAT,
        reason,
    }
}

fn declares_entities(doctype: &[u8]) -> bool {
    doctype
        .windows(7)
        .any(|w| w.eq_ignore_ascii_case(b"!ENTITY"))
}

/// Line numbers of byte offsets read in increasing order, counted once.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: u64,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: u64) -> u64 {
        let offset = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(text.len());
        if offset >= self.offset {
            let newlines = text.as_bytes()[self.offset..offset]
                .iter()
                .filter(|b| **b == b'\n');
            self.line += newlines.count() as u64;
            self.offset = offset;
        }
        self.line + 1
    }

    fn at(&mut self, text: &str, reader: &Reader<&[u8]>) -> u64 {
        self.line_at(text, reader.buffer_position())
    }
}

/// Where the reader is in the document and what it has collected.
struct State {
    /// Name of the document's first element.
    root: Option<String>,
    /// Names of the open elements.
    path: Vec<String>,
    /// Text since the last tag (or, inside an abstract, since the abstract opened).
    text: String,
    /// Depth of an open `<abstract>` or `<description>` whose child elements are part of
    /// its text.
    rich_text_depth: Option<usize>,
    header: Header,
    context: Option<Context>,
    schedule: Option<ParsedSchedule>,
    floating_zone: Tz,
    day: Day,
    room: String,
    event: Option<(RawEvent, u64)>,
    link_href: String,
}

impl State {
    fn new(floating_zone: Tz) -> State {
        State {
            root: None,
            path: Vec::new(),
            text: String::new(),
            rich_text_depth: None,
            header: Header::default(),
            context: None,
            schedule: None,
            floating_zone,
            day: Day::default(),
            room: String::new(),
            event: None,
            link_href: String::new(),
        }
    }

    fn parent(&self) -> &str {
        self.path.last().map_or("", String::as_str)
    }

    fn open(&mut self, tag: &BytesStart, line: u64) -> Result<(), ScheduleError> {
        if self.path.len() >= MAX_DEPTH {
            return Err(malformed(format!(
                "line {line}: elements are nested deeper than {MAX_DEPTH} levels"
            )));
        }
        let name = String::from_utf8_lossy(tag.local_name().as_ref()).into_owned();
        if self.root.get_or_insert_with(|| name.clone()) != "schedule" {
            return Err(ScheduleError::UnknownFormat);
        }
        if self.rich_text_depth.is_some() {
            if matches!(name.as_str(), "p" | "br" | "li" | "div") {
                self.text.push('\n');
            }
            self.path.push(name);
            return Ok(());
        }
        match (self.parent(), name.as_str()) {
            ("schedule", "day") => {
                self.day = Day {
                    date: attribute(tag, "date"),
                    start: attribute(tag, "start"),
                };
            }
            ("day", "room") => self.room = attribute(tag, "name"),
            ("room", "event") => {
                let event = RawEvent {
                    guid: attribute(tag, "guid"),
                    id: attribute(tag, "id"),
                    ..RawEvent::default()
                };
                self.event = Some((event, line));
            }
            ("links", "link") => self.link_href = attribute(tag, "href"),
            ("event", "abstract" | "description") => {
                self.rich_text_depth = Some(self.path.len() + 1);
            }
            _ => {}
        }
        self.text.clear();
        self.path.push(name);
        Ok(())
    }

    fn close(&mut self) {
        let depth = self.path.len();
        let Some(name) = self.path.pop() else {
            return;
        };
        match self.rich_text_depth {
            Some(rich) if depth > rich => return,
            Some(_) => self.rich_text_depth = None,
            None => {}
        }
        let text = std::mem::take(&mut self.text);
        match (self.parent(), name.as_str()) {
            ("conference", field) => self.header_field(field, text),
            ("room", "event") => self.finish_event(),
            ("event", field) => self.event_field(field, text),
            ("persons", "person") => self.with_event(|event| event.persons.push(text)),
            ("links", "link") => {
                let href = std::mem::take(&mut self.link_href);
                self.with_event(|event| event.links.push(href));
            }
            _ => {}
        }
    }

    fn header_field(&mut self, field: &str, text: String) {
        let header = &mut self.header;
        let slot = match field {
            "title" => &mut header.title,
            "start" => &mut header.start,
            "end" => &mut header.end,
            "time_zone_name" => &mut header.time_zone_name,
            "day_change" => &mut header.day_change,
            "city" => &mut header.city,
            "venue" => &mut header.venue,
            _ => return,
        };
        *slot = text;
    }

    fn event_field(&mut self, field: &str, text: String) {
        self.with_event(|event| {
            let slot = match field {
                "date" => &mut event.date,
                "start" => &mut event.start,
                "duration" => &mut event.duration,
                "room" => &mut event.room,
                "title" => &mut event.title,
                "subtitle" => &mut event.subtitle,
                "track" => &mut event.track,
                "type" => &mut event.kind,
                "abstract" => &mut event.abstract_html,
                "description" => &mut event.description_html,
                "url" => &mut event.url,
                "guid" if event.guid.trim().is_empty() => &mut event.guid,
                _ => return,
            };
            *slot = text;
        });
    }

    fn with_event(&mut self, change: impl FnOnce(&mut RawEvent)) {
        if let Some((event, _)) = &mut self.event {
            change(event);
        }
    }

    fn finish_event(&mut self) {
        let Some((event, line)) = self.event.take() else {
            return;
        };
        let context = self
            .context
            .get_or_insert_with(|| Context::new(&self.header, self.floating_zone));
        let schedule = self
            .schedule
            .get_or_insert_with(|| frab::new_schedule(std::mem::take(&mut self.header), context));
        frab::add_event(schedule, event, &self.day, &self.room, context, Some(line));
    }

    /// An entity reference in text: a character reference, one of XML's five, an HTML name
    /// from the fixed table, or else kept as written.
    fn reference(&mut self, reference: &quick_xml::events::BytesRef) {
        let name = String::from_utf8_lossy(reference).into_owned();
        match talks::entity_text(&name) {
            Some(text) => self.text.push_str(&text),
            None => {
                self.text.push('&');
                self.text.push_str(&name);
                self.text.push(';');
            }
        }
    }

    fn finish(mut self) -> Result<ParsedSchedule, ScheduleError> {
        if self.root.is_none() {
            return Err(ScheduleError::UnknownFormat);
        }
        if let Some(open) = self.path.last() {
            return Err(malformed(format!(
                "the file ends inside <{open}> (is it cut off?)"
            )));
        }
        match self.schedule.take() {
            Some(schedule) => Ok(schedule),
            None => {
                let context = Context::new(&self.header, self.floating_zone);
                Ok(frab::new_schedule(self.header, &context))
            }
        }
    }
}

/// An attribute's value with entities read as in text; empty when absent.
fn attribute(tag: &BytesStart, name: &str) -> String {
    let Ok(Some(attribute)) = tag.try_get_attribute(name) else {
        return String::new();
    };
    attribute
        .normalized_value_with(XmlVersion::Implicit1_0, 1, talks::named_entity)
        .map_or_else(
            |_| String::from_utf8_lossy(&attribute.value).into_owned(),
            |value| value.into_owned(),
        )
}
