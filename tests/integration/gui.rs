use std::path::Path;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tripjournal::model::{EntryContent, EntryKind, SessionRole, TripId};
use tripjournal::store::{ReadOnlyReason, Store};
use tripjournal::ui::TripJournalApp;

use crate::util::{PATIENCE, fixture};

pub(crate) type App = Harness<'static, TripJournalApp>;

/// A harness around the real app on a journal file.
pub(crate) fn app_on(journal: &Path) -> App {
    let journal = journal.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| TripJournalApp::new(cc, journal))
}

/// Steps the app until `done` holds (the journal thread answers asynchronously).
pub(crate) fn step_until(harness: &mut App, what: &str, done: impl Fn(&TripJournalApp) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.step();
}

/// Steps the app until the journal file (read through its own connection) satisfies `done`.
pub(crate) fn journal_until(
    harness: &mut App,
    journal: &Path,
    what: &str,
    done: impl Fn(&Store) -> bool,
) {
    let store = Store::open(journal).expect("journal opens");
    let deadline = Instant::now() + PATIENCE;
    while !done(&store) {
        assert!(
            Instant::now() < deadline,
            "timed out waiting for the journal: {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Steps the app until what it shows satisfies `done` (a label that depends on an answer of
/// the journal thread, for instance).
pub(crate) fn shown_until(harness: &mut App, what: &str, done: impl Fn(&App) -> bool) {
    let deadline = Instant::now() + PATIENCE;
    while !done(harness) {
        assert!(
            Instant::now() < deadline,
            "timed out waiting to show: {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Steps a few frames with short pauses, so the window takes in its own input (clicks, keys,
/// text) and redraws; what the journal thread answers is waited for with [`step_until`],
/// [`journal_until`] or [`shown_until`], never with this.
pub(crate) fn settle(harness: &mut App) {
    for _ in 0..5 {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

pub(crate) fn open_demo(harness: &mut App) -> TripId {
    step_until(harness, "the welcome view", |app| {
        app.trips_loaded() && app.current_trip().is_none()
    });
    settle(harness);
    harness.get_by_label("Open the demo trip").click();
    step_until(harness, "the demo trip to open", |app| {
        app.current_trip()
            .is_some_and(|o| !o.entries.is_empty() && !o.photos.is_empty())
    });
    harness
        .state()
        .current_trip()
        .map(|o| o.trip.id)
        .expect("open trip")
}

/// Waits until the journal thread has sent the trips (the first view is ready).
pub(crate) fn wait_for_trips(harness: &mut App) {
    step_until(harness, "the trips to load", TripJournalApp::trips_loaded);
}

/// Scrolls the timeline down with the mouse wheel, a notch at a time, until the row titled
/// `title` is drawn (cards below the fold are not drawn at all).
pub(crate) fn scroll_timeline_to(harness: &mut App, title: &str) {
    let over_timeline = harness.get_by_label("🔍").rect().center_bottom() + egui::vec2(0.0, 200.0);
    for _ in 0..40 {
        if harness.query_by_label(title).is_some() {
            return;
        }
        harness.hover_at(over_timeline);
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: egui::vec2(0.0, -120.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Wheel,
            modifiers: Modifiers::NONE,
        });
        settle(harness);
    }
    panic!("“{title}” never scrolled into the timeline");
}

/// Clicks an entry in the timeline (scrolled to it) and waits for its editor; returns its id.
pub(crate) fn select_entry(harness: &mut App, title: &str) -> tripjournal::model::EntryId {
    scroll_timeline_to(harness, title);
    harness.get_by_label(title).click();
    step_until(harness, "the editor", |app| app.selected_entry().is_some());
    harness.state().selected_entry().expect("entry")
}

/// A roomy window on `journal` with the demo trip open and its export dialog shown (Ctrl+E).
/// The preview shows the demo's own text, which has an emoji no bundled font draws.
pub(crate) fn export_dialog_on_demo(journal: std::path::PathBuf) -> App {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, journal));
    open_demo(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness
}

/// Replaces the export dialog's destination folder with `out`, as typed.
pub(crate) fn type_destination(harness: &mut App, out: &Path) {
    harness.get_by_label("Destination folder").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_label("Destination folder")
        .type_text(out.to_str().expect("utf-8"));
    settle(harness);
}

pub(crate) fn new_journal() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    (dir, journal)
}

#[test]
fn first_run_shows_the_welcome_view_and_opens_the_demo() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    harness.get_by_label("Welcome to tripjournal");
    assert_eq!(
        harness.query_all_by_label("➕ New trip").count(),
        2,
        "in the side panel and the welcome view"
    );
    let trip = open_demo(&mut harness);
    select_entry(&mut harness, "Ceph in a multi-cloud world");
    harness.get_by_label("Usefulness: 5 of 5 stars");
    let store = Store::open(&journal).expect("journal");
    assert!(store.entries(trip).expect("entries").len() >= 10);
}

#[test]
fn a_trip_is_created_in_the_dialog() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    harness
        .get_all_by_label("➕ New trip")
        .next()
        .expect("button")
        .click();
    settle(&mut harness);
    harness.get_by_label("Name").click();
    harness
        .get_by_label("Name")
        .type_text("Shanghai Summit 上海峰会");
    harness.get_by_label("City").click();
    harness.get_by_label("City").type_text("上海");
    let zone = harness.get_by_label("Time zone");
    zone.click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Time zone").type_text("Asia/Shanghai");
    harness.get_by_label("Start date").click();
    harness.get_by_label("Start date").type_text("2019-11-04");
    settle(&mut harness);
    harness.get_by_label("Create trip").click();
    journal_until(&mut harness, &journal, "the new trip", |store| {
        store.trips().is_ok_and(|trips| {
            trips
                .iter()
                .any(|t| t.fields.name == "Shanghai Summit 上海峰会")
        })
    });
    let store = Store::open(&journal).expect("journal");
    let trip = store.find_trip("Shanghai Summit 上海峰会").expect("trip");
    assert_eq!(trip.fields.city, "上海");
    assert_eq!(trip.fields.time_zone, chrono_tz::Asia::Shanghai);
    assert_eq!(
        trip.fields.start_date,
        chrono::NaiveDate::from_ymd_opt(2019, 11, 4)
    );
    step_until(&mut harness, "the new trip to open", |app| {
        app.current_trip().is_some()
    });
}

#[test]
fn quick_capture_each_kind_and_fill_its_fields() {
    let (_dir, journal) = new_journal();
    let store = Store::open(&journal).expect("journal");
    let mut fields = tripjournal::model::TripFields::named("Berlin");
    fields.time_zone = chrono_tz::Europe::Berlin;
    let trip = store.create_trip(&fields).expect("trip");
    drop(store);
    let mut harness = app_on(&journal);
    step_until(&mut harness, "the trip to open", |app| {
        app.current_trip().is_some()
    });

    // A session by shortcut: the title is focused, typed in Chinese by text and by IME.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    step_until(&mut harness, "the new session", |app| {
        app.selected_entry().is_some()
    });
    settle(&mut harness);
    harness.get_by_label("Title").type_text("Keynote 主题演讲");
    harness.event(egui::Event::Ime(egui::ImeEvent::Preedit {
        text: "ceshi".into(),
        active_range_chars: None,
    }));
    harness.event(egui::Event::Ime(egui::ImeEvent::Commit("测试".into())));
    settle(&mut harness);
    harness.get_by_label("Speakers").click();
    harness.get_by_label("Speakers").type_text("王五, Jane");
    harness.get_by_label("Room").click();
    harness.get_by_label("Room").type_text("Hall 7");
    harness.get_by_label("I gave this talk").click();
    // Stars by keyboard: focus, then → four times = 2 stars; End = 5; ← = 4.5.
    harness.get_by_label("Usefulness: no rating").click();
    settle(&mut harness);
    harness.key_press(Key::End);
    harness.key_press(Key::ArrowLeft);
    settle(&mut harness);
    harness.get_by_label("Usefulness: 4.5 of 5 stars");
    journal_until(&mut harness, &journal, "the session fields", |store| {
        store.entries(trip).is_ok_and(|entries| {
            entries.iter().any(|e| {
                e.fields.title == "Keynote 主题演讲测试"
                    && matches!(&e.fields.content, EntryContent::Session(s)
                        if s.speakers == ["王五", "Jane"] && s.room == "Hall 7" && s.role == SessionRole::Speaker
                        && s.usefulness.map(|r| r.half_stars()) == Some(9))
            })
        })
    });

    // A meal from the toolbar button, with dishes and a price.
    harness.get_by_label("🍴 Meal").click();
    step_until(&mut harness, "the new meal", |app| {
        app.current_trip().is_some_and(|o| o.entries.len() == 2) && app.selected_entry().is_some()
    });
    settle(&mut harness);
    harness.get_by_label("Title").type_text("Lunch box");
    harness.get_by_label("Venue").click();
    harness.get_by_label("Venue").type_text("CityCube");
    harness.get_by_label("Dishes").click();
    harness.get_by_label("Dishes").type_text("干面包, cheese");
    harness.get_by_label("Price").click();
    // Kuwaiti dinars have three digits after the point (ISO 4217).
    harness.get_by_label("Price").type_text("1.250 KWD");
    harness.get_by_label("Lunch").click();
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the meal fields", |store| {
        store.entries(trip).is_ok_and(|entries| {
            entries.iter().any(|e| {
                matches!(&e.fields.content, EntryContent::Meal(m)
                    if m.venue == "CityCube" && m.dishes == ["干面包", "cheese"]
                    && m.price.as_ref().map(ToString::to_string).as_deref() == Some("1.250 KWD")
                    && m.meal_type == Some(tripjournal::model::MealType::Lunch))
            })
        })
    });

    // A food rating with its dish, overall stars by click and a sub-rating.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    step_until(&mut harness, "the new food rating", |app| {
        app.current_trip().is_some_and(|o| o.entries.len() == 3)
    });
    settle(&mut harness);
    harness.get_by_label("Title").type_text("柏林肘子");
    harness.get_by_label("Dish").click();
    harness.get_by_label("Dish").type_text("Schweinshaxe");
    harness.get_by_label("Overall: no rating").click();
    settle(&mut harness);
    harness.key_press(Key::End);
    harness.get_by_label("Taste: no rating").click();
    settle(&mut harness);
    harness.key_press(Key::Home);
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the food rating", |store| {
        store.entries(trip).is_ok_and(|entries| {
            entries.iter().any(|e| {
                matches!(&e.fields.content, EntryContent::FoodRating(r)
                    if r.dish == "Schweinshaxe" && r.overall.map(|x| x.half_stars()) == Some(10)
                    && r.sub_ratings.taste.map(|x| x.half_stars()) == Some(1))
            })
        })
    });

    // A note with a Markdown body.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    step_until(&mut harness, "the new note", |app| {
        app.current_trip().is_some_and(|o| o.entries.len() == 4)
    });
    settle(&mut harness);
    harness.get_by_label("Title").type_text("总结");
    harness.get_by_label("Body").click();
    harness.get_by_label("Body").type_text("**好** and *more*");
    settle(&mut harness);
    journal_until(&mut harness, &journal, "the note body", |store| {
        store.entries(trip).is_ok_and(|entries| {
            entries
                .iter()
                .any(|e| e.fields.kind() == EntryKind::Note && e.fields.body == "**好** and *more*")
        })
    });
    let kinds: Vec<EntryKind> = Store::open(&journal)
        .expect("journal")
        .entries(trip)
        .expect("entries")
        .iter()
        .map(|e| e.fields.kind())
        .collect();
    assert_eq!(kinds, EntryKind::ALL.to_vec());
}

