//! Keeping the user's own Markdown inside its entry. A body may end inside a code fence or an
//! HTML comment or `<script>` block it never closed; pasted as is, that block would swallow
//! every heading after it and the rest of the post with it. The body is checked with a real
//! CommonMark parser: a heading placed after it must still come out as a top-level heading.
//! If it would not, the missing closer is added; failing that, the body is shown as a code
//! block so the post keeps its structure either way.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

const SENTINEL: &str = "tripjournal-end-of-body-marker";

/// The body, with closers appended when it leaves a block open.
pub fn contained_markdown(body: &str) -> String {
    // An indented first line would continue a list the template wrote just before the body;
    // an empty HTML comment (invisible when rendered) ends that list first.
    let starts_indented = body
        .lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| line.starts_with([' ', '\t']));
    let owned;
    let body = if starts_indented {
        owned = format!("<!-- -->\n{body}");
        owned.as_str()
    } else {
        body
    };
    if heading_survives(body) {
        return body.to_string();
    }
    for closer in closers(body) {
        let closed = format!("{body}\n{closer}");
        if heading_survives(&closed) {
            return closed;
        }
    }
    // Two blocks left open (a fence inside a comment…): close them pairwise.
    for first in closers(body) {
        let once = format!("{body}\n{first}");
        for second in closers(&once) {
            let closed = format!("{once}\n{second}");
            if heading_survives(&closed) {
                return closed;
            }
        }
    }
    as_code_block(body)
}

/// Whether a heading written after `body` (with a blank line between) is a top-level heading,
/// when the body itself follows a list as it does in the built-in template.
fn heading_survives(body: &str) -> bool {
    let document = format!("- item\n\n{body}\n\n### {SENTINEL}\n");
    let mut depth = 0usize;
    let mut in_top_heading = false;
    for event in Parser::new(&document) {
        match event {
            Event::Start(Tag::Heading { .. }) if depth == 0 => {
                in_top_heading = true;
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Heading(_)) if in_top_heading && depth == 1 => {
                in_top_heading = false;
                depth -= 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) if in_top_heading && text.as_ref() == SENTINEL => return true,
            _ => {}
        }
    }
    false
}

/// Lines that end the blocks a body can leave open, most likely first.
fn closers(body: &str) -> Vec<String> {
    let longest_run = |fence: char| {
        body.lines()
            .map(|line| {
                line.trim_start()
                    .chars()
                    .take_while(|&c| c == fence)
                    .count()
            })
            .max()
            .unwrap_or(0)
            .max(3)
    };
    vec![
        "`".repeat(longest_run('`')),
        "~".repeat(longest_run('~')),
        "-->".to_string(),
        "</script></pre></style></textarea>".to_string(),
        "?>".to_string(),
        "]]>".to_string(),
        ">".to_string(),
    ]
}

/// The body as a fenced code block whose fence no line of it can close.
fn as_code_block(body: &str) -> String {
    let longest = body
        .lines()
        .map(|line| line.trim_start().chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{body}\n{fence}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_markdown_is_untouched() {
        let body = "Some *notes*.\n\n```rust\nfn main() {}\n```\n\n- a list\n\n<!-- a comment -->";
        assert_eq!(contained_markdown(body), body);
    }

    #[test]
    fn an_open_fence_is_closed() {
        let body = "Notes\n\n````\ncode that never ends";
        let contained = contained_markdown(body);
        assert_eq!(contained, format!("{body}\n````"));
        assert!(heading_survives(&contained));
    }

    #[test]
    fn an_indented_start_does_not_continue_the_list_before_it() {
        let body = "  ```  code\nmore";
        let contained = contained_markdown(body);
        assert!(contained.starts_with("<!-- -->\n  ```"), "{contained:?}");
        assert!(heading_survives(&contained));
    }

    #[test]
    fn an_open_comment_and_script_are_closed() {
        for body in [
            "before <!-- hidden",
            "<script>\nalert(1)",
            "<!-- one\n```\ntwo",
        ] {
            let contained = contained_markdown(body);
            assert!(contained.starts_with(body), "{contained:?}");
            assert!(heading_survives(&contained), "{body:?} -> {contained:?}");
        }
    }
}
