//! Conference schedules read through `tripjournal::schedule::read_schedule`: one
//! hand-written fixture per format and quirk in tests/data/schedules/, a generated
//! FOSDEM-sized schedule, and hostile files (too large, entity bombs, deep nesting, cut off).

use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use tripjournal::model::{Talk, TalkTime};
use tripjournal::schedule::{MAX_FILE_BYTES, ParsedSchedule, ScheduleError, read_schedule};

use crate::util::{Rng, env_count, fixture, timed_on_cpu};

fn read(name: &str, zone: Tz) -> ParsedSchedule {
    let path = fixture(&format!("schedules/{name}"));
    let bytes = std::fs::read(&path).expect("fixture reads");
    read_schedule(&bytes, zone).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .expect("test time")
        .with_timezone(&Utc)
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("test date")
}

fn talk<'a>(schedule: &'a ParsedSchedule, title: &str) -> &'a Talk {
    schedule
        .talks
        .iter()
        .find(|talk| talk.title == title)
        .unwrap_or_else(|| {
            let titles: Vec<&str> = schedule.talks.iter().map(|t| t.title.as_str()).collect();
            panic!("no talk {title:?} among {titles:?}")
        })
}

fn timed(start: &str, end: &str) -> TalkTime {
    TalkTime::Timed {
        start: utc(start),
        end: utc(end),
    }
}

fn reasons(schedule: &ParsedSchedule) -> Vec<(&str, &str)> {
    schedule
        .skipped
        .iter()
        .map(|s| (s.what.as_str(), s.reason.as_str()))
        .collect()
}

#[test]
fn pretalx_xml_header_times_text_and_speakers() {
    let schedule = read("pretalx.xml", chrono_tz::Asia::Tokyo);
    assert_eq!(schedule.title, "RustFest Zürich 2024 & Friends");
    assert_eq!(schedule.start_date, Some(date("2024-11-07")));
    assert_eq!(schedule.end_date, Some(date("2024-11-08")));
    assert_eq!(schedule.time_zone, Some(chrono_tz::Europe::Zurich));
    assert_eq!(schedule.city, "Zürich");
    assert_eq!(schedule.talks.len(), 5);
    assert!(schedule.skipped.is_empty(), "{:?}", schedule.skipped);

    let first = talk(&schedule, "Fearless \"concurrency\" in practice");
    assert_eq!(first.key, "c0ffee00-0000-4000-8000-000000000001");
    assert_eq!(first.subtitle, "Threads, async & you");
    assert_eq!(
        first.time,
        timed("2024-11-07T09:00:00Z", "2024-11-07T09:45:00Z")
    );
    assert_eq!(first.room, "Saal 1");
    assert_eq!(first.track, "Systems");
    assert_eq!(first.kind, "Talk");
    assert_eq!(first.speakers, ["Ada Lovelace", "Grace Hopper"]);
    assert_eq!(
        first.url.as_deref(),
        Some("https://pretalx.example.org/rustfest24/talk/ABC123/")
    );
    assert_eq!(
        first.abstract_text,
        "We look at Send & Sync.\n\nBring a laptop — or don’t."
    );

    let chinese = talk(&schedule, "用 Rust 写操作系统");
    assert_eq!(chinese.speakers, ["王小明"]);
    assert_eq!(chinese.abstract_text, "从引导程序到调度器：一次旅程。");

    // Listed under day 1, held at 00:30 on the next date.
    let late = talk(&schedule, "Lightning talks after dark");
    assert_eq!(
        late.time,
        timed("2024-11-07T23:30:00Z", "2024-11-08T00:30:00Z")
    );
    assert!(late.speakers.is_empty());
    assert_eq!(late.url, None);

    // No <url>: the first web link (a javascript: one is not a page).
    let workshop = talk(&schedule, "Embedded Rust on a €5 board");
    assert_eq!(
        workshop.url.as_deref(),
        Some("https://github.com/example/blinky")
    );
    assert_eq!(workshop.abstract_text, "• Flash it\n• Blink it");
    assert_eq!(workshop.room, "Workshop-Raum");
    assert_eq!(talk(&schedule, "Closing 🦀").track, "");
}

#[test]
fn pentabarf_xml_without_dates_uses_day_change_and_the_floating_zone() {
    let schedule = read("fosdem-2019-pentabarf.xml", chrono_tz::Europe::Brussels);
    assert_eq!(schedule.title, "FOSDEM 2019");
    assert_eq!(schedule.time_zone, None);
    assert_eq!(schedule.city, "Brussels");
    assert_eq!(schedule.talks.len(), 4);

    let welcome = talk(&schedule, "Welcome to FOSDEM 2019");
    assert_eq!(welcome.key, "8001");
    assert_eq!(
        welcome.time,
        timed("2019-02-02T08:30:00Z", "2019-02-02T08:55:00Z")
    );
    assert_eq!(
        welcome.url.as_deref(),
        Some("https://fosdem.org/2019/schedule/event/welcome/")
    );
    assert_eq!(welcome.abstract_text, "FOSDEM welcome and opening talk.");

    // 00:30 is before the day change (09:00), so it is on Sunday.
    let late = talk(&schedule, "Late night hacking");
    assert_eq!(
        late.time,
        timed("2019-02-02T23:30:00Z", "2019-02-03T01:30:00Z")
    );
    assert_eq!(
        late.abstract_text,
        "Listed under Saturday, held after midnight."
    );

    // No id, no <room>: the key comes from title, start and the room it is listed under.
    let lightning = talk(&schedule, "Lightning  Talk");
    assert_eq!(lightning.room, "H.1302 (Depage)");
    assert_eq!(
        lightning.key,
        "lightning talk|2019-02-02T13:00Z|h.1302 (depage)"
    );
    assert_eq!(lightning.abstract_text, "R&D in five minutes");
    assert_eq!(lightning.speakers, ["Ana", "Bo"]);

    assert_eq!(
        reasons(&schedule),
        [(
            "\"Talk to be announced\" (line 52)",
            "its start \"TBA\" is not a time"
        )]
    );

    // The same file read for a trip in another zone: its local times move with the zone.
    let tokyo = read("fosdem-2019-pentabarf.xml", chrono_tz::Asia::Tokyo);
    assert_eq!(
        talk(&tokyo, "Welcome to FOSDEM 2019").time,
        timed("2019-02-02T00:30:00Z", "2019-02-02T00:55:00Z")
    );
}

