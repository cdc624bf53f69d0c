//! The conference schedule in the window: the Schedule view (days, stars, track filter,
//! search, Start notes), the Now / next strip, and schedule files dropped on the window.
//! Schedules are built from `Talk` values and put in the journal through the store.

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use tripjournal::model::{EntryContent, ScheduleItem, TripFields, TripId};
use tripjournal::model::{Talk, TalkTime};
use tripjournal::store::Store;
use tripjournal::ui::TripJournalApp;

use crate::gui::{App, app_on, journal_until, new_journal, settle, shown_until, step_until};
use crate::snapshots::Theme;

/// A talk of the schedule.
fn talk(title: &str, start: DateTime<Utc>, minutes: i64, room: &str, track: &str) -> Talk {
    Talk {
        key: format!("guid-{title}"),
        title: title.into(),
        subtitle: String::new(),
        time: TalkTime::Timed {
            start,
            end: start + Duration::minutes(minutes),
        },
        room: room.into(),
        track: track.into(),
        kind: "lecture".into(),
        speakers: Vec::new(),
        url: None,
        abstract_text: String::new(),
    }
}

/// 2026-01-31 or 2026-02-01 at a Brussels wall-clock time (UTC+1 in winter).
fn brussels(day: u32, hour: u32, minute: u32) -> DateTime<Utc> {
    let date = if day == 31 { (1, 31) } else { (2, day) };
    chrono_tz::Europe::Brussels
        .with_ymd_and_hms(2026, date.0, date.1, hour, minute, 0)
        .single()
        .expect("a time")
        .with_timezone(&Utc)
}

/// The schedule of a two-day conference: an all-day item, talks in three tracks.
fn fosdem_talks() -> Vec<Talk> {
    let mut kernel = talk(
        "Rust in the kernel",
        brussels(31, 10, 0),
        50,
        "UB2.252A",
        "Rust",
    );
    kernel.speakers = vec!["Miguel Ojeda".into(), "Alice Ryhl".into()];
    kernel.url = Some("https://fosdem.org/2026/schedule/event/rust-kernel/".into());
    kernel.abstract_text = "Where Rust for Linux stands after three years.".into();
    let mut registration = talk("Registration", brussels(31, 8, 0), 0, "Hall", "");
    let d = |day| NaiveDate::from_ymd_opt(2026, if day == 31 { 1 } else { 2 }, day);
    registration.time = TalkTime::AllDay {
        first: d(31).expect("day"),
        last: d(1).expect("day"),
    };
    vec![
        registration,
        talk(
            "Welcome to FOSDEM",
            brussels(31, 9, 30),
            25,
            "Janson",
            "Keynotes",
        ),
        kernel,
        talk("Go generics", brussels(31, 10, 0), 30, "UD2.218A", "Go"),
        talk("Async Rust", brussels(1, 11, 0), 40, "UB2.252A", "Rust"),
        talk("Closing", brussels(1, 17, 0), 15, "Janson", "Keynotes"),
    ]
}

/// A journal with one trip in Brussels (`first` to `last`) holding `talks`.
fn conference_journal(
    first: NaiveDate,
    last: NaiveDate,
    talks: &[Talk],
) -> (tempfile::TempDir, std::path::PathBuf, TripId) {
    conference_journal_in(chrono_tz::Europe::Brussels, first, last, talks)
}

/// A journal with one trip in `zone` (`first` to `last`) holding `talks`.
fn conference_journal_in(
    zone: chrono_tz::Tz,
    first: NaiveDate,
    last: NaiveDate,
    talks: &[Talk],
) -> (tempfile::TempDir, std::path::PathBuf, TripId) {
    let (dir, journal) = new_journal();
    let mut store = Store::open(&journal).expect("journal");
    let mut fields = TripFields::named("FOSDEM 2026");
    fields.city = "Brussels".into();
    fields.time_zone = zone;
    fields.start_date = Some(first);
    fields.end_date = Some(last);
    let trip = store.create_trip(&fields).expect("trip");
    store.import_schedule(trip, talks).expect("programme");
    (dir, journal, trip)
}

fn fosdem_journal() -> (tempfile::TempDir, std::path::PathBuf, TripId) {
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("day");
    conference_journal(day(1, 31), day(2, 1), &fosdem_talks())
}

/// The window on `journal` once its trip and schedule are shown.
fn window_with_programme(journal: &std::path::Path) -> App {
    let mut harness = app_on(journal);
    step_until(&mut harness, "the trip and its programme", |app| {
        app.current_trip()
            .is_some_and(|open| !open.schedule.items().is_empty())
    });
    settle(&mut harness);
    harness
}

/// The window on `journal` showing its schedule's first day in the Schedule view (the view
/// opens on today when the schedule has it).
fn schedule_window(journal: &std::path::Path) -> App {
    let mut harness = window_with_programme(journal);
    harness.get_by_label("Schedule").click();
    settle(&mut harness);
    harness.get_by_label("Sat 31 Jan").click();
    settle(&mut harness);
    harness
}

/// Waits for an entry to open in the editor; it must be the trip's only entry, titled `title`.
fn notes_opened_on(harness: &mut App, journal: &std::path::Path, trip: TripId, title: &str) {
    step_until(harness, "the session's editor", |app| {
        app.selected_entry().is_some()
    });
    let store = Store::open(journal).expect("journal");
    let entries = store.entries(trip).expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].fields.title, title);
}

/// The talk of the trip's schedule titled `title`, as the journal holds it.
fn stored_talk(journal: &std::path::Path, trip: TripId, title: &str) -> ScheduleItem {
    let store = Store::open(journal).expect("journal");
    store
        .schedule(trip)
        .expect("schedule")
        .into_iter()
        .find(|item| item.talk.title == title)
        .expect("the talk")
}

fn starred_in_journal(store: &Store, trip: TripId, title: &str) -> Option<bool> {
    let items = store.schedule(trip).ok()?;
    let item = items.iter().find(|item| item.talk.title == title)?;
    Some(item.starred)
}

fn shown(harness: &App, title: &str) -> bool {
    harness.query_by_label(title).is_some()
}

