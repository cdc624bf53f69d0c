use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::channel;

use image::RgbImage;
use tripjournal::model::{PhotoId, TripId};
use tripjournal::photos::{ImportEvent, ImportOutcome, ImportRequest, import_files};
use tripjournal::store::{PhotoBytes, Store};

use crate::util::{TempJournal, fixture, heif_converter_on_path};

fn import(store: &mut Store, trip: TripId, names: &[&str]) -> Vec<ImportOutcome> {
    let files = names.iter().map(|name| fixture(name)).collect();
    import_files(
        store,
        &ImportRequest::new(trip, files),
        &AtomicBool::new(false),
        None,
    )
    .expect("the batch runs")
    .into_iter()
    .map(|file| file.outcome)
    .collect()
}

fn imported(outcome: &ImportOutcome) -> PhotoId {
    match outcome {
        ImportOutcome::Imported(id) => *id,
        other => panic!("expected the photo to be imported, got {other:?}"),
    }
}

fn decode(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes)
        .expect("derivative decodes")
        .to_rgb8()
}

/// Whether the pixel at a fraction of the image is clearly red.
fn is_red(image: &RgbImage, fx: f32, fy: f32) -> bool {
    let x = ((image.width() as f32 * fx) as u32).min(image.width() - 1);
    let y = ((image.height() as f32 * fy) as u32).min(image.height() - 1);
    let pixel = image.get_pixel(x, y);
    pixel[0] > 200 && pixel[1] < 80 && pixel[2] < 80
}

#[test]
fn exif_orientation_gives_upright_previews_and_thumbnails() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let outcomes = import(
        &mut journal.store,
        trip,
        &["orient3.jpg", "orient6_gps.jpg", "orient8.jpg"],
    );
    // The red block is in the stored top-left corner of 160x120 pixels.
    // (name, upright size, where the red block must be after turning upright)
    let expected = [
        ("orient3", (160, 120), (0.9, 0.9)),
        ("orient6", (120, 160), (0.9, 0.1)),
        ("orient8", (120, 160), (0.1, 0.9)),
    ];
    for (outcome, (name, size, red_at)) in outcomes.iter().zip(expected) {
        let id = imported(outcome);
        let photo = journal.store.photo(id).expect("photo");
        assert_eq!(
            (photo.metadata.width, photo.metadata.height),
            size,
            "{name}: upright size"
        );
        for which in [PhotoBytes::Preview, PhotoBytes::Thumbnail] {
            let derived = decode(&journal.store.photo_bytes(id, which).expect("bytes"));
            assert_eq!(
                derived.dimensions(),
                size,
                "{name} {which:?}: small photos are not upscaled"
            );
            assert!(
                is_red(&derived, red_at.0, red_at.1),
                "{name} {which:?}: red block not where upright puts it"
            );
            assert!(
                !is_red(&derived, 0.1, 0.1) || red_at == (0.1, 0.1),
                "{name} {which:?}: still in stored orientation"
            );
        }
    }
}

#[test]
fn exif_time_offset_gps_and_camera_are_read() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let id = imported(&import(&mut journal.store, trip, &["orient6_gps.jpg"])[0]);
    let meta = journal.store.photo(id).expect("photo").metadata;
    let taken = meta.taken_at.expect("taken-at is read");
    assert_eq!(taken.to_iso(), "2018-11-13T16:20:05+01:00");
    let gps = meta.gps.expect("GPS is read");
    assert!((gps.latitude - 52.5).abs() < 1e-4, "{gps:?}");
    assert!((gps.longitude - 13.274).abs() < 1e-4, "{gps:?}");
    assert_eq!(meta.camera_model.as_deref(), Some("TJ Cam 1"));
    assert_eq!(meta.mime_type, "image/jpeg");
    assert_eq!(meta.original_name, "orient6_gps.jpg");
    // The original is kept byte for byte.
    let original = journal
        .store
        .photo_bytes(id, PhotoBytes::Original)
        .expect("original");
    assert_eq!(
        original,
        std::fs::read(fixture("orient6_gps.jpg")).expect("fixture")
    );
}

#[test]
fn derivatives_carry_no_metadata() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let id = imported(&import(&mut journal.store, trip, &["orient6_gps.jpg"])[0]);
    for which in [PhotoBytes::Preview, PhotoBytes::Thumbnail] {
        let bytes = journal.store.photo_bytes(id, which).expect("bytes");
        assert_eq!(
            tripjournal::photos::read_exif(&bytes),
            Default::default(),
            "{which:?} has EXIF"
        );
        assert!(
            !bytes.windows(4).any(|w| w == b"Exif"),
            "{which:?} has an EXIF segment"
        );
    }
}

