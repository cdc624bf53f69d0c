//! Searching entries as a person types: what a search looks at and how text is compared.
//!
//! A search looks at every text of an entry (title, body, tags, section, the fields of its
//! kind) and at the captions of its photos. Both sides are folded before comparing: case is
//! ignored, and Latin letters lose their accents ("hofbrau" finds "Hofbräu", "CAFE" finds
//! "Café", full-width "ＣＡＦＥ" finds it too). Other scripts are kept as they are, so a
//! Chinese search finds the same characters and a romanisation ("bolin") does not find
//! Chinese text ("柏林").

use std::ops::RangeInclusive;

use super::{Entry, EntryContent};

/// The blocks of Latin letters (and the accents that combine with them) that are folded to
/// plain ASCII; every other script keeps its letters and only loses case.
const LATIN_BLOCKS: [RangeInclusive<char>; 8] = [
    // Latin-1 Supplement letters, Latin Extended-A and -B (ä, é, ß, ł, ő, ș…).
    '\u{00C0}'..='\u{024F}',
    // Combining accents, as in decomposed text (macOS file names): dropped.
    '\u{0300}'..='\u{036F}',
    // Latin Extended Additional (Vietnamese: ệ, ừ…).
    '\u{1E00}'..='\u{1EFF}',
    // Latin Extended-C and -D.
    '\u{2C60}'..='\u{2C7F}',
    '\u{A720}'..='\u{A7FF}',
    // Latin ligatures (ﬁ, ﬂ).
    '\u{FB00}'..='\u{FB06}',
    // Full-width digits and letters, as a Chinese input method types them.
    '\u{FF10}'..='\u{FF19}',
    '\u{FF21}'..='\u{FF5A}',
];

fn is_latin(c: char) -> bool {
    LATIN_BLOCKS.iter().any(|block| block.contains(&c))
}

/// Text as a search compares it: lower case, Latin letters without accents, other scripts
/// as they are.
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            folded.push(c.to_ascii_lowercase());
        } else if let Some(plain) = deunicode_latin(c) {
            folded.extend(plain.chars().map(|p| p.to_ascii_lowercase()));
        } else {
            folded.extend(c.to_lowercase());
        }
    }
    folded
}

/// The ASCII spelling of a Latin letter ("ä" → "a", "ß" → "ss"), none for other characters
/// (and for the few Latin-block signs, such as ×, that are not letters).
fn deunicode_latin(c: char) -> Option<&'static str> {
    let is_mark = ('\u{0300}'..='\u{036F}').contains(&c);
    if !is_latin(c) || !(c.is_alphanumeric() || is_mark) {
        return None;
    }
    deunicode::deunicode_char(c).filter(|plain| plain.is_ascii())
}

/// A search as typed in the window, folded once and compared with many texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    needle: String,
}

impl Search {
    /// The search for `typed` (spaces around it do not count).
    pub fn new(typed: &str) -> Self {
        Search {
            needle: fold(typed.trim()),
        }
    }

    /// Whether nothing was typed: everything matches.
    pub fn is_empty(&self) -> bool {
        self.needle.is_empty()
    }

    /// Whether `text` contains the search once both are folded.
    pub fn finds(&self, text: &str) -> bool {
        self.is_empty() || fold(text).contains(&self.needle)
    }

    /// Whether the search finds any text of `entry` or any of its photos' `captions`.
    pub fn matches<'a>(&self, entry: &Entry, captions: impl IntoIterator<Item = &'a str>) -> bool {
        self.is_empty()
            || searched_texts(entry)
                .into_iter()
                .any(|text| self.finds(text))
            || captions.into_iter().any(|caption| self.finds(caption))
    }
}

/// Whether `search` (as typed) finds `entry` or one of its photos' `captions`.
pub fn matches_search<'a>(
    entry: &Entry,
    captions: impl IntoIterator<Item = &'a str>,
    search: &str,
) -> bool {
    Search::new(search).matches(entry, captions)
}