#[test]
fn pretalx_json_with_public_names_and_links() {
    let schedule = read("pretalx.json", chrono_tz::Europe::Berlin);
    assert_eq!(schedule.title, "JSConf Tokyo 2025");
    assert_eq!(schedule.time_zone, Some(chrono_tz::Asia::Tokyo));
    assert_eq!(schedule.start_date, Some(date("2025-05-20")));
    assert_eq!(schedule.talks.len(), 4);

    let signals = talk(&schedule, "Signals everywhere");
    assert_eq!(signals.key, "5d0b6a8e-0000-4000-8000-000000000042");
    assert_eq!(
        signals.time,
        timed("2025-05-20T01:00:00Z", "2025-05-20T01:40:00Z")
    );
    assert_eq!(signals.speakers, ["Yuki Tanaka", "Sam Lee"]);
    assert_eq!(signals.room, "Hall A");
    assert_eq!(signals.track, "Frameworks");
    assert_eq!(
        signals.abstract_text,
        "Reactive state without the pain & the boilerplate."
    );
    assert_eq!(
        signals.url.as_deref(),
        Some("https://pretalx.example.org/jsconf25/talk/XYZ42/")
    );

    let demo = talk(&schedule, "Live demo: 日本語 input in the browser");
    assert_eq!(
        demo.url.as_deref(),
        Some("https://github.com/example/ime-demo")
    );
    assert_eq!(demo.abstract_text, "IME events,\ncomposition and you.");
    assert_eq!(demo.track, "");
    assert_eq!(demo.subtitle, "");

    // No guid: the numeric id is the key.
    let workshop = talk(&schedule, "Workshop: testing without mocks");
    assert_eq!(workshop.key, "43");
    assert_eq!(workshop.room, "Hall B");

    // An empty public_name falls back to the name.
    assert_eq!(talk(&schedule, "Closing").speakers, ["Kenji Sato"]);

    let skipped = reasons(&schedule);
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    assert_eq!(skipped[0].0, "\"A talk whose persons are a number\"");
    assert!(
        skipped[0].1.starts_with("its fields cannot be read"),
        "{skipped:?}"
    );
}

#[test]
fn c3voc_json_with_string_persons_and_no_dates() {
    let schedule = read("c3voc.json", chrono_tz::Asia::Tokyo);
    assert_eq!(schedule.title, "36th Chaos Communication Congress");
    assert_eq!(schedule.start_date, Some(date("2019-12-27")));
    assert_eq!(schedule.end_date, Some(date("2019-12-30")));
    assert!(schedule.skipped.is_empty(), "{:?}", schedule.skipped);

    let opening = talk(&schedule, "36C3 Opening Ceremony");
    assert_eq!(opening.speakers, ["erdgeist", "Tim Pritlove"]);
    assert_eq!(
        opening.time,
        timed("2019-12-27T10:00:00Z", "2019-12-27T10:40:00Z")
    );
    assert_eq!(
        opening.abstract_text,
        "Die Eröffnung – mit „typografischen“ Anführungszeichen."
    );

    // 01:30 under a day that starts at 11:00: the next date, in the day's offset.
    let night = talk(&schedule, "Nachtprogramm");
    assert_eq!(
        night.time,
        timed("2019-12-28T00:30:00Z", "2019-12-28T01:30:00Z")
    );
    assert_eq!(night.speakers, ["Nora Nacht"]);
    assert_eq!(
        night.url.as_deref(),
        Some("https://media.example.org/nacht")
    );

    let borg = talk(&schedule, "Hacking the Borg");
    assert_eq!(borg.room, "Borg");
    assert_eq!(borg.url.as_deref(), Some("https://borg.example.org/"));
}

