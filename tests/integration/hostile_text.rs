//! Text that means something to Markdown, YAML, HTML, terminals or bidi rendering, NUL and
//! control characters, and 100,000-character notes: stored and read back exactly, and exported
//! without breaking the post or writing outside its folder.

use std::path::Path;

use tripjournal::export::{ExportOptions, Layout, Order, export_trip};
use tripjournal::model::{
    EntryContent, EntryFields, EntryKind, FoodRating, Meal, Session, TripFields,
};
use tripjournal::photos::import_bytes;

use crate::util::{
    TempJournal, as_hugo_shows_it, as_jekyll_shows_it, cli_ok, fixture, front_matter, yaml_strings,
};

fn hostile_texts() -> Vec<String> {
    let long: String = "第一天的笔记 notes about the keynote; ".repeat(3_500);
    assert!(long.chars().count() >= 100_000);
    vec![
        "# Heading\n\n* list\n> quote\n```\nfence".into(),
        "---\ntitle: injected\n---".into(),
        "key: value\n- item\n? complex\n&anchor *alias !!tag".into(),
        "<script>alert('x')</script><img src=x onerror=alert(1)>".into(),
        "<!-- unclosed comment".into(),
        "{{ liquid }} {% raw %} {% endraw %}".into(),
        "nul\0inside and \u{1}\u{7}\u{1b}[31mred\u{1b}[0m".into(),
        "\u{202e}right-to-left override\u{202c} שלום עולם مرحبا".into(),
        "zero\u{200b}width\u{feff}bom\u{2028}line\u{2029}para".into(),
        "👨‍👩‍👧‍👦 family, e\u{301} combining, 𝕏 astral".into(),
        "  leading and trailing spaces  \t".into(),
        "\r\nCRLF\rCR\nLF\n".into(),
        "../../etc/passwd".into(),
        "'single' \"double\" `back` \\ backslash".into(),
        long,
    ]
}

#[test]
fn hostile_text_is_stored_and_read_back_exactly() {
    let mut journal = TempJournal::new();
    let at = chrono::DateTime::parse_from_rfc3339("2018-11-12T09:00:00Z")
        .expect("time")
        .to_utc();
    let photo_bytes = std::fs::read(fixture("plain.jpg")).expect("fixture");
    for (index, text) in hostile_texts().into_iter().enumerate() {
        let mut trip = TripFields::named(&format!("Trip {index} {text}"));
        trip.author = text.clone();
        trip.city = text.clone();
        trip.summary = text.clone();
        let trip_id = journal.store.create_trip(&trip).expect("trip");
        let stored = journal.store.trip(trip_id).expect("trip").fields;
        assert_eq!(
            stored.name,
            trip.name.trim(),
            "names are trimmed, nothing else"
        );
        assert_eq!(stored.author, text);
        assert_eq!(stored.city, text);
        assert_eq!(stored.summary, text);

        let contents = [
            EntryContent::Session(Session {
                notes: text.clone(),
                takeaways: text.clone(),
                room: text.clone(),
                link: Some(text.clone()),
                ..Session::default()
            }),
            EntryContent::Meal(Meal {
                venue: text.clone(),
                address: text.clone(),
                notes: text.clone(),
                ..Meal::default()
            }),
            EntryContent::FoodRating(FoodRating {
                dish: text.clone(),
                venue: text.clone(),
                verdict: text.clone(),
                ..FoodRating::default()
            }),
            EntryContent::Note,
        ];
        for content in contents {
            let mut entry = EntryFields::new(content.kind(), &text, at);
            entry.body = text.clone();
            entry.section = Some(text.clone());
            entry.content = content;
            let id = journal.store.create_entry(trip_id, &entry).expect("entry");
            let back = journal.store.entry(id).expect("entry").fields;
            assert_eq!(back, entry, "entry {index} round trip");
        }
        let photo = import_bytes(
            &mut journal.store,
            trip_id,
            None,
            &text,
            "plain.jpg",
            photo_bytes.clone(),
        )
        .expect("photo");
        let photo_id = match photo {
            tripjournal::store::PhotoInsert::Imported(id) => id,
            other => panic!("{other:?}"),
        };
        assert_eq!(journal.store.photo(photo_id).expect("photo").caption, text);
        journal
            .store
            .set_photo_caption(photo_id, &format!("{text}!"))
            .expect("caption");
        assert_eq!(
            journal.store.photo(photo_id).expect("photo").caption,
            format!("{text}!")
        );
    }
    assert!(journal.store.check().expect("check").is_ok());
}

