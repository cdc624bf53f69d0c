//! Making user text safe where it lands: file-name slugs, inline Markdown, YAML scalars, link
//! targets, and text that a site generator would otherwise run as code (Jekyll's Liquid,
//! Hugo's shortcodes).

use super::Layout;

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
    let ascii = transliterate_apart(text);
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

/// ASCII for a slug: letters of alphabets lose their accents inside their word ("Café" →
/// "Cafe", "Москва" → "Moskva"), while each character of a script written without spaces (Han,
/// kana, Hangul) is a word of its own, so "OpenStack柏林峰会" reads "OpenStack Bo Lin Feng Hui"
/// and never "OpenStackbo…". Characters with no transliteration separate words.
fn transliterate_apart(text: &str) -> String {
    let mut ascii = String::with_capacity(text.len() * 2);
    for character in text.chars() {
        if character.is_ascii() {
            ascii.push(character);
            continue;
        }
        let own_word = matches!(
            u32::from(character),
            0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
                | 0xF900..=0xFAFF | 0x20000..=0x2FFFF
        );
        let spelled = deunicode::deunicode_char(character).unwrap_or(" ");
        if !own_word {
            ascii.push_str(spelled);
        } else {
            ascii.push(' ');
            ascii.push_str(spelled);
            ascii.push(' ');
        }
    }
    ascii
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
    escape_inline(text, true)
}

/// Like [`escape_markdown_inline`] for the text of a heading, after its `#`s: nothing there
/// starts a list or a block, so "1. OpenStack" stays as typed (no "1\. ").
pub fn escape_markdown_heading(text: &str) -> String {
    escape_inline(text, false)
}