#[test]
fn sched_ics_with_tzid_folding_and_escapes() {
    let schedule = read("sched.ics", chrono_tz::Asia::Tokyo);
    assert_eq!(schedule.title, "Cloud Native Days Berlin 2025");
    assert_eq!(schedule.time_zone, Some(chrono_tz::Europe::Berlin));
    assert_eq!(schedule.start_date, Some(date("2025-06-12")));
    assert_eq!(schedule.end_date, Some(date("2025-06-13")));
    assert_eq!(schedule.talks.len(), 3);

    let keynote = talk(&schedule, "Keynote: Scaling, Safely");
    assert_eq!(keynote.key, "SCHED_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d");
    assert_eq!(
        keynote.time,
        timed("2025-06-12T07:30:00Z", "2025-06-12T08:05:00Z")
    );
    assert_eq!(keynote.room, "Hall A (Level 1)");
    assert_eq!(keynote.track, "Keynote Sessions");
    assert_eq!(keynote.speakers, ["Jane Doe", "John Roe"]);
    assert_eq!(
        keynote.url.as_deref(),
        Some("https://cndberlin2025.sched.com/event/1a2b/keynote-scaling-safely")
    );
    assert_eq!(
        keynote.abstract_text,
        "Speakers: Jane Doe, John Roe\n\nWe scaled a cluster to 10,000 nodes and lived to tell \
         the tale. This description is folded over several lines; sched folds at 75 octets."
    );

    assert_eq!(
        talk(&schedule, "Zero-trust for the rest of us").track,
        "Security, Identity & Policy"
    );
    let tutorial = talk(&schedule, "Tutorial: Tracing with OpenTelemetry");
    assert_eq!(tutorial.track, "Observability, Tutorials");
    assert_eq!(tutorial.speakers, ["Lena Fischer", "Tomás García"]);
}

#[test]
fn indico_ics_with_utc_times_and_durations() {
    let schedule = read("indico.ics", chrono_tz::Europe::Paris);
    assert_eq!(schedule.title, "CHEP 2024");
    assert_eq!(schedule.time_zone, None);
    let titles: Vec<&str> = schedule.talks.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Plenary: The future of event reconstruction",
            "Coffee break",
            "Track 3: Offline computing"
        ],
        "sorted by start"
    );
    let plenary = talk(&schedule, "Plenary: The future of event reconstruction");
    assert_eq!(
        plenary.time,
        timed("2024-10-21T07:30:00Z", "2024-10-21T09:00:00Z")
    );
    assert_eq!(plenary.speakers, ["Dr. Maria Rossi", "Kwame Mensah"]);
    assert_eq!(plenary.room, "Main Auditorium");
    assert_eq!(
        plenary.abstract_text,
        "Reconstruction at the HL-LHC.\n\nhttps://indico.example.org/event/1412/"
    );
    assert_eq!(
        talk(&schedule, "Track 3: Offline computing").time,
        timed("2024-10-21T13:30:00Z", "2024-10-21T14:10:00Z")
    );
    // Neither DTEND nor DURATION: no length.
    assert_eq!(
        talk(&schedule, "Coffee break").time,
        timed("2024-10-21T10:00:00Z", "2024-10-21T10:00:00Z")
    );
}

#[test]
fn messy_ics_imports_what_it_can_and_says_what_it_skipped() {
    // A BOM, LF line ends, no VERSION, spaces after colons, floating times, all-day items,
    // a UID shared by two talks, broken VTIMEZONEs, a broken VEVENT, a cancelled one.
    let schedule = read("messy.ics", chrono_tz::Europe::Berlin);
    assert_eq!(schedule.title, "Messy Camp 2025");

    let opening = talk(&schedule, "Opening");
    assert_eq!(
        opening.time,
        timed("2025-08-01T08:00:00Z", "2025-08-01T09:00:00Z")
    );
    assert_eq!(opening.room, "Big Tent");
    assert_eq!(opening.abstract_text, "Welcome, everyone.");
    let other = talk(&schedule, "Different talk with the same UID");
    assert_eq!(
        other.time,
        timed("2025-08-01T12:00:00Z", "2025-08-01T12:30:00Z")
    );
    assert_eq!(opening.key, "dup-1@2025-08-01T08:00Z");
    assert_eq!(other.key, "dup-1@2025-08-01T12:00Z");

    // Its VTIMEZONE is broken, but Europe/Berlin is a zone by its name.
    assert_eq!(
        talk(&schedule, "Talk in Berlin time").time,
        timed("2025-08-01T14:00:00Z", "2025-08-01T15:00:00Z")
    );
    assert_eq!(
        talk(&schedule, "Camping ground open").time,
        TalkTime::AllDay {
            first: date("2025-08-01"),
            last: date("2025-08-03")
        }
    );
    assert_eq!(
        talk(&schedule, "Poster day").time,
        TalkTime::AllDay {
            first: date("2025-08-02"),
            last: date("2025-08-02")
        }
    );
    assert_eq!(
        talk(&schedule, "No UID here").key,
        "no uid here|2025-08-03T07:00Z|big tent"
    );
    assert_eq!(schedule.talks.len(), 6);
    assert_eq!(
        reasons(&schedule),
        [
            (
                "\"Talk in the broken zone\" (line 58)",
                "its time zone \"Camp Time\" cannot be read: line 9: it has no colon"
            ),
            (
                "\"Talk with a broken line\" (line 63)",
                "line 67: it has no colon"
            ),
            (
                "\"Talk with an unreadable start\" (line 69)",
                "line 71: its DTSTART \"2025-08-02 15:00\" is not a date and time"
            ),
            ("\"Cancelled talk\" (line 74)", "cancelled in the file"),
        ]
    );

    // Floating times follow the zone the caller reads them in.
    let tokyo = read("messy.ics", chrono_tz::Asia::Tokyo);
    assert_eq!(
        talk(&tokyo, "Opening").time,
        timed("2025-08-01T01:00:00Z", "2025-08-01T02:00:00Z")
    );
}