#[test]
fn hostile_text_survives_the_command_line_and_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    cli_ok(&journal, &["trip", "new", "--name", "Hostile"]);
    for (index, text) in hostile_texts().into_iter().enumerate() {
        // Command-line arguments cannot carry NUL; bodies come from a file as users would.
        let body_file = dir.path().join(format!("body-{index}.md"));
        std::fs::write(&body_file, &text).expect("writes");
        // One argument is limited to 128 KiB by the kernel, so titles are cut; the body file
        // carries all 100,000 characters.
        let title: String = text.replace('\0', "").chars().take(2_000).collect();
        let id = cli_ok(
            &journal,
            &[
                "entry",
                "add",
                "--trip",
                "Hostile",
                "--kind",
                "note",
                "--at",
                "2018-11-12 09:00",
                // The `=` form lets a value start with "-" (a YAML separator here).
                &format!("--title={title}"),
                "--body-file",
                body_file.to_str().expect("UTF-8 path"),
            ],
        );
        let listed = cli_ok(&journal, &["entry", "list", "--trip", "Hostile", "--json"]);
        let listed: serde_json::Value = serde_json::from_str(&listed).expect("valid JSON");
        let json = listed
            .as_array()
            .expect("a list")
            .iter()
            .find(|entry| entry["id"].as_i64() == id.trim().parse::<i64>().ok())
            .expect("the new entry is listed")
            .clone();
        assert_eq!(
            json["title"].as_str(),
            Some(title.as_str()),
            "entry {index}"
        );
        assert_eq!(json["body"].as_str(), Some(text.as_str()), "entry {index}");
    }
}

#[test]
fn hostile_text_exports_to_a_valid_post_inside_its_folder() {
    let journal = TempJournal::new();
    let texts = hostile_texts();
    let mut trip = TripFields::named(&texts[1]);
    trip.author = texts[2].clone();
    trip.summary = texts[4].clone();
    trip.tags = vec!["- dash".into(), "#hash".into(), "key: value".into()];
    let trip_id = journal.store.create_trip(&trip).expect("trip");
    let at = chrono::Utc::now();
    for (index, text) in texts.iter().enumerate() {
        let mut entry = EntryFields::new(
            EntryKind::Note,
            &format!(
                "Entry {index:02} {}",
                text.chars().take(200).collect::<String>()
            ),
            at + chrono::Duration::minutes(index as i64),
        );
        entry.body = text.clone();
        journal.store.create_entry(trip_id, &entry).expect("entry");
    }
    let sandbox = journal.dir.path().join("sandbox");
    let out = sandbox.join("out");
    for layout in [Layout::Plain, Layout::Jekyll, Layout::Hugo] {
        let mut options = ExportOptions::new(&out, layout);
        options.order = Order::Kind;
        let report = export_trip(&journal.store, trip_id, &options).expect("exports");
        let mut text = std::fs::read_to_string(&report.post).expect("UTF-8 post");
        if layout == Layout::Jekyll {
            text = as_jekyll_shows_it(&text);
        } else if layout == Layout::Hugo {
            text = as_hugo_shows_it(&text);
        }
        assert!(!text.contains('\0'), "{layout:?}: no NUL in the post");
        if layout != Layout::Plain {
            let yaml = front_matter(&text);
            assert_eq!(yaml["title"].as_str(), Some(trip.name.trim()));
            assert_eq!(yaml["author"].as_str(), Some(trip.author.as_str()));
            assert_eq!(
                yaml_strings(&yaml["tags"]),
                vec!["- dash", "#hash", "key: value"]
            );
        }
        // Every entry heading is there, in order, as a top-level heading.
        let headings: Vec<String> = entry_headings(&text);
        for index in 0..texts.len() {
            let prefix = format!("Entry {index:02}");
            assert!(
                headings.iter().any(|h| h.starts_with(&prefix)),
                "{layout:?}: heading {prefix} is missing: {headings:?}"
            );
        }
    }
    assert_only_child(&sandbox, "out");
}

/// Texts of the top-level H3 headings.
fn entry_headings(markdown: &str) -> Vec<String> {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
    let mut depth = 0;
    let mut current: Option<String> = None;
    let mut found = Vec::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading {
                level: HeadingLevel::H3,
                ..
            }) if depth == 0 => {
                current = Some(String::new());
                depth += 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Heading(HeadingLevel::H3)) if current.is_some() => {
                found.extend(current.take());
                depth -= 1;
            }
            Event::End(_) => depth -= 1,
            Event::Text(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            _ => {}
        }
    }
    found
}

fn assert_only_child(dir: &Path, name: &str) {
    let children: Vec<_> = std::fs::read_dir(dir)
        .expect("folder")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(children, vec![std::ffi::OsString::from(name)]);
}
