//! A trip watching a folder, driven through the window: *Watch a folder…*, the folder typed,
//! the question about the photos already there, the status-bar indicator as photos arrive,
//! *Stop watching*, and the watch resuming when the window opens again.

use std::path::Path;

use egui_kittest::kittest::Queryable;
use tripjournal::model::TripId;
use tripjournal::store::Store;

use crate::gui::{App, app_on, journal_until, settle, step_until};
use crate::util::{TempJournal, fixture};

fn photos_in(store: &Store, trip: TripId) -> usize {
    store.photos(trip).map_or(0, |photos| photos.len())
}

fn copy_fixture(name: &str, folder: &Path) {
    std::fs::copy(fixture(name), folder.join(name)).expect("copy");
}

/// The window on the journal with its trip open.
fn window_with_trip(journal: &Path) -> App {
    let mut harness = app_on(journal);
    step_until(&mut harness, "the trip to open", |app| {
        app.current_trip().is_some()
    });
    settle(&mut harness);
    harness
}

#[test]
fn a_watched_folder_asks_about_its_photos_then_imports_new_ones_and_resumes() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let camera = journal.dir.path().join("Camera");
    std::fs::create_dir(&camera).expect("folder");
    copy_fixture("plain.jpg", &camera);
    copy_fixture("second.jpg", &camera);
    let path = journal.path();
    let mut harness = window_with_trip(&path);

    harness.get_by_label("Watch a folder…").click();
    settle(&mut harness);
    harness.get_by_label("Folder").click();
    harness
        .get_by_label("Folder")
        .type_text(camera.to_str().expect("UTF-8"));
    harness.get_by_label("Watch").click();
    step_until(&mut harness, "the question about the photos there", |app| {
        app.watch_of(trip).is_some_and(|w| w.first_batch == Some(2))
    });
    settle(&mut harness);
    harness.get_by_label_contains("2 photos are already in Camera");
    assert_eq!(
        photos_in(&journal.store, trip),
        0,
        "nothing before the answer"
    );
    harness.get_by_label("Import them").click();
    journal_until(&mut harness, &path, "the two photos", |store| {
        photos_in(store, trip) == 2
    });

    // A photo that arrives later, first under a sync tool's temporary name.
    let partial = camera.join("orient6_gps.jpg.part");
    std::fs::copy(fixture("orient6_gps.jpg"), &partial).expect("copy");
    std::fs::rename(&partial, camera.join("orient6_gps.jpg")).expect("rename");
    step_until(&mut harness, "the third photo counted", |app| {
        app.watch_of(trip).is_some_and(|w| w.arrived == 3)
    });
    settle(&mut harness);
    harness.get_by_label("Watching Camera · 3 new");
    step_until(&mut harness, "the window to show the photos", |app| {
        app.current_trip()
            .is_some_and(|open| open.photos.len() == 3)
    });
    // Drawn in the timeline's tray, not only held.
    settle(&mut harness);
    harness.get_by_label("Unassigned photos (3)");
    drop(harness);

    // The setting is the trip's: a new window watches again, and asks nothing.
    let mut harness = window_with_trip(&path);
    step_until(&mut harness, "the watch to resume", |app| {
        app.watch_of(trip).is_some()
    });
    copy_fixture("orient3.jpg", &camera);
    step_until(&mut harness, "the photo that arrived", |app| {
        app.watch_of(trip).is_some_and(|w| w.arrived == 1)
    });
    assert!(
        harness
            .state()
            .watch_of(trip)
            .is_some_and(|w| w.first_batch.is_none())
    );
    settle(&mut harness);
    harness.get_by_label("Stop watching").click();
    step_until(&mut harness, "the watch to stop", |app| {
        app.watch_of(trip).is_none()
    });
    assert_eq!(journal.store.watched_folder(trip).expect("setting"), None);
    assert_eq!(photos_in(&journal.store, trip), 4);
}

#[test]
fn a_folder_that_does_not_exist_is_refused_with_a_word() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let path = journal.path();
    let mut harness = window_with_trip(&path);
    harness.get_by_label("Watch a folder…").click();
    settle(&mut harness);
    harness.get_by_label("Folder").click();
    harness.get_by_label("Folder").type_text("/no/such/folder");
    harness.get_by_label("Watch").click();
    step_until(&mut harness, "the refusal", |app| {
        app.notices()
            .iter()
            .any(|n| n.starts_with("The folder cannot be watched"))
    });
    assert!(harness.state().watch_of(trip).is_none());
    assert!(harness.query_by_label_contains("Watching").is_none());
}
