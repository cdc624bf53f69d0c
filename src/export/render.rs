//! Filling the post template (the built-in one or the user's) with a [`PostContext`].
//!
//! Templates are minijinja with four filters: `md` escapes plain text (titles, venues,
//! captions) into safe inline Markdown, `body` passes the user's own Markdown through, `yaml`
//! quotes a YAML string and `url` makes a link target safe inside `<...>`. For Jekyll both
//! `md` and `body` also keep Liquid from reading `{{` or `{%` in the user's text.

use minijinja::{AutoEscape, Environment, Value};

use super::contain::contained_markdown;
use super::plan::PostContext;
use super::text::{
    VERBATIM_END, VERBATIM_START, escape_markdown_heading, escape_markdown_inline,
    neutralize_site_code, without_control_characters, without_markers, yaml_string,
};
use super::{ExportError, Layout};

/// The template used unless the user gives their own.
pub const BUILTIN_TEMPLATE: &str = include_str!("../../assets/templates/post.md.jinja");

fn text_of(value: &Value) -> String {
    if value.is_none() || value.is_undefined() {
        String::new()
    } else if let Some(text) = value.as_str() {
        text.to_string()
    } else {
        value.to_string()
    }
}

/// Percent-encodes the characters that would end or break a `<...>` link destination.
fn safe_url(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for character in text.trim().chars() {
        match character {
            '<' => encoded.push_str("%3C"),
            '>' => encoded.push_str("%3E"),
            ' ' => encoded.push_str("%20"),
            '{' => encoded.push_str("%7B"),
            '}' => encoded.push_str("%7D"),
            '\n' | '\r' => {}
            c => encoded.push(c),
        }
    }
    encoded
}

/// Steps a template may take: the built-in one needs a few hundred per entry, so this is
/// ample for a trip of thousands of entries and stops a runaway loop within seconds.
const TEMPLATE_FUEL: u64 = 50_000_000;

/// Largest post a template may produce, in bytes, beyond four times the journal text it
/// is given.
const OUTPUT_ALLOWANCE: usize = 64 * 1024 * 1024;

/// A writer that refuses to grow past a limit (a template printing without end).
struct BoundedOutput {
    text: Vec<u8>,
    limit: usize,
    overflowed: bool,
}

impl std::io::Write for BoundedOutput {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.text.len() + bytes.len() > self.limit {
            self.overflowed = true;
            return Err(std::io::Error::other("the post is too large"));
        }
        self.text.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The template environment: filters that make journal text safe where it lands, and a
/// formatter that keeps any other printed value from running as the site's code.
fn environment(layout: Layout) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    env.set_fuel(Some(TEMPLATE_FUEL));
    env.set_auto_escape_callback(|_| AutoEscape::Custom("site-code"));
    env.set_formatter(move |out, _state, value| {
        let text = if value.is_safe() {
            text_of(value)
        } else {
            verbatim(&neutralize_site_code(
                &without_markers(&text_of(value)),
                layout,
            ))
        };
        out.write_str(&text).map_err(minijinja::Error::from)
    });
    env.add_filter("md", move |value: Value| -> Value {
        let escaped = escape_markdown_inline(&without_control_characters(&without_markers(
            &text_of(&value),
        )));
        Value::from_safe_string(neutralize_site_code(&escaped, layout))
    });
    env.add_filter("heading", move |value: Value| -> Value {
        let escaped = escape_markdown_heading(&without_control_characters(&without_markers(
            &text_of(&value),
        )));
        Value::from_safe_string(neutralize_site_code(&escaped, layout))
    });
    env.add_filter("body", move |value: Value| -> Value {
        let text = without_control_characters(&without_markers(&text_of(&value)));
        let contained = contained_markdown(text.trim_end());
        let safe = neutralize_site_code(contained.trim_end(), layout);
        Value::from_safe_string(verbatim(&safe))
    });
    env.add_filter("attr", move |value: Value| -> Value {
        let text = without_control_characters(&without_markers(&text_of(&value)));
        Value::from_safe_string(neutralize_site_code(&html_attribute(&text), layout))
    });
    env.add_filter("yaml", |value: Value| -> Value {
        Value::from_safe_string(yaml_string(&without_markers(&text_of(&value))))
    });
    env.add_filter("url", |value: Value| -> Value {
        Value::from_safe_string(safe_url(&without_markers(&text_of(&value))))
    });
    env
}

/// Text as the value of a double-quoted HTML attribute (one line).
fn html_attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\n' | '\r' => out.push(' '),
            other => out.push(other),
        }
    }
    out
}

/// Text the tidying keeps byte for byte (only text with line breaks needs it).
fn verbatim(text: &str) -> String {
    if text.contains('\n') {
        format!("{VERBATIM_START}{text}{VERBATIM_END}")
    } else {
        text.to_string()
    }
}

/// Renders the post's Markdown (front matter included). The output ends with one newline.
pub fn render_post(
    context: &PostContext,
    template: Option<&str>,
    layout: Layout,
) -> Result<String, ExportError> {
    let env = environment(layout);
    let template_error = |error: minijinja::Error| ExportError::Template(one_line(&error));
    let post = env
        .template_from_str(template.unwrap_or(BUILTIN_TEMPLATE))
        .map_err(template_error)?;
    let input_size = serde_json::to_vec(context).map_or(0, |json| json.len());
    let mut output = BoundedOutput {
        text: Vec::new(),
        limit: OUTPUT_ALLOWANCE + input_size.saturating_mul(4),
        overflowed: false,
    };
    if let Err(error) = post.render_captured_to(context, &mut output) {
        if output.overflowed {
            return Err(ExportError::TemplateLimit(format!(
                "produced more than {} MB; is a loop printing without end?",
                output.limit / 1_000_000
            )));
        }
        if error.kind() == minijinja::ErrorKind::OutOfFuel {
            return Err(ExportError::TemplateLimit(
                "took too many steps and was stopped; is a loop running without end?".into(),
            ));
        }
        return Err(template_error(error));
    }
    let rendered = String::from_utf8_lossy(&output.text);
    Ok(tidy(&rendered))
}

fn one_line(error: &minijinja::Error) -> String {
    let mut text = error.to_string();
    if let Some(line) = error.line()
        && !text.contains("line")
    {
        text.push_str(&format!(" (line {line})"));
    }
    text.lines().next().unwrap_or("").to_string()
}

/// Collapses runs of blank lines that the template leaves (outside fenced code blocks and
/// outside the user's own text, which is marked verbatim) and ends the post with one
/// newline. The markers are removed.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = 0;
    let mut fence: Option<&str> = None;
    let mut in_verbatim = false;
    for line in markdown.lines() {
        let protected = in_verbatim || line.contains(VERBATIM_START);
        if let Some(last) = line.rfind([VERBATIM_START, VERBATIM_END]) {
            in_verbatim = line[last..].starts_with(VERBATIM_START);
        }
        if protected {
            blank_run = 0;
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let trimmed = line.trim_start();
        let fence_marker = ["```", "~~~"]
            .into_iter()
            .find(|marker| trimmed.starts_with(marker));
        match (fence, fence_marker) {
            (None, Some(marker)) => fence = Some(marker),
            (Some(open), Some(marker)) if open == marker => fence = None,
            _ => {}
        }
        if fence.is_none() && line.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
            out.push('\n');
            continue;
        }
        blank_run = 0;
        out.push_str(line);
        out.push('\n');
    }
    let mut out = without_markers(&out);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