#[test]
fn the_schedule_view_lists_days_and_stars_filters_and_searches_talks() {
    let (_dir, journal, trip) = fosdem_journal();
    let mut harness = schedule_window(&journal);

    // Day tabs in the trip's zone; the all-day item is on top of each of its days.
    assert!(shown(&harness, "Rust in the kernel") && shown(&harness, "Registration"));
    assert!(!shown(&harness, "Async Rust"));
    let top = |harness: &App, title: &str| harness.get_by_label(title).rect().top();
    assert!(top(&harness, "Registration") < top(&harness, "Welcome to FOSDEM"));
    assert!(top(&harness, "Welcome to FOSDEM") < top(&harness, "Rust in the kernel"));
    harness.get_by_label("Sun 1 Feb").click();
    settle(&mut harness);
    assert!(shown(&harness, "Async Rust") && shown(&harness, "Registration"));
    assert!(!shown(&harness, "Rust in the kernel"));
    harness.get_by_label("Sat 31 Jan").click();
    settle(&mut harness);

    // A star by click, another by `S` on the selected talk, and Ctrl+Z takes it back.
    harness.get_by_label("Star “Rust in the kernel”").click();
    journal_until(&mut harness, &journal, "the click's star", |store| {
        starred_in_journal(store, trip, "Rust in the kernel") == Some(true)
    });
    settle(&mut harness);
    harness.get_by_label("Unstar “Rust in the kernel”");
    harness.get_by_label("Go generics").click();
    settle(&mut harness);
    harness.key_press(Key::S);
    journal_until(&mut harness, &journal, "the key's star", |store| {
        starred_in_journal(store, trip, "Go generics") == Some(true)
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(&mut harness, &journal, "the star undone", |store| {
        starred_in_journal(store, trip, "Go generics") == Some(false)
    });

    // The track filter.
    harness.get_by_label("Track").click();
    settle(&mut harness);
    harness.get_by_role_and_label(Role::Button, "Rust").click();
    settle(&mut harness);
    assert!(shown(&harness, "Rust in the kernel"));
    assert!(!shown(&harness, "Go generics") && !shown(&harness, "Welcome to FOSDEM"));
    harness.get_by_label("Track").click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(Role::Button, "All tracks")
        .click();
    settle(&mut harness);
    assert!(shown(&harness, "Go generics"));

    // The search finds speakers too, without regard to case.
    harness.get_by_label("Search talks").click();
    harness.get_by_label("Search talks").type_text("OJEDA");
    settle(&mut harness);
    assert!(shown(&harness, "Rust in the kernel"));
    assert!(!shown(&harness, "Go generics") && !shown(&harness, "Registration"));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.key_press(Key::Backspace);
    settle(&mut harness);
    assert!(shown(&harness, "Go generics"));
}

#[test]
fn start_notes_makes_the_session_once_and_puts_the_cursor_in_its_notes() {
    let (_dir, journal, trip) = fosdem_journal();
    let mut harness = schedule_window(&journal);
    harness.get_by_label("Rust in the kernel").click();
    settle(&mut harness);
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the session's editor", |app| {
        app.selected_entry().is_some()
    });
    settle(&mut harness);
    let entry = harness.state().selected_entry().expect("entry");
    // Typed without clicking anywhere: the cursor is in the notes.
    harness.event(egui::Event::Text("Unsafe blocks shrink".into()));
    journal_until(&mut harness, &journal, "the notes typed", |store| {
        store
            .entry(entry)
            .is_ok_and(|e| e.fields.body == "Unsafe blocks shrink")
    });
    let store = Store::open(&journal).expect("journal");
    let stored = store.entry(entry).expect("entry");
    assert_eq!(stored.fields.title, "Rust in the kernel");
    assert_eq!(stored.fields.at, brussels(31, 10, 0));
    let EntryContent::Session(session) = &stored.fields.content else {
        panic!("not a session: {:?}", stored.fields.content);
    };
    assert_eq!(session.room, "UB2.252A");
    assert_eq!(session.track, "Rust");
    assert_eq!(session.speakers, ["Miguel Ojeda", "Alice Ryhl"]);
    assert_eq!(session.duration_min, Some(50));
    // The abstract is a collapsed quote in the editor, not part of the notes.
    harness.get_by_label("Abstract");
    assert!(!shown(
        &harness,
        "Where Rust for Linux stands after three years."
    ));
    harness.get_by_label("Abstract").click();
    settle(&mut harness);
    assert!(shown(
        &harness,
        "Where Rust for Linux stands after three years."
    ));
    assert_eq!(
        stored_talk(&journal, trip, "Rust in the kernel").entry,
        Some(entry)
    );

    // Again, after closing the editor: by Enter and by the row's button, the same entry.
    harness.get_by_label("Close").click();
    step_until(&mut harness, "the editor closed", |app| {
        app.selected_entry().is_none()
    });
    harness.get_by_label("Rust in the kernel").click();
    settle(&mut harness);
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the same entry", |app| {
        app.selected_entry() == Some(entry)
    });
    harness.get_by_label("Close").click();
    step_until(&mut harness, "the editor closed", |app| {
        app.selected_entry().is_none()
    });
    harness
        .get_by_label("Open the notes on “Rust in the kernel”")
        .click();
    step_until(&mut harness, "the same entry by the button", |app| {
        app.selected_entry() == Some(entry)
    });
    settle(&mut harness);
    assert_eq!(store.entries(trip).expect("entries").len(), 1);
}

#[test]
fn a_double_click_starts_notes_on_another_talk() {
    let (_dir, journal, trip) = fosdem_journal();
    let mut harness = schedule_window(&journal);
    // The harness's clock moves a quarter second per frame and delivers each click in its
    // own frames (0.75 s apart): a hand's 0.3 s double-click window is too short for it. The
    // click on the day tab lies 1.25 s back, so this is no triple-click.
    harness
        .ctx
        .options_mut(|options| options.input_options.max_double_click_delay = 0.9);
    let title = harness.get_by_label("Go generics");
    title.click();
    title.click();
    notes_opened_on(&mut harness, &journal, trip, "Go generics");
}

#[test]
fn the_now_next_strip_shows_the_starred_talk_running_now_and_the_next() {
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Brussels).date_naive();
    let running = talk(
        "Talk running now",
        now - Duration::minutes(10),
        30,
        "K.1.105",
        "",
    );
    let later = talk("Later talk", now + Duration::minutes(90), 30, "H.2215", "");
    let unstarred = talk(
        "Unstarred now",
        now - Duration::minutes(5),
        30,
        "AW1.120",
        "",
    );
    let mut cancelled = talk(
        "Cancelled now",
        now - Duration::minutes(5),
        30,
        "AW1.121",
        "",
    );
    cancelled.key = "gone".into();
    let (first, last) = (today - Duration::days(1), today + Duration::days(1));
    let (_dir, journal, trip) = conference_journal(
        first,
        last,
        &[running, later.clone(), unstarred.clone(), cancelled],
    );
    {
        let mut store = Store::open(&journal).expect("journal");
        for item in store.schedule(trip).expect("schedule") {
            store.set_starred(item.id, true).expect("star");
        }
        let unstarred_id = stored_talk(&journal, trip, "Unstarred now").id;
        store.set_starred(unstarred_id, false).expect("unstar");
        // A newer schedule without "Cancelled now": it is kept, marked cancelled.
        let listed = [
            talk(
                "Talk running now",
                now - Duration::minutes(10),
                30,
                "K.1.105",
                "",
            ),
            later,
            unstarred,
        ];
        let summary = store.import_schedule(trip, &listed).expect("again");
        assert_eq!(summary.cancelled, 1);
    }
    let mut harness = window_with_programme(&journal);
    harness.get_by_label("Now: Talk running now");
    harness.get_by_label("Next: Later talk");
    assert!(harness.query_by_label("Now: Unstarred now").is_none());
    assert!(harness.query_by_label("Now: Cancelled now").is_none());
    harness.get_by_label_contains("K.1.105");

    // A click on it opens its notes.
    harness.get_by_label("Now: Talk running now").click();
    notes_opened_on(&mut harness, &journal, trip, "Talk running now");
}