#[test]
fn outlook_ics_with_windows_and_custom_zones() {
    let schedule = read("outlook.ics", chrono_tz::America::New_York);
    assert!(schedule.skipped.is_empty(), "{:?}", schedule.skipped);
    assert_eq!(schedule.time_zone, Some(chrono_tz::Europe::Berlin));
    let winter = talk(&schedule, "Programmkomitee");
    assert_eq!(
        winter.time,
        timed("2025-03-11T08:00:00Z", "2025-03-11T09:30:00Z")
    );
    assert_eq!(winter.speakers, ["Müller, Anna"]);
    assert_eq!(winter.room, "Room 4.12");
    assert!(
        winter.key.ends_with("0010000000ABCDEF0123456789"),
        "{}",
        winter.key
    );
    assert_eq!(
        talk(&schedule, "Sommerfest-Planung").time,
        timed("2025-07-10T12:00:00Z", "2025-07-10T13:00:00Z")
    );
    // A TZID that names no zone: the file's VTIMEZONE (+05:30).
    assert_eq!(
        talk(&schedule, "Call with the Bengaluru team").time,
        timed("2025-08-01T04:30:00Z", "2025-08-01T05:30:00Z")
    );
}

const FIXTURES: [&str; 9] = [
    "pretalx.xml",
    "fosdem-2019-pentabarf.xml",
    "pretalx.json",
    "c3voc.json",
    "sched.ics",
    "indico.ics",
    "messy.ics",
    "outlook.ics",
    "fosdem-like-1000.xml",
];

#[test]
fn keys_are_unique_and_the_same_on_every_read() {
    for name in FIXTURES {
        let first = read(name, chrono_tz::Europe::Berlin);
        let keys: Vec<&str> = first.talks.iter().map(|t| t.key.as_str()).collect();
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{name}: keys repeat");
        assert!(keys.iter().all(|key| !key.is_empty()), "{name}: empty key");
        let again = read(name, chrono_tz::Europe::Berlin);
        assert_eq!(first, again, "{name}: a second read differs");
    }
}

#[test]
fn the_generated_fosdem_sized_programme() {
    let (schedule, elapsed) = timed_on_cpu(|| read("fosdem-like-1000.xml", chrono_tz::UTC));
    assert_eq!(schedule.talks.len(), 1000);
    assert!(schedule.skipped.is_empty(), "{:?}", schedule.skipped);
    assert_eq!(schedule.time_zone, Some(chrono_tz::Europe::Brussels));
    let on = |day: &str| {
        schedule
            .talks
            .iter()
            .filter(|talk| match talk.time {
                TalkTime::Timed { start, .. } => {
                    start
                        .with_timezone(&chrono_tz::Europe::Brussels)
                        .date_naive()
                        == date(day)
                }
                TalkTime::AllDay { .. } => false,
            })
            .count()
    };
    assert_eq!((on("2025-02-01"), on("2025-02-02")), (520, 480));
    assert!(
        schedule.talks.iter().all(|talk| !talk.speakers.is_empty()
            && !talk.abstract_text.contains('<')
            && talk.url.is_some()),
        "every generated talk has speakers, a plain abstract and a page"
    );
    // Generous: a debug build (CPU time, so a loaded machine does not count); the benchmark
    // has the real figure.
    assert!(elapsed < Duration::from_secs(10), "took {elapsed:?} of CPU");
}

#[test]
fn the_generated_programme_is_what_its_generator_writes() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/schedules/fosdem-like-1000.xml");
    let generated = fosdem_like_programme();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, &generated).expect("fixture is written");
    }
    let committed = std::fs::read_to_string(&path).expect("fixture reads");
    assert!(
        committed == generated,
        "{} differs from its generator: run UPDATE_FIXTURES=1 cargo test --test integration \
         schedule_parse:: and commit it",
        path.display()
    );
    assert!(committed.len() < 4_000_000, "{} bytes", committed.len());
}

