//! The window under real hands: each test sends key presses and text events in the order a
//! person's keyboard sends them (several in one frame when they type fast), never sets a
//! widget's text, and checks what reached the journal.

use egui::{Event, Key, Modifiers};
use egui_kittest::kittest::Queryable;
use tripjournal::model::{EntryKind, TripFields, TripId};
use tripjournal::store::Store;

use crate::gui::{App, app_on, journal_until, new_journal, settle, step_until};

/// A journal with one Berlin trip in 2018.
fn berlin_journal() -> (tempfile::TempDir, std::path::PathBuf, TripId) {
    let (dir, journal) = new_journal();
    let store = Store::open(&journal).expect("journal");
    let mut fields = TripFields::named("Berlin");
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 13);
    fields.end_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 15);
    let trip = store.create_trip(&fields).expect("trip");
    (dir, journal, trip)
}

/// A journal with one Berlin trip in 2018, opened in the window.
fn berlin_window() -> (tempfile::TempDir, std::path::PathBuf, TripId, App) {
    let (dir, journal, trip) = berlin_journal();
    let harness = open_window(&journal);
    (dir, journal, trip, harness)
}

/// The window on `journal` with its first trip open.
fn open_window(journal: &std::path::Path) -> App {
    let mut harness = app_on(journal);
    step_until(&mut harness, "the trip to open", |app| {
        app.current_trip().is_some()
    });
    settle(&mut harness);
    harness
}

/// Queues `text` as a person types it: one text event per character.
fn type_keys(harness: &App, text: &str) {
    for character in text.chars() {
        harness.event(Event::Text(character.to_string()));
    }
}

fn titles(journal: &std::path::Path, trip: TripId) -> Vec<String> {
    let store = Store::open(journal).expect("journal");
    store
        .entries(trip)
        .expect("entries")
        .into_iter()
        .map(|e| e.fields.title)
        .collect()
}

#[test]
fn keys_typed_in_the_same_frame_as_ctrl_1_reach_the_new_title() {
    let (_dir, journal, trip, mut harness) = berlin_window();
    // Ctrl+1 and the first letters arrive before the journal thread has created the entry.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    type_keys(&harness, "Qu");
    harness.step();
    type_keys(&harness, "ick");
    harness.step();
    step_until(&mut harness, "the new entry", |app| {
        app.selected_entry().is_some()
    });
    // Typing goes on in the title, which has the focus with the cursor at the end.
    type_keys(&harness, "0");
    harness.key_press(Key::Backspace);
    type_keys(&harness, "0 talk");
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the typed title", |store| {
        store
            .entries(trip)
            .is_ok_and(|e| e.iter().any(|e| e.fields.title == "Quick0 talk"))
    });
}

#[test]
fn typing_after_ctrl_1_never_lands_in_the_entry_that_was_open() {
    let (_dir, journal, trip, mut harness) = berlin_window();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    type_keys(&harness, "First");
    step_until(&mut harness, "the first note", |app| {
        app.selected_entry().is_some()
    });
    settle(&mut harness);
    let first = harness.state().selected_entry();
    // The title of the first note has the focus; Ctrl+1 must take the next keys away from it.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    type_keys(&harness, "Second");
    step_until(&mut harness, "the session", |app| {
        app.selected_entry().is_some() && app.selected_entry() != first
    });
    settle(&mut harness);
    journal_until(&mut harness, &journal, "both titles", |store| {
        store.entries(trip).is_ok_and(|entries| {
            let mut titles: Vec<_> = entries.iter().map(|e| e.fields.title.as_str()).collect();
            titles.sort();
            titles == ["First", "Second"]
        })
    });
}

#[test]
fn an_untouched_new_entry_is_discarded_when_closed() {
    let (_dir, journal, trip, mut harness) = berlin_window();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step_until(&mut harness, "the new session", |app| {
        app.selected_entry().is_some()
    });
    settle(&mut harness);
    harness.get_by_label("Close").click();
    settle(&mut harness);
    journal_until(&mut harness, &journal, "no entry left", |store| {
        store.entries(trip).is_ok_and(|e| e.is_empty())
    });
    assert!(
        harness
            .state()
            .current_trip()
            .is_some_and(|o| o.entries.is_empty()),
        "the window shows no empty entry"
    );

    // One with a title stays.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num2);
    type_keys(&harness, "Lunch");
    step_until(&mut harness, "the meal", |app| {
        app.selected_entry().is_some()
    });
    settle(&mut harness);
    harness.get_by_label("Close").click();
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the meal kept", |store| {
        store.entries(trip).is_ok_and(|e| {
            e.len() == 1 && e[0].fields.title == "Lunch" && e[0].fields.kind() == EntryKind::Meal
        })
    });
    assert_eq!(titles(&journal, trip), ["Lunch"]);
}