/// The escaping of both: `line_start` when the text may begin a line of the post.
fn escape_inline(text: &str, line_start: bool) -> String {
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
        let at_start = index == 0 && line_start;
        let needs_escape = match character {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            '#' => at_start || (closing_hashes_visible && index == closing_hashes),
            '+' | '-' | '=' => at_start,
            '!' => characters.get(index + 1) == Some(&'['),
            '&' => looks_like_entity(&characters[index..]),
            '.' | ')' => {
                // "1. " or "1) " at the start would begin an ordered list.
                line_start
                    && index > 0
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

/// The plain text a reader sees of escaped inline Markdown: a backslash before ASCII
/// punctuation is dropped (CommonMark's rule), so "31\\. Chaos" reads "31. Chaos".
pub fn unescape_markdown_inline(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '\\'
            && let Some(&next) = characters.peek()
            && next.is_ascii_punctuation()
        {
            plain.push(next);
            characters.next();
        } else {
            plain.push(character);
        }
    }
    plain
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

/// Marks the start of text that the final tidying must keep byte for byte (a body).
pub const VERBATIM_START: char = '\u{E000}';
/// Marks the end of such text.
pub const VERBATIM_END: char = '\u{E001}';

/// The text with the verbatim markers removed (they are the export's, never the user's).
pub fn without_markers(text: &str) -> String {
    text.replace([VERBATIM_START, VERBATIM_END], "")
}

/// Keeps journal text from running as the site generator's code, whatever its spelling, so
/// it shows as typed. Jekyll runs Liquid over the whole post: every `{` that would open a
/// Liquid tag or output (`{{`, `{%`) becomes the Liquid output `{{ "{" }}`, which prints the
/// brace. Hugo runs shortcodes (`{{<`, `{{%`) before Markdown, in code blocks too: each
/// becomes Hugo's own comment form (`{{</* … */>}}`), which prints the text as typed; an
/// opening without its closer gets an invisible word joiner so Hugo does not see it.
pub fn neutralize_site_code(text: &str, layout: Layout) -> String {
    match layout {
        Layout::Plain => text.to_string(),
        Layout::Jekyll => neutralize_liquid(text),
        Layout::Hugo => neutralize_shortcodes(text),
    }
}

fn neutralize_liquid(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        if character == '{' && matches!(characters.peek(), Some('{') | Some('%')) {
            out.push_str("{{ \"{\" }}");
        } else {
            out.push(character);
        }
    }
    out
}

fn neutralize_shortcodes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("{{<").into_iter().chain(rest.find("{{%")).min() {
        out.push_str(&rest[..at]);
        let delimiter = &rest[at + 2..at + 3];
        let after = &rest[at + 3..];
        let closer = if delimiter == "<" { ">}}" } else { "%}}" };
        match after.find(closer) {
            Some(end) => {
                out.push_str("{{");
                out.push_str(delimiter);
                out.push_str("/*");
                out.push_str(&after[..end]);
                out.push_str("*/");
                out.push_str(closer);
                rest = &after[end + closer.len()..];
            }
            None => {
                out.push_str("{{\u{2060}");
                out.push_str(delimiter);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a link target may be written as a link: only web and mail addresses. Anything
/// else (`javascript:`, `data:`, `file:`…) is shown as plain text.
pub fn is_safe_link(target: &str) -> bool {
    let target = target.trim();
    let scheme_end = target.find(':').unwrap_or(0);
    let scheme = target[..scheme_end].to_ascii_lowercase();
    match scheme.as_str() {
        "http" | "https" => {
            target[scheme_end..].starts_with("://") && target.len() > scheme_end + 3
        }
        "mailto" => target.len() > scheme_end + 1,
        _ => false,
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

/// A piece of the post as a reader sees it: Markdown text, or one image on its own line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadingBlock {
    Text(String),
    Image { alt: String, link: String },
}

/// The first paragraph of Markdown as one line of plain text (markup, links' targets and
/// code fences dropped; a heading counts as a paragraph), or "" when it has none.
pub fn first_paragraph_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Parser, TagEnd};
    let mut text = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(part) | Event::Code(part) => text.push_str(&part),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_)) if !text.trim().is_empty() => {
                break;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock) => {
                text.clear();
            }
            _ => {}
        }
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    without_control_characters(&words.join(" "))
}

/// The post as a reader will see it, for a rendered preview: the front matter is left out and
/// each image line is its own block (the window shows the photo there). The Markdown is
/// otherwise the post's own.
pub fn reading_view(markdown: &str) -> Vec<ReadingBlock> {
    let body = match markdown.strip_prefix("---\n") {
        Some(rest) => rest.split_once("\n---\n").map_or(rest, |(_, body)| body),
        None => markdown,
    };
    let mut blocks = Vec::new();
    let mut text = String::new();
    for line in body.lines() {
        match image_line(line) {
            Some((alt, link)) => {
                if !text.trim().is_empty() {
                    blocks.push(ReadingBlock::Text(std::mem::take(&mut text)));
                }
                text.clear();
                let alt = if line.trim_start().starts_with("<img") {
                    unescape_html_attribute(alt)
                } else {
                    unescape_markdown_inline(alt)
                };
                blocks.push(ReadingBlock::Image {
                    alt,
                    link: link.to_string(),
                });
            }
            None => {
                text.push_str(line);
                text.push('\n');
            }
        }
    }
    if !text.trim().is_empty() {
        blocks.push(ReadingBlock::Text(text));
    }
    blocks
}

/// An HTML attribute's text as written by the export's `attr` filter, read back.
fn unescape_html_attribute(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// The alt text and link of a line that is one Markdown image (`![alt](link)`), or one
/// `<img src="…" … alt="…">` the export writes for several sizes.
fn image_line(line: &str) -> Option<(&str, &str)> {
    let line = line.trim();
    if let Some(tag) = line.strip_prefix("<img src=\"") {
        let (link, rest) = tag.split_once("\" srcset=\"")?;
        let alt = rest.split_once(" alt=\"")?.1.split_once('"')?.0;
        return Some((alt, link));
    }
    let rest = line.strip_prefix("![")?.strip_suffix(')')?;
    let (alt, link) = rest.rsplit_once("](")?;
    Some((alt, link))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reading_view_shows_an_img_of_several_sizes_as_its_photo() {
        let post = "<img src=\"images/a/x.jpg\" srcset=\"images/a/x-800w.jpg 800w, images/a/x.jpg 1600w\" sizes=\"(max-width: 1600px) 100vw, 1600px\" width=\"1600\" height=\"1067\" alt=\"Eisbein &amp; &quot;beer&quot;\" loading=\"lazy\">\n";
        assert_eq!(
            reading_view(post),
            [ReadingBlock::Image {
                alt: "Eisbein & \"beer\"".into(),
                link: "images/a/x.jpg".into(),
            }]
        );
    }

    #[test]
    fn a_description_is_the_first_paragraph_as_plain_text() {
        let body = "```\ncode first\n```\n\nThe **best** [pork knuckle](https://x.test)\nin `Berlin`.\n\nSecond.";
        assert_eq!(
            first_paragraph_text(body),
            "The best pork knuckle in Berlin."
        );
        assert_eq!(first_paragraph_text("# 引言\n\n正文"), "引言");
        assert_eq!(first_paragraph_text("\n\n"), "");
    }

    #[test]
    fn the_reading_views_alt_text_is_plain_text() {
        let post = "![31\\. Chaos \\*Congress\\*, photo 2](images/a/x.jpg)\n";
        assert_eq!(
            reading_view(post),
            vec![ReadingBlock::Image {
                alt: "31. Chaos *Congress*, photo 2".into(),
                link: "images/a/x.jpg".into(),
            }]
        );
    }

    #[test]
    fn unescaping_gives_back_the_text_that_was_escaped() {
        for text in [
            "31. Chaos Communication Congress",
            "*stars* and _under_ [links](x) <b> a|b ~x~ # not \\ a heading #",
            "- a dash, + a plus, 1) one, ![not an image] &amp; entity",
            "C:\\Users\\me and 柏林肘子 No.1",
        ] {
            assert_eq!(
                unescape_markdown_inline(&escape_markdown_inline(text)),
                text,
                "{}",
                escape_markdown_inline(text)
            );
        }
        // A backslash before a letter is no escape and stays.
        assert_eq!(unescape_markdown_inline("a\\b \\."), "a\\b .");
    }

    #[test]
    fn the_reading_view_drops_front_matter_and_sets_images_apart() {
        let post = "---\ntitle: \"x\"\n---\n# Berlin\n\n![The hall](images/a/01-01-1-hall.jpg)\n*The hall*\n";
        assert_eq!(
            reading_view(post),
            vec![
                ReadingBlock::Text("# Berlin\n\n".into()),
                ReadingBlock::Image {
                    alt: "The hall".into(),
                    link: "images/a/01-01-1-hall.jpg".into()
                },
                ReadingBlock::Text("*The hall*\n".into()),
            ]
        );
        assert_eq!(
            reading_view("plain text"),
            vec![ReadingBlock::Text("plain text\n".into())]
        );
    }

    #[test]
    fn slugs_keep_words_apart_across_scripts() {
        assert_eq!(
            slugify("OpenStack柏林峰会 观感"),
            "openstack-bo-lin-feng-hui-guan-gan"
        );
        assert_eq!(slugify("Café Müller, Straße"), "cafe-muller-strasse");
        assert_eq!(slugify("Москва2018"), "moskva2018");
        assert_eq!(slugify("東京タワー"), "dong-jing-ta-wa");
    }

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
    fn liquid_in_any_spelling_prints_as_text() {
        let jekyll = |text| neutralize_site_code(text, Layout::Jekyll);
        assert_eq!(jekyll("{{ site.time }}"), "{{ \"{\" }}{ site.time }}");
        assert_eq!(jekyll("{%- endraw -%}"), "{{ \"{\" }}%- endraw -%}");
        assert_eq!(jekyll("{{{"), "{{ \"{\" }}{{ \"{\" }}{");
        assert_eq!(jekyll("a { b } {}"), "a { b } {}");
        for text in ["{{x}}", "{%raw%}", "{{{%", "x{{\n%"] {
            let out = jekyll(text);
            let without_ours = out.replace("{{ \"{\" }}", "");
            assert!(
                !without_ours.contains("{{") && !without_ours.contains("{%"),
                "{out}"
            );
        }
    }

    #[test]
    fn shortcodes_become_hugo_comments() {
        let hugo = |text| neutralize_site_code(text, Layout::Hugo);
        assert_eq!(hugo("{{< param x >}}"), "{{</* param x */>}}");
        assert_eq!(hugo("a {{% p %}} b"), "a {{%/* p */%}} b");
        assert_eq!(hugo("{{< open"), "{{\u{2060}< open");
        assert_eq!(hugo("{{ .Title }}"), "{{ .Title }}");
        assert_eq!(
            neutralize_site_code("{{< x >}}", Layout::Plain),
            "{{< x >}}"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        for good in [
            "https://example.org/x",
            "http://a.b",
            "mailto:me@example.org",
            " HTTPS://X.Y ",
        ] {
            assert!(is_safe_link(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "data:text/html,x",
            "file:///etc",
            "vbscript:x",
            "//evil",
            "https:",
            "nothing",
        ] {
            assert!(!is_safe_link(bad), "{bad}");
        }
    }

    #[test]
    fn stars_show_halves() {
        assert_eq!(stars_text(9), "★★★★½");
        assert_eq!(stars_text(10), "★★★★★");
        assert_eq!(stars_text(1), "½");
    }
}
