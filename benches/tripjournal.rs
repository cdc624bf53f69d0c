//! `cargo bench`: the speed and memory figures of issue 5, printed one per line with units.
//!
//! It paints its own photo-like JPEGs (12 MP and 48 MP, quality 90, some with EXIF orientation
//! 6), builds journals in a temporary folder and measures: import (sequential and on all
//! cores), export of a 50-photo trip, opening a 2,000-entry / 5,000-photo trip to the first
//! frame, frame times while scrolling it, peak memory and the journal's size, and the parse
//! of a 2,000-talk conference schedule (`cargo bench -- schedule` runs that case alone). When
//! `vipsthumbnail` is installed, it is timed on the same files in the same run and the ratios
//! are printed; otherwise the comparison is reported as skipped. Machines here are shared and
//! noisy: compare ratios from one run, not absolute times across runs.
//!
//! `cargo bench -- import` runs only the import figures (issue 17), with the quality of the
//! stored 1,600 px preview measured against a full decode + Lanczos3 to the same size, next to
//! what a full decode stored.
//!
//! It also times frames of the Schedule view over a 1,000-talk schedule (issue 15; target: a
//! median frame under 4 ms). `cargo bench --bench tripjournal -- schedule` runs only that.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};
use tripjournal::export::{ExportOptions, Layout, export_trip};
use tripjournal::model::{EntryFields, EntryKind, PhotoMetadata, TripFields, TripId};
use tripjournal::model::{Talk, TalkTime};
use tripjournal::photos::{
    ImportRequest, PREVIEW_LONG_EDGE, PREVIEW_QUALITY, PhotoLimits, downscale_rgb, encode_web_jpeg,
    import_files, prepare_photo, psnr,
};
use tripjournal::schedule::read_schedule;
use tripjournal::store::{NewPhoto, Store, hex_sha256};
use tripjournal::ui::TripJournalApp;