/// Creates a session by Ctrl+1 with `title` typed and waits for its editor.
fn new_session(harness: &mut App, title: &str) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    type_keys(harness, title);
    step_until(harness, "the new session", |app| {
        app.selected_entry().is_some()
    });
    settle(harness);
}

fn session_of(journal: &std::path::Path, trip: TripId) -> Option<tripjournal::model::Entry> {
    let store = Store::open(journal).ok()?;
    store
        .entries(trip)
        .ok()?
        .into_iter()
        .find(|e| e.fields.kind() == EntryKind::Session)
}

#[test]
fn the_stars_keep_the_focus_under_arrows_home_end_and_digits() {
    let (_dir, journal, trip, mut harness) = berlin_window();
    new_session(&mut harness, "Keynote");
    harness.get_by_label("Usefulness: no rating").focus();
    settle(&mut harness);
    for _ in 0..9 {
        harness.key_press(Key::ArrowRight);
        harness.step();
    }
    settle(&mut harness);
    harness.get_by_label("Usefulness: 4.5 of 5 stars");
    harness.key_press(Key::ArrowDown);
    harness.key_press(Key::ArrowDown);
    settle(&mut harness);
    harness.get_by_label("Usefulness: 3.5 of 5 stars");
    harness.key_press(Key::Home);
    settle(&mut harness);
    harness.get_by_label("Usefulness: 0.5 of 5 stars");
    harness.key_press(Key::End);
    settle(&mut harness);
    harness.get_by_label("Usefulness: 5 of 5 stars");
    type_keys(&harness, "2");
    settle(&mut harness);
    harness.get_by_label("Usefulness: 2 of 5 stars");
    type_keys(&harness, ".5");
    settle(&mut harness);
    harness.get_by_label("Usefulness: 2.5 of 5 stars");
    journal_until(&mut harness, &journal, "2.5 stars stored", |_| {
        session_of(&journal, trip).is_some_and(|e| match &e.fields.content {
            tripjournal::model::EntryContent::Session(s) => {
                s.usefulness.map(|r| r.half_stars()) == Some(5)
            }
            _ => false,
        })
    });
}

#[test]
fn tab_walks_the_form_field_by_field_and_ctrl_enter_reaches_the_notes() {
    let (_dir, journal, trip) = berlin_journal();
    // A section in use makes the editor offer its "Pick" menu, which must not take a Tab.
    let store = Store::open(&journal).expect("journal");
    let mut earlier = tripjournal::model::EntryFields::new(
        EntryKind::Note,
        "Earlier",
        chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2018, 11, 13, 9, 0, 0).unwrap(),
    );
    earlier.section = Some("一、社区在发展".into());
    store.create_entry(trip, &earlier).expect("entry");
    drop(store);
    let mut harness = open_window(&journal);

    new_session(&mut harness, "Edge");
    harness.get_by_label("Section").focus();
    settle(&mut harness);
    type_keys(&harness, "二、边缘");
    // Tags, Speakers, Track and Room, one Tab each; a space must not open a menu.
    for text in ["edge", "Ann", "Infra", "Hall 7"] {
        harness.key_press(Key::Tab);
        harness.step();
        type_keys(&harness, text);
        harness.step();
    }
    // Ctrl+Enter from any field goes to the notes.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    harness.step();
    type_keys(&harness, "notes 笔记");
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the notes", |_| {
        session_of(&journal, trip).is_some_and(|e| e.fields.body == "notes 笔记")
    });
    let session = session_of(&journal, trip).expect("session");
    let f = &session.fields;
    assert_eq!(f.section.as_deref(), Some("二、边缘"));
    assert_eq!(f.tags, ["edge"]);
    let tripjournal::model::EntryContent::Session(s) = &f.content else {
        panic!("not a session: {f:?}");
    };
    assert_eq!(
        (s.speakers.as_slice(), s.track.as_str(), s.room.as_str()),
        (&["Ann".to_string()][..], "Infra", "Hall 7")
    );
}