#[test]
fn search_and_filter_narrow_the_timeline() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    scroll_timeline_to(&mut harness, "Haxe to go");
    harness.get_by_label("🔍").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    settle(&mut harness);
    harness.get_by_label("🔍").type_text("sage");
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Ceph in a multi-cloud world")
            .is_some(),
        "found by speaker"
    );
    assert!(harness.query_by_label("Haxe to go").is_none());
    harness.get_by_label("✖").click();
    settle(&mut harness);
    scroll_timeline_to(&mut harness, "Haxe to go");
    // Hide food ratings.
    harness.get_by_label("⭐ Food ratings").click();
    settle(&mut harness);
    assert!(harness.query_by_label("Haxe to go").is_none());
    assert!(harness.query_by_label("Conference lunch box").is_some());
}

#[test]
fn entries_are_reordered_in_the_section_view() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    harness.get_by_label("By section").click();
    settle(&mut harness);
    let before: Vec<i64> = Store::open(&journal)
        .expect("journal")
        .entries(trip)
        .expect("entries")
        .iter()
        .map(|e| e.id.0)
        .collect();
    // The third entry of the first section moves up one place.
    let app = harness.state();
    let ceph = app
        .current_trip()
        .and_then(|o| {
            o.entries
                .iter()
                .find(|e| e.fields.title == "Ceph in a multi-cloud world")
        })
        .map(|e| e.id)
        .expect("ceph");
    // The first section holds keynote, edge, ceph: ceph moves up one place.
    harness
        .get_by_label("Move “Ceph in a multi-cloud world” up in its section")
        .click();
    journal_until(&mut harness, &journal, "the new order", |store| {
        store.entries(trip).is_ok_and(|entries| {
            let order: Vec<i64> = entries.iter().map(|e| e.id.0).collect();
            order != before && order.iter().position(|id| *id == ceph.0) == Some(1)
        })
    });
}