fn main() {
    // `cargo bench -- --quick` makes smaller sets for a fast look.
    let quick = std::env::args().any(|a| a == "--quick");
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    // A word after `--` (cargo adds `--bench` itself) picks one case.
    let only = std::env::args().skip(1).find(|a| !a.starts_with("--"));
    if only.as_deref() == Some("schedule") {
        schedule_parse();
        frames_in_schedule_view(root);
        return;
    }
    println!(
        "# tripjournal benchmark ({} mode), {} cores",
        if quick { "quick" } else { "full" },
        cores()
    );
    let vips = vipsthumbnail_available();
    if !vips {
        println!(
            "vipsthumbnail: not installed, comparisons skipped (apt-get install libvips-tools)"
        );
    }

    // Photos.
    let started = Instant::now();
    let photos_12 = paint_set(root, "p12", 4032, 3024, if quick { 3 } else { 6 });
    let photos_48 = paint_set(root, "p48", 8000, 6000, if quick { 1 } else { 2 });
    println!(
        "generated photos: {:.1} s (not a figure)",
        started.elapsed().as_secs_f64()
    );

    // 1. Import. Distinct copies of the painted photos (same pixels, other hashes) give enough
    // files that two workers are not left with a lone last photo on one core.
    let import_12 = distinct_copies(root, "i12", &photos_12, if quick { 6 } else { 24 });
    let import_48 = distinct_copies(root, "i48", &photos_48, if quick { 2 } else { 10 });
    // "One core" pins the import (its decode worker and its commit thread) to one CPU; "one
    // worker" lets the commit thread run on another core while the worker decodes.
    let import_12_seq =
        on_one_core(|| time_import(root, "seq12", &import_12, 1)) / import_12.len() as f64;
    let import_48_seq =
        on_one_core(|| time_import(root, "seq48", &import_48, 1)) / import_48.len() as f64;
    let import_12_worker = time_import(root, "one12", &import_12, 1) / import_12.len() as f64;
    let import_12_all = time_import(root, "all12", &import_12, 0) / import_12.len() as f64;
    let import_48_all = time_import(root, "all48", &import_48, 0) / import_48.len() as f64;
    println!("import 12 MP, one core: {import_12_seq:.0} ms/photo");
    println!("import 48 MP, one core: {import_48_seq:.0} ms/photo");
    println!(
        "import 12 MP, one decode worker, commits on another core: {import_12_worker:.0} ms/photo"
    );
    println!(
        "import 12 MP, all cores: {import_12_all:.0} ms/photo (throughput {:.2}x one core)",
        import_12_seq / import_12_all
    );
    println!(
        "import 48 MP, all cores: {import_48_all:.0} ms/photo (throughput {:.2}x one core)",
        import_48_seq / import_48_all
    );
    if vips {
        compare_with_vips(
            root,
            (&photos_12, import_12_seq),
            (&photos_48, import_48_seq),
        );
    }
    // Index 0 of each set has no EXIF orientation, so preview and reference line up.
    preview_quality("12 MP", &photos_12[0]);
    preview_quality("48 MP", &photos_48[0]);
    if only.as_deref() == Some("import") {
        return;
    }

    // 2. Export of a 50-photo trip (copies of the 12 MP photos made distinct by a comment).
    let count = if quick { 10 } else { 50 };
    let copies = distinct_copies(root, "e", &photos_12, count);
    let journal = root.join("export.sqlite");
    let mut store = Store::open(&journal).expect("journal");
    let trip = store
        .create_trip(&TripFields::named("Export bench"))
        .expect("trip");
    import_files(
        &mut store,
        &ImportRequest::new(trip, copies.clone()),
        &AtomicBool::new(false),
        None,
    )
    .expect("import");
    let out = root.join("export-out");
    let started = Instant::now();
    export_trip(&store, trip, &ExportOptions::new(&out, Layout::Plain)).expect("export");
    let export_ms = ms(started.elapsed());
    println!("export of {count} photos (default options): {export_ms:.0} ms total");
    if vips {
        let vips_ms = time_vips(root, &copies);
        println!(
            "vipsthumbnail -s 1600 on the {count} originals: {vips_ms:.0} ms; export/vips ratio {:.2}",
            export_ms / vips_ms
        );
    }
    let originals: u64 = copies
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum();
    drop(store);
    let size = journal_size(&journal);
    println!(
        "journal size over originals: {:.3} ({} MB journal, {} MB originals)",
        size as f64 / originals as f64,
        size / 1_000_000,
        originals / 1_000_000
    );

    // 3–5. A big trip in the window. The peak-memory mark is reset first so the figure is that
    // of opening and scrolling, not of the imports above.
    let rss_reset = reset_peak_rss();
    let (entries, photos) = if quick { (500, 1250) } else { (2000, 5000) };
    let big = root.join("big.sqlite");
    let started = Instant::now();
    build_big_trip(&big, entries, photos);
    println!(
        "built a journal of {entries} entries and {photos} photos: {:.1} s (not a figure)",
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let mut harness = window_until(&big, "the big trip to open", |app| {
        app.current_trip()
            .is_some_and(|o| o.entries.len() >= entries)
    });
    harness.step();
    println!(
        "open to first frame ({entries} entries, {photos} photos): {:.0} ms",
        ms(started.elapsed())
    );

    let mut frames = Vec::new();
    for _ in 0..400 {
        wheel(&mut harness, -120.0, egui::pos2(700.0, 600.0));
        frames.push(timed_step(&mut harness));
    }
    frames.sort_by(f64::total_cmp);
    println!(
        "frame while scrolling: median {:.2} ms, worst {:.2} ms ({} frames, {} textures resident)",
        frames[frames.len() / 2],
        frames[frames.len() - 1],
        frames.len(),
        harness.state().resident_textures()
    );
    drop(harness);
    println!(
        "peak RSS (open + scroll{}): {} MB",
        if rss_reset {
            ""
        } else {
            ", and everything before: reset unsupported"
        },
        peak_rss_kb() / 1024
    );

    // The window while it imports a day's photos.
    frames_during_import(root, &photos_12, if quick { 20 } else { 100 });

    schedule_parse();
    frames_in_schedule_view(root);
}

/// Parses the generated FOSDEM-sized schedule (1,000 talks, frab XML) twice: the parse part
/// of issue 15's "2,000 talks import in under 2 s". Median of five runs.
fn schedule_parse() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/schedules/fosdem-like-1000.xml");
    let bytes = std::fs::read(&path).expect("the generated programme in tests/data/schedules");
    let mut runs = Vec::new();
    for _ in 0..5 {
        let started = Instant::now();
        let talks: usize = (0..2)
            .map(|_| {
                read_schedule(&bytes, chrono_tz::Europe::Brussels)
                    .expect("the programme parses")
                    .talks
                    .len()
            })
            .sum();
        runs.push(ms(started.elapsed()));
        assert_eq!(talks, 2000, "talks parsed");
    }
    runs.sort_by(f64::total_cmp);
    println!(
        "parse of a 2,000-talk programme (frab XML, 1,000 talks x2, {:.1} MB each): median {:.0} ms, worst {:.0} ms",
        bytes.len() as f64 / 1e6,
        runs[runs.len() / 2],
        runs[runs.len() - 1]
    );
    schedule_import(&bytes);
}

