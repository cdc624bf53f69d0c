//! Property tests with many random inputs, standing in for cargo-fuzz (which needs a nightly
//! toolchain CI does not have): photo bytes mutated at random go through EXIF parsing and the
//! whole import preparation, and random hostile text goes through the export's Markdown and
//! YAML escaping.
//!
//! CI runs a short pass. The longer run is
//! `TRIPJOURNAL_FUZZ_CASES=20000 cargo test --release fuzz:: -- --nocapture`; a failure prints
//! its seed, and `TRIPJOURNAL_SEED=N` replays it (`FUZZ_DUMP=1` prints every exported post).

use std::time::{Duration, Instant};

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use tripjournal::export::{ExportOptions, Layout, Order, export_trip};
use tripjournal::model::{EntryContent, EntryFields, EntryKind, Meal, TripFields};
use tripjournal::photos::{PhotoLimits, prepare_photo, read_exif};

use crate::util::{
    Rng, TempJournal, as_hugo_shows_it, as_jekyll_shows_it, env_count, fixture, front_matter,
    yaml_strings,
};

/// One random change to a file's bytes.
fn mutate(bytes: &mut Vec<u8>, rng: &mut Rng) {
    let len = bytes.len().max(1) as u64;
    match rng.below(7) {
        0 => {
            for _ in 0..=rng.below(16) {
                let at = rng.below(len) as usize;
                if let Some(byte) = bytes.get_mut(at) {
                    *byte ^= 1 << rng.below(8);
                }
            }
        }
        1 => {
            let at = rng.below(len) as usize;
            bytes.truncate(at);
        }
        2 => {
            let at = rng.below(len) as usize;
            let count = rng.below(64) as usize;
            let noise: Vec<u8> = (0..count).map(|_| rng.next() as u8).collect();
            bytes.splice(at.min(bytes.len())..at.min(bytes.len()), noise);
        }
        3 => {
            let from = rng.below(len) as usize;
            let to = (from + rng.below(256) as usize).min(bytes.len());
            if from < to {
                bytes.drain(from..to);
            }
        }
        4 => {
            // Interesting values where parsers read lengths, counts and offsets.
            let at = rng.below(len) as usize;
            let value: [u8; 4] = match rng.below(5) {
                0 => [0xFF; 4],
                1 => [0; 4],
                2 => [0x7F, 0xFF, 0xFF, 0xFF],
                3 => [0x80, 0, 0, 0],
                _ => [0, 0, 0, 1],
            };
            for (offset, byte) in value.iter().enumerate() {
                if let Some(slot) = bytes.get_mut(at + offset) {
                    *slot = *byte;
                }
            }
        }
        5 => {
            // Duplicate a block (a repeated segment or chunk).
            let from = rng.below(len) as usize;
            let to = (from + rng.below(512) as usize).min(bytes.len());
            let block = bytes[from.min(bytes.len())..to].to_vec();
            let at = rng.below(len) as usize;
            bytes.splice(at.min(bytes.len())..at.min(bytes.len()), block);
        }
        _ => {
            // An EXIF segment of random content right after a JPEG's SOI.
            if bytes.starts_with(&[0xFF, 0xD8]) {
                let size = rng.below(2000) as usize;
                let mut segment = vec![0xFF, 0xE1];
                segment.extend_from_slice(&((size + 8) as u16).to_be_bytes());
                segment.extend_from_slice(if rng.below(2) == 0 {
                    b"Exif\0\0MM"
                } else {
                    b"Exif\0\0II"
                });
                segment.extend((0..size).map(|_| rng.next() as u8));
                bytes.splice(2..2, segment);
            }
        }
    }
}