#[test]
fn every_supported_format_imports() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let names = [
        "progressive.jpg",
        "grayscale.jpg",
        "cmyk.jpg",
        "alpha.png",
        "photo.webp",
        "animated.gif",
    ];
    let outcomes = import(&mut journal.store, trip, &names);
    let sizes = [
        (200, 150),
        (200, 150),
        (200, 150),
        (120, 90),
        (200, 150),
        (100, 80),
    ];
    for ((outcome, name), size) in outcomes.iter().zip(names).zip(sizes) {
        let id = imported(outcome);
        let photo = journal.store.photo(id).expect("photo");
        assert_eq!(
            (photo.metadata.width, photo.metadata.height),
            size,
            "{name}"
        );
        let preview = decode(
            &journal
                .store
                .photo_bytes(id, PhotoBytes::Preview)
                .expect("preview"),
        );
        assert_eq!(preview.dimensions(), size, "{name}");
    }
    // PNG transparency is flattened onto white; the opaque circle stays green.
    let png = decode(
        &journal
            .store
            .photo_bytes(imported(&outcomes[3]), PhotoBytes::Preview)
            .expect("preview"),
    );
    let corner = png.get_pixel(2, 2);
    assert!(
        corner.0.iter().all(|&c| c > 240),
        "transparent corner should be white, got {corner:?}"
    );
    let centre = png.get_pixel(60, 45);
    assert!(
        centre[1] > 120 && centre[0] < 60,
        "centre should stay green, got {centre:?}"
    );
    // GIF: the first frame (red).
    let gif = decode(
        &journal
            .store
            .photo_bytes(imported(&outcomes[5]), PhotoBytes::Preview)
            .expect("preview"),
    );
    assert!(
        is_red(&gif, 0.5, 0.5),
        "an animated GIF is imported as its first frame"
    );
    // Grayscale stays gray.
    let gray = decode(
        &journal
            .store
            .photo_bytes(imported(&outcomes[1]), PhotoBytes::Preview)
            .expect("preview"),
    );
    assert!(
        gray.pixels()
            .all(|p| p[0].abs_diff(p[1]) < 6 && p[1].abs_diff(p[2]) < 6)
    );
}

#[test]
fn large_photos_get_bounded_previews_and_thumbnails() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let mut big = RgbImage::new(2400, 1000);
    for (x, y, pixel) in big.enumerate_pixels_mut() {
        *pixel = image::Rgb([(x % 256) as u8, (y % 256) as u8, ((x + y) % 256) as u8]);
    }
    let path = journal.dir.path().join("wide.png");
    big.save(&path).expect("saves");
    let outcomes = import_files(
        &mut journal.store,
        &ImportRequest::new(trip, vec![path]),
        &AtomicBool::new(false),
        None,
    )
    .expect("batch");
    let id = imported(&outcomes[0].outcome);
    let preview = decode(
        &journal
            .store
            .photo_bytes(id, PhotoBytes::Preview)
            .expect("preview"),
    );
    let thumbnail = decode(
        &journal
            .store
            .photo_bytes(id, PhotoBytes::Thumbnail)
            .expect("thumb"),
    );
    assert_eq!(preview.dimensions(), (1600, 667));
    assert_eq!(thumbnail.dimensions(), (256, 107));
}

#[test]
fn the_same_photo_is_stored_once_per_trip() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let first = import(
        &mut journal.store,
        trip,
        &["plain.jpg", "plain.jpg", "second.jpg"],
    );
    let id = imported(&first[0]);
    assert_eq!(
        first[1],
        ImportOutcome::Duplicate(id),
        "a duplicate within one batch"
    );
    imported(&first[2]);
    let again = import(&mut journal.store, trip, &["plain.jpg"]);
    assert_eq!(
        again[0],
        ImportOutcome::Duplicate(id),
        "a duplicate of an earlier batch"
    );
    assert_eq!(journal.store.photos(trip).expect("photos").len(), 2);

    // Another trip may hold the same photo.
    let other = journal
        .store
        .create_trip(&tripjournal::model::TripFields::named("Other"))
        .expect("trip");
    imported(&import(&mut journal.store, other, &["plain.jpg"])[0]);
}