/// A schedule shaped like FOSDEM's: two days in Brussels, 26 and 24 rooms, 20 talks of 25
/// minutes per room and day from 09:00, each with one to three speakers, an abstract in
/// escaped HTML and a link. Deterministic (a fixed seed), written to fosdem-like-1000.xml.
fn fosdem_like_programme() -> String {
    const WORDS: [&str; 24] = [
        "Rust",
        "kernel",
        "packaging",
        "graphics",
        "Wayland",
        "compilers",
        "databases",
        "Go",
        "security",
        "firmware",
        "RISC-V",
        "Python",
        "mesh",
        "routing",
        "LLVM",
        "testing",
        "accessibility",
        "maps",
        "containers",
        "audio",
        "CI",
        "Nix",
        "observability",
        "Mozilla",
    ];
    const NAMES: [&str; 12] = [
        "Ana Ruiz",
        "Bram de Vries",
        "Chloé Martin",
        "Dmitri Ivanov",
        "Eun-ji Park",
        "Femi Adé",
        "Greta Lind",
        "Hiro Sato",
        "Ines Costa",
        "Jan Novák",
        "Kai Müller",
        "Lior Ben-David",
    ];
    let mut rng = Rng::new(2025);
    let pick = |rng: &mut Rng, list: &[&'static str]| list[rng.below(list.len() as u64) as usize];
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- Generated by fosdem_like_programme() in \
         tests/integration/schedule_parse.rs; do not edit. -->\n<schedule>\n  <conference>\n    \
         <title>FOSDEM-like 2025</title>\n    <start>2025-02-01</start>\n    \
         <end>2025-02-02</end>\n    <days>2</days>\n    <day_change>09:00:00</day_change>\n    \
         <time_zone_name>Europe/Brussels</time_zone_name>\n    <city>Brussels</city>\n  \
         </conference>\n",
    );
    let mut id = 0;
    for (day, date, rooms) in [(1, "2025-02-01", 26), (2, "2025-02-02", 24)] {
        xml += &format!("  <day index=\"{day}\" date=\"{date}\">\n");
        for room in 0..rooms {
            let room_name = format!("{}.{}", ["H", "K", "UA", "AW", "UB"][room % 5], 1000 + room);
            let track = format!("{} devroom", pick(&mut rng, &WORDS));
            xml += &format!("    <room name=\"{room_name}\">\n");
            for slot in 0..20 {
                id += 1;
                let (hour, minute) = (9 + slot / 2, slot % 2 * 30);
                let title = format!(
                    "{} &amp; {} for {}",
                    pick(&mut rng, &WORDS),
                    pick(&mut rng, &WORDS),
                    pick(&mut rng, &WORDS)
                );
                let speakers: Vec<&str> =
                    (0..=rng.below(3)).map(|_| pick(&mut rng, &NAMES)).collect();
                let sentences: Vec<String> = (0..3 + rng.below(4))
                    .map(|_| {
                        format!(
                            "How {} meets {} in &lt;b&gt;{}&lt;/b&gt;, and what we learned.",
                            pick(&mut rng, &WORDS),
                            pick(&mut rng, &WORDS),
                            pick(&mut rng, &WORDS)
                        )
                    })
                    .collect();
                xml += &event_xml(
                    id, date, hour, minute, &room_name, &title, &track, &speakers, &sentences,
                );
            }
            xml += "    </room>\n";
        }
        xml += "  </day>\n";
    }
    xml + "</schedule>\n"
}

#[allow(clippy::too_many_arguments)]
fn event_xml(
    id: u32,
    date: &str,
    hour: u32,
    minute: u32,
    room: &str,
    title: &str,
    track: &str,
    speakers: &[&str],
    sentences: &[String],
) -> String {
    let persons: String = speakers
        .iter()
        .enumerate()
        .map(|(n, name)| format!("          <person id=\"{}\">{name}</person>\n", n + 1))
        .collect();
    format!(
        "      <event guid=\"7e57f05d-0000-4000-8000-{id:012}\" id=\"{id}\">\n        \
         <date>{date}T{hour:02}:{minute:02}:00+01:00</date>\n        \
         <start>{hour:02}:{minute:02}</start>\n        <duration>00:25</duration>\n        \
         <room>{room}</room>\n        <slug>talk-{id}</slug>\n        <title>{title}</title>\n        \
         <subtitle/>\n        <track>{track}</track>\n        <type>devroom</type>\n        \
         <language>en</language>\n        <abstract>&lt;p&gt;{}&lt;/p&gt;</abstract>\n        \
         <description/>\n        <persons>\n{persons}        </persons>\n        <links>\n          \
         <link href=\"https://fosdem.example.org/2025/schedule/event/talk-{id}/\">Event page</link>\n        \
         </links>\n      </event>\n",
        sentences.join(" ")
    )
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let mut bytes = b"<schedule>".to_vec();
    bytes.resize(usize::try_from(MAX_FILE_BYTES).expect("fits") + 1, b' ');
    let (result, took) = timed_on_cpu(|| read_schedule(&bytes, chrono_tz::UTC));
    assert!(matches!(result, Err(ScheduleError::TooLarge { .. })));
    assert!(took < Duration::from_secs(1), "took {took:?} of CPU");
}

#[test]
fn a_billion_laughs_is_refused_quickly() {
    let mut xml =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE schedule [\n  <!ENTITY lol \"lol\">\n");
    for level in 1..=9 {
        let previous = if level == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", level - 1)
        };
        xml += &format!(
            "  <!ENTITY lol{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        );
    }
    xml += "]>\n<schedule><conference><title>&lol9;</title></conference></schedule>\n";
    let (result, took) = timed_on_cpu(|| read_schedule(xml.as_bytes(), chrono_tz::UTC));
    assert!(took < Duration::from_secs(1), "took {took:?} of CPU");
    match result {
        Err(ScheduleError::Malformed { reason, .. }) => {
            assert!(reason.contains("ENTITY"), "{reason}");
        }
        other => panic!("{other:?}"),
    }
    // Without the declarations, an undeclared entity is kept as written, never expanded.
    let text = "<schedule><conference><title>&lol9; &amp; more</title></conference>\
        <day date=\"2025-01-01\"><room name=\"R\"><event id=\"1\"><start>10:00</start>\
        <title>&lol9;</title></event></room></day></schedule>";
    let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
    assert_eq!(schedule.title, "&lol9; & more");
    assert_eq!(schedule.talks[0].title, "&lol9;");
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let depth = 200_000;
    let xml = format!(
        "<schedule>{}{}</schedule>",
        "<a>".repeat(depth),
        "</a>".repeat(depth)
    );
    let json = format!(
        "{{\"schedule\":{}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    for (format, text) in [("XML", xml), ("JSON", json)] {
        match read_schedule(text.as_bytes(), chrono_tz::UTC) {
            Err(ScheduleError::Malformed { reason, .. }) => {
                assert!(
                    reason.contains("deeper") || reason.contains("recursion"),
                    "{format}: {reason}"
                );
            }
            other => panic!("{format}: {other:?}"),
        }
    }
}