/// Every text of an entry that a search looks at.
fn searched_texts(entry: &Entry) -> Vec<&str> {
    let f = &entry.fields;
    let mut texts = vec![f.title.as_str(), f.body.as_str()];
    texts.extend(f.tags.iter().map(String::as_str));
    texts.extend(f.section.as_deref());
    match &f.content {
        EntryContent::Session(s) => {
            texts.extend(s.speakers.iter().map(String::as_str));
            texts.extend([&s.track, &s.room, &s.notes, &s.takeaways].map(String::as_str));
        }
        EntryContent::Meal(m) => {
            texts.extend(m.dishes.iter().map(String::as_str));
            texts.extend([&m.venue, &m.address, &m.notes].map(String::as_str));
        }
        EntryContent::FoodRating(r) => {
            texts.extend([&r.dish, &r.venue, &r.category, &r.verdict].map(String::as_str));
        }
        EntryContent::Note => {}
    }
    texts
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Utc};

    use super::*;
    use crate::model::{EntryFields, EntryId, EntryKind, TripId};

    fn entry(kind: EntryKind, title: &str) -> Entry {
        let at = Utc.with_ymd_and_hms(2018, 11, 13, 12, 0, 0).unwrap();
        Entry {
            id: EntryId(1),
            trip: TripId(1),
            position: 1,
            fields: EntryFields::new(kind, title, at),
        }
    }

    #[test]
    fn latin_letters_lose_case_and_accents() {
        assert_eq!(fold("Hofbräu"), "hofbrau");
        assert_eq!(fold("CAFÉ Crème"), "cafe creme");
        assert_eq!(fold("Straße Łódź Øresund"), "strasse lodz oresund");
        assert_eq!(fold("Phở Hà Nội"), "pho ha noi");
        assert_eq!(
            fold("Cafe\u{301}"),
            "cafe",
            "decomposed accents are dropped"
        );
        assert_eq!(fold("ＣＡＦＥ ２０１８"), "cafe 2018");
        assert_eq!(fold("3×4"), "3×4", "signs in a Latin block are not letters");
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(fold("柏林 上海"), "柏林 上海");
        assert_eq!(fold("ΑΘΗΝΑ Москва"), "αθηνα москва");
        assert_eq!(
            fold("四、回家，好"),
            "四、回家，好",
            "full-width punctuation stays"
        );
    }

    #[test]
    fn searches_fold_both_sides() {
        assert!(Search::new("hofbrau").finds("Hofbräuhaus"));
        assert!(Search::new("  CAFE ").finds("Café Einstein"));
        assert!(Search::new("Hofbräu").finds("HOFBRAU"));
        assert!(Search::new("柏林").finds("OpenStack 柏林峰会"));
        assert!(!Search::new("bolin").finds("柏林"), "no pinyin for Chinese");
        assert!(!Search::new("bai").finds("柏林"));
        assert!(!Search::new("cafe").finds("Caff"));
        assert!(Search::new("").finds("anything") && Search::new(" ").is_empty());
    }

    #[test]
    fn an_entry_is_found_by_its_fields_and_its_photos_captions() {
        let mut meal = entry(EntryKind::Meal, "Dinner");
        if let EntryContent::Meal(m) = &mut meal.fields.content {
            m.venue = "Hofbräuhaus Berlin".into();
            m.dishes = vec!["Schweinshaxe".into()];
        }
        meal.fields.tags = vec!["bier".into(), "garten".into()];
        assert!(matches_search(&meal, [], "hofbrau"));
        assert!(matches_search(&meal, [], "SCHWEINS"));
        assert!(
            !matches_search(&meal, [], "bier garten"),
            "tags are separate"
        );
        assert!(!matches_search(&meal, [], "café"));
        assert!(matches_search(&meal, ["Café am Platz"], "cafe"));
        assert!(matches_search(&meal, ["Nope"], ""));

        let mut talk = entry(EntryKind::Session, "Keynote");
        if let EntryContent::Session(s) = &mut talk.fields.content {
            s.speakers = vec!["José Müller".into()];
        }
        talk.fields.section = Some("一、社区".into());
        assert!(matches_search(&talk, [], "jose muller"));
        assert!(matches_search(&talk, [], "社区"));
        assert!(!matches_search(&talk, ["柏林"], "bolin"));
    }
}