/// Issue 15's "2,000 talks import in under 2 s": parse the schedule and store 2,000 talks
/// (the 1,000-talk file, and the same talks a week later under other keys) into a new trip in
/// one journal, then import the same schedule again (every talk compared, none changed).
fn schedule_import(bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&dir.path().join("schedule.sqlite")).expect("journal");
    let trip = store
        .create_trip(&TripFields::named("FOSDEM-like"))
        .expect("trip");
    let started = Instant::now();
    let mut talks = read_schedule(bytes, chrono_tz::Europe::Brussels)
        .expect("the programme parses")
        .talks;
    let week_later: Vec<_> = read_schedule(bytes, chrono_tz::Europe::Brussels)
        .expect("the programme parses")
        .talks
        .into_iter()
        .map(|mut talk| {
            talk.key = format!("{}-next-week", talk.key);
            if let TalkTime::Timed { start, end } = &mut talk.time {
                *start += chrono::Duration::days(7);
                *end += chrono::Duration::days(7);
            }
            talk
        })
        .collect();
    talks.extend(week_later);
    let first = store.import_schedule(trip, &talks).expect("import");
    let first_ms = ms(started.elapsed());
    assert_eq!(first.imported, 2000, "talks imported");
    let started = Instant::now();
    let again = store.import_schedule(trip, &talks).expect("import again");
    let again_ms = ms(started.elapsed());
    assert_eq!(again.unchanged, 2000, "talks unchanged");
    println!(
        "import of a 2,000-talk programme (parse + store, new trip): {first_ms:.0} ms (target < 2000 ms); the same again: {again_ms:.0} ms"
    );
}

/// A conference of four days around today: ten rooms, 25 talks a day in each, with speakers,
/// abstracts and every seventh talk starred (so the Now / next strip has work to do).
fn build_conference(journal: &Path) -> usize {
    let mut store = Store::open(journal).expect("journal");
    let zone = chrono_tz::Europe::Brussels;
    let today = Utc::now().with_timezone(&zone).date_naive();
    let first = today - chrono::Duration::days(1);
    let mut fields = TripFields::named("Big conference");
    fields.time_zone = zone;
    fields.start_date = Some(first);
    fields.end_date = Some(first + chrono::Duration::days(3));
    let trip = store.create_trip(&fields).expect("trip");
    let mut talks = Vec::new();
    for day in 0..4 {
        let date = first + chrono::Duration::days(day);
        for room in 0..10 {
            for slot in 0..25 {
                let local =
                    date.and_hms_opt(9, 0, 0).expect("time") + chrono::Duration::minutes(slot * 20);
                let start = zone
                    .from_local_datetime(&local)
                    .earliest()
                    .expect("a local time")
                    .with_timezone(&Utc);
                let n = talks.len();
                talks.push(Talk {
                    key: format!("talk-{n}"),
                    title: format!("Talk {n}: scaling things in room {room} 演讲"),
                    subtitle: String::new(),
                    time: TalkTime::Timed {
                        start,
                        end: start + chrono::Duration::minutes(20),
                    },
                    room: format!("Room {room}"),
                    track: format!("Track {}", (room + slot) % 12),
                    kind: "lecture".into(),
                    speakers: vec![format!("Speaker {n}"), "Ada Lovelace".into()],
                    url: Some(format!("https://example.org/talk/{n}")),
                    abstract_text: "An abstract about the talk, with details. ".repeat(15),
                });
            }
        }
    }
    store.import_schedule(trip, &talks).expect("programme");
    for item in store.schedule(trip).expect("schedule").iter().step_by(7) {
        store.set_starred(item.id, true).expect("star");
    }
    talks.len()
}

