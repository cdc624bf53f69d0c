//! The window's words from the message files ([`crate::app::i18n`]) in the window's language.
//! The language is kept per window (in its egui context), so each window — and each test's
//! window — has its own; [`t!`] looks a message up in it.

use egui::{Context, Id};

use crate::app::i18n::{MessageArg, Messages};
use crate::model::PostLanguage;

fn language_id() -> Id {
    Id::unique("tripjournal-window-language")
}

/// The window's language (English until one is set).
pub fn language(ctx: &Context) -> PostLanguage {
    ctx.data(|data| data.get_temp::<PostLanguage>(language_id()))
        .unwrap_or(PostLanguage::English)
}

/// Switches the window's words to `language` from the next frame on.
pub fn set_language(ctx: &Context, language: PostLanguage) {
    ctx.data_mut(|data| data.insert_temp(language_id(), language));
}

/// What knows the language to word a message in: a window (its egui context) or, where the
/// window's words are made away from one (the status bar's wording), the language itself.
pub trait WindowLanguage {
    fn window_language(self) -> PostLanguage;
}

impl WindowLanguage for &Context {
    fn window_language(self) -> PostLanguage {
        language(self)
    }
}

impl WindowLanguage for PostLanguage {
    fn window_language(self) -> PostLanguage {
        self
    }
}

/// The message `key` in the window's language with `args` filled in.
pub fn text(source: impl WindowLanguage, key: &str, args: &[(&str, MessageArg)]) -> String {
    Messages::get().text(source.window_language(), key, args)
}

/// `t!(ctx, "key")` or `t!(ctx, "key", count = n, folder = name)`: a message of the window in
/// its language (`ctx` is an `&egui::Context` or a `PostLanguage`; a key used here must be in every message file,
/// which a test checks by reading these calls).
macro_rules! t {
    ($ctx:expr, $key:literal) => {
        $crate::ui::i18n::text($ctx, $key, &[])
    };
    ($ctx:expr, $key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::ui::i18n::text(
            $ctx,
            $key,
            &[$((stringify!($name), $crate::app::i18n::MessageArg::from($value))),+],
        )
    };
}
