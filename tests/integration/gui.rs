use std::path::Path;
use std::time::{Duration, Instant};

#[allow(unused_imports)]
use crate::util::fixture as _fixture;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tripjournal::model::{EntryContent, EntryKind, TripId};
use tripjournal::store::Store;
use tripjournal::ui::TripJournalApp;

use crate::util::fixture;

/// A harness around the real app on a journal file.
fn app_on(journal: &Path) -> Harness<'static, TripJournalApp> {
    let journal = journal.to_path_buf();
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .build_eframe(move |cc| TripJournalApp::new(cc, journal))
}

/// Steps the app until `done` holds (the journal thread answers asynchronously).
fn step_until(
    harness: &mut Harness<'static, TripJournalApp>,
    what: &str,
    done: impl Fn(&TripJournalApp) -> bool,
) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for: {what}");
        harness.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    harness.step();
}

/// Steps a few frames with short pauses so background answers arrive.
fn settle(harness: &mut Harness<'static, TripJournalApp>) {
    for _ in 0..5 {
        harness.step();
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn open_demo(harness: &mut Harness<'static, TripJournalApp>) -> TripId {
    step_until(harness, "the welcome view", |app| {
        !app.trips().is_empty() || app.current_trip().is_none()
    });
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

#[test]
fn first_run_shows_the_welcome_view_and_opens_the_demo() {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let mut harness = app_on(&journal);
    settle(&mut harness);
    harness.get_by_label("Welcome to tripjournal");
    assert_eq!(
        harness.query_all_by_label("➕ New trip").count(),
        2,
        "in the side panel and the welcome view"
    );
    let trip = open_demo(&mut harness);
    // Selecting an entry opens the editor on it.
    harness.get_by_label("Ceph in a multi-cloud world").click();
    step_until(&mut harness, "the editor", |app| {
        app.selected_entry().is_some()
    });
    harness.get_by_label("Usefulness: 5 of 5 stars");
    let store = Store::open(&journal).expect("journal");
    assert!(store.entries(trip).expect("entries").len() >= 10);
}