#[test]
fn cut_off_and_foreign_files_are_refused_whole() {
    // A cut-off download must not read as a schedule whose last talks were removed.
    for name in ["pretalx.xml", "pretalx.json", "sched.ics"] {
        let bytes = std::fs::read(fixture(&format!("schedules/{name}"))).expect("reads");
        for keep in [
            bytes.len() / 3,
            bytes.len() / 2,
            bytes.len() * 2 / 3,
            bytes.len() - 20,
        ] {
            let result = read_schedule(&bytes[..keep], chrono_tz::UTC);
            assert!(
                matches!(&result, Err(ScheduleError::Malformed { reason, .. }) if reason.contains("cut off")),
                "{name} cut to {keep} bytes: {result:?}"
            );
        }
    }
    for (text, expected) in [
        (
            "<html><body>Programme</body></html>",
            ScheduleError::UnknownFormat,
        ),
        (
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head></html>",
            ScheduleError::UnknownFormat,
        ),
        (
            "<?xml version=\"1.0\"?><!-- nothing -->",
            ScheduleError::UnknownFormat,
        ),
        ("Talks: none", ScheduleError::UnknownFormat),
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n",
            ScheduleError::Empty,
        ),
    ] {
        assert_eq!(
            read_schedule(text.as_bytes(), chrono_tz::UTC),
            Err(expected),
            "{text}"
        );
    }
    assert!(matches!(
        read_schedule(b"\xff\xfe<\x00s\x00", chrono_tz::UTC),
        Err(ScheduleError::Malformed { .. })
    ));
}

/// Random edits of every hand-written fixture (300 each; `TRIPJOURNAL_SCHEDULE_MUTATIONS` for
/// more, `TRIPJOURNAL_SEED` to replay a run).
#[test]
fn mutated_fixtures_never_panic() {
    const PIECES: [&str; 18] = [
        "\\",
        ";",
        ":",
        "\"",
        "<",
        ">",
        "&",
        "&#x0;",
        "\r\n ",
        "\n",
        "é",
        "🦀",
        "=",
        ",",
        "T",
        "Z",
        "-",
        "BEGIN:VEVENT\n",
    ];
    let seed = Rng::seed_from_env();
    println!("seed {seed} (TRIPJOURNAL_SEED replays it)");
    let mut rng = Rng::new(seed);
    for name in &FIXTURES[..8] {
        let text = std::fs::read_to_string(fixture(&format!("schedules/{name}"))).expect("reads");
        let boundaries: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
        for _ in 0..env_count("TRIPJOURNAL_SCHEDULE_MUTATIONS", 300) {
            let mut mutated = text.clone();
            for _ in 0..=rng.below(4) {
                let at = boundaries[rng.below(boundaries.len() as u64) as usize].min(mutated.len());
                if !mutated.is_char_boundary(at) {
                    continue;
                }
                if rng.below(3) == 0 {
                    let end = mutated[at..]
                        .char_indices()
                        .nth(1 + rng.below(12) as usize)
                        .map_or(mutated.len(), |(n, _)| at + n);
                    mutated.replace_range(at..end, "");
                } else {
                    mutated.insert_str(at, PIECES[rng.below(PIECES.len() as u64) as usize]);
                }
            }
            // Any outcome but a panic; a schedule keeps its keys unique.
            if let Ok(schedule) = read_schedule(mutated.as_bytes(), chrono_tz::Europe::Berlin) {
                let mut keys: Vec<&str> = schedule.talks.iter().map(|t| t.key.as_str()).collect();
                keys.sort_unstable();
                let count = keys.len();
                keys.dedup();
                assert_eq!(keys.len(), count, "{name}, seed {seed}: keys repeat");
            }
        }
    }
}

/// An iCalendar file of the given VEVENT bodies (each a list of lines).
fn calendar(events: &[&[&str]]) -> String {
    let mut lines = vec!["BEGIN:VCALENDAR"];
    for event in events {
        lines.push("BEGIN:VEVENT");
        lines.extend_from_slice(event);
        lines.push("END:VEVENT");
    }
    lines.extend(["END:VCALENDAR", ""]);
    lines.join("\r\n")
}

/// Each talk as (key, title, start in UTC), in the order read.
fn occurrences(schedule: &ParsedSchedule) -> Vec<(String, String, String)> {
    schedule
        .talks
        .iter()
        .map(|talk| {
            let start = match talk.time {
                TalkTime::Timed { start, .. } => start.format("%Y-%m-%dT%H:%MZ").to_string(),
                TalkTime::AllDay { first, .. } => first.to_string(),
            };
            (talk.key.clone(), talk.title.clone(), start)
        })
        .collect()
}

