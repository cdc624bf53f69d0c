//! The content-line grammar of RFC 5545 §3.1: folded lines joined, each line split into a
//! name, parameters and a value, and TEXT values unescaped. Lenient where real files are
//! sloppy (LF line ends, spaces around the colon, lower-case names), strict where a wrong
//! guess would invent data (a line with no colon is an error for its event to report).

/// One unfolded line: `NAME;PARAM=value;…:value`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ContentLine {
    /// The line in the file where it starts.
    pub line: u64,
    /// Upper case.
    pub name: String,
    /// Parameter names in upper case; values without their quotes.
    pub params: Vec<(String, String)>,
    /// As written, without the spaces around it.
    pub value: String,
}

impl ContentLine {
    pub(super) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(known, _)| known == name)
            .map(|(_, value)| value.as_str())
    }

    /// The value read as TEXT (escapes resolved).
    pub(super) fn text(&self) -> String {
        unescape(&self.value)
    }
}

/// The logical lines of the file with the line number each starts on: a line that begins
/// with one space or tab continues the one before (that one character removed). Empty
/// lines are dropped.
pub(super) fn unfold(text: &str) -> Vec<(u64, String)> {
    let mut lines: Vec<(u64, String)> = Vec::new();
    for (index, physical) in text.split('\n').enumerate() {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match (physical.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(continuation), Some((_, logical))) => logical.push_str(continuation),
            _ if physical.trim().is_empty() => {}
            _ => lines.push((index as u64 + 1, physical.to_owned())),
        }
    }
    lines
}

/// Splits one logical line into name, parameters and value.
pub(super) fn parse(line: u64, text: &str) -> Result<ContentLine, String> {
    let name_end = text.find([';', ':']).ok_or("it has no colon")?;
    let name = text[..name_end].trim();
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(format!("\"{}\" is not a property name", shorten(name)));
    }
    let mut rest = &text[name_end..];
    let mut params = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let (param, remainder) = parameter(after)?;
        params.push(param);
        rest = remainder;
    }
    let value = rest.strip_prefix(':').ok_or("it has no colon")?;
    Ok(ContentLine {
        line,
        name: name.to_ascii_uppercase(),
        params,
        value: value.trim().to_owned(),
    })
}

/// One `NAME=value` (value possibly "quoted") at the start of `text`, and what follows it.
fn parameter(text: &str) -> Result<((String, String), &str), String> {
    let equals = text
        .find(['=', ':', ';'])
        .filter(|at| text[*at..].starts_with('='))
        .ok_or_else(|| format!("the parameter \"{}\" has no value", shorten(text)))?;
    let name = text[..equals].trim().to_ascii_uppercase();
    let after = text[equals + 1..].trim_start();
    let (value, rest) = match after.strip_prefix('"') {
        Some(quoted) => {
            let close = quoted
                .find('"')
                .ok_or_else(|| format!("the {name} parameter's quote is not closed"))?;
            (&quoted[..close], &quoted[close + 1..])
        }
        None => {
            let end = after.find([';', ':']).unwrap_or(after.len());
            (&after[..end], &after[end..])
        }
    };
    Ok(((name, caret_decoded(value.trim())), rest))
}

/// RFC 6868 parameter escapes: `^n` a line break, `^'` a double quote, `^^` a caret.
fn caret_decoded(value: &str) -> String {
    if !value.contains('^') {
        return value.to_owned();
    }
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('^', Some('n')) => out.push('\n'),
            ('^', Some('\'')) => out.push('"'),
            ('^', Some('^')) => out.push('^'),
            _ => {
                out.push(c);
                continue;
            }
        }
        chars.next();
    }
    out
}

/// A TEXT value with `\\`, `\;`, `\,`, `\n` and `\N` resolved (a backslash before anything
/// else is dropped).
pub(super) fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A list value (`CATEGORIES:Rust,Web\, Cloud`) split on the commas that are not escaped,
/// each item unescaped and trimmed, empty ones dropped.
pub(super) fn list(value: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (at, c) in value.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            ',' => {
                items.push(&value[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&value[start..]);
    items
        .into_iter()
        .map(|item| unescape(item).trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

/// At most 40 characters of `text`, for messages.
pub(super) fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_lines_join_with_one_character_removed() {
        let text = "BEGIN:VEVENT\r\nSUMMARY:Long ti\r\n tle\r\n\tand more\r\n\r\nEND:VEVENT\n";
        assert_eq!(
            unfold(text),
            [
                (1, "BEGIN:VEVENT".to_owned()),
                (2, "SUMMARY:Long titleand more".to_owned()),
                (6, "END:VEVENT".to_owned()),
            ]
        );
    }

    #[test]
    fn names_parameters_and_values() {
        let line = parse(
            7,
            "attendee;ROLE=CHAIR;CN=\"Doe, Jane: ^'JD^'\";x-a=1:mailto:jane@example.org",
        )
        .expect("parses");
        assert_eq!(line.name, "ATTENDEE");
        assert_eq!(line.param("CN"), Some("Doe, Jane: \"JD\""));
        assert_eq!(line.param("X-A"), Some("1"));
        assert_eq!(line.value, "mailto:jane@example.org");
        assert_eq!(parse(1, "LOCATION: XOR ").expect("parses").value, "XOR");
        assert_eq!(
            parse(1, "DTSTART ; TZID = Europe/Berlin :20181114T162000")
                .expect("parses")
                .param("TZID"),
            Some("Europe/Berlin")
        );
    }

    #[test]
    fn bad_lines_say_why() {
        assert_eq!(parse(1, "just words").unwrap_err(), "it has no colon");
        assert!(parse(1, "DTSTART;TZID:2018").is_err());
        assert!(parse(1, "X;CN=\"open:value").is_err());
        assert!(parse(1, "BAD NAME:x").is_err());
    }

    #[test]
    fn text_escapes_and_lists() {
        assert_eq!(unescape(r"a\, b\; c\nd\Ne\\f\:"), "a, b; c\nd\ne\\f:");
        assert_eq!(list(r"Rust, Web\, Cloud,,"), ["Rust", "Web, Cloud"]);
    }
}