#[test]
fn photos_import_show_thumbnails_move_and_get_captions() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    harness
        .get_by_label("Talking with the Masakari PTL")
        .click();
    step_until(&mut harness, "the note in the editor", |app| {
        app.selected_entry().is_some()
    });
    let note = harness.state().selected_entry().expect("selected");
    // The same entry point a drop and the file dialog use.
    harness.state_mut().import_paths(vec![
        fixture("orient6_gps.jpg"),
        fixture("plain.jpg"),
        fixture("text.jpg"),
    ]);
    step_until(&mut harness, "the import to finish", |app| !app.importing());
    journal_until(&mut harness, &journal, "the imported photos", |store| {
        store
            .entry_photos(note)
            .is_ok_and(|photos| photos.len() == 2)
    });
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.contains("1 failed")),
        "{:?}",
        harness.state().notices()
    );
    harness.get_by_label_contains("text.jpg: not an image");
    let photos = Store::open(&journal)
        .expect("journal")
        .entry_photos(note)
        .expect("photos");
    step_until(&mut harness, "the thumbnails", |app| {
        photos.iter().all(|p| app.has_thumbnail(p.id))
    });

    // Caption in the viewer.
    harness.get_by_label_contains("Photo: plain.jpg").click();
    settle(&mut harness);
    harness.get_by_label("Caption").click();
    harness.get_by_label("Caption").type_text("会场 · the hall");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    let plain = photos
        .iter()
        .find(|p| p.metadata.original_name == "plain.jpg")
        .expect("plain")
        .id;
    journal_until(&mut harness, &journal, "the caption", |store| {
        store
            .photo(plain)
            .is_ok_and(|p| p.caption == "会场 · the hall")
    });

    // A pasted image becomes a photo of the selected entry.
    harness
        .state_mut()
        .paste_image(&egui::ColorImage::filled([40, 30], egui::Color32::RED));
    journal_until(&mut harness, &journal, "the pasted photo", |store| {
        store.entry_photos(note).is_ok_and(|photos| {
            photos.len() == 3
                && photos.iter().any(|p| {
                    p.metadata.mime_type == "image/png"
                        && (p.metadata.width, p.metadata.height) == (40, 30)
                })
        })
    });

    // Move a photo to another entry through its menu.
    harness.get_by_label("Close viewer").click();
    settle(&mut harness);
    harness
        .get_by_label_contains("Photo: orient6_gps.jpg")
        .click_secondary();
    settle(&mut harness);
    harness.get_by_label("Move to").click();
    settle(&mut harness);
    assert!(
        harness.query_by_label("Unassigned photos").is_some(),
        "the Move to submenu is open"
    );
    // Popups come first in the accessibility tree: the menu item before the timeline row.
    harness
        .get_all_by_label("Conference lunch box")
        .next()
        .expect("menu item")
        .click();
    let lunch = Store::open(&journal)
        .expect("journal")
        .entries(trip)
        .expect("entries")
        .into_iter()
        .find(|e| e.fields.title == "Conference lunch box")
        .expect("lunch")
        .id;
    let moved = photos
        .iter()
        .find(|p| p.metadata.original_name == "orient6_gps.jpg")
        .expect("photo")
        .id;
    journal_until(&mut harness, &journal, "the moved photo", |store| {
        store.photo(moved).is_ok_and(|p| p.entry == Some(lunch))
    });
}