#[test]
fn a_repeating_event_becomes_one_talk_per_occurrence_with_its_exceptions_and_changes() {
    let text = calendar(&[
        &[
            "UID:coffee@x",
            "SUMMARY:Coffee",
            "DTSTART:20181113T090000Z",
            "DURATION:PT30M",
            "RRULE:FREQ=DAILY;COUNT=3",
            "EXDATE:20181113T090000Z",
        ],
        &[
            "UID:coffee@x",
            "RECURRENCE-ID:20181114T090000Z",
            "SUMMARY:Coffee (late)",
            "DTSTART:20181114T100000Z",
            "DURATION:PT30M",
        ],
        &[
            "UID:extra@x",
            "SUMMARY:Extra dates",
            "DTSTART:20181113T120000Z",
            "DURATION:PT1H",
            "RDATE:20181115T120000Z",
        ],
        &[
            "UID:keynote@x",
            "SUMMARY:Keynote",
            "DTSTART:20181113T080000Z",
        ],
    ]);
    let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
    assert!(schedule.skipped.is_empty(), "{:?}", reasons(&schedule));
    let mut found = occurrences(&schedule);
    found.sort();
    let expected = [
        (
            "coffee@x@20181114T090000Z",
            "Coffee (late)",
            "2018-11-14T10:00Z",
        ),
        ("coffee@x@20181115T090000Z", "Coffee", "2018-11-15T09:00Z"),
        (
            "extra@x@20181113T120000Z",
            "Extra dates",
            "2018-11-13T12:00Z",
        ),
        (
            "extra@x@20181115T120000Z",
            "Extra dates",
            "2018-11-15T12:00Z",
        ),
        ("keynote@x", "Keynote", "2018-11-13T08:00Z"),
    ]
    .map(|(key, title, start)| (key.to_owned(), title.to_owned(), start.to_owned()));
    assert_eq!(found, expected);
    let coffee = talk(&schedule, "Coffee");
    assert_eq!(
        coffee.time,
        timed("2018-11-15T09:00:00Z", "2018-11-15T09:30:00Z")
    );
}

#[test]
fn a_daily_talk_keeps_its_wall_clock_time_across_the_change_from_summer_time() {
    // Berlin left summer time at 03:00 on Sunday 28 October 2018.
    let text = calendar(&[&[
        "UID:standup@x",
        "SUMMARY:Standup",
        "DTSTART;TZID=Europe/Berlin:20181026T090000",
        "DTEND;TZID=Europe/Berlin:20181026T091500",
        "RRULE:FREQ=DAILY;COUNT=3",
    ]]);
    let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
    let starts: Vec<String> = occurrences(&schedule).into_iter().map(|o| o.2).collect();
    assert_eq!(
        starts,
        [
            "2018-10-26T07:00Z",
            "2018-10-27T07:00Z",
            "2018-10-28T08:00Z"
        ]
    );
}

#[test]
fn until_in_utc_ends_a_zoned_rule_at_that_instant_inclusive() {
    for (until, expected) in [
        ("20181115T080000Z", 3),
        ("20181115T075959Z", 2),
        ("20181114", 2),
    ] {
        let rule = format!("RRULE:FREQ=DAILY;UNTIL={until}");
        let text = calendar(&[&[
            "UID:talk@x",
            "SUMMARY:Morning",
            "DTSTART;TZID=Europe/Berlin:20181113T090000",
            "DURATION:PT1H",
            &rule,
        ]]);
        let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
        assert_eq!(
            schedule.talks.len(),
            expected,
            "{until}: {:?}",
            occurrences(&schedule)
        );
    }
}

#[test]
fn a_rule_without_end_stops_at_the_programmes_last_day() {
    let text = calendar(&[
        &[
            "UID:daily@x",
            "SUMMARY:Breakfast",
            "DTSTART:20181113T070000Z",
            "DURATION:PT1H",
            "RRULE:FREQ=DAILY",
        ],
        &[
            "UID:closing@x",
            "SUMMARY:Closing",
            "DTSTART:20181115T170000Z",
            "DURATION:PT1H",
        ],
    ]);
    let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
    let breakfasts = occurrences(&schedule)
        .into_iter()
        .filter(|o| o.1 == "Breakfast")
        .map(|o| o.2)
        .collect::<Vec<_>>();
    assert_eq!(
        breakfasts,
        [
            "2018-11-13T07:00Z",
            "2018-11-14T07:00Z",
            "2018-11-15T07:00Z"
        ]
    );
}

#[test]
fn a_rule_that_cannot_be_expanded_or_repeats_too_often_is_skipped_whole_with_its_reason() {
    let text = calendar(&[
        &[
            "UID:often@x",
            "SUMMARY:Every minute",
            "DTSTART:20181113T070000Z",
            "RRULE:FREQ=MINUTELY;COUNT=1000",
        ],
        &[
            "UID:nonsense@x",
            "SUMMARY:Nonsense rule",
            "DTSTART:20181113T070000Z",
            "RRULE:FREQ=FORTNIGHTLY;COUNT=2",
        ],
        &[
            "UID:periods@x",
            "SUMMARY:Periods",
            "DTSTART:20181113T070000Z",
            "RDATE;VALUE=PERIOD:20181114T070000Z/PT1H",
        ],
        &[
            "UID:keynote@x",
            "SUMMARY:Keynote",
            "DTSTART:20181113T080000Z",
        ],
    ]);
    let schedule = read_schedule(text.as_bytes(), chrono_tz::UTC).expect("reads");
    let titles: Vec<String> = occurrences(&schedule).into_iter().map(|o| o.1).collect();
    assert_eq!(titles, ["Keynote"]);
    let skipped = reasons(&schedule);
    assert_eq!(skipped.len(), 3, "{skipped:?}");
    assert!(
        skipped[0].0.contains("Every minute") && skipped[0].1.contains("more than 500"),
        "{skipped:?}"
    );
    assert!(
        skipped[1].0.contains("Nonsense rule") && skipped[1].1.contains("RRULE"),
        "{skipped:?}"
    );
    assert!(
        skipped[2].0.contains("Periods") && skipped[2].1.contains("periods"),
        "{skipped:?}"
    );
}