#[test]
fn a_dropped_schedule_file_goes_to_the_schedule_import_not_the_photos() {
    let (dir, journal, trip) = fosdem_journal();
    let mut harness = window_with_programme(&journal);
    let file = dir.path().join("schedule.json");
    std::fs::write(&file, "[1, 2, 3]").expect("file");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(crate::gui_keys::DroppedPath(file)));
    step_until(&mut harness, "the schedule import's answer", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("The schedule was not imported"))
    });
    let notice = harness.state().notices().join("\n");
    assert!(notice.contains("schedule.json"), "{notice}");
    assert!(!harness.state().importing());
    let store = Store::open(&journal).expect("journal");
    assert!(store.photos(trip).expect("photos").is_empty());
    assert_eq!(store.schedule(trip).expect("schedule").len(), 6);
}

/// A window of `size` on `journal`, rendering as snapshots do, showing the Schedule view's
/// first day.
fn schedule_snapshot_window(journal: &std::path::Path, size: egui::Vec2) -> App {
    let path = journal.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(size)
        .with_options(crate::snapshots::options())
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, path));
    step_until(&mut harness, "the programme", |app| {
        app.current_trip()
            .is_some_and(|open| !open.schedule.items().is_empty())
    });
    settle(&mut harness);
    harness.get_by_label("Schedule").click();
    settle(&mut harness);
    harness.get_by_label("Sat 31 Jan").click();
    settle(&mut harness);
    harness
}

#[test]
fn the_schedule_view_looks_right() {
    let (_dir, journal, trip) = fosdem_journal();
    {
        let mut store = Store::open(&journal).expect("journal");
        let kernel = stored_talk(&journal, trip, "Rust in the kernel").id;
        store.set_starred(kernel, true).expect("star");
        let welcome = stored_talk(&journal, trip, "Welcome to FOSDEM").id;
        store
            .session_from_talk(welcome, |_, _| Ok::<(), tripjournal::store::StoreError>(()))
            .expect("notes");
        // A newer schedule without "Go generics": it stays, struck through.
        let newer: Vec<Talk> = fosdem_talks()
            .into_iter()
            .filter(|talk| talk.title != "Go generics")
            .collect();
        store.import_schedule(trip, &newer).expect("again");
    }
    let mut harness = schedule_snapshot_window(&journal, egui::vec2(1400.0, 900.0));
    harness.get_by_label("Rust in the kernel").click();
    // The pointer leaves the row, so no hover text covers the view.
    harness.hover_at(egui::pos2(700.0, 850.0));
    settle(&mut harness);
    harness.state_mut().clear_notices();
    harness.step();
    harness.get_by_label("Start notes on “Rust in the kernel”");
    harness.get_by_label("Open the notes on “Welcome to FOSDEM”");
    harness.snapshot("schedule_view");
    let calm = |harness: &mut App| {
        harness.hover_at(egui::pos2(700.0, 880.0));
        settle(harness);
    };
    // The same day as a grid of rooms: the starred talk framed in gold, the selected one
    // highlighted, the cancelled one struck through.
    harness.get_by_label("Grid").click();
    calm(&mut harness);
    harness.get_by_label("Go generics");
    harness.get_by_label("UB2.252A");
    harness.snapshot("schedule_grid");
    Theme::Light.choose(&mut harness);
    calm(&mut harness);
    harness.snapshot("schedule_grid_light");
    harness.get_by_label("List").click();
    calm(&mut harness);
    harness.snapshot("schedule_view_light");
}

#[test]
fn a_programme_opened_from_the_file_manager_is_offered_as_a_new_trip_or_into_the_open_trip() {
    use tripjournal::app::OpenedFileProblem;
    // The open trip is one of the two choices; a file that is no programme gets its reason.
    let (dir, journal, trip) = fosdem_journal();
    let file = dir.path().join("pretalx.xml");
    std::fs::copy(crate::util::fixture("schedules/pretalx.xml"), &file).expect("copy");
    let mut harness = window_with_programme(&journal);
    harness.state_mut().open_files(
        vec![file.clone()],
        vec![(dir.path().join("photo.gif"), OpenedFileProblem::Unsupported)],
    );
    shown_until(&mut harness, "the offer", |h| {
        h.query_by_label("Open a conference programme").is_some()
    });
    assert!(
        harness.state().notices().iter().any(|n| n
            == "Cannot open photo.gif: it is neither a journal nor a conference programme (.ics, .xml, .json)"),
        "{:?}",
        harness.state().notices()
    );
    harness.get_by_label("Its talks in “FOSDEM 2026”").click();
    settle(&mut harness);
    harness.get_by_label("Import").click();
    step_until(&mut harness, "the import's notice", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("Imported 5 talks"))
    });
    assert!(
        harness
            .query_by_label("Open a conference programme")
            .is_none()
    );
    let store = Store::open(&journal).expect("journal");
    assert_eq!(store.schedule(trip).expect("schedule").len(), 6 + 5);

    // Taken as offered: a new trip of its own.
    let mut harness = window_with_programme(&journal);
    harness.state_mut().open_files(vec![file], Vec::new());
    shown_until(&mut harness, "the offer", |h| {
        h.query_by_label("Create trip").is_some()
    });
    harness.get_by_label("Create trip").click();
    step_until(&mut harness, "the new trip with its programme", |app| {
        app.current_trip().is_some_and(|open| {
            open.trip.fields.name == "RustFest Zürich 2024 & Friends"
                && open.schedule.items().len() == 5
        })
    });
    assert_eq!(harness.state().trips().len(), 2);
}

