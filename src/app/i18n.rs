//! The window's words in its user's language: English, Simplified Chinese or German, from the
//! Fluent message files in `assets/i18n/<language>/tripjournal.ftl` (built into the program).
//! Fluent handles plurals by each language's rules and fills in variables, so no caller builds
//! "1 photos" by hand. The language follows the system — `LANGUAGE` (a colon list), then
//! `LC_ALL`, `LC_MESSAGES`, `LANG` on Unix; the system's settings through `sys-locale`
//! elsewhere — negotiated with `fluent-langneg` (`zh_CN`, `zh_SG`, `zh-Hans` → Chinese;
//! `de_AT`, `de_CH` → German; anything else → English). The window may override it with a
//! remembered setting. The languages are the post's ([`PostLanguage`]), so a day name or date
//! the window shows comes from the same tables the export uses.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::model::PostLanguage;

/// The message files, one per language, in [`PostLanguage::ALL`]'s order.
pub const MESSAGE_FILES: [(PostLanguage, &str); 3] = [
    (
        PostLanguage::English,
        include_str!("../../assets/i18n/en/tripjournal.ftl"),
    ),
    (
        PostLanguage::Chinese,
        include_str!("../../assets/i18n/zh-CN/tripjournal.ftl"),
    ),
    (
        PostLanguage::German,
        include_str!("../../assets/i18n/de/tripjournal.ftl"),
    ),
];

/// A value put into a message: a number (which also picks the plural form) or a text.
#[derive(Debug, Clone, PartialEq)]
pub enum MessageArg {
    Number(f64),
    Text(String),
}

impl From<usize> for MessageArg {
    fn from(value: usize) -> Self {
        #[allow(clippy::cast_precision_loss)]
        MessageArg::Number(value as f64)
    }
}

impl From<i64> for MessageArg {
    fn from(value: i64) -> Self {
        #[allow(clippy::cast_precision_loss)]
        MessageArg::Number(value as f64)
    }
}

impl From<&str> for MessageArg {
    fn from(value: &str) -> Self {
        MessageArg::Text(value.to_string())
    }
}

impl From<String> for MessageArg {
    fn from(value: String) -> Self {
        MessageArg::Text(value)
    }
}

/// The parsed message files of every language.
pub struct Messages {
    bundles: Vec<(PostLanguage, FluentBundle<FluentResource>)>,
}

impl Messages {
    /// The messages built into the program (parsed once).
    pub fn get() -> &'static Messages {
        static MESSAGES: OnceLock<Messages> = OnceLock::new();
        MESSAGES.get_or_init(|| Messages::parse(&MESSAGE_FILES))
    }

    /// Parses message files; a syntax error in one drops only the broken messages (the test of
    /// the files fails on it).
    pub fn parse(files: &[(PostLanguage, &str)]) -> Messages {
        let bundles = files
            .iter()
            .map(|(language, source)| {
                let resource = FluentResource::try_new((*source).to_string())
                    .unwrap_or_else(|(partial, _errors)| partial);
                let mut bundle = FluentBundle::new_concurrent(vec![language_id(*language)]);
                // The window draws Unicode isolation marks as boxes; its text is not mixed
                // right-to-left.
                bundle.set_use_isolating(false);
                let _ = bundle.add_resource(resource);
                (*language, bundle)
            })
            .collect();
        Messages { bundles }
    }

    /// The message `key` in `language` with `args` filled in; the English one when the
    /// language lacks it, and the key itself when no file has it (a test keeps that from
    /// happening).
    pub fn text(&self, language: PostLanguage, key: &str, args: &[(&str, MessageArg)]) -> String {
        self.format(language, key, args)
            .or_else(|| self.format(PostLanguage::English, key, args))
            .unwrap_or_else(|| key.to_string())
    }

    fn format(
        &self,
        language: PostLanguage,
        key: &str,
        args: &[(&str, MessageArg)],
    ) -> Option<String> {
        let (_, bundle) = self.bundles.iter().find(|(l, _)| *l == language)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            let value = match value {
                MessageArg::Number(n) => FluentValue::from(*n),
                MessageArg::Text(t) => FluentValue::from(t.clone()),
            };
            fluent_args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        Some(text.into_owned())
    }
}

/// Every message key of `language`'s file.
pub fn message_keys_of(language: PostLanguage) -> Vec<String> {
    MESSAGE_FILES
        .iter()
        .find(|(l, _)| *l == language)
        .map(|(_, source)| message_keys(source))
        .unwrap_or_default()
}

/// The identifiers of the messages in a Fluent file (lines that start a message: `key =`).
pub fn message_keys(source: &str) -> Vec<String> {
    source
        .lines()
        .filter(|line| line.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|line| line.split_once('=').map(|(key, _)| key.trim().to_string()))
        .collect()
}