/// Frame times of the Schedule view over a 1,000-talk schedule: scrolling a day of 250
/// talks, typing a search, and switching days.
fn frames_in_schedule_view(root: &Path) {
    let journal = root.join("conference.sqlite");
    let talks = build_conference(&journal);
    let mut harness = window_until(&journal, "the programme to load", |app| {
        app.current_trip()
            .is_some_and(|open| open.schedule.items().len() >= talks)
    });
    harness.get_by_label("Schedule").click();
    for _ in 0..5 {
        harness.step();
    }
    let mut scrolling = Vec::new();
    for frame in 0..400 {
        // Down for most of the day, then back up.
        let delta = if frame < 300 { -60.0 } else { 180.0 };
        wheel(&mut harness, delta, egui::pos2(700.0, 500.0));
        scrolling.push(timed_step(&mut harness));
    }
    harness.get_by_label("Search talks").click();
    harness.step();
    let mut searching = Vec::new();
    let typed = "ada lovelace";
    for letter in typed.chars() {
        harness.event(egui::Event::Text(letter.to_string()));
        searching.push(timed_step(&mut harness));
    }
    assert_eq!(
        harness.get_by_label("Search talks").value().as_deref(),
        Some(typed),
        "the search was typed into its field"
    );
    let mut days = Vec::new();
    for _ in 0..3 {
        for label in day_labels(&harness) {
            harness.get_by_label(&label).click();
            days.push(timed_step(&mut harness));
            days.push(timed_step(&mut harness));
        }
    }
    for (what, mut frames) in [
        ("scrolling a day of 250 talks", scrolling),
        ("typing a search (each key filters 1,000 talks)", searching),
        ("switching days", days),
    ] {
        frames.sort_by(f64::total_cmp);
        println!(
            "Schedule view, {talks} talks, frame while {what}: median {:.2} ms, worst {:.2} ms ({} frames; target median < 4 ms)",
            frames[frames.len() / 2],
            frames[frames.len() - 1],
            frames.len()
        );
    }
}

/// The window on `journal`, stepped until `ready` holds (within a minute).
fn window_until(
    journal: &Path,
    what: &str,
    ready: impl Fn(&TripJournalApp) -> bool,
) -> Harness<'static, TripJournalApp> {
    let path = journal.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .allow_missing_glyphs()
        .build_eframe(move |cc| TripJournalApp::new(cc, path));
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready(harness.state()) {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        harness.step();
    }
    harness
}

/// A turn of the mouse wheel by `delta_y` points with the pointer at `at`.
fn wheel(harness: &mut Harness<'_, TripJournalApp>, delta_y: f32, at: egui::Pos2) {
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, delta_y),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(at));
}

/// One frame, timed in milliseconds.
fn timed_step(harness: &mut Harness<'_, TripJournalApp>) -> f64 {
    let started = Instant::now();
    harness.step();
    ms(started.elapsed())
}

/// The day tabs of the Schedule view ("Sat 31 Jan"), as its trip's days show them.
fn day_labels(harness: &Harness<'_, TripJournalApp>) -> Vec<String> {
    let Some(open) = harness.state().current_trip() else {
        return Vec::new();
    };
    let (Some(first), Some(last)) = (open.trip.fields.start_date, open.trip.fields.end_date) else {
        return Vec::new();
    };
    first
        .iter_days()
        .take_while(|day| *day <= last)
        .map(|day| day.format("%a %-d %b").to_string())
        .collect()
}