#[test]
fn a_dropped_programme_is_imported_and_without_a_trip_becomes_one() {
    // Into the open trip: the talks are added and the notice counts them (the file is read as
    // the trip's schedule now, so the talks it does not list are marked cancelled).
    let (dir, journal, trip) = fosdem_journal();
    let mut harness = window_with_programme(&journal);
    let file = dir.path().join("pretalx.xml");
    std::fs::copy(crate::util::fixture("schedules/pretalx.xml"), &file).expect("copy");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(crate::gui_keys::DroppedPath(
            file.clone(),
        )));
    step_until(&mut harness, "the import's notice", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("Imported 5 talks, updated 0, cancelled 6, skipped 0"))
    });
    let store = Store::open(&journal).expect("journal");
    assert_eq!(store.schedule(trip).expect("schedule").len(), 6 + 5);

    // No trip yet: the file makes the trip from its header, then imports it.
    let (_empty_dir, empty) = crate::gui::new_journal();
    let mut harness = app_on(&empty);
    crate::gui::wait_for_trips(&mut harness);
    settle(&mut harness);
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(crate::gui_keys::DroppedPath(file)));
    step_until(&mut harness, "the new trip with its programme", |app| {
        app.current_trip().is_some_and(|open| {
            open.trip.fields.name == "RustFest Zürich 2024 & Friends"
                && open.schedule.items().len() == 5
        })
    });
    let open = harness.state().current_trip().expect("open trip");
    assert_eq!(open.trip.fields.time_zone, chrono_tz::Europe::Zurich);
    assert_eq!(
        open.trip.fields.start_date,
        NaiveDate::from_ymd_opt(2024, 11, 7)
    );
}

#[test]
fn the_export_dialog_can_end_the_post_with_the_talks_attended() {
    let (dir, journal, trip) = fosdem_journal();
    {
        let mut store = Store::open(&journal).expect("journal");
        let kernel = stored_talk(&journal, trip, "Rust in the kernel").id;
        store.set_starred(kernel, true).expect("star");
        store
            .session_from_talk(kernel, |_, _| Ok::<(), tripjournal::store::StoreError>(()))
            .expect("session");
    }
    let mut harness = window_with_programme(&journal);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness.get_by_label("Talks I attended").click();
    step_until(&mut harness, "the preview with the list", |app| {
        app.export_preview()
            .is_some_and(|text| text.contains("## Talks I attended"))
    });
    let out = dir.path().join("blog");
    crate::gui::type_destination(&mut harness, &out);
    harness.get_by_label("Export").click();
    step_until(&mut harness, "the post", |_| {
        std::fs::read_dir(&out).is_ok_and(|mut files| {
            files.any(|f| f.is_ok_and(|f| f.path().extension().is_some_and(|e| e == "md")))
        })
    });
    let post = std::fs::read_dir(&out)
        .expect("folder")
        .filter_map(Result::ok)
        .map(|f| f.path())
        .find(|p| p.extension().is_some_and(|e| e == "md"))
        .expect("the post");
    let text = std::fs::read_to_string(post).expect("post");
    let list = text.split("## Talks I attended").nth(1).expect("the list");
    assert!(list.contains("Rust in the kernel"), "{list}");
    assert!(!list.contains("Welcome to FOSDEM"), "{list}");
}

#[test]
fn a_read_only_journal_shows_the_programme_but_takes_no_stars_or_new_notes() {
    let (dir, journal, trip) = fosdem_journal();
    let Some(protected) = crate::util::ReadOnly::make(dir.path()) else {
        return;
    };
    let mut harness = schedule_window(&journal);
    assert!(harness.state().read_only().is_some(), "opened read-only");
    let disabled = |harness: &App, label: &str| {
        use egui_kittest::kittest::NodeT;
        harness.get_by_label(label).accesskit_node().is_disabled()
    };
    assert!(disabled(&harness, "Import schedule…"));
    assert!(disabled(&harness, "Star “Rust in the kernel”"));

    // Selecting still works; `S` and Enter (which a double-click also asks for) do nothing.
    harness.get_by_label("Rust in the kernel").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Start notes on “Rust in the kernel”")
            .is_none()
    );
    harness.key_press(Key::S);
    harness.key_press(Key::Enter);
    settle(&mut harness);
    assert!(
        harness.state().notices().is_empty(),
        "nothing was tried and refused: {:?}",
        harness.state().notices()
    );
    let schedule = harness
        .state()
        .current_trip()
        .map(|open| open.schedule.items().to_vec())
        .expect("the trip");
    assert!(
        schedule
            .iter()
            .all(|item| !item.starred && item.entry.is_none())
    );
    assert!(
        harness
            .state()
            .current_trip()
            .is_some_and(|o| o.entries.is_empty())
    );
    drop(harness);
    drop(protected);
    let store = Store::open(&journal).expect("journal");
    assert_eq!(
        starred_in_journal(&store, trip, "Rust in the kernel"),
        Some(false)
    );
}

#[test]
fn five_arrow_presses_in_one_frame_move_five_rows_and_s_stars_the_talk_reached() {
    let talks: Vec<Talk> = (0..8)
        .map(|index| {
            let title = format!("Talk {}", index + 1);
            talk(&title, brussels(31, 9 + index, 0), 45, "Janson", "Main")
        })
        .collect();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("day");
    let (_dir, journal, trip) = conference_journal(day(1, 31), day(2, 1), &talks);
    let mut harness = schedule_window(&journal);
    harness.get_by_label("Talk 1").click();
    settle(&mut harness);
    // Five ↓ and an S in one frame, as fast typing on a busy machine delivers them: from
    // Talk 1 the selection moves five rows to Talk 6, which is starred.
    for _ in 0..5 {
        harness.key_press(Key::ArrowDown);
    }
    harness.key_press(Key::S);
    harness.step();
    journal_until(&mut harness, &journal, "the star on Talk 6", |store| {
        starred_in_journal(store, trip, "Talk 6") == Some(true)
    });
    let store = Store::open(&journal).expect("journal");
    for title in ["Talk 1", "Talk 2", "Talk 3", "Talk 4", "Talk 5", "Talk 7"] {
        assert_eq!(
            starred_in_journal(&store, trip, title),
            Some(false),
            "{title}"
        );
    }
}

/// The labels and buttons drawn inside `area`, with their text and rectangles.
fn widgets_in(harness: &App, area: egui::Rect) -> Vec<(String, egui::Rect)> {
    harness
        .query_all(egui_kittest::kittest::by())
        .filter(|node| matches!(node.accesskit_node().role(), Role::Label | Role::Button))
        .map(|node| {
            let ak = node.accesskit_node();
            let label = ak.label().or_else(|| ak.value()).unwrap_or_default();
            (label, node.rect())
        })
        .filter(|(_, rect)| area.intersects(*rect) && rect.area() > 0.0)
        .collect()
}