#[test]
fn undo_and_redo_edits() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    let entry = select_entry(&mut harness, "Haxe to go");
    harness.get_by_label("Title").click();
    harness.key_press(Key::End);
    harness.get_by_label("Title").type_text(" (late)");
    // Leave the field so Ctrl+Z is the app's undo, not the text field's.
    harness.key_press(Key::Escape);
    journal_until(&mut harness, &journal, "the edit to be saved", |store| {
        store
            .entry(entry)
            .is_ok_and(|e| e.fields.title == "Haxe to go (late)")
    });
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(&mut harness, &journal, "the undo", |store| {
        store
            .entry(entry)
            .is_ok_and(|e| e.fields.title == "Haxe to go")
    });
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    journal_until(&mut harness, &journal, "the redo", |store| {
        store
            .entry(entry)
            .is_ok_and(|e| e.fields.title == "Haxe to go (late)")
    });
}

/// Replaces the text of the field labelled `label` as a person does: click, select all, type.
fn retype(harness: &mut App, label: &str, text: &str) {
    harness.get_by_label(label).click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label(label).type_text(text);
    settle(harness);
}

/// Regression: the preview was matched to the dialog by its options glued into one string, so
/// the date 2018-11-1 with the slug "3x" and the date 2018-11-13 with the slug "x" had the same
/// key, and the second kept the first one's preview.
#[test]
fn the_export_preview_follows_a_date_and_slug_that_read_alike_glued() {
    let (_dir, journal) = new_journal();
    let mut harness = export_dialog_on_demo(journal);
    harness.get_by_label("Jekyll").click();
    retype(&mut harness, "Post date", "2018-11-1");
    retype(&mut harness, "Slug", "3x");
    step_until(&mut harness, "the preview with the slug 3x", |app| {
        app.export_preview()
            .is_some_and(|text| text.contains("/assets/images/3x/"))
    });
    retype(&mut harness, "Post date", "2018-11-13");
    retype(&mut harness, "Slug", "x");
    step_until(&mut harness, "the preview with the slug x", |app| {
        app.export_preview()
            .is_some_and(|text| text.contains("/assets/images/x/"))
    });
    // A date that does not read is said, not quietly replaced by the trip's first day.
    retype(&mut harness, "Post date", "13/11/2018");
    harness.get_by_label("The post date must look like 2018-11-13");
    assert!(harness.state().export_preview().is_none());
}

