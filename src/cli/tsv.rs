//! The plain-text lists of the command line (`trip list`, `entry list`, `photo list`): one
//! record per line, its fields separated by tabs. A title, a place or a caption may hold a
//! newline or a tab, so every field goes through [`field`] and every record through [`row`];
//! an escaped field never contains a tab or a line break, and so cannot fake a row or a column.
//!
//! The scheme, documented in README.md ("Command line"): a backslash is written `\\`, a tab
//! `\t`, a newline `\n`, a carriage return `\r`, and any other control character (Unicode
//! category Cc, such as NUL, ESC, DEL or NEL) or a line or paragraph separator (U+2028, U+2029)
//! as `\u{…}` with its code in lower-case hex. Every other character is written as it is. A
//! backslash therefore always starts an escape, and the text comes back exactly by reading the
//! escapes left to right. `--json` prints the text unescaped, as JSON strings.
//!
//! Messages that name a file ([`one_line`]) escape only the characters that would break the
//! line, and leave backslashes alone so that Windows paths read as typed.

use std::borrow::Cow;
use std::fmt::{Display, Write as _};

/// One record of a list: each field escaped, the fields joined by tabs.
pub fn row(fields: &[&dyn Display]) -> String {
    let mut line = String::new();
    for (index, value) in fields.iter().enumerate() {
        if index > 0 {
            line.push('\t');
        }
        line.push_str(&field(&value.to_string()));
    }
    line
}

/// The text as one field of a record: backslashes doubled and line-breaking or control
/// characters written as escapes (see the module's scheme).
pub fn field(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

/// The text with its control characters written as escapes, so a message naming it (a file
/// name with a newline) stays on one line. Backslashes are left as they are.
pub fn one_line(text: &str) -> String {
    escape(text, false).into_owned()
}

fn escape(text: &str, backslash: bool) -> Cow<'_, str> {
    let needs = |c: char| (backslash && c == '\\') || breaks_line(c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' if backslash => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c if breaks_line(c) => {
                // Writing to a String cannot fail.
                let _ = write!(escaped, "\\u{{{:x}}}", u32::from(c));
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

/// Whether a character is escaped in every line the command line prints.
fn breaks_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the scheme back, as a script would.
    fn unescape(text: &str) -> String {
        let mut out = String::new();
        let mut chars = text.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('\\') => out.push('\\'),
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('u') => {
                    let code: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                    let code = u32::from_str_radix(&code, 16).expect("hex code");
                    out.push(char::from_u32(code).expect("a character"));
                }
                other => panic!("not an escape: \\{other:?}"),
            }
        }
        out
    }

    #[test]
    fn fields_never_hold_a_tab_or_a_line_break() {
        let title = "Talk\n2\tFake row\r\u{0}\u{1b}[31m\u{7f}\u{85}\u{2028}\u{2029}";
        let escaped = field(title);
        assert_eq!(
            escaped,
            "Talk\\n2\\tFake row\\r\\u{0}\\u{1b}[31m\\u{7f}\\u{85}\\u{2028}\\u{2029}"
        );
        assert!(!escaped.contains(['\t', '\n', '\r']));
        assert_eq!(unescape(&escaped), title);
    }

    #[test]
    fn backslashes_round_trip_unambiguously() {
        // A literal backslash-n and a real newline must not print alike.
        let literal = r"C:\new\table \\ end\";
        let real = "C:\new\table \\ end\\";
        assert_ne!(field(literal), field(real));
        assert_eq!(field(literal), r"C:\\new\\table \\\\ end\\");
        assert_eq!(unescape(&field(literal)), literal);
        assert_eq!(unescape(&field(real)), real);
    }

    #[test]
    fn plain_text_is_borrowed_as_it_is() {
        assert!(matches!(field("Keynote: 云原生 ★"), Cow::Borrowed(_)));
        assert_eq!(one_line(r"C:\photos\a.jpg"), r"C:\photos\a.jpg");
        assert_eq!(one_line("new\nline.jpg"), "new\\nline.jpg");
    }

    #[test]
    fn a_row_escapes_each_field_and_joins_them_with_tabs() {
        let line = row(&[&3, &"a\tb", &"", &"c\\d"]);
        assert_eq!(line, "3\ta\\tb\t\tc\\\\d");
        assert_eq!(line.split('\t').count(), 4);
    }
}