#[test]
fn at_800_by_600_with_the_editor_open_every_title_shows_and_nothing_overlaps() {
    let long = [
        (
            "Building a multi-tenant Kubernetes platform on bare metal",
            "UB2.252A (Lameere)",
            "Containers and Virtualization",
        ),
        ("Rust in the kernel", "UB2.252A", "Rust"),
        ("开源社区的十年", "K.3.201", "Community"),
        (
            "Go generics",
            "UD2.218A",
            "Go and other languages that compile",
        ),
        ("Lunch", "", ""),
    ];
    let talks: Vec<Talk> = long
        .iter()
        .enumerate()
        .map(|(index, (title, room, track))| {
            talk(title, brussels(31, 9 + index as u32, 0), 50, room, track)
        })
        .collect();
    let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("day");
    let (_dir, journal, trip) = conference_journal(day(1, 31), day(2, 1), &talks);
    let mut harness = schedule_snapshot_window(&journal, egui::vec2(800.0, 600.0));
    harness.get_by_label("Go generics").click();
    settle(&mut harness);
    harness.key_press(Key::Enter);
    notes_opened_on(&mut harness, &journal, trip, "Go generics");
    settle(&mut harness);
    harness.hover_at(egui::pos2(790.0, 590.0));
    settle(&mut harness);
    // The Schedule view is still there beside the editor.
    let editor_left = harness.get_by_label("Title").rect().left();
    let list_top = harness.get_by_label("Import schedule…").rect().bottom();
    let list = egui::Rect::from_min_max(
        egui::pos2(0.0, list_top + 1.0),
        egui::pos2(editor_left - 1.0, 600.0),
    );
    let drawn = widgets_in(&harness, list);
    for (title, room, track) in long {
        let (_, rect) = drawn
            .iter()
            .find(|(label, _)| label == title)
            .unwrap_or_else(|| panic!("“{title}” is not drawn in the list: {drawn:?}"));
        // The whole title, or at least 200 px of it when it is longer than the row.
        let font = egui::TextStyle::Button.resolve(&harness.ctx.global_style());
        let natural = harness.ctx.fonts_mut(|fonts| {
            fonts
                .layout_no_wrap(title.to_string(), font, egui::Color32::WHITE)
                .size()
                .x
        });
        assert!(
            rect.width() >= natural.min(200.0) && list.contains_rect(*rect),
            "“{title}” ({natural} px) gets {rect:?} in {list:?}"
        );
        let place = [room, track]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        if !place.is_empty() {
            assert!(
                drawn.iter().any(|(label, _)| *label == place),
                "“{place}” is not drawn: {drawn:?}"
            );
        }
    }
    for (index, (a, rect_a)) in drawn.iter().enumerate() {
        for (b, rect_b) in &drawn[index + 1..] {
            assert!(
                !rect_a.shrink(0.5).intersects(rect_b.shrink(0.5)),
                "“{a}” {rect_a:?} overlaps “{b}” {rect_b:?}"
            );
        }
    }
    harness.snapshot("schedule_800x600");
}

#[test]
fn without_a_file_dialog_a_schedules_path_can_be_typed_for_a_new_trip_and_an_import() {
    let (_dir, empty) = crate::gui::new_journal();
    let file = crate::util::fixture("schedules/pretalx.xml");
    let mut harness = app_on(&empty);
    harness.state_mut().assume_no_file_dialog();
    crate::gui::wait_for_trips(&mut harness);
    settle(&mut harness);

    // The first-run view's button opens the path field, centred on the window.
    harness.get_by_label("New trip from a schedule…").click();
    settle(&mut harness);
    let field = harness.get_by_label("File");
    let centre = harness
        .get_by_label("New trip from a conference schedule")
        .rect()
        .center();
    let window = harness.ctx.content_rect().center();
    assert!(
        (centre.x - window.x).abs() < 60.0,
        "the dialog's title at {centre:?}, the window's centre at {window:?}"
    );
    field.click();
    settle(&mut harness);
    // Pasted as a file manager copies it, in quotes.
    harness
        .get_by_label("File")
        .type_text(&format!("'{}'", file.display()));
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the new trip with its programme", |app| {
        app.current_trip().is_some_and(|open| {
            open.trip.fields.name == "RustFest Zürich 2024 & Friends"
                && open.schedule.items().len() == 5
        })
    });
    settle(&mut harness);
    assert!(
        harness.query_by_label("File").is_none(),
        "the dialog closed"
    );

    // The Schedule view's Import: a file that is not there gets its one line, the dialog
    // having closed; then a real one imports.
    harness.get_by_label("Schedule").click();
    settle(&mut harness);
    harness.get_by_label("Import schedule…").click();
    settle(&mut harness);
    harness.get_by_label("Import a conference schedule");
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness
        .get_by_label("File")
        .type_text("/nowhere/schedule.xml");
    harness.get_by_label("Import").click();
    step_until(&mut harness, "the refusal", |app| {
        app.notices()
            .iter()
            .any(|n| n.contains("/nowhere/schedule.xml"))
    });
    harness.get_by_label("Import schedule…").click();
    settle(&mut harness);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness
        .get_by_label("File")
        .type_text(&file.display().to_string());
    harness.get_by_label("Import").click();
    step_until(&mut harness, "the second import's notice", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("Imported 0 talks, updated 0"))
    });
}

/// A programme giving only `-11:00` offsets (no zone name, no city): no computer running the
/// tests is in that zone, so the trip's zone stays a guess.
const OFFSETS_ONLY_FRAB: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<schedule>
  <conference><title>Island Conf</title><start>2025-12-05</start><end>2025-12-05</end></conference>
  <day index="1" date="2025-12-05" start="2025-12-05T09:00:00-11:00" end="2025-12-05T18:00:00-11:00">
    <room name="Fale">
      <event guid="i1"><date>2025-12-05T10:00:00-11:00</date><start>10:00</start>
        <duration>00:30</duration><room>Fale</room><title>Talofa</title></event>
    </room>
  </day>
</schedule>
"#;