#[test]
fn photo_parsing_survives_randomly_mutated_files() {
    let cases = env_count("TRIPJOURNAL_FUZZ_CASES", 400);
    let seed = Rng::seed_from_env();
    println!("photo fuzz: {cases} cases, TRIPJOURNAL_SEED={seed}");
    let seeds: Vec<Vec<u8>> = [
        "orient6_gps.jpg",
        "plain.jpg",
        "progressive.jpg",
        "cmyk.jpg",
        "alpha.png",
        "photo.webp",
        "animated.gif",
    ]
    .iter()
    .map(|name| std::fs::read(fixture(name)).expect("seed file"))
    .collect();
    // A low pixel limit keeps each case quick when a mutation makes the image larger.
    let limits = PhotoLimits {
        max_pixels: 4_000_000,
        ..PhotoLimits::default()
    };
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut rng = Rng::new(seed);
        let mut slowest = Duration::ZERO;
        let (mut imported, mut failed) = (0, 0);
        for case in 0..cases {
            let mut bytes = seeds[rng.below(seeds.len() as u64) as usize].clone();
            for _ in 0..=rng.below(4) {
                mutate(&mut bytes, &mut rng);
            }
            let started = Instant::now();
            let summary = read_exif(&bytes);
            if let Some(orientation) = summary.orientation {
                assert!((1..=8).contains(&orientation), "case {case}");
            }
            if let Some(gps) = summary.gps {
                assert!(gps.latitude.abs() <= 90.0 && gps.longitude.abs() <= 180.0);
            }
            match prepare_photo(bytes, "fuzz.jpg", &limits) {
                Ok(prepared) => {
                    imported += 1;
                    assert!(prepared.metadata.width > 0 && prepared.metadata.height > 0);
                    image::load_from_memory(&prepared.thumbnail_jpeg)
                        .unwrap_or_else(|e| panic!("case {case}: thumbnail does not decode: {e}"));
                }
                Err(error) => {
                    failed += 1;
                    let message = error.to_string();
                    assert!(
                        !message.is_empty() && !message.contains('\n'),
                        "case {case}: {message:?}"
                    );
                }
            }
            slowest = slowest.max(started.elapsed());
            // Each case says it is done, so a hang is one case taking far too long, however
            // slowly a busy machine gets through the whole run.
            if sender.send(None).is_err() {
                return;
            }
        }
        let _ = sender.send(Some((imported, failed, slowest)));
    });
    let limit = Duration::from_secs(60);
    let mut done = 0;
    let (imported, failed, slowest) = loop {
        match receiver.recv_timeout(limit) {
            Ok(Some(summary)) => break summary,
            Ok(None) => done += 1,
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                panic!("case {done} of the fuzz run hung for {limit:?} (seed {seed})")
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
                panic!("case {done} of the fuzz run panicked (seed {seed})")
            }
        }
    };
    println!("photo fuzz: {imported} imported, {failed} failed cleanly, slowest {slowest:?}");
    assert_eq!(imported + failed, cases);
}

/// Pieces that mean something to Markdown, YAML, HTML, Liquid, terminals or bidi text.
const HOSTILE_PIECES: &[&str] = &[
    "*",
    "**",
    "_",
    "__",
    "[",
    "]",
    "(",
    ")",
    "#",
    "# ",
    "## ",
    "<",
    ">",
    "`",
    "```",
    "|",
    "\\",
    ":",
    ": ",
    "\"",
    "'",
    "{",
    "}",
    "{{",
    "}}",
    "{%",
    "%}",
    "%",
    "-",
    "- ",
    "---",
    "...",
    "+",
    "=",
    "==",
    "~",
    "!",
    "![",
    "&",
    "&amp;",
    "&#60;",
    "1. ",
    "1) ",
    "\n",
    "\r\n",
    "\t",
    "\0",
    "\u{7}",
    "\u{1b}[31m",
    "\u{202e}",
    "\u{200f}",
    "\u{2028}",
    "\u{feff}",
    "\u{a0}",
    " ",
    "  ",
    "<script>alert(1)</script>",
    "](javascript:alert(1))",
    "<!--",
    "-->",
    "yes",
    "null",
    "~",
    "@",
    "?",
    ",",
    "a",
    "Berlin",
    "柏林",
    "猪肘",
    "שלום",
    "مرحبا",
    "🍺",
    "👨‍👩‍👧",
    "e\u{301}",
];

fn hostile_text(rng: &mut Rng, max_pieces: u64) -> String {
    (0..=rng.below(max_pieces))
        .map(|_| HOSTILE_PIECES[rng.below(HOSTILE_PIECES.len() as u64) as usize])
        .collect()
}