/// The Berlin trip with sections 一 (two entries), 二 (one) and 三 (one).
fn trip_with_sections() -> (tempfile::TempDir, std::path::PathBuf, TripId) {
    let (dir, journal, trip) = berlin_journal();
    let store = Store::open(&journal).expect("journal");
    for (hour, title, section) in [
        (9, "社区 talk", "一、社区在发展"),
        (10, "Ecosystem", "一、社区在发展"),
        (11, "边缘 talk", "二、边缘计算"),
        (12, "Wrap-up", "三、总结"),
    ] {
        let at = chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2018, 11, 13, hour, 0, 0)
            .single()
            .expect("time");
        let mut fields = tripjournal::model::EntryFields::new(EntryKind::Note, title, at);
        fields.section = Some(section.into());
        store.create_entry(trip, &fields).expect("entry");
    }
    (dir, journal, trip)
}

fn sections_of_entries(journal: &std::path::Path, trip: TripId) -> Vec<(String, String)> {
    let store = Store::open(journal).expect("journal");
    store
        .entries(trip)
        .expect("entries")
        .into_iter()
        .map(|e| (e.fields.title, e.fields.section.unwrap_or_default()))
        .collect()
}

#[test]
fn moving_in_the_section_view_stays_in_the_section_and_sections_reorder() {
    let (_dir, journal, trip) = trip_with_sections();
    let before = sections_of_entries(&journal, trip);
    let mut harness = open_window(&journal);
    harness.get_by_label("By section").click();
    settle(&mut harness);
    // ⬆ on the only entry of 二 and ⬇ on the last of 一 move nothing into another section.
    harness
        .get_by_label("Move “边缘 talk” up in its section")
        .click();
    harness
        .get_by_label("Move “Ecosystem” down in its section")
        .click();
    settle(&mut harness);
    assert_eq!(sections_of_entries(&journal, trip), before);
    // ⬆ inside a section swaps with the neighbour.
    harness
        .get_by_label("Move “Ecosystem” up in its section")
        .click();
    journal_until(&mut harness, &journal, "Ecosystem first", |store| {
        store
            .entries(trip)
            .is_ok_and(|e| e.first().is_some_and(|e| e.fields.title == "Ecosystem"))
    });
    // A section moves as a whole; its place is stored on the trip and undoable.
    harness.get_by_label("Move section “三、总结” up").click();
    let wanted = ["一、社区在发展", "三、总结", "二、边缘计算"];
    journal_until(
        &mut harness,
        &journal,
        "the stored section order",
        |store| {
            store
                .trip(trip)
                .is_ok_and(|t| t.fields.section_order == wanted)
        },
    );
    let store = Store::open(&journal).expect("journal");
    let options = tripjournal::export::ExportOptions::new(
        std::path::PathBuf::from("/nonexistent"),
        tripjournal::export::Layout::Plain,
    );
    let post = tripjournal::export::preview_post(&store, trip, &options).expect("preview");
    let positions: Vec<usize> = wanted
        .iter()
        .map(|s| {
            post.find(s)
                .unwrap_or_else(|| panic!("{s} in the post:\n{post}"))
        })
        .collect();
    assert!(
        positions.windows(2).all(|w| w[0] < w[1]),
        "the post follows the section order:\n{post}"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(&mut harness, &journal, "the order undone", |store| {
        store
            .trip(trip)
            .is_ok_and(|t| t.fields.section_order != wanted)
    });
}

/// A file handed to the window as a drop, as the platform layer hands it over.
#[derive(Debug)]
pub(crate) struct DroppedPath(pub(crate) std::path::PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn esc_closes_windows_one_at_a_time_and_empty_space_deselects() {
    let (_dir, journal, trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.key_press(Key::F1);
    settle(&mut harness);
    assert_eq!(harness.state().windows_open(), (true, false, false));
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(harness.state().windows_open(), (false, false, false));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    assert_eq!(harness.state().windows_open(), (false, true, false));
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(harness.state().windows_open(), (false, false, false));

    harness.get_by_label("Wrap-up").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    // Below the last row is empty timeline.
    let last_row = harness.get_by_label("Wrap-up").rect();
    harness.hover_at(egui::pos2(last_row.center().x, last_row.bottom() + 120.0));
    harness.event(Event::PointerButton {
        pos: egui::pos2(last_row.center().x, last_row.bottom() + 120.0),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(Event::PointerButton {
        pos: egui::pos2(last_row.center().x, last_row.bottom() + 120.0),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    settle(&mut harness);
    assert_eq!(harness.state().selected_entry(), None, "the editor closed");
    assert_eq!(titles(&journal, trip).len(), 4);
}

#[test]
fn an_invalid_time_stays_as_typed_with_a_message_and_is_not_saved() {
    let (_dir, journal, trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.get_by_label("Wrap-up").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    let field = "When (Europe/Berlin)";
    harness.get_by_label(field).focus();
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_keys(&harness, "2018-11-13 25:99");
    harness.key_press(Key::Tab);
    settle(&mut harness);
    assert_eq!(
        harness.get_by_label(field).value().as_deref(),
        Some("2018-11-13 25:99"),
        "the text stays as typed"
    );
    harness.get_by_label_contains("Not saved: write it like YYYY-MM-DD HH:MM");
    std::thread::sleep(std::time::Duration::from_millis(900));
    settle(&mut harness);
    let stored = |journal: &std::path::Path| {
        let store = Store::open(journal).expect("journal");
        let entries = store.entries(trip).expect("entries");
        let entry = entries
            .into_iter()
            .find(|e| e.fields.title == "Wrap-up")
            .expect("entry");
        entry.fields.at
    };
    let hour = |at: chrono::DateTime<chrono::Utc>| {
        chrono::Timelike::hour(&at.with_timezone(&chrono_tz::Europe::Berlin))
    };
    assert_eq!(
        hour(stored(&journal)),
        13,
        "the old time (12:00 UTC) stays stored"
    );
    // Fixed, it is saved and the message goes.
    harness.get_by_label(field).focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    type_keys(&harness, "2018-11-13 16:05");
    harness.key_press(Key::Tab);
    journal_until(&mut harness, &journal, "the fixed time", |_| {
        hour(stored(&journal)) == 16
    });
    assert!(harness.query_by_label_contains("Not saved").is_none());
}

#[test]
fn a_file_dropped_on_a_row_goes_to_that_entry() {
    let (_dir, journal, trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.get_by_label("Wrap-up").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    // The pointer rests over another row when the file is let go.
    harness.get_by_label("Ecosystem").hover();
    settle(&mut harness);
    let photo = crate::util::fixture("plain.jpg");
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(DroppedPath(photo)));
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the photo in Ecosystem", |store| {
        let entries = store.entries(trip).unwrap_or_default();
        entries.iter().any(|e| {
            e.fields.title == "Ecosystem" && store.entry_photos(e.id).is_ok_and(|p| p.len() == 1)
        })
    });
    let store = Store::open(&journal).expect("journal");
    let wrap_up = store
        .entries(trip)
        .expect("entries")
        .into_iter()
        .find(|e| e.fields.title == "Wrap-up")
        .expect("entry");
    assert!(store.entry_photos(wrap_up.id).expect("photos").is_empty());
}

#[test]
fn the_photo_viewer_pages_with_the_arrow_keys() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    crate::gui::open_demo(&mut harness);
    settle(&mut harness);
    let unassigned: Vec<_> = harness
        .state()
        .current_trip()
        .map(|o| {
            let mut photos: Vec<_> = o.photos.iter().filter(|p| p.entry.is_none()).collect();
            photos.sort_by_key(|p| (p.position, p.id));
            photos.iter().map(|p| p.id).collect()
        })
        .unwrap_or_default();
    assert!(unassigned.len() >= 2, "the demo has unassigned photos");
    harness
        .get_all_by_label_contains("Photo: ")
        .next()
        .expect("a thumbnail")
        .click();
    step_until(&mut harness, "the viewer", |app| {
        app.viewed_photo().is_some()
    });
    assert_eq!(harness.state().viewed_photo(), Some(unassigned[0]));
    harness.key_press(Key::ArrowRight);
    settle(&mut harness);
    assert_eq!(harness.state().viewed_photo(), Some(unassigned[1]));
    harness.key_press(Key::ArrowLeft);
    settle(&mut harness);
    assert_eq!(harness.state().viewed_photo(), Some(unassigned[0]));
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(harness.state().viewed_photo(), None);
}

#[test]
fn the_export_dialog_sets_the_posts_language_and_dates_a_published_post_today() {
    let (_dir, journal, _trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness.get_by_label("Post language").click();
    settle(&mut harness);
    harness.get_by_label("Deutsch").click();
    let deadline = std::time::Instant::now() + crate::util::PATIENCE;
    // The trip's dates in German, once the journal thread sent the new preview.
    let german = "Datum: 13. November 2018 – 15. November 2018";
    while !harness
        .state()
        .export_preview()
        .is_some_and(|p| p.contains(german))
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no German preview: {:?}",
            harness.state().export_preview()
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.get_by_label("Published").click();
    settle(&mut harness);
    let today = chrono::Local::now().date_naive().to_string();
    assert_eq!(
        harness.get_by_label("Post date").value().as_deref(),
        Some(today.as_str())
    );
}

#[test]
fn esc_in_a_field_leaves_the_field_and_a_second_esc_closes_the_dialog() {
    let (_dir, journal, _trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness.get_by_label("Slug").click();
    settle(&mut harness);
    type_keys(&harness, "berlin");
    settle(&mut harness);
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(
        harness.state().windows_open(),
        (false, true, false),
        "the first Esc only leaves the field"
    );
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(harness.state().windows_open(), (false, false, false));
}

#[test]
fn the_rendered_preview_shows_the_posts_photos() {
    let (_dir, journal) = new_journal();
    // The demo's notes hold an emoji no bundled font draws (the window shows a box for it).
    let path = journal.clone();
    let mut harness = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| tripjournal::ui::TripJournalApp::new(cc, path));
    crate::gui::open_demo(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    let deadline = std::time::Instant::now() + crate::util::PATIENCE;
    // The first entry's photo, decoded by the thumbnail threads, drawn where the post has it.
    while harness
        .query_by_role_and_label(
            egui::accesskit::Role::Image,
            "Keynotes: Open Infrastructure",
        )
        .is_none()
    {
        assert!(
            std::time::Instant::now() < deadline,
            "no photo in the rendered preview"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // The source view is the Markdown itself.
    harness.get_by_label("Source").click();
    settle(&mut harness);
    assert!(
        harness
            .query_by_role_and_label(
                egui::accesskit::Role::Image,
                "Keynotes: Open Infrastructure",
            )
            .is_none()
    );
}

#[test]
fn the_trip_dialog_sets_the_posts_slug_and_language() {
    let (_dir, journal, trip) = berlin_journal();
    let mut harness = open_window(&journal);
    harness.get_by_label("Edit trip…").click();
    settle(&mut harness);
    harness.get_by_label("Slug").focus();
    settle(&mut harness);
    type_keys(&harness, "Mein Gipfel");
    harness.get_by_label("Post language").click();
    settle(&mut harness);
    harness.get_by_label("Deutsch").click();
    settle(&mut harness);
    harness.get_by_label("Slug").focus();
    settle(&mut harness);
    harness.key_press(Key::Enter);
    journal_until(
        &mut harness,
        &journal,
        "the slug and language stored",
        |store| {
            store.trip(trip).is_ok_and(|t| {
                t.fields.slug.as_deref() == Some("mein-gipfel")
                    && t.fields.post_language == Some(tripjournal::model::PostLanguage::German)
            })
        },
    );
    let store = Store::open(&journal).expect("journal");
    let out = journal.parent().expect("folder").join("blog");
    let options = tripjournal::export::ExportOptions::new(&out, tripjournal::export::Layout::Plain);
    let report = tripjournal::export::export_trip(&store, trip, &options).expect("export");
    assert_eq!(report.post, out.join("mein-gipfel.md"));
}

#[test]
fn esc_leaves_the_title_then_closes_the_editor_and_the_help_names_it() {
    let (_dir, journal, _trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    harness.get_by_label("Wrap-up").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    harness.get_by_label("Title").focus();
    settle(&mut harness);
    // The first Esc leaves the field, the second closes the editor.
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert!(
        harness.state().selected_entry().is_some(),
        "only the field was left"
    );
    harness.key_press(Key::Escape);
    settle(&mut harness);
    assert_eq!(
        harness.state().selected_entry(),
        None,
        "Esc closed the editor"
    );
    harness.key_press(Key::F1);
    settle(&mut harness);
    harness.get_by_label_contains("this help or the editor");
}

#[test]
fn tab_shows_a_ring_around_the_widget_with_the_keyboard_and_a_click_hides_it() {
    let (_dir, journal, _trip) = trip_with_sections();
    let mut harness = open_window(&journal);
    assert_eq!(harness.state().focus_ring(), None);
    let mut rings = Vec::new();
    for _ in 0..3 {
        harness.key_press(Key::Tab);
        settle(&mut harness);
        let ring = harness.state().focus_ring().expect("a ring after Tab");
        rings.push(ring);
    }
    assert!(rings.windows(2).all(|pair| pair[0] != pair[1]), "{rings:?}");
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    settle(&mut harness);
    assert_eq!(
        harness.state().focus_ring(),
        Some(rings[1]),
        "Shift+Tab goes back"
    );
    harness.get_by_label("Wrap-up").click();
    settle(&mut harness);
    assert_eq!(harness.state().focus_ring(), None, "a click hides the ring");
}
