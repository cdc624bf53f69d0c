//! `tripjournal photo shift`: a camera clock that was wrong is corrected in the journal,
//! matching photos only, and the original files stay byte for byte as imported.

use crate::util::{TempJournal, cli_fails, cli_ok, fixture};
use tripjournal::model::{Photo, PhotoId};
use tripjournal::store::{PhotoBytes, Store, hex_sha256};

/// A journal with the Berlin trip holding `orient6_gps.jpg` (photo 1: taken
/// 2018-11-13 16:20:05 +01:00 on a "TJ Cam 1") and `plain.jpg` (photo 2: no EXIF).
fn journal_with_photos() -> TempJournal {
    let journal = TempJournal::new();
    journal.berlin_trip();
    let exif = fixture("orient6_gps.jpg");
    let plain = fixture("plain.jpg");
    let args = ["photo", "add", "--trip", "Berlin Summit 2018"];
    let paths = [exif.to_str().expect("path"), plain.to_str().expect("path")];
    cli_ok(&journal.path(), &[&args[..], &paths[..]].concat());
    journal
}

fn photo(journal: &TempJournal, id: i64) -> Photo {
    let store = Store::open(&journal.path()).expect("journal opens");
    store.photo(PhotoId(id)).expect("photo")
}

fn shift(journal: &TempJournal, extra: &[&str]) -> String {
    let args = ["photo", "shift", "--trip", "Berlin Summit 2018"];
    cli_ok(&journal.path(), &[&args[..], extra].concat())
}

#[test]
fn a_camera_left_on_home_time_is_shifted_and_its_original_unchanged() {
    let journal = journal_with_photos();
    let imported_sha = hex_sha256(&std::fs::read(fixture("orient6_gps.jpg")).expect("fixture"));
    let out = shift(&journal, &["--by=-7h30m", "--camera", "tj cam 1"]);
    assert_eq!(
        out,
        "shifted 1 2018-11-13T16:20:05+01:00 -> 2018-11-13T08:50:05+01:00\n\
         1 photo shifted by -7h30m\n"
    );
    let shifted = photo(&journal, 1);
    let taken = shifted.metadata.taken_at.expect("taken-at kept");
    assert_eq!(taken.to_iso(), "2018-11-13T08:50:05+01:00");
    assert_eq!(shifted.metadata.sha256, imported_sha);
    let store = Store::open(&journal.path()).expect("journal opens");
    let original = store
        .photo_bytes(PhotoId(1), PhotoBytes::Original)
        .expect("original");
    assert_eq!(
        hex_sha256(&original),
        imported_sha,
        "the original is not rewritten"
    );

    // Shifting back by the opposite restores it exactly (what undo does).
    shift(&journal, &["--by", "+7h30m"]);
    let back = photo(&journal, 1).metadata.taken_at.expect("taken-at");
    assert_eq!(back.to_iso(), "2018-11-13T16:20:05+01:00");
}

#[test]
fn photos_without_a_time_are_left_and_counted() {
    let journal = journal_with_photos();
    let out = shift(&journal, &["--by=+00:05"]);
    assert!(
        out.starts_with("shifted 1 2018-11-13T16:20:05+01:00 -> 2018-11-13T16:25:05+01:00\n"),
        "{out}"
    );
    assert!(
        out.ends_with("1 photo left (no time taken recorded): 2\n"),
        "{out}"
    );
    assert_eq!(photo(&journal, 2).metadata.taken_at, None);
}

#[test]
fn bad_shifts_say_why_and_change_nothing() {
    let journal = journal_with_photos();
    let path = journal.path();
    let base = ["photo", "shift", "--trip", "Berlin Summit 2018"];
    let fails = |extra: &[&str]| cli_fails(&path, &[&base[..], extra].concat(), 2);
    let err = fails(&["--by=+2x"]);
    assert!(err.contains("+2h, -7h30m"), "{err}");
    fails(&["--by=0h"]);
    let err = fails(&["--by=+1h", "--camera", "Nikon Z6"]);
    assert!(
        err.contains("\"Nikon Z6\"") && err.contains("TJ Cam 1"),
        "{err}"
    );
    let err = fails(&["--by=+1h", "--camera", "TJ Cam 1", "--ids", "2"]);
    assert!(err.contains("no photo"), "{err}");
    fails(&["--by=+1h", "--ids", "99"]);
    fails(&["--by=+1h", "--ids", "1,x"]);
    let taken = photo(&journal, 1).metadata.taken_at.expect("taken-at");
    assert_eq!(taken.to_iso(), "2018-11-13T16:20:05+01:00");
}

#[test]
fn the_window_shifts_a_camera_with_a_preview_and_undoes_it() {
    use crate::gui::{app_on, journal_until, settle, step_until};
    use egui::{Key, Modifiers};
    use egui_kittest::kittest::Queryable;

    let journal = journal_with_photos();
    let path = journal.path();
    let mut harness = app_on(&path);
    step_until(&mut harness, "the trip's photos", |app| {
        app.current_trip()
            .is_some_and(|open| open.photos.len() == 2)
    });
    settle(&mut harness);
    harness
        .get_by_label_contains("Photo: orient6_gps.jpg")
        .click_secondary();
    settle(&mut harness);
    harness.get_by_label("Camera clock off…").click();
    settle(&mut harness);
    duration_field(&harness).click();
    settle(&mut harness);
    duration_field(&harness).type_text("-2h");
    settle(&mut harness);
    harness.get_by_label_contains("1 photo with a time move");
    harness.get_by_label("Shift").click();
    let taken = |store: &Store| {
        store
            .photo(PhotoId(1))
            .expect("photo")
            .metadata
            .taken_at
            .map(|t| t.to_iso())
    };
    journal_until(&mut harness, &path, "the shift", |store| {
        taken(store).as_deref() == Some("2018-11-13T14:20:05+01:00")
    });
    // The undo step comes with the journal thread's answer, and the window's photos after it.
    step_until(&mut harness, "the window to show the shift", |app| {
        app.current_trip().is_some_and(|open| {
            open.photos.iter().any(|photo| {
                photo.id == PhotoId(1)
                    && photo.metadata.taken_at.map(|t| t.to_iso()).as_deref()
                        == Some("2018-11-13T14:20:05+01:00")
            })
        })
    });
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    journal_until(&mut harness, &path, "the undo", |store| {
        taken(store).as_deref() == Some("2018-11-13T16:20:05+01:00")
    });
}

/// The camera-clock dialog's duration field.
fn duration_field(harness: &crate::gui::App) -> egui_kittest::Node<'_> {
    use egui_kittest::kittest::{NodeT, Queryable};
    harness
        .get_all_by_label_contains("are off by")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the dialog's duration field")
}
