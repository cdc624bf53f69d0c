//! The window's message files: every language has every key English has (and no other), each
//! message uses the variables English's does, every key the window's code asks for is there,
//! and the shipped Chinese font draws every Chinese character of the Chinese file.

use std::collections::BTreeSet;
use std::path::Path;

use tripjournal::app::i18n::{MESSAGE_FILES, message_keys};
use tripjournal::model::PostLanguage;

fn keys(source: &str) -> BTreeSet<String> {
    message_keys(source).into_iter().collect()
}

fn source(language: PostLanguage) -> &'static str {
    MESSAGE_FILES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, s)| *s)
        .expect("a file per language")
}

/// `key = value` lines (with their continuation lines) of a Fluent file, by key.
fn messages(source: &str) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = Vec::new();
    for line in source.lines() {
        if line.starts_with(|c: char| c.is_ascii_lowercase()) {
            if let Some((key, value)) = line.split_once('=') {
                found.push((key.trim().to_string(), value.to_string()));
            }
        } else if line.starts_with(' ')
            && let Some(last) = found.last_mut()
        {
            last.1.push_str(line);
        }
    }
    found
}

/// The `$variables` a message uses.
fn variables(value: &str) -> BTreeSet<String> {
    value
        .split('$')
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                .collect()
        })
        .collect()
}

#[test]
fn every_language_has_exactly_the_english_keys_with_the_same_variables() {
    let english = messages(source(PostLanguage::English));
    assert!(english.len() > 50, "{}", english.len());
    let english_keys = keys(source(PostLanguage::English));
    assert_eq!(english_keys.len(), english.len(), "a key is written twice");
    for language in [PostLanguage::Chinese, PostLanguage::German] {
        let other = keys(source(language));
        let missing: Vec<_> = english_keys.difference(&other).collect();
        let extra: Vec<_> = other.difference(&english_keys).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{language:?}: missing {missing:?}, not in English {extra:?}"
        );
        for (key, value) in messages(source(language)) {
            let (_, english_value) = english
                .iter()
                .find(|(k, _)| *k == key)
                .expect("checked above");
            assert_eq!(
                variables(&value),
                variables(english_value),
                "{language:?} {key}"
            );
        }
    }
}

/// The message keys the window's code names: the second argument of every `t!(…)` and the
/// keys in the command table.
fn keys_used_in(folder: &Path, found: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(folder).expect("src/ui").flatten() {
        let path = entry.path();
        if path.is_dir() {
            keys_used_in(&path, found);
            continue;
        }
        let code = std::fs::read_to_string(&path).expect("source");
        let calls = code.match_indices("t!(").filter(|(at, _)| {
            // `t!(`, not `assert!(` or `format!(`.
            !code[..*at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        });
        for call in calls.map(|(at, _)| &code[at + 3..]) {
            let Some(after_comma) = call.split_once(',').map(|(_, rest)| rest.trim_start()) else {
                continue;
            };
            if let Some(key) = after_comma
                .strip_prefix('"')
                .and_then(|rest| rest.split('"').next())
            {
                found.insert(key.to_string());
            }
        }
        if path.ends_with("commands.rs") {
            for literal in code.split('"').skip(1).step_by(2) {
                if literal.starts_with("cmd-") {
                    found.insert(literal.to_string());
                }
            }
        }
    }
}

#[test]
fn every_key_the_window_uses_is_in_the_message_files() {
    let mut used = BTreeSet::new();
    keys_used_in(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut used,
    );
    used.remove("key"); // the macro's own documentation
    assert!(used.len() > 50, "{used:?}");
    let english = keys(source(PostLanguage::English));
    let missing: Vec<_> = used.difference(&english).collect();
    assert!(
        missing.is_empty(),
        "used in src/ui but not in en: {missing:?}"
    );
}

#[test]
fn the_shipped_chinese_font_draws_every_chinese_character_of_the_messages() {
    use skrifa::MetadataProvider;
    let font_bytes = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/fonts/NotoSansSC-Subset.otf"),
    )
    .expect("the font");
    let font = skrifa::FontRef::new(&font_bytes).expect("an OpenType font");
    let charmap = font.charmap();
    let chinese: BTreeSet<char> = source(PostLanguage::Chinese)
        .chars()
        .filter(|c| {
            matches!(*c as u32, 0x3000..=0x303F | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
        })
        .collect();
    assert!(chinese.len() > 100, "{}", chinese.len());
    let missing: String = chinese
        .iter()
        .filter(|c| charmap.map(**c).is_none())
        .collect();
    assert!(missing.is_empty(), "not in the font: {missing}");
}

#[test]
fn messages_resolve_in_every_language_and_fall_back_to_english() {
    use tripjournal::app::i18n::Messages;
    let messages = Messages::get();
    assert_eq!(
        messages.text(PostLanguage::Chinese, "cmd-help", &[]),
        "帮助"
    );
    assert_eq!(
        messages.text(PostLanguage::German, "cmd-help", &[]),
        "Hilfe"
    );
    assert_eq!(
        messages.text(PostLanguage::English, "no-such-key", &[]),
        "no-such-key"
    );
    // Other languages fall back to English for a key only English has.
    let english_only = Messages::parse(&[
        (PostLanguage::English, "only = only English\n"),
        (PostLanguage::German, "other = Deutsch\n"),
    ]);
    assert_eq!(
        english_only.text(PostLanguage::German, "only", &[]),
        "only English"
    );
}