#[test]
fn a_trip_whose_programme_gives_only_offsets_opens_its_form_saying_the_zone_is_a_guess() {
    let (dir, empty) = crate::gui::new_journal();
    let file = dir.path().join("island.xml");
    std::fs::write(&file, OFFSETS_ONLY_FRAB).expect("writes");
    let mut harness = app_on(&empty);
    harness.state_mut().assume_no_file_dialog();
    crate::gui::wait_for_trips(&mut harness);
    settle(&mut harness);
    harness.get_by_label("New trip from a schedule…").click();
    settle(&mut harness);
    harness.get_by_label("File").click();
    settle(&mut harness);
    harness
        .get_by_label("File")
        .type_text(&file.display().to_string());
    harness.key_press(Key::Enter);
    step_until(
        &mut harness,
        "the trip's form asking about its zone",
        |app| {
            app.current_trip()
                .is_some_and(|open| open.trip.fields.name == "Island Conf")
                && app.windows_open().2
        },
    );
    settle(&mut harness);
    assert_eq!(
        harness
            .state()
            .current_trip()
            .expect("open")
            .trip
            .fields
            .time_zone
            .name(),
        "Etc/GMT+11"
    );
    let doubt = harness.get_by_label_contains("is a guess");
    let node = doubt.accesskit_node();
    let doubt = node.label().or_else(|| node.value()).unwrap_or_default();
    assert!(doubt.contains("-11:00"), "{doubt}");
    // The user types the zone they know and confirms with Enter.
    harness.get_by_label("Time zone").click();
    settle(&mut harness);
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Time zone")
        .type_text("Pacific/Pago_Pago");
    harness.key_press(Key::Enter);
    step_until(&mut harness, "the chosen zone saved", |app| {
        app.current_trip()
            .is_some_and(|open| open.trip.fields.time_zone == chrono_tz::Pacific::Pago_Pago)
    });
    settle(&mut harness);
    assert!(!harness.state().windows_open().2, "the form closed");
}

#[test]
fn starring_the_first_talk_fills_the_now_next_strip_without_moving_the_list() {
    let now = Utc::now();
    let soon = now + Duration::minutes(30);
    let talks = [
        talk("First talk to come", soon, 30, "Janson", "Main"),
        talk(
            "Second talk to come",
            soon + Duration::minutes(40),
            30,
            "K.1.105",
            "Main",
        ),
    ];
    let today = now.with_timezone(&chrono_tz::Europe::Brussels).date_naive();
    let (first, last) = (today - Duration::days(1), today + Duration::days(1));
    let (_dir, journal, trip) = conference_journal(first, last, &talks);
    let mut harness = window_with_programme(&journal);
    harness.get_by_label("Schedule").click();
    settle(&mut harness);
    let talk_day = soon
        .with_timezone(&chrono_tz::Europe::Brussels)
        .date_naive();
    harness
        .get_by_label(&talk_day.format("%a %-d %b").to_string())
        .click();
    settle(&mut harness);
    // No star yet: the strip keeps its place with a hint.
    harness.get_by_label_contains("star talks");
    let before = harness.get_by_label("First talk to come").rect();
    harness.get_by_label("First talk to come").click();
    settle(&mut harness);
    harness.key_press(Key::S);
    journal_until(&mut harness, &journal, "the star", |store| {
        starred_in_journal(store, trip, "First talk to come") == Some(true)
    });
    step_until(&mut harness, "the star shown", |app| {
        app.current_trip()
            .is_some_and(|open| open.schedule.items().iter().any(|item| item.starred))
    });
    settle(&mut harness);
    harness.get_by_label("Next: First talk to come");
    let after = harness.get_by_label("First talk to come").rect();
    assert!(
        (after.top() - before.top()).abs() < 0.5,
        "the talk moved from {before:?} to {after:?} when the strip filled"
    );
}

/// A fixed-offset zone whose clock shows about noon at `now`, so talks a couple of hours
/// either side of now fall on the same day there.
fn zone_at_noon(now: DateTime<Utc>) -> chrono_tz::Tz {
    use chrono::Timelike;
    let offset = 12 - i32::try_from(now.hour()).expect("an hour");
    // The tz database's Etc zones count the other way: Etc/GMT-3 is UTC+3.
    let name = match offset {
        0 => "Etc/GMT".to_string(),
        east if east > 0 => format!("Etc/GMT-{east}"),
        west => format!("Etc/GMT+{}", -west),
    };
    name.parse().expect("an Etc zone")
}

#[test]
fn the_grid_puts_rooms_side_by_side_with_the_now_line_between_what_ran_and_what_comes() {
    let now = Utc::now();
    let zone = zone_at_noon(now);
    let today = now.with_timezone(&zone).date_naive();
    let talks = [
        talk(
            "Earlier talk",
            now - Duration::minutes(100),
            60,
            "Room A",
            "",
        ),
        talk(
            "Clashing talk",
            now - Duration::minutes(80),
            30,
            "Room A",
            "",
        ),
        talk(
            "Running talk",
            now - Duration::minutes(20),
            60,
            "Room B",
            "",
        ),
        talk("Coming talk", now + Duration::minutes(30), 45, "Room A", ""),
    ];
    let (first, last) = (today - Duration::days(1), today + Duration::days(1));
    let (_dir, journal, trip) = conference_journal_in(zone, first, last, &talks);
    let mut harness = window_with_programme(&journal);
    harness.get_by_label("Schedule").click();
    settle(&mut harness);
    harness.get_by_label("Grid").click();
    settle(&mut harness);

    let rect = |harness: &App, label: &str| harness.get_by_label(label).rect();
    let (room_a, room_b) = (rect(&harness, "Room A"), rect(&harness, "Room B"));
    assert!(room_a.right() <= room_b.left(), "{room_a:?} {room_b:?}");
    let earlier = rect(&harness, "Earlier talk");
    let clashing = rect(&harness, "Clashing talk");
    let running = rect(&harness, "Running talk");
    let coming = rect(&harness, "Coming talk");
    // Each talk under its room's name; the two that overlap in Room A side by side.
    for cell in [earlier, clashing, coming] {
        assert!(cell.center().x < room_b.left() && cell.right() > room_a.left());
    }
    assert!(
        running.center().x > room_b.left() - 8.0,
        "{running:?} {room_b:?}"
    );
    assert!(!earlier.intersects(clashing), "{earlier:?} {clashing:?}");
    assert!(earlier.top() < clashing.top() && earlier.bottom() > clashing.top());
    // Time runs down, an hour 96 px: the coming talk starts 130 minutes after the earlier.
    let step = coming.top() - earlier.top();
    assert!((step - 130.0 * 1.6).abs() < 3.0, "{step}");

    // The now line: between what ran and what comes, through the running talk.
    // (The Now / next strip's hint also starts with "Now ".)
    let (shown_time, y) = harness
        .query_all_by_label_contains("Now ")
        .find_map(|node| {
            let ak = node.accesskit_node();
            let text = ak.label().or_else(|| ak.value()).unwrap_or_default();
            let time = text.strip_prefix("Now ")?;
            (time.len() == 5 && time.as_bytes()[2] == b':').then(|| (text, node.rect().center().y))
        })
        .expect("the now line's time");
    assert!(
        earlier.bottom() < y && y < coming.top(),
        "{y} {earlier:?} {coming:?}"
    );
    assert!(running.top() < y && y < running.bottom(), "{y} {running:?}");
    let expected = Utc::now().with_timezone(&zone);
    let close_by =
        [expected - Duration::minutes(1), expected].map(|at| format!("Now {}", at.format("%H:%M")));
    assert!(close_by.contains(&shown_time), "{shown_time} {close_by:?}");

    // A click selects a cell and S stars it, as in the list.
    harness.get_by_label("Coming talk").click();
    settle(&mut harness);
    harness.key_press(Key::S);
    journal_until(&mut harness, &journal, "the star in the journal", |store| {
        starred_in_journal(store, trip, "Coming talk") == Some(true)
    });
}