#[test]
fn odd_repetition_rules_never_panic_or_run_away() {
    const PARTS: [&str; 16] = [
        "FREQ=YEARLY",
        "FREQ=SECONDLY",
        "FREQ=WEEKLY",
        "INTERVAL=0",
        "INTERVAL=4000000000",
        "COUNT=0",
        "COUNT=65536",
        "UNTIL=10000101T000000Z",
        "UNTIL=20000101",
        "BYDAY=53MO,-1FR",
        "BYMONTHDAY=-31,0,32",
        "BYSETPOS=0,-367",
        "BYHOUR=25",
        "BYWEEKNO=-53",
        "WKST=XX",
        "BYYEARDAY=366",
    ];
    let seed = Rng::seed_from_env();
    println!("seed {seed} (TRIPJOURNAL_SEED replays it)");
    let mut rng = Rng::new(seed);
    for _ in 0..env_count("TRIPJOURNAL_SCHEDULE_MUTATIONS", 300) {
        let picked: Vec<&str> = (0..=rng.below(4))
            .map(|_| PARTS[rng.below(PARTS.len() as u64) as usize])
            .collect();
        let rule = format!("RRULE:{}", picked.join(";"));
        let starts = [
            "DTSTART:99991230T230000Z",
            "DTSTART;TZID=Europe/Berlin:20180325T023000",
            "DTSTART;VALUE=DATE:20181113",
        ];
        let start = starts[rng.below(3) as usize];
        let text = calendar(&[&["UID:odd@x", "SUMMARY:Odd", start, "DURATION:PT1H", &rule]]);
        let (schedule, took) = timed_on_cpu(|| read_schedule(text.as_bytes(), chrono_tz::UTC));
        let schedule = schedule.unwrap_or_else(|error| panic!("{rule}: {error}"));
        assert!(
            schedule.talks.len() <= 500,
            "{rule}: {}",
            schedule.talks.len()
        );
        assert!(took < Duration::from_secs(5), "{rule} took {took:?} of CPU");
    }
}

/// An iCalendar programme with its own VTIMEZONE (no IANA name) and the venue's GEO.
const GEO_AND_OWN_ZONE_ICS: &str = "BEGIN:VCALENDAR\r
PRODID:-//Hand made//geo//EN\r
BEGIN:VTIMEZONE\r
TZID:Conference Time\r
BEGIN:STANDARD\r
DTSTART:19701025T030000\r
TZOFFSETFROM:+0200\r
TZOFFSETTO:+0100\r
END:STANDARD\r
END:VTIMEZONE\r
BEGIN:VEVENT\r
UID:geo-1\r
DTSTART;TZID=Conference Time:20250201T100000\r
DTEND;TZID=Conference Time:20250201T110000\r
SUMMARY:Opening\r
GEO:50.8130;4.3820\r
END:VEVENT\r
END:VCALENDAR\r
";

#[test]
fn an_icalendars_own_zone_gives_offsets_and_its_geo_the_place_of_the_trips_zone() {
    let schedule = read_schedule(GEO_AND_OWN_ZONE_ICS.as_bytes(), Tz::UTC).expect("reads");
    assert_eq!(schedule.time_zone, None);
    assert_eq!(schedule.coordinates, Some((3049, 263)));
    let offsets: Vec<(String, i32)> = schedule
        .stated_offsets
        .iter()
        .map(|(at, offset)| (at.to_rfc3339(), offset.local_minus_utc()))
        .collect();
    assert_eq!(offsets, [("2025-02-01T09:00:00+00:00".to_owned(), 3600)]);

    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("programme.ics");
    std::fs::write(&file, GEO_AND_OWN_ZONE_ICS).expect("writes");
    let mut store = tripjournal::store::Store::open(&dir.path().join("j.sqlite")).expect("opens");
    let made = tripjournal::schedule::new_trip_from_schedule(
        &mut store,
        &file,
        None,
        chrono_tz::America::New_York,
        |_| {},
    )
    .expect("imports");
    let guess = made.zone.expect("a new trip's zone");
    assert_eq!(guess.zone, chrono_tz::Europe::Brussels, "{guess:?}");
    assert!(guess.is_sure());
    let trip = store.trip(made.trip).expect("the trip");
    assert_eq!(trip.fields.time_zone, chrono_tz::Europe::Brussels);
    // No X-WR-CALNAME and a file name that says nothing: named after the GEO's city and month.
    assert_eq!(trip.fields.name, "Conference in Brussels, Feb 2025");
    assert_eq!(trip.fields.city, "Brussels");

    // A file named after the conference names the trip.
    let named = dir.path().join("cfgmgmtcamp-2025.ics");
    std::fs::write(&named, GEO_AND_OWN_ZONE_ICS).expect("writes");
    let made = tripjournal::schedule::new_trip_from_schedule(
        &mut store,
        &named,
        None,
        chrono_tz::America::New_York,
        |_| {},
    )
    .expect("imports");
    let trip = store.trip(made.trip).expect("the trip");
    assert_eq!(trip.fields.name, "Cfgmgmtcamp 2025");
}