/// What Markdown shows for a one-line field after the export's escaping: control characters
/// dropped, its lines joined with spaces.
fn shown(text: &str) -> String {
    let kept: String = text
        .chars()
        .filter(|&c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
        .collect();
    kept.split(['\n', '\r'])
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plain text of every heading of `level`, in order.
fn headings(markdown: &str, level: HeadingLevel) -> Vec<String> {
    let mut found = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Heading { level: l, .. }) if l == level => {
                current = Some(String::new());
            }
            Event::End(TagEnd::Heading(l)) if l == level => {
                found.extend(current.take());
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                if let Some(heading) = current.as_mut() {
                    heading.push_str(&text);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(heading) = current.as_mut() {
                    heading.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn export_escaping_keeps_structure_and_front_matter_for_random_text() {
    let cases = env_count("TRIPJOURNAL_FUZZ_CASES", 400) / 4;
    let seed = Rng::seed_from_env();
    println!("export fuzz: {cases} trips, TRIPJOURNAL_SEED={seed}");
    let mut rng = Rng::new(seed);
    let journal = TempJournal::new();
    let sandbox = journal.dir.path().join("sandbox");
    let out = sandbox.join("out");
    let at = chrono::DateTime::parse_from_rfc3339("2018-11-12T09:00:00Z")
        .expect("time")
        .to_utc();
    for case in 0..cases {
        let mut fields = TripFields::named(&format!("t{case} {}", hostile_text(&mut rng, 8)));
        fields.author = hostile_text(&mut rng, 6);
        fields.city = hostile_text(&mut rng, 4);
        fields.summary = hostile_text(&mut rng, 20);
        fields.tags = vec![hostile_text(&mut rng, 3), hostile_text(&mut rng, 3)];
        let trip = journal.store.create_trip(&fields).expect("trip");
        let stored = journal.store.trip(trip).expect("trip").fields;
        let mut titles = Vec::new();
        for index in 0..3 {
            let title = format!("e{index} {}", hostile_text(&mut rng, 8));
            let mut entry = EntryFields::new(
                EntryKind::Meal,
                &title,
                at + chrono::Duration::minutes(index),
            );
            entry.body = hostile_text(&mut rng, 30);
            entry.content = EntryContent::Meal(Meal {
                venue: hostile_text(&mut rng, 5),
                dishes: vec![hostile_text(&mut rng, 4)],
                ..Meal::default()
            });
            journal.store.create_entry(trip, &entry).expect("entry");
            titles.push(
                journal.store.entries(trip).expect("entries")[index as usize]
                    .fields
                    .title
                    .clone(),
            );
        }
        for layout in [Layout::Plain, Layout::Jekyll, Layout::Hugo] {
            let mut options = ExportOptions::new(&out, layout);
            options.order = Order::Kind;
            options.force = true;
            let report = export_trip(&journal.store, trip, &options)
                .unwrap_or_else(|e| panic!("seed {seed} case {case} {layout:?}: {e}"));
            assert!(report.post.starts_with(&out));
            let mut text = std::fs::read_to_string(&report.post).expect("post is UTF-8");
            if layout == Layout::Jekyll {
                text = as_jekyll_shows_it(&text);
            } else if layout == Layout::Hugo {
                text = as_hugo_shows_it(&text);
            }
            let context = format!("seed {seed} case {case} {layout:?}");
            if layout != Layout::Plain {
                let yaml = front_matter(&text);
                assert_eq!(
                    yaml["title"].as_str(),
                    Some(stored.name.as_str()),
                    "{context}"
                );
                assert_eq!(
                    yaml["author"].as_str(),
                    Some(stored.author.as_str()),
                    "{context}"
                );
                let tags: Vec<&str> = yaml_strings(&yaml["tags"]);
                let expected: Vec<&str> = stored.tags.iter().map(String::as_str).collect();
                assert_eq!(tags, expected, "{context}");
            } else {
                // The first H1 is the title; the summary may bring its own after it.
                assert_eq!(
                    headings(&text, HeadingLevel::H1).first(),
                    Some(&shown(&stored.name)),
                    "{context}"
                );
            }
            // Each entry is one H3 showing its title, in order: nothing in the user's text
            // opened or swallowed a heading. (Bodies are the user's own Markdown and may
            // bring headings of their own, so only the entry headings' texts are compared.)
            let h3 = headings(&text, HeadingLevel::H3);
            if std::env::var_os("FUZZ_DUMP").is_some() {
                eprintln!("=====\n{text}\n=====");
            }
            let expected: Vec<String> = titles.iter().map(|t| shown(t)).collect();
            let found: Vec<&String> = h3.iter().filter(|h| expected.contains(h)).collect();
            assert_eq!(
                found.len(),
                expected.len(),
                "{context}: entry headings {h3:?}, expected {expected:?}"
            );
        }
    }
    // Nothing was written beside the output folder.
    let beside: Vec<_> = std::fs::read_dir(&sandbox)
        .expect("sandbox")
        .map(|entry| entry.expect("entry").file_name())
        .collect();
    assert_eq!(beside, vec![std::ffi::OsString::from("out")]);
}