/// One language of the window as the tests choose it: its name in the 🌐 menu, the words
/// looked for, and the snapshots' suffix.
struct WindowLanguage {
    menu_name: &'static str,
    suffix: &'static str,
    schedule: &'static str,
    first_day: &'static str,
    destination: &'static str,
    /// Words of the Schedule view and of the export dialog that must show.
    schedule_words: [&'static str; 3],
    export_words: [&'static str; 3],
}

const WINDOW_LANGUAGES: [WindowLanguage; 3] = [
    WindowLanguage {
        menu_name: "English",
        suffix: "en",
        schedule: "Schedule",
        first_day: "Sat 31 Jan",
        destination: "Destination folder",
        schedule_words: ["List", "Search talks", "Grid"],
        export_words: ["Export as a blog post", "Plain folder", "Talks I attended"],
    },
    WindowLanguage {
        menu_name: "中文（简体）",
        suffix: "zh",
        schedule: "日程",
        first_day: "1月31日 周六",
        destination: "目标文件夹",
        schedule_words: ["列表", "搜索讲座", "网格"],
        export_words: ["导出为博客文章", "普通文件夹", "我听过的讲座"],
    },
    WindowLanguage {
        menu_name: "Deutsch",
        suffix: "de",
        schedule: "Programm",
        first_day: "Sa 31.1.",
        destination: "Zielordner",
        schedule_words: ["Liste", "Vorträge suchen", "Raster"],
        export_words: [
            "Als Blogbeitrag exportieren",
            "Einfacher Ordner",
            "Besuchte Vorträge",
        ],
    },
];

/// The Schedule view and the export dialog in a language of the window, chosen through the
/// 🌐 menu as a person does: their words come from the message files (the controls looked
/// for are in that language) and each is snapshotted.
fn schedule_and_export_speak(language: &WindowLanguage) {
    let (_dir, journal, trip) = fosdem_journal();
    {
        let store = Store::open(&journal).expect("journal");
        let kernel = stored_talk(&journal, trip, "Rust in the kernel").id;
        store.set_starred(kernel, true).expect("star");
    }
    let mut harness = schedule_snapshot_language(&journal, language);
    for word in language.schedule_words {
        assert!(
            harness.query_by_label_contains(word).is_some(),
            "{}: no “{word}” in the Schedule view",
            language.suffix
        );
    }
    harness.snapshot(format!("schedule_{}", language.suffix));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness.get_by_label(language.destination).click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label(language.destination)
        .type_text("/tmp/blog");
    harness.step();
    harness.key_press(Key::Escape);
    step_until(&mut harness, "the preview", |app| {
        app.export_preview().is_some()
    });
    settle(&mut harness);
    for word in language.export_words {
        assert!(
            harness.query_by_label_contains(word).is_some(),
            "{}: no “{word}” in the export dialog",
            language.suffix
        );
    }
    harness.snapshot(format!("export_dialog_{}", language.suffix));
}

#[test]
fn the_schedule_view_and_the_export_dialog_speak_english() {
    schedule_and_export_speak(&WINDOW_LANGUAGES[0]);
}

#[test]
fn the_schedule_view_and_the_export_dialog_speak_chinese() {
    schedule_and_export_speak(&WINDOW_LANGUAGES[1]);
}

#[test]
fn the_schedule_view_and_the_export_dialog_speak_german() {
    schedule_and_export_speak(&WINDOW_LANGUAGES[2]);
}

/// The window on `journal` in `language`, showing the Schedule view's first day.
fn schedule_snapshot_language(journal: &std::path::Path, language: &WindowLanguage) -> App {
    let path = journal.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .with_options(crate::snapshots::options())
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, path));
    step_until(&mut harness, "the programme", |app| {
        app.current_trip()
            .is_some_and(|open| !open.schedule.items().is_empty())
    });
    harness.get_by_label("🌐 English").click();
    settle(&mut harness);
    harness.get_by_label(language.menu_name).click();
    settle(&mut harness);
    harness.get_by_label(language.schedule).click();
    settle(&mut harness);
    harness.get_by_label(language.first_day).click();
    harness.hover_at(egui::pos2(700.0, 780.0));
    settle(&mut harness);
    harness.state_mut().clear_notices();
    harness.step();
    harness
}

