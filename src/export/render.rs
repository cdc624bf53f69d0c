//! Filling the post template (the built-in one or the user's) with a [`PostContext`].
//!
//! Templates are minijinja with four filters: `md` escapes plain text (titles, venues,
//! captions) into safe inline Markdown, `body` passes the user's own Markdown through, `yaml`
//! quotes a YAML string and `url` makes a link target safe inside `<...>`. For Jekyll both
//! `md` and `body` also keep Liquid from reading `{{` or `{%` in the user's text.

use minijinja::{Environment, Value};

use super::contain::contained_markdown;
use super::plan::PostContext;
use super::text::{
    escape_markdown_inline, protect_from_liquid, without_control_characters, yaml_string,
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

/// Renders the post's Markdown (front matter included). The output ends with one newline.
pub fn render_post(
    context: &PostContext,
    template: Option<&str>,
    layout: Layout,
) -> Result<String, ExportError> {
    let mut env = Environment::new();
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_keep_trailing_newline(true);
    let jekyll = layout == Layout::Jekyll;
    env.add_filter("md", move |value: Value| -> String {
        let escaped = escape_markdown_inline(&without_control_characters(&text_of(&value)));
        if jekyll {
            protect_from_liquid(&escaped)
        } else {
            escaped
        }
    });
    env.add_filter("body", move |value: Value| -> String {
        let text = contained_markdown(without_control_characters(&text_of(&value)).trim_end());
        let trimmed = text.trim_end();
        if jekyll {
            protect_from_liquid(trimmed)
        } else {
            trimmed.to_string()
        }
    });
    env.add_filter("yaml", |value: Value| -> String {
        yaml_string(&text_of(&value))
    });
    env.add_filter("url", |value: Value| -> String {
        safe_url(&text_of(&value))
    });
    let template_error = |error: minijinja::Error| ExportError::Template(one_line(&error));
    env.add_template("post", template.unwrap_or(BUILTIN_TEMPLATE))
        .map_err(template_error)?;
    let rendered = env
        .get_template("post")
        .and_then(|post| post.render(context))
        .map_err(template_error)?;
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

/// Collapses runs of blank lines that the template leaves (outside fenced code blocks) and
/// ends the post with one newline. The user's lines are otherwise kept exactly, trailing
/// spaces (Markdown line breaks) included.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank_run = 0;
    let mut fence: Option<&str> = None;
    for line in markdown.lines() {
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
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}