#[test]
fn the_export_dialog_writes_a_post() {
    let (dir, journal) = new_journal();
    let out = dir.path().join("blog");
    let path = journal.clone();
    // The preview shows the demo's own text, which has an emoji no bundled font draws.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, path));
    open_demo(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    settle(&mut harness);
    harness.get_by_label("Hugo").click();
    step_until(&mut harness, "the Hugo preview", |app| {
        app.export_preview()
            .is_some_and(|text| text.starts_with("---\n") && text.contains("draft: true"))
    });
    type_destination(&mut harness, &out);
    harness.get_by_label("Export").click();
    let post = out.join("content/posts/openstack-bo-lin-feng-hui-berlin-summit-2018/index.md");
    let deadline = Instant::now() + PATIENCE;
    while !post.exists() {
        assert!(Instant::now() < deadline, "the post was not written");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    // The dialog says so once the export thread reports the end (after the last file).
    shown_until(&mut harness, "the export's report", |harness| {
        harness.query_by_label_contains("Written:").is_some()
    });
    let text = std::fs::read_to_string(&post).expect("post");
    assert!(text.starts_with("---\ntitle: \"OpenStack 柏林峰会 · Berlin Summit 2018\""));
    assert!(
        text.contains("## 一、社区在发展"),
        "section order is the dialog's default"
    );

    // The user edits the post: the next export refuses, naming the file and the checkbox;
    // ticking "Overwrite" replaces it.
    std::fs::write(&post, "my own edits").expect("edit the post");
    harness.get_by_label("Export").click();
    let deadline = Instant::now() + PATIENCE;
    while harness
        .query_all_by_label_contains("Tick \"Overwrite\"")
        .next()
        .is_none()
    {
        assert!(Instant::now() < deadline, "no refusal shown");
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        std::fs::read_to_string(&post).expect("post"),
        "my own edits"
    );
    harness.get_by_label("Overwrite").click();
    harness.step();
    harness.get_by_label("Export").click();
    let deadline = Instant::now() + PATIENCE;
    while std::fs::read_to_string(&post).expect("post") == "my own edits" {
        assert!(
            Instant::now() < deadline,
            "the forced export did not replace the post"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn changes_made_by_another_program_show_up_and_merge_with_typing() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    let entry = select_entry(&mut harness, "Haxe to go");

    // Another program adds an entry: the window shows it without being asked.
    crate::util::cli_ok(
        &journal,
        &[
            "entry",
            "add",
            "--trip",
            &trip.to_string(),
            "--kind",
            "note",
            "--at",
            "2018-11-12 23:30",
            "--title",
            "Late-night currywurst",
        ],
    );
    step_until(&mut harness, "the entry added elsewhere", |app| {
        app.current_trip().is_some_and(|open| {
            open.entries
                .iter()
                .any(|e| e.fields.title == "Late-night currywurst")
        })
    });

    // Typing here while the other program edits another field of the same entry: both stay.
    harness.get_by_label("Title").click();
    harness.key_press(Key::End);
    harness.get_by_label("Title").type_text(" (late)");
    harness.key_press(Key::Escape);
    crate::util::cli_ok(
        &journal,
        &[
            "entry",
            "edit",
            &entry.to_string(),
            "--body",
            "Written elsewhere",
        ],
    );
    journal_until(&mut harness, &journal, "the merged save", |store| {
        store.entry(entry).is_ok_and(|e| {
            e.fields.title == "Haxe to go (late)" && e.fields.body == "Written elsewhere"
        })
    });
    step_until(&mut harness, "the window to show the merged entry", |app| {
        app.current_trip().is_some_and(|open| {
            open.entries.iter().any(|e| {
                e.id == entry
                    && e.fields.title == "Haxe to go (late)"
                    && e.fields.body == "Written elsewhere"
            })
        })
    });
}

#[test]
fn an_edit_that_cannot_be_saved_is_kept_and_saved_later() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    let entry = select_entry(&mut harness, "Haxe to go");

    // Another program holds the write lock for longer than the app waits for it.
    let blocker = rusqlite::Connection::open(&journal).expect("second connection");
    blocker
        .execute_batch("BEGIN IMMEDIATE")
        .expect("takes the write lock");
    harness.get_by_label("Title").click();
    harness.key_press(Key::End);
    harness.get_by_label("Title").type_text(" (kept)");
    harness.key_press(Key::Escape);
    let deadline = Instant::now() + PATIENCE;
    while !harness
        .state()
        .notices()
        .iter()
        .any(|notice| notice.starts_with("Not saved yet"))
    {
        assert!(
            Instant::now() < deadline,
            "no message about the failed save"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(
        harness.state().has_unsaved_edits(),
        "the edit is still pending"
    );

    // The lock goes away: the edit reaches the journal without typing it again.
    blocker
        .execute_batch("ROLLBACK")
        .expect("releases the lock");
    journal_until(&mut harness, &journal, "the retried save", |store| {
        store
            .entry(entry)
            .is_ok_and(|e| e.fields.title == "Haxe to go (kept)")
    });
}

#[test]
fn a_file_that_is_not_a_journal_is_explained_in_the_window() {
    let (dir, _journal) = new_journal();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "not a database").expect("writes");
    let mut harness = app_on(&notes);
    let deadline = Instant::now() + PATIENCE;
    while harness
        .query_by_label("The journal could not be opened")
        .is_none()
    {
        assert!(Instant::now() < deadline, "no error view");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        harness
            .query_by_label_contains("not a tripjournal journal")
            .is_some()
    );
    assert_eq!(
        std::fs::read(&notes).expect("reads"),
        b"not a database",
        "the file is left as it was"
    );
}

#[test]
fn an_unassigned_photo_taken_during_an_entry_is_offered_to_it() {
    let (_dir, journal) = new_journal();
    // A session at 16:00–17:00 Berlin time and a photo taken at 16:20:05 (+01:00), unassigned.
    crate::util::cli_ok(
        &journal,
        &["trip", "new", "--name", "Summit", "--tz", "Europe/Berlin"],
    );
    let entry: i64 = crate::util::cli_ok(
        &journal,
        &[
            "entry",
            "add",
            "--trip",
            "Summit",
            "--kind",
            "session",
            "--title",
            "Edge computing panel",
            "--at",
            "2018-11-13 16:00",
        ],
    )
    .trim()
    .parse()
    .expect("id");
    let photo = fixture("orient6_gps.jpg");
    crate::util::cli_ok(
        &journal,
        &[
            "photo",
            "add",
            "--trip",
            "Summit",
            photo.to_str().expect("UTF-8"),
        ],
    );
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    if harness.state().current_trip().is_none() {
        harness
            .query_all_by_label("Summit")
            .next()
            .expect("the trip in the side panel")
            .click();
    }
    step_until(&mut harness, "the trip", |app| {
        app.current_trip()
            .is_some_and(|open| open.photos.len() == 1)
    });
    select_entry(&mut harness, "Edge computing panel");
    harness.get_by_label("Add them").click();
    journal_until(
        &mut harness,
        &journal,
        "the photo to join the entry",
        |store| {
            store
                .entry_photos(tripjournal::model::EntryId(entry))
                .is_ok_and(|photos| photos.len() == 1)
        },
    );
}

#[test]
fn a_section_typed_in_the_editor_is_stored_as_the_cli_stores_it() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    let entry = select_entry(&mut harness, "Haxe to go");
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Section")
        .click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_by_role_and_label(egui::accesskit::Role::TextInput, "Section")
        .type_text("  四、 回家  ");
    // Leaving the field stores it the way every front end does: trimmed, inner spaces kept.
    harness.key_press(Key::Escape);
    journal_until(&mut harness, &journal, "the trimmed section", |store| {
        store.entry(entry).is_ok_and(|e| {
            e.fields.section == tripjournal::model::rules::clean_section("  四、 回家  ")
                && e.fields.section.as_deref() == Some("四、 回家")
        })
    });
}

#[test]
fn deleting_an_entry_can_be_undone_with_its_photo_and_place() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    let store = Store::open(&journal).expect("journal");
    let position_of = |store: &Store, title: &str| {
        let entries = store.entries(trip).expect("entries");
        let mut ordered: Vec<_> = entries.iter().collect();
        ordered.sort_by_key(|e| (e.position, e.id));
        ordered.iter().position(|e| e.fields.title == title)
    };
    let place = position_of(&store, "Conference lunch box").expect("in the demo");
    select_entry(&mut harness, "Conference lunch box");
    harness.get_by_label("Delete…").click();
    settle(&mut harness);
    harness.get_by_label("Delete entry").click();
    journal_until(&mut harness, &journal, "the deletion", |store| {
        position_of(store, "Conference lunch box").is_none()
    });
    let shows_lunch = |app: &TripJournalApp| {
        app.current_trip().is_some_and(|open| {
            open.entries
                .iter()
                .any(|e| e.fields.title == "Conference lunch box")
        })
    };
    step_until(&mut harness, "the window to drop the entry", |app| {
        !shows_lunch(app)
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(&mut harness, &journal, "the entry back", |store| {
        position_of(store, "Conference lunch box") == Some(place)
    });
    let back = store
        .entries(trip)
        .expect("entries")
        .into_iter()
        .find(|e| e.fields.title == "Conference lunch box")
        .expect("back");
    assert!(matches!(
        back.fields.content,
        tripjournal::model::EntryContent::Meal(_)
    ));
    assert_eq!(
        store.entry_photos(back.id).expect("photos").len(),
        1,
        "its photo is back in it"
    );
    // Redo deletes the entry under the id it came back with, which the window learns from
    // the journal thread's answer.
    step_until(
        &mut harness,
        "the window to show the entry back",
        shows_lunch,
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    journal_until(&mut harness, &journal, "the redo", |store| {
        position_of(store, "Conference lunch box").is_none()
    });
}

#[test]
fn deleting_a_photo_can_be_undone_and_redone() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    let store = Store::open(&journal).expect("journal");
    let lunch = |store: &Store| {
        store
            .entries(trip)
            .expect("entries")
            .into_iter()
            .find(|e| e.fields.title == "Conference lunch box")
            .expect("the lunch")
            .id
    };
    let photo_count = |store: &Store| store.entry_photos(lunch(store)).expect("photos").len();
    assert_eq!(photo_count(&store), 1);
    select_entry(&mut harness, "Conference lunch box");
    settle(&mut harness);
    harness
        .get_by_label_contains("Photo: Conference lunch box")
        .click_secondary();
    settle(&mut harness);
    harness.get_by_label("Delete photo").click();
    journal_until(&mut harness, &journal, "the deletion", |store| {
        photo_count(store) == 0
    });
    // The undo step (with the original's bytes) comes with the journal thread's answer, and
    // the window's photos after it.
    let lunch_id = lunch(&store);
    let photos_shown = |app: &TripJournalApp| {
        app.current_trip().map_or(0, |open| {
            open.photos
                .iter()
                .filter(|p| p.entry == Some(lunch_id))
                .count()
        })
    };
    step_until(&mut harness, "the window to drop the photo", |app| {
        photos_shown(app) == 0
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(
        &mut harness,
        &journal,
        "the photo back in its entry",
        |store| photo_count(store) == 1,
    );
    let back = &store.entry_photos(lunch(&store)).expect("photos")[0];
    assert_eq!(back.caption, "Conference lunch box");
    // Redo deletes the photo under its new id, which the window learns from the answer.
    step_until(&mut harness, "the window to show the photo back", |app| {
        photos_shown(app) == 1
    });
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    journal_until(&mut harness, &journal, "the redo", |store| {
        photo_count(store) == 0
    });
}

/// A journal with one Berlin trip, 12–15 November 2018, holding `notes` (titles, each at
/// noon on the 13th); returns the trip and the notes' ids.
fn berlin_trip_with_notes(
    journal: &Path,
    notes: &[&str],
) -> (TripId, Vec<tripjournal::model::EntryId>) {
    let store = Store::open(journal).expect("journal");
    let mut fields = tripjournal::model::TripFields::named("Berlin 2018");
    fields.time_zone = chrono_tz::Europe::Berlin;
    fields.start_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 12);
    fields.end_date = chrono::NaiveDate::from_ymd_opt(2018, 11, 15);
    let trip = store.create_trip(&fields).expect("trip");
    let at = tripjournal::model::rules::parse_local_time("2018-11-13 12:00", fields.time_zone)
        .expect("time");
    let ids = notes
        .iter()
        .map(|title| {
            let note = tripjournal::model::EntryFields::new(EntryKind::Note, title, at);
            store.create_entry(trip, &note).expect("entry")
        })
        .collect();
    (trip, ids)
}

/// Replaces the timeline's search with `text`, typed the way a person does: click the
/// field, select all, type.
fn search_for(harness: &mut App, text: &str) {
    harness.get_by_label("🔍").click();
    settle(harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("🔍").type_text(text);
    settle(harness);
}

/// Which of `titles` the timeline shows as rows.
fn rows_shown(harness: &App, titles: &[&'static str]) -> Vec<&'static str> {
    titles
        .iter()
        .copied()
        .filter(|title| harness.query_by_label(title).is_some())
        .collect()
}

#[test]
fn search_ignores_accents_and_case_and_finds_photo_captions() {
    let (_dir, journal) = new_journal();
    let titles = [
        "Hofbräuhaus evening",
        "Café Einstein breakfast",
        "Museum day",
        "柏林 walk",
    ];
    let (trip, ids) = berlin_trip_with_notes(&journal, &titles);
    let mut store = Store::open(&journal).expect("journal");
    let bytes = std::fs::read(fixture("plain.jpg")).expect("fixture");
    tripjournal::photos::import_bytes(
        &mut store,
        trip,
        Some(ids[2]),
        "Schloss Charlottenburg",
        "plain.jpg",
        bytes,
    )
    .expect("photo");
    drop(store);
    let mut harness = app_on(&journal);
    step_until(&mut harness, "the trip with its photo", |app| {
        app.current_trip().is_some_and(|o| o.photos.len() == 1)
    });
    settle(&mut harness);
    assert_eq!(rows_shown(&harness, &titles), titles);

    let searches = [
        ("hofbrau", vec!["Hofbräuhaus evening"]),
        ("CAFE", vec!["Café Einstein breakfast"]),
        ("charlottenburg", vec!["Museum day"]),
        ("柏林", vec!["柏林 walk"]),
        ("bolin", vec![]),
    ];
    for (search, expected) in searches {
        search_for(&mut harness, search);
        assert_eq!(rows_shown(&harness, &titles), expected, "search {search:?}");
    }
    harness.get_by_label("Nothing matches the search and filters.");
}

#[test]
fn the_trip_dialog_starts_in_the_name_and_enter_creates_the_trip_in_its_citys_zone() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    settle(&mut harness);
    assert!(
        harness.get_by_label("Name").is_focused(),
        "the cursor starts in the name"
    );
    // Typed straight away, Tab to the city, Enter to create.
    harness.get_by_label("Name").type_text("Summit 峰会");
    harness.key_press(Key::Tab);
    settle(&mut harness);
    harness.get_by_label("City").type_text("Berlin");
    settle(&mut harness);
    assert_eq!(
        harness.get_by_label("Time zone").value().as_deref(),
        Some("Europe/Berlin")
    );
    harness.get_by_label("from the place");
    harness.key_press(Key::Enter);
    journal_until(&mut harness, &journal, "the new trip", |store| {
        store.trips().is_ok_and(|trips| trips.len() == 1)
    });
    let trip = Store::open(&journal)
        .expect("journal")
        .find_trip("Summit 峰会")
        .expect("the trip, by its name");
    assert_eq!(trip.fields.city, "Berlin");
    assert_eq!(trip.fields.time_zone, chrono_tz::Europe::Berlin);
    step_until(&mut harness, "the dialog to close", |app| {
        app.current_trip().is_some()
    });
    assert!(harness.query_by_label("Create trip").is_none());
}

#[test]
fn a_trip_dialog_error_goes_away_once_the_field_is_fixed() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    settle(&mut harness);
    harness.get_by_label("Name").type_text("Summit");
    harness.get_by_label("Start date").click();
    harness.get_by_label("Start date").type_text("2018-13-40");
    harness.key_press(Key::Enter);
    settle(&mut harness);
    harness.get_by_label_contains("start date must look like");

    harness.get_by_label("Start date").click();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Start date").type_text("2018-11-13");
    settle(&mut harness);
    assert!(
        harness.query_by_label_contains("must look like").is_none(),
        "the message goes once the date is right"
    );
    assert!(
        Store::open(&journal)
            .expect("journal")
            .trips()
            .expect("trips")
            .is_empty(),
        "nothing is created before it is confirmed"
    );
    harness.get_by_label("Create trip").click();
    journal_until(&mut harness, &journal, "the trip", |store| {
        store.trips().is_ok_and(|trips| {
            trips.len() == 1
                && trips[0].fields.start_date == chrono::NaiveDate::from_ymd_opt(2018, 11, 13)
        })
    });
}

#[test]
fn quick_capture_in_a_past_trip_puts_the_entry_on_its_last_day() {
    let (_dir, journal) = new_journal();
    let (trip, _) = berlin_trip_with_notes(&journal, &[]);
    let mut harness = app_on(&journal);
    step_until(&mut harness, "the trip to open", |app| {
        app.current_trip().is_some()
    });
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    // Said at once (and for a few seconds only), before the journal thread answers.
    let notice = "Added on Thu 15 Nov 2018 (the trip's last day)".to_string();
    step_until(&mut harness, "the notice", |app| {
        app.notices().contains(&notice)
    });
    journal_until(&mut harness, &journal, "the new session", |store| {
        store.entries(trip).is_ok_and(|entries| entries.len() == 1)
    });
    let entry = &Store::open(&journal)
        .expect("journal")
        .entries(trip)
        .expect("entries")[0];
    let day = entry
        .fields
        .at
        .with_timezone(&chrono_tz::Europe::Berlin)
        .date_naive();
    assert_eq!(
        day,
        chrono::NaiveDate::from_ymd_opt(2018, 11, 15).expect("date")
    );
}

#[test]
fn a_trip_date_can_be_picked_on_the_calendar() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    wait_for_trips(&mut harness);
    settle(&mut harness);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    settle(&mut harness);
    harness.get_by_label("Name").type_text("Summit");
    harness.get_by_label("Start date").click();
    harness.get_by_label("Start date").type_text("2018-11-13");
    settle(&mut harness);
    // The end date's calendar opens on the start date; the 15th is picked and kept.
    let calendars: Vec<_> = harness.get_all_by_label_contains("📆").collect();
    assert_eq!(calendars.len(), 2, "one calendar per date");
    calendars[1].click();
    settle(&mut harness);
    harness
        .get_by_role_and_label(egui::accesskit::Role::Button, "15")
        .click();
    settle(&mut harness);
    harness.get_by_label("Save").click();
    settle(&mut harness);
    assert_eq!(
        harness.get_by_label("End date").value().as_deref(),
        Some("2018-11-15")
    );
    harness.get_by_label("Create trip").click();
    journal_until(&mut harness, &journal, "the trip with its dates", |store| {
        store.trips().is_ok_and(|trips| {
            trips.len() == 1
                && trips[0].fields.end_date == chrono::NaiveDate::from_ymd_opt(2018, 11, 15)
        })
    });
}

/// Whether the node with exactly this label is disabled (drawn, but takes no input).
fn is_disabled(harness: &App, label: &str) -> bool {
    use egui_kittest::kittest::NodeT;
    harness.get_by_label(label).accesskit_node().is_disabled()
}

#[test]
fn a_read_only_journal_opens_with_a_banner_and_takes_no_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("dvd");
    std::fs::create_dir(&folder).expect("folder");
    let journal = folder.join("journal.sqlite");
    {
        let mut store = Store::open(&journal).expect("new journal");
        tripjournal::demo::create_demo_trip(&mut store).expect("demo trip");
    }
    let before = std::fs::read(&journal).expect("reads");
    let Some(_protected) = crate::util::ReadOnly::make(&folder) else {
        return;
    };
    let mut harness = app_on(&journal);
    step_until(&mut harness, "the demo trip to open", |app| {
        app.current_trip().is_some_and(|o| !o.entries.is_empty())
    });
    settle(&mut harness);
    let reason = harness.state().read_only().expect("opened read-only");
    harness.get_by_label_contains("copy it to a writable folder to edit");
    if reason == ReadOnlyReason::Storage {
        harness.get_by_label(
            "This journal is on read-only storage; copy it to a writable folder to edit",
        );
    }
    for button in [
        "📝 Note",
        "📷 Add photos…",
        "➕ New trip",
        "Edit trip…",
        "Delete trip…",
    ] {
        assert!(is_disabled(&harness, button), "{button} is off");
    }
    assert!(!is_disabled(&harness, "Export…"), "exporting only reads");

    // A quick capture is refused with a word, and no entry is made.
    let entries = harness.state().current_trip().map(|o| o.entries.len());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num4);
    settle(&mut harness);
    assert!(
        harness
            .state()
            .notices()
            .iter()
            .any(|n| n.starts_with("Editing is off")),
        "{:?}",
        harness.state().notices()
    );
    assert_eq!(
        harness.state().current_trip().map(|o| o.entries.len()),
        entries
    );

    // The editor shows the entry; its fields take no typing.
    let entry = select_entry(&mut harness, "Ceph in a multi-cloud world");
    assert!(is_disabled(&harness, "Title"));
    assert!(is_disabled(&harness, "Delete…"));
    harness.get_by_label("Title").click();
    harness.get_by_label("Title").type_text("lost?");
    settle(&mut harness);
    let shown = harness
        .state()
        .current_trip()
        .and_then(|o| o.entries.iter().find(|e| e.id == entry))
        .map(|e| e.fields.title.clone());
    assert_eq!(shown.as_deref(), Some("Ceph in a multi-cloud world"));
    assert!(!harness.state().has_unsaved_edits());
    drop(harness);
    assert_eq!(
        std::fs::read(&journal).expect("reads"),
        before,
        "nothing written"
    );
}

/// Steps the window until `done` holds; panics after `limit` of wall-clock time.
fn shown_within(
    harness: &mut App,
    limit: Duration,
    what: &str,
    done: impl Fn(&TripJournalApp) -> bool,
) {
    let deadline = Instant::now() + limit;
    while !done(harness.state()) {
        assert!(
            Instant::now() < deadline,
            "not shown within {limit:?}: {what}"
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn trips_and_photos_added_by_another_program_show_within_two_seconds() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    let trip = open_demo(&mut harness);
    settle(&mut harness);
    let photos_before = harness
        .state()
        .current_trip()
        .map_or(0, |open| open.photos.len());

    crate::util::cli_ok(&journal, &["trip", "new", "--name", "Lisbon 2019"]);
    shown_within(
        &mut harness,
        Duration::from_secs(2),
        "the trip made by the CLI",
        |app| app.trips().iter().any(|t| t.fields.name == "Lisbon 2019"),
    );
    harness.step();
    harness.get_by_label("Lisbon 2019");

    let plain = crate::util::fixture("plain.jpg");
    let second = crate::util::fixture("second.jpg");
    crate::util::cli_ok(
        &journal,
        &[
            "photo",
            "add",
            "--trip",
            &trip.to_string(),
            plain.to_str().expect("utf-8"),
            second.to_str().expect("utf-8"),
        ],
    );
    shown_within(
        &mut harness,
        Duration::from_secs(2),
        "the photos added by the CLI",
        |app| {
            app.current_trip()
                .is_some_and(|open| open.photos.len() == photos_before + 2)
        },
    );
    // The tray draws them (the demo's own two unassigned photos and these two).
    harness.step();
    harness.get_by_label("Unassigned photos (4)");
}

#[test]
fn timeline_cards_show_their_first_photos_and_the_first_line_of_the_notes() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    // No entry is open: the cards alone ask for their photos' thumbnails.
    let keynote_photo = {
        let open = harness.state().current_trip().expect("the demo");
        let keynote = open
            .entries
            .iter()
            .find(|entry| entry.fields.title == "Keynotes: Open Infrastructure")
            .expect("the keynote");
        open.photos
            .iter()
            .find(|photo| photo.entry == Some(keynote.id))
            .expect("its photo")
            .id
    };
    assert_eq!(harness.state().selected_entry(), None);
    step_until(&mut harness, "the keynote card's thumbnail", |app| {
        app.has_thumbnail(keynote_photo)
    });
    settle(&mut harness);
    // The notes' first line, Markdown marks dropped, under the title.
    let title = harness.get_by_label("Keynotes: Open Infrastructure").rect();
    let notes = harness
        .get_by_label_contains("OpenStack 的内涵在被延展")
        .rect();
    assert!(
        notes.top() >= title.bottom() - 1.0 && notes.left() <= title.left(),
        "the notes line {notes:?} is not under the title {title:?}"
    );
}

#[test]
fn a_click_anywhere_on_a_card_opens_its_entry() {
    let (_dir, journal) = new_journal();
    let mut harness = app_on(&journal);
    open_demo(&mut harness);
    settle(&mut harness);
    // On the notes line, not the title.
    let notes = harness
        .get_by_label_contains("这次峰会的午饭冷餐简直了")
        .rect();
    harness.hover_at(notes.center());
    harness.event(egui::Event::PointerButton {
        pos: notes.center(),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.event(egui::Event::PointerButton {
        pos: notes.center(),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    step_until(&mut harness, "the lunch box's editor", |app| {
        app.selected_entry().is_some_and(|id| {
            app.current_trip().is_some_and(|open| {
                open.entries
                    .iter()
                    .any(|e| e.id == id && e.fields.title == "Conference lunch box")
            })
        })
    });
}
