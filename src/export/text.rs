//! Making user text safe where it lands: file-name slugs, inline Markdown, YAML scalars and
//! Liquid (Jekyll) text.

/// Longest slug, in characters; long titles are cut at a word boundary.
pub const MAX_SLUG_LEN: usize = 60;

/// Names Windows refuses as file names, whatever the extension.
const RESERVED_NAMES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A readable ASCII file-name part from any text: Chinese and other scripts are transliterated
/// ("柏林峰会" → "bo-lin-feng-hui"), everything but letters and digits becomes a single hyphen,
/// and the result is at most [`MAX_SLUG_LEN`] characters. Returns an empty string when nothing
/// readable is left; callers supply a fallback.
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode_with_tofu(text, "-");
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_hyphen = false;
    for character in ascii.chars() {
        if character.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(character.to_ascii_lowercase());
        } else {
            pending_hyphen = true;
        }
    }
    if slug.len() > MAX_SLUG_LEN {
        let cut = slug[..MAX_SLUG_LEN]
            .rfind('-')
            .filter(|&at| at >= MAX_SLUG_LEN / 2)
            .unwrap_or(MAX_SLUG_LEN);
        slug.truncate(cut);
        while slug.ends_with('-') {
            slug.pop();
        }
    }
    if RESERVED_NAMES.contains(&slug.as_str()) {
        slug.push_str("-post");
    }
    slug
}

/// The text without control characters other than line breaks and tabs: a NUL or an escape
/// sequence has no place in a Markdown file and some tools stop reading at a NUL.
pub fn without_control_characters(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect()
}

/// Escapes text that is not meant as Markdown (a title, a venue, a caption) so it shows as
/// typed and cannot break the post's structure. Line breaks become spaces.
pub fn escape_markdown_inline(text: &str) -> String {
    let single_line: String = text
        .split(['\n', '\r'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut escaped = String::with_capacity(single_line.len() + 8);
    let characters: Vec<char> = single_line.chars().collect();
    // A heading's text ending in " #" would lose it as the heading's closing sequence.
    let closing_hashes = characters
        .iter()
        .rposition(|&c| c != '#')
        .map_or(0, |last| last + 1);
    let closing_hashes_visible = closing_hashes < characters.len()
        && (closing_hashes == 0 || characters[closing_hashes - 1].is_whitespace());
    for (index, &character) in characters.iter().enumerate() {
        let at_start = index == 0;
        let needs_escape = match character {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => at_start || (closing_hashes_visible && index == closing_hashes),
            '+' | '-' | '=' => at_start,
            '!' => characters.get(index + 1) == Some(&'['),
            '&' => looks_like_entity(&characters[index..]),
            '.' | ')' => {
                // "1. " or "1) " at the start would begin an ordered list.
                index > 0
                    && characters[..index].iter().all(char::is_ascii_digit)
                    && characters
                        .get(index + 1)
                        .is_none_or(|next| next.is_whitespace())
            }
            _ => false,
        };
        if needs_escape {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

/// Whether text starting with '&' would be read as an HTML entity ("&amp;", "&#123;").
fn looks_like_entity(from_ampersand: &[char]) -> bool {
    let rest = &from_ampersand[1..];
    let name_len = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name_len > 0 && rest.get(name_len) == Some(&';')
}

/// Escapes text for the inside of a Markdown link text or image alt text.
pub fn escape_alt_text(text: &str) -> String {
    escape_markdown_inline(text)
}

/// A YAML double-quoted scalar that reads back as exactly `text`, whatever it contains.
/// (JSON string syntax is a subset of YAML's double-quoted style.)
pub fn yaml_string(text: &str) -> String {
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for character in text.chars() {
        match character {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\r' => quoted.push_str("\\r"),
            '\t' => quoted.push_str("\\t"),
            // YAML forbids most control characters and treats these as line breaks.
            c if c.is_control() || c == '\u{2028}' || c == '\u{2029}' || c == '\u{feff}' => {
                quoted.push_str(&format!("\\u{:04x}", u32::from(c)))
            }
            c => quoted.push(c),
        }
    }
    quoted.push('"');
    quoted
}

/// Protects text from Jekyll's Liquid: text containing `{{` or `{%` is wrapped in raw tags.
pub fn protect_from_liquid(text: &str) -> String {
    if text.contains("{{") || text.contains("{%") {
        // "{% endraw %}" inside the text itself would end the raw block early.
        let safe = text.replace("{% endraw %}", "{% endraw %}{{ '{% endraw %}' }}{% raw %}");
        format!("{{% raw %}}{safe}{{% endraw %}}")
    } else {
        text.to_string()
    }
}

/// Half stars as ★ and ½, e.g. 4.5 → "★★★★½".
pub fn stars_text(half_stars: u8) -> String {
    let mut stars = "★".repeat(usize::from(half_stars / 2));
    if half_stars % 2 == 1 {
        stars.push('½');
    }
    stars
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_readable_ascii() {
        assert_eq!(slugify("Berlin Summit 2018!"), "berlin-summit-2018");
        assert_eq!(slugify("../../etc/passwd"), "etc-passwd");
        assert_eq!(slugify("a\\b/c\0d"), "a-b-c-d");
        assert_eq!(slugify("CON"), "con-post");
        assert_eq!(slugify("柏林峰会"), "bo-lin-feng-hui");
        assert_eq!(slugify("🙂🙂"), "slight-smile-slight-smile");
        assert_eq!(slugify("...").len(), 0);
        let long = slugify(&"word ".repeat(100));
        assert!(long.len() <= MAX_SLUG_LEN && !long.ends_with('-'), "{long}");
    }

    #[test]
    fn inline_markdown_is_escaped() {
        assert_eq!(
            escape_markdown_inline("# not a heading"),
            "\\# not a heading"
        );
        assert_eq!(
            escape_markdown_inline("a *b* [c](d)"),
            "a \\*b\\* \\[c\\](d)"
        );
        assert_eq!(escape_markdown_inline("1. first"), "1\\. first");
        assert_eq!(escape_markdown_inline("two\nlines"), "two lines");
        assert_eq!(escape_markdown_inline("AT&T &amp;"), "AT&T \\&amp;");
        assert_eq!(
            escape_markdown_inline("4.6 on a review site"),
            "4.6 on a review site"
        );
        assert_eq!(escape_markdown_inline("2018"), "2018");
        assert_eq!(escape_markdown_inline("2018."), "2018\\.");
    }

    #[test]
    fn stars_show_halves() {
        assert_eq!(stars_text(9), "★★★★½");
        assert_eq!(stars_text(10), "★★★★★");
        assert_eq!(stars_text(1), "½");
    }
}