/// The language tag a bundle is made for.
fn language_id(language: PostLanguage) -> LanguageIdentifier {
    let tag = match language {
        PostLanguage::English => "en-US",
        PostLanguage::Chinese => "zh-Hans",
        PostLanguage::German => "de",
    };
    tag.parse().unwrap_or_default()
}

/// The languages this system asks for, most wanted first. On Unix the environment as gettext
/// reads it: `LANGUAGE` (a colon-separated list), else the first set of `LC_ALL`,
/// `LC_MESSAGES`, `LANG`; `lookup` reads a variable (tests pass their own).
pub fn requested_from_env(lookup: impl Fn(&str) -> Option<String>) -> Vec<String> {
    let set = |name: &str| lookup(name).filter(|value| !value.trim().is_empty());
    let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].into_iter().find_map(set);
    // gettext ignores LANGUAGE when the locale is "C": the user asked for no translation.
    let plain_c = locale
        .as_deref()
        .is_some_and(|l| matches!(l.split('.').next(), Some("C" | "POSIX")));
    let listed = set("LANGUAGE").filter(|_| !plain_c);
    let raw: Vec<String> = match listed {
        Some(list) => list.split(':').map(str::to_string).collect(),
        None => locale.into_iter().collect(),
    };
    raw.iter()
        .map(|value| posix_to_tag(value))
        .filter(|tag| !tag.is_empty() && tag != "C" && tag != "POSIX")
        .collect()
}

/// `zh_CN.UTF-8@variant` → `zh-CN`.
fn posix_to_tag(value: &str) -> String {
    let base = value.split(['.', '@']).next().unwrap_or_default();
    base.replace('_', "-")
}

/// The window's language for the requested languages (best first); English when none fits.
pub fn negotiate(requested: &[String]) -> PostLanguage {
    let requested: Vec<LanguageIdentifier> = requested
        .iter()
        .filter_map(|tag| tag.parse().ok())
        .collect();
    let available: Vec<LanguageIdentifier> = PostLanguage::ALL
        .iter()
        .map(|language| language_id(*language))
        .collect();
    let default = language_id(PostLanguage::English);
    let chosen = fluent_langneg::negotiate_languages(
        &requested,
        &available,
        Some(&default),
        fluent_langneg::NegotiationStrategy::Lookup,
    );
    let Some(first) = chosen.first() else {
        return PostLanguage::English;
    };
    PostLanguage::ALL
        .into_iter()
        .find(|language| language_id(*language) == **first)
        .unwrap_or(PostLanguage::English)
}

/// The language the system asks for (see the module's note).
pub fn system_language() -> PostLanguage {
    if cfg!(unix) && !cfg!(target_os = "macos") {
        negotiate(&requested_from_env(|name| std::env::var(name).ok()))
    } else {
        negotiate(&sys_locale::get_locales().collect::<Vec<_>>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn language_for(vars: &[(&str, &str)]) -> PostLanguage {
        negotiate(&requested_from_env(|name| {
            vars.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v).to_string())
        }))
    }

    #[test]
    fn the_environment_picks_the_language_as_gettext_reads_it() {
        assert_eq!(
            language_for(&[("LANGUAGE", "zh_CN:en"), ("LANG", "en_US.UTF-8")]),
            PostLanguage::Chinese
        );
        assert_eq!(
            language_for(&[("LANG", "de_AT.UTF-8")]),
            PostLanguage::German
        );
        assert_eq!(
            language_for(&[("LANG", "fr_FR.UTF-8")]),
            PostLanguage::English
        );
        assert_eq!(language_for(&[]), PostLanguage::English);
        assert_eq!(language_for(&[("LANG", "")]), PostLanguage::English);
        assert_eq!(
            language_for(&[("LC_ALL", "de_CH.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            PostLanguage::German
        );
        assert_eq!(
            language_for(&[("LC_MESSAGES", "zh_SG.UTF-8"), ("LANG", "en_GB.UTF-8")]),
            PostLanguage::Chinese
        );
        // LANGUAGE lists fallbacks: the first one the window speaks wins.
        assert_eq!(
            language_for(&[("LANGUAGE", "fr:de:en"), ("LANG", "fr_FR.UTF-8")]),
            PostLanguage::German
        );
        // The C locale means no translation, whatever LANGUAGE says.
        assert_eq!(
            language_for(&[("LANGUAGE", "zh_CN"), ("LC_ALL", "C")]),
            PostLanguage::English
        );
    }

    #[test]
    fn bcp47_tags_from_other_systems_negotiate_too() {
        let tags = |list: &[&str]| list.iter().map(|t| (*t).to_string()).collect::<Vec<_>>();
        assert_eq!(negotiate(&tags(&["zh-Hans-CN"])), PostLanguage::Chinese);
        assert_eq!(negotiate(&tags(&["zh-Hans"])), PostLanguage::Chinese);
        assert_eq!(negotiate(&tags(&["de-CH", "en"])), PostLanguage::German);
        assert_eq!(negotiate(&tags(&["ja-JP"])), PostLanguage::English);
    }
}
