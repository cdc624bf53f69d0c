//! The language a trip's post is written in. A trip may name it; otherwise it is told from the
//! trip's own text (mostly Han characters: Simplified Chinese; German's letters and small
//! words: German; else English). The words the export writes in each language are
//! `export::words`; the window keeps its own language whatever the post's.

use std::fmt;
use std::str::FromStr;

use super::ModelError;

/// A language a post can be written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PostLanguage {
    English,
    /// Simplified Chinese.
    Chinese,
    German,
}

impl PostLanguage {
    /// Every language, in the order menus list them.
    pub const ALL: [PostLanguage; 3] = [
        PostLanguage::English,
        PostLanguage::Chinese,
        PostLanguage::German,
    ];

    /// The short code the CLI and the journal use ("en", "zh", "de").
    pub fn code(self) -> &'static str {
        match self {
            PostLanguage::English => "en",
            PostLanguage::Chinese => "zh",
            PostLanguage::German => "de",
        }
    }

    /// The language's name in itself, for menus ("中文").
    pub fn native_name(self) -> &'static str {
        match self {
            PostLanguage::English => "English",
            PostLanguage::Chinese => "中文（简体）",
            PostLanguage::German => "Deutsch",
        }
    }

    /// The post's language from its text: see the module documentation.
    pub fn detect<'t>(texts: impl IntoIterator<Item = &'t str>) -> PostLanguage {
        let (mut han, mut latin, mut german) = (0usize, 0usize, 0usize);
        for text in texts {
            for character in text.chars() {
                match character {
                    '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' => han += 1,
                    'ä' | 'ö' | 'ü' | 'ß' | 'Ä' | 'Ö' | 'Ü' => {
                        latin += 1;
                        german += 2;
                    }
                    c if c.is_ascii_alphabetic() => latin += 1,
                    _ => {}
                }
            }
            let lower = format!(" {} ", text.to_lowercase());
            for word in GERMAN_WORDS {
                german += lower.matches(word).count();
            }
        }
        // A Han character says about as much as three Latin letters.
        if han * 3 > latin {
            PostLanguage::Chinese
        } else if german >= 3 && german * 60 >= latin {
            PostLanguage::German
        } else {
            PostLanguage::English
        }
    }
}

/// Small words that are common in German and rare in English.
const GERMAN_WORDS: [&str; 10] = [
    " und ", " der ", " die ", " das ", " mit ", " ist ", " nicht ", " ein ", " eine ", " auf ",
];

impl fmt::Display for PostLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for PostLanguage {
    type Err = ModelError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Ok(PostLanguage::English),
            "zh" | "zh-hans" | "zh-cn" | "chinese" => Ok(PostLanguage::Chinese),
            "de" | "german" | "deutsch" => Ok(PostLanguage::German),
            _ => Err(ModelError::BadLanguage(text.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_told_from_the_trips_text() {
        let chinese = [
            "OpenStack柏林峰会 观感",
            "1. OpenStack的野心",
            "2. 边缘计算",
            "一、社区在发展",
        ];
        assert_eq!(PostLanguage::detect(chinese), PostLanguage::Chinese);
        let english = [
            "Berlin Summit 2018 柏林",
            "Keynote: cloud native",
            "Lunch at the venue",
        ];
        assert_eq!(PostLanguage::detect(english), PostLanguage::English);
        let german = [
            "Gipfel in Berlin",
            "Die Eröffnung war gut und das Essen auch",
            "Schweinshaxe mit Kraut",
        ];
        assert_eq!(PostLanguage::detect(german), PostLanguage::German);
        assert_eq!(PostLanguage::detect([]), PostLanguage::English);
    }

    #[test]
    fn codes_read_back() {
        for language in PostLanguage::ALL {
            assert_eq!(language.code().parse::<PostLanguage>().ok(), Some(language));
        }
        assert_eq!(
            "zh-Hans".parse::<PostLanguage>().ok(),
            Some(PostLanguage::Chinese)
        );
        assert!("fr".parse::<PostLanguage>().is_err());
    }
}