#[test]
fn bad_files_fail_cleanly_while_the_rest_of_the_batch_imports() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let names = [
        "plain.jpg",
        "truncated.jpg",
        "empty.jpg",
        "text.jpg",
        "huge_header.png",
        "photo.heic",
        "second.jpg",
    ];
    let started = std::time::Instant::now();
    let outcomes = import(&mut journal.store, trip, &names);
    let expected_reasons = [
        None,
        Some("damaged"),
        Some("empty"),
        Some("not an image"),
        Some("100000×100000"),
        // HEIC decodes where the system has a converter, else fails naming what to install.
        (!heif_converter_on_path()).then_some("no HEIF decoder"),
        None,
    ];
    for ((outcome, name), reason) in outcomes.iter().zip(names).zip(expected_reasons) {
        match (outcome, reason) {
            (ImportOutcome::Imported(_), None) => {}
            (ImportOutcome::Failed(message), Some(wanted)) => {
                assert!(
                    message.contains(wanted),
                    "{name}: reason {message:?} should mention {wanted:?}"
                );
                assert!(!message.contains('\n'), "{name}: the reason is one line");
            }
            (other, _) => panic!("{name}: unexpected outcome {other:?}"),
        }
    }
    // The 100000×100000 header is refused before any allocation, so this is quick (with
    // room for a loaded machine: the import's threads are timed on the clock).
    assert!(
        started.elapsed() < crate::util::PATIENCE,
        "took {:?}",
        started.elapsed()
    );
    let missing = import_files(
        &mut journal.store,
        &ImportRequest::new(trip, vec![journal.dir.path().join("nope.jpg")]),
        &AtomicBool::new(false),
        None,
    )
    .expect("batch");
    assert!(matches!(&missing[0].outcome, ImportOutcome::Failed(m) if m.contains("no such file")));
    let imported = expected_reasons
        .iter()
        .filter(|reason| reason.is_none())
        .count();
    assert_eq!(journal.store.photos(trip).expect("photos").len(), imported);
    assert!(journal.store.check().expect("check").is_ok());
}

#[test]
fn cancelling_mid_batch_leaves_only_whole_photos() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    // Twelve distinct photos, made here so the batch is long enough to cancel.
    let files: Vec<_> = (0..12u8)
        .map(|n| {
            let mut picture = RgbImage::new(900, 600);
            for (x, y, pixel) in picture.enumerate_pixels_mut() {
                *pixel = image::Rgb([n.wrapping_mul(20), (x % 251) as u8, (y % 241) as u8]);
            }
            let path = journal.dir.path().join(format!("photo-{n}.png"));
            picture.save(&path).expect("saves");
            path
        })
        .collect();
    let cancel = AtomicBool::new(false);
    let (sender, events) = channel();
    let mut request = ImportRequest::new(trip, files.clone());
    request.workers = 1;
    let outcomes = std::thread::scope(|scope| {
        let cancel = &cancel;
        let watcher = scope.spawn(move || {
            let mut seen = Vec::new();
            for event in events {
                if matches!(event, ImportEvent::FileDone { done: 2, .. }) {
                    cancel.store(true, Ordering::Relaxed);
                }
                seen.push(event);
            }
            seen
        });
        let outcomes =
            import_files(&mut journal.store, &request, cancel, Some(&sender)).expect("batch");
        drop(sender);
        let seen = watcher.join().expect("watcher");
        assert!(matches!(
            seen.first(),
            Some(ImportEvent::Started { total: 12 })
        ));
        assert!(matches!(seen.last(), Some(ImportEvent::Finished { .. })));
        outcomes
    });
    let imported_count = outcomes
        .iter()
        .filter(|o| matches!(o.outcome, ImportOutcome::Imported(_)))
        .count();
    let cancelled = outcomes
        .iter()
        .filter(|o| o.outcome == ImportOutcome::Cancelled)
        .count();
    assert!(imported_count >= 2, "the files before the cancel are kept");
    assert!(cancelled > 0, "the files after the cancel are not imported");
    assert_eq!(imported_count + cancelled, files.len());
    // Everything stored is whole: a row, its original, preview and thumbnail.
    let photos = journal.store.photos(trip).expect("photos");
    assert_eq!(photos.len(), imported_count);
    for photo in &photos {
        for which in [
            PhotoBytes::Original,
            PhotoBytes::Preview,
            PhotoBytes::Thumbnail,
        ] {
            assert!(
                !journal
                    .store
                    .photo_bytes(photo.id, which)
                    .expect("bytes")
                    .is_empty()
            );
        }
    }
    assert!(journal.store.check().expect("check").is_ok());
}

#[test]
fn import_order_follows_the_files_given() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let names = ["second.jpg", "plain.jpg", "progressive.jpg", "photo.webp"];
    let mut request = ImportRequest::new(trip, names.iter().map(|n| fixture(n)).collect());
    request.workers = 2;
    import_files(&mut journal.store, &request, &AtomicBool::new(false), None).expect("batch");
    let stored: Vec<_> = journal
        .store
        .photos(trip)
        .expect("photos")
        .into_iter()
        .map(|p| p.metadata.original_name)
        .collect();
    assert_eq!(stored, names);
}