/// Opens the window on a trip, imports `count` 12 MP photos through it and times each frame,
/// pacing frames at 60 Hz as a display would.
fn frames_during_import(root: &Path, photos: &[PathBuf], count: usize) {
    let files = distinct_copies(root, "gui", photos, count);
    let journal = root.join("gui.sqlite");
    {
        let store = Store::open(&journal).expect("journal");
        store
            .create_trip(&TripFields::named("Import while typing"))
            .expect("trip");
    }
    let mut harness = window_until(&journal, "the trip to open", |app| {
        app.current_trip().is_some()
    });
    reset_peak_rss();
    let started = Instant::now();
    harness.state_mut().import_paths(files);
    let deadline = Instant::now() + Duration::from_secs(600);
    let mut frames = Vec::new();
    let mut progress_seen = std::collections::BTreeSet::new();
    while harness.state().importing() {
        assert!(Instant::now() < deadline, "the import did not finish");
        let frame_started = Instant::now();
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(egui::pos2(700.0, 400.0)));
        harness.step();
        let frame = frame_started.elapsed();
        frames.push(ms(frame));
        if let Some((done, _)) = harness.state().import_progress() {
            progress_seen.insert(done);
        }
        std::thread::sleep(Duration::from_millis(16).saturating_sub(frame));
    }
    let import_ms = ms(started.elapsed());
    let imported = harness
        .state()
        .current_trip()
        .map_or(0, |open| open.photos.len());
    frames.sort_by(f64::total_cmp);
    println!(
        "frame while importing {count} photos in the window: median {:.2} ms, worst {:.2} ms \
         ({} frames; progress shown at {} different counts; {imported} photos in {:.1} s)",
        frames[frames.len() / 2],
        frames[frames.len() - 1],
        frames.len(),
        progress_seen.len(),
        import_ms / 1000.0
    );
    println!(
        "peak RSS while importing in the window: {} MB",
        peak_rss_kb() / 1024
    );
}

/// Resets the kernel's peak-memory mark of this process (Linux); false where unsupported.
fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

fn vipsthumbnail_available() -> bool {
    Command::new("vipsthumbnail")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Paints photo-like pictures: gradients, textures at several scales and sensor noise.
fn paint(width: u32, height: u32, seed: u32) -> RgbImage {
    let mut state = seed.wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut image = RgbImage::new(width, height);
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        let noise = (state % 24) as f32 - 12.0;
        let (fx, fy) = (x as f32 / width as f32, y as f32 / height as f32);
        let texture = ((fx * 37.0 + seed as f32).sin() * (fy * 23.0).cos() * 40.0)
            + ((fx * 311.0).sin() * (fy * 197.0).sin() * 18.0);
        let r = 90.0 + 120.0 * fy + texture + noise;
        let g = 110.0 + 80.0 * fx - texture * 0.5 + noise;
        let b = 160.0 - 100.0 * fy + texture * 0.3 + noise;
        *pixel = Rgb([
            r.clamp(0.0, 255.0) as u8,
            g.clamp(0.0, 255.0) as u8,
            b.clamp(0.0, 255.0) as u8,
        ]);
    }
    image
}

/// Writes `count` JPEGs at quality 90; every other one carries EXIF orientation 6.
fn paint_set(root: &Path, name: &str, width: u32, height: u32, count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|index| {
            let image = paint(width, height, index as u32 + width);
            let mut jpeg = Vec::new();
            JpegEncoder::new_with_quality(&mut jpeg, 90)
                .encode_image(&image)
                .expect("encodes");
            if index % 2 == 1 {
                jpeg = with_orientation_6(&jpeg);
            }
            let path = root.join(format!("{name}-{index}.jpg"));
            std::fs::write(&path, jpeg).expect("writes");
            path
        })
        .collect()
}