/// The plan in the Schedule view, as a person meets it: two starred talks at 10:00 clash
/// (a mark on both and a line naming them), *Keep* makes the other "maybe"; a newer programme
/// that moves the kept talk shows in a panel and marks its row until dismissed; with the
/// window's clock five minutes before the talk's new start, its reminder shows once.
#[test]
fn the_plan_shows_clashes_changes_and_a_reminder_at_the_talks_new_time() {
    let (_dir, journal, trip) = fosdem_journal();
    {
        let store = Store::open(&journal).expect("journal");
        for title in ["Rust in the kernel", "Go generics"] {
            let id = stored_talk(&journal, trip, title).id;
            store.set_starred(id, true).expect("star");
        }
    }
    let mut harness = schedule_window(&journal);
    harness.get_by_label_contains("“Rust in the kernel” clashes with “Go generics”");
    harness.get_by_label("⚠ Rust in the kernel");
    harness.get_by_label("⚠ Go generics");
    harness.get_by_label("Keep “Rust in the kernel”").click();
    journal_until(&mut harness, &journal, "Go generics maybe", |store| {
        let go = store
            .schedule(trip)
            .expect("schedule")
            .into_iter()
            .find(|i| i.talk.title == "Go generics");
        go.is_some_and(|item| item.marks.maybe && item.starred)
    });
    shown_until(&mut harness, "Go generics shown as maybe", |h| {
        h.query_by_label("maybe · Go generics").is_some()
    });
    assert!(harness.query_by_label_contains("clashes with").is_none());

    // The organisers move the kernel talk to 14:00 in another room.
    let mut newer = fosdem_talks();
    let kernel = newer
        .iter_mut()
        .find(|t| t.title == "Rust in the kernel")
        .expect("talk");
    kernel.time = TalkTime::Timed {
        start: brussels(31, 14, 0),
        end: brussels(31, 14, 50),
    };
    kernel.room = "K.1.105".into();
    let path = _dir.path().join("newer.ics");
    std::fs::write(&path, ics_of(&newer)).expect("programme");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(crate::gui_keys::DroppedPath(path)));
    shown_until(&mut harness, "the changes panel", |h| {
        h.query_by_label_contains("moved: Sat 10:00 UB2.252A ⏵ Sat 14:00 K.1.105")
            .is_some()
    });
    harness.get_by_label("↻ Rust in the kernel");
    harness.snapshot("schedule_plan_changes");
    harness.get_by_label("Dismiss").click();
    journal_until(&mut harness, &journal, "changes seen", |store| {
        store
            .schedule_changes(trip)
            .expect("changes")
            .iter()
            .all(|c| c.seen)
    });
    shown_until(&mut harness, "the moved mark gone", |h| {
        h.query_by_label("↻ Rust in the kernel").is_none()
            && h.query_by_label("Rust in the kernel").is_some()
    });

    // 13:54: nothing yet; 13:55 (five minutes before its new start): the reminder, once.
    let clock = std::rc::Rc::new(std::cell::Cell::new(brussels(31, 13, 54)));
    let read = clock.clone();
    harness.state_mut().set_clock(move || read.get());
    let notified = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let record = notified.clone();
    harness
        .state_mut()
        .set_notify(move |notification| record.borrow_mut().push(notification));
    settle(&mut harness);
    assert!(harness.state().reminders_shown().is_empty());
    assert!(notified.borrow().is_empty());
    clock.set(brussels(31, 13, 55));
    settle(&mut harness);
    let kernel_id = stored_talk(&journal, trip, "Rust in the kernel").id;
    assert_eq!(
        harness.state().reminders_shown(),
        [(kernel_id, brussels(31, 14, 0))]
    );
    harness.get_by_label("⏰ 14:00 “Rust in the kernel” · K.1.105");
    let desktop = tripjournal::app::DesktopNotification {
        summary: "Rust in the kernel".into(),
        body: "Starts at 14:00 in K.1.105".into(),
    };
    assert_eq!(*notified.borrow(), std::slice::from_ref(&desktop));
    clock.set(brussels(31, 13, 57));
    settle(&mut harness);
    assert_eq!(harness.state().reminders_shown().len(), 1, "reminded once");
    assert_eq!(*notified.borrow(), [desktop], "notified once");
}

/// A programme as iCalendar text (UTC times), for importing through the window.
fn ics_of(talks: &[Talk]) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n");
    for talk in talks {
        let TalkTime::Timed { start, end } = talk.time else {
            continue;
        };
        text.push_str(&format!(
            "BEGIN:VEVENT\r\nUID:{}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:{}\r\nDTEND:{}\r\n\
             SUMMARY:{}\r\nLOCATION:{}\r\nCATEGORIES:{}\r\nEND:VEVENT\r\n",
            talk.key,
            start.format("%Y%m%dT%H%M%SZ"),
            end.format("%Y%m%dT%H%M%SZ"),
            talk.title,
            talk.room,
            talk.track
        ));
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

/// The talk titled `title` as the journal holds it, once it matches `check`.
fn talk_in_journal_until(
    harness: &mut App,
    journal: &std::path::Path,
    trip: TripId,
    title: &str,
    check: impl Fn(&ScheduleItem) -> bool,
) {
    journal_until(harness, journal, title, |store| {
        store
            .schedule(trip)
            .expect("schedule")
            .into_iter()
            .find(|item| item.talk.title == title)
            .is_some_and(|item| check(&item))
    });
}

/// *My plan* lists the day's starred talks in time order with the free time between them;
/// of two clashing talks, *Keep this* on one makes the other "maybe" (greyed, still listed)
/// and *Back in plan* undoes it.
#[test]
fn my_plan_lists_starred_talks_with_free_time_and_picks_one_of_a_clash() {
    let (_dir, journal, trip) = fosdem_journal();
    {
        let store = Store::open(&journal).expect("journal");
        for title in [
            "Registration",
            "Welcome to FOSDEM",
            "Rust in the kernel",
            "Go generics",
        ] {
            let id = stored_talk(&journal, trip, title).id;
            store.set_starred(id, true).expect("star");
        }
    }
    let mut harness = schedule_window(&journal);
    harness.get_by_label("My plan").click();
    shown_until(&mut harness, "the plan", |h| {
        h.query_by_label("free 09:55–10:00 (5 min)").is_some()
    });
    assert!(
        shown(&harness, "Registration"),
        "the all-day item is listed"
    );
    assert!(!shown(&harness, "Async Rust"), "another day's talk is not");
    assert!(!shown(&harness, "Closing"));
    harness.get_by_label("⚠ Clashes with: Go generics");
    harness.get_by_label("⚠ Clashes with: Rust in the kernel");

    harness.get_by_label("Keep “Go generics”").click();
    talk_in_journal_until(&mut harness, &journal, trip, "Rust in the kernel", |item| {
        item.marks.maybe && item.starred
    });
    shown_until(&mut harness, "the kernel talk as maybe", |h| {
        h.query_by_label("maybe · Rust in the kernel").is_some()
    });
    assert!(harness.query_by_label_contains("Clashes with").is_none());
    harness.snapshot("schedule_plan_view");

    harness
        .get_by_label("Put “Rust in the kernel” back in the plan")
        .click();
    talk_in_journal_until(&mut harness, &journal, trip, "Rust in the kernel", |item| {
        !item.marks.maybe
    });
    shown_until(&mut harness, "the clash again", |h| {
        h.query_by_label("⚠ Clashes with: Go generics").is_some()
    });
}

/// Two starred talks running now clash: the Now / next strip marks the one it shows (the
/// later start) with "⚠", whose label names the other.
#[test]
fn the_now_next_strip_marks_a_talk_that_clashes() {
    let now = Utc::now();
    let today = now.with_timezone(&chrono_tz::Europe::Brussels).date_naive();
    let first = talk(
        "First running",
        now - Duration::minutes(10),
        30,
        "K.1.105",
        "",
    );
    let second = talk(
        "Second running",
        now - Duration::minutes(5),
        30,
        "H.2215",
        "",
    );
    let (_dir, journal, trip) = conference_journal(today, today, &[first, second]);
    {
        let store = Store::open(&journal).expect("journal");
        for item in store.schedule(trip).expect("schedule") {
            store.set_starred(item.id, true).expect("star");
        }
    }
    let harness = window_with_programme(&journal);
    // The later start is the one running "now".
    harness.get_by_label("Now: Second running");
    harness.get_by_label("Clashes with: First running");
}