/// Inserts an EXIF segment saying "rotate 90° clockwise to view" after the SOI marker.
fn with_orientation_6(jpeg: &[u8]) -> Vec<u8> {
    let field = exif::Field {
        tag: exif::Tag::Orientation,
        ifd_num: exif::In::PRIMARY,
        value: exif::Value::Short(vec![6]),
    };
    let mut writer = exif::experimental::Writer::new();
    writer.push_field(&field);
    let mut tiff = std::io::Cursor::new(Vec::new());
    writer.write(&mut tiff, false).expect("EXIF");
    let tiff = tiff.into_inner();
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(&tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}

/// Copies of the photos, each made distinct by a JPEG comment (same pixels, other hash).
fn distinct_copies(root: &Path, name: &str, photos: &[PathBuf], count: usize) -> Vec<PathBuf> {
    (0..count)
        .map(|index| {
            let source = std::fs::read(&photos[index % photos.len()]).expect("reads");
            let comment = format!("{name} copy {index}");
            let mut bytes = source[..2].to_vec();
            bytes.extend_from_slice(&[0xFF, 0xFE]);
            bytes.extend_from_slice(&((comment.len() + 2) as u16).to_be_bytes());
            bytes.extend_from_slice(comment.as_bytes());
            bytes.extend_from_slice(&source[2..]);
            let path = root.join(format!("{name}-copy-{index}.jpg"));
            std::fs::write(&path, bytes).expect("writes");
            path
        })
        .collect()
}

/// Runs `work` on a thread pinned to the first CPU; the threads it starts inherit the pinning.
/// Where pinning is unavailable it says so and runs unpinned.
fn on_one_core(work: impl FnOnce() -> f64 + Send) -> f64 {
    std::thread::scope(|scope| {
        scope
            .spawn(|| {
                let pinned = core_affinity::get_core_ids()
                    .and_then(|cores| cores.first().copied())
                    .is_some_and(core_affinity::set_for_current);
                if !pinned {
                    println!("(could not pin to one core; the one-core figures ran unpinned)");
                }
                work()
            })
            .join()
            .expect("the pinned run finishes")
    })
}

/// Milliseconds to import the files into a new journal with this many workers (0 = all cores).
fn time_import(root: &Path, name: &str, files: &[PathBuf], workers: usize) -> f64 {
    let journal = root.join(format!("{name}.sqlite"));
    let mut store = Store::open(&journal).expect("journal");
    let trip = store.create_trip(&TripFields::named(name)).expect("trip");
    let mut request = ImportRequest::new(trip, files.to_vec());
    request.workers = workers;
    let started = Instant::now();
    let outcomes =
        import_files(&mut store, &request, &AtomicBool::new(false), None).expect("import");
    let elapsed = ms(started.elapsed());
    assert!(
        outcomes
            .iter()
            .all(|o| matches!(o.outcome, tripjournal::photos::ImportOutcome::Imported(_)))
    );
    elapsed
}

/// vipsthumbnail's time per photo on the same files, pinned to one core like the import, and
/// the import's ratio to it (the 12 MP and 48 MP sets, each with its import ms/photo).
fn compare_with_vips(root: &Path, set_12: (&[PathBuf], f64), set_48: (&[PathBuf], f64)) {
    for (label, (photos, import_ms)) in [("12 MP", set_12), ("48 MP", set_48)] {
        let vips_ms = on_one_core(|| time_vips_with(root, photos, Some("1"))) / photos.len() as f64;
        println!(
            "vipsthumbnail -s 1600, {label}, one core: {vips_ms:.0} ms/photo; import/vips ratio {:.2}",
            import_ms / vips_ms
        );
    }
}

/// The stored preview's PSNR against the whole photo decoded and resized with Lanczos3 to the
/// same size, and the PSNR of what the full-decode path stored (that reference as the preview
/// JPEG), with the difference (issue 17: at most 0.5 dB below).
fn preview_quality(label: &str, photo: &Path) {
    let bytes = std::fs::read(photo).expect("reads");
    let prepared = prepare_photo(bytes.clone(), "q.jpg", &PhotoLimits::default()).expect("imports");
    let preview = decode_rgb(&prepared.preview_jpeg);
    let reference = downscale_rgb(decode_rgb(&bytes), PREVIEW_LONG_EDGE).expect("resizes");
    assert_eq!(reference.dimensions(), preview.dimensions());
    let full_path = decode_rgb(&encode_web_jpeg(&reference, PREVIEW_QUALITY).expect("encodes"));
    let (scaled_db, full_db) = (
        psnr(preview.as_raw(), reference.as_raw()),
        psnr(full_path.as_raw(), reference.as_raw()),
    );
    println!(
        "preview quality {label}: {scaled_db:.2} dB (full decode path {full_db:.2} dB; {:+.2} dB) \
         against full decode + Lanczos3",
        scaled_db - full_db
    );
}

fn decode_rgb(bytes: &[u8]) -> RgbImage {
    image::load_from_memory(bytes).expect("decodes").into_rgb8()
}

/// Milliseconds for `vipsthumbnail -s 1600` on the files, one after another.
fn time_vips(root: &Path, files: &[PathBuf]) -> f64 {
    time_vips_with(root, files, None)
}

/// [`time_vips`] with `VIPS_CONCURRENCY` set when given (1: one thread, as the issue measures).
fn time_vips_with(root: &Path, files: &[PathBuf], concurrency: Option<&str>) -> f64 {
    let out = root.join("vips-out");
    let _ = std::fs::create_dir_all(&out);
    let started = Instant::now();
    for file in files {
        let mut command = Command::new("vipsthumbnail");
        if let Some(threads) = concurrency {
            command.env("VIPS_CONCURRENCY", threads);
        }
        let status = command
            .arg(file)
            .args(["-s", "1600", "-o"])
            .arg(out.join("%s.jpg"))
            .status()
            .expect("vipsthumbnail runs");
        assert!(status.success());
    }
    ms(started.elapsed())
}

fn journal_size(journal: &Path) -> u64 {
    ["", "-wal"]
        .iter()
        .map(|suffix| {
            let mut name = journal.as_os_str().to_owned();
            name.push(suffix);
            std::fs::metadata(PathBuf::from(name))
                .map(|m| m.len())
                .unwrap_or(0)
        })
        .sum()
}

/// A journal with one big trip: entries over a week and small stored photos.
fn build_big_trip(journal: &Path, entries: usize, photos: usize) {
    let mut store = Store::open(journal).expect("journal");
    let mut fields = TripFields::named("Big trip");
    fields.time_zone = chrono_tz::Europe::Berlin;
    let trip: TripId = store.create_trip(&fields).expect("trip");
    let start = Utc
        .with_ymd_and_hms(2018, 11, 10, 7, 0, 0)
        .single()
        .expect("time");
    let kinds = EntryKind::ALL;
    let mut ids = Vec::with_capacity(entries);
    for index in 0..entries {
        let at = start + chrono::Duration::minutes(index as i64 * 5);
        let mut entry = EntryFields::new(kinds[index % 4], &format!("Entry {index} 记录"), at);
        entry.body = "Some notes about the talk. ".repeat(10);
        ids.push(store.create_entry(trip, &entry).expect("entry"));
    }
    let mut thumbnail = Vec::new();
    JpegEncoder::new_with_quality(&mut thumbnail, 80)
        .encode_image(&paint(256, 192, 7))
        .expect("encodes");
    let mut preview = Vec::new();
    JpegEncoder::new_with_quality(&mut preview, 80)
        .encode_image(&paint(800, 600, 9))
        .expect("encodes");
    for index in 0..photos {
        let original = format!("original {index}").into_bytes();
        let photo = NewPhoto {
            trip,
            // Most photos belong to entries; one in twenty-five stays in the tray.
            entry: (index % 25 != 0).then(|| ids[index % ids.len()]),
            caption: format!("Photo {index}"),
            metadata: PhotoMetadata {
                sha256: hex_sha256(&original),
                mime_type: "image/jpeg".into(),
                width: 4032,
                height: 3024,
                taken_at: None,
                gps: None,
                camera_model: None,
                original_name: format!("IMG_{index}.jpg"),
                byte_size: original.len() as u64,
            },
            original,
            preview_jpeg: preview.clone(),
            thumbnail_jpeg: thumbnail.clone(),
        };
        store.insert_photo(&photo).expect("photo");
    }
}

/// Peak resident memory of this process, from /proc (0 where unavailable).
fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|line| line.starts_with("VmHWM:"))
                .and_then(|line| line.split_whitespace().nth(1))
                .and_then(|kb| kb.parse().ok())
        })
        .unwrap_or(0)
}
