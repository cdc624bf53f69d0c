//! A watch on a temporary folder with short timings: complete photos only, temporary names
//! waited for, each file once, and files that arrived while stopped imported on resume.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Weak};
use std::time::{Duration, Instant};

use super::*;
use crate::model::TripFields;

const FAST: WatchTiming = WatchTiming {
    poll: Duration::from_millis(200),
    settle: Duration::from_millis(700),
};

/// The longest a test waits for what a watch does on a busy machine; the waits end as soon as
/// it comes, so this only bounds a failing run.
const PATIENCE: Duration = Duration::from_secs(120);

struct Setup {
    _dir: tempfile::TempDir,
    journal: PathBuf,
    folder: PathBuf,
    trip: TripId,
}

fn setup() -> Setup {
    let dir = tempfile::tempdir().expect("temp dir");
    let journal = dir.path().join("journal.sqlite");
    let folder = dir.path().join("Camera");
    std::fs::create_dir(&folder).expect("folder");
    let store = Store::open(&journal).expect("journal");
    let trip = store
        .create_trip(&TripFields::named("Berlin"))
        .expect("trip");
    Setup {
        _dir: dir,
        journal,
        folder,
        trip,
    }
}

fn photo(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

/// A watch thread started by a test, which can tell when the thread has ended.
struct Started {
    watch: WatchThread,
    /// The thread's wake callback: the thread holds the only strong reference, so it is gone
    /// once the thread has ended (its journal connection closed).
    alive: Weak<dyn Fn() + Send + Sync>,
}

impl std::ops::Deref for Started {
    type Target = WatchThread;

    fn deref(&self) -> &WatchThread {
        &self.watch
    }
}

impl Started {
    /// Stops the watch (as dropping it does) and waits until its thread has ended, so a watch
    /// started next is the only one looking at the folder.
    fn stop(self) {
        drop(self.watch);
        let deadline = Instant::now() + PATIENCE;
        while self.alive.upgrade().is_some() {
            assert!(
                Instant::now() < deadline,
                "the watch thread did not end within {PATIENCE:?} of being stopped"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Setup {
    fn start(&self, first_batch: FirstBatch) -> Started {
        self.start_timed(first_batch, FAST)
    }

    fn start_timed(&self, first_batch: FirstBatch, timing: WatchTiming) -> Started {
        let mut spec = WatchSpec::new(self.trip, self.folder.clone(), first_batch);
        spec.timing = timing;
        spec.workers = 1;
        let wake: Arc<dyn Fn() + Send + Sync> = Arc::new(|| {});
        let alive = Arc::downgrade(&wake);
        let watch = WatchThread::spawn(self.journal.clone(), spec, wake).expect("thread");
        Started { watch, alive }
    }

    fn photo_count(&self) -> usize {
        let store = Store::open(&self.journal).expect("journal");
        store.photo_listing(self.trip).expect("photos").items.len()
    }
}

/// Every event until `done` says so (or `limit` passes), then a little more to catch extras.
fn events_until(
    watch: &WatchThread,
    limit: Duration,
    done: impl Fn(&[WatchEvent]) -> bool,
) -> Vec<WatchEvent> {
    let deadline = Instant::now() + limit;
    let mut events = Vec::new();
    while Instant::now() < deadline && !done(&events) {
        match watch.try_event() {
            Some(WatchEvent::Ended(Some(error))) => panic!("the watch ended: {error}"),
            Some(event) => events.push(event),
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    }
    events
}

fn files(events: &[WatchEvent]) -> Vec<(String, &ImportOutcome)> {
    events
        .iter()
        .filter_map(|event| match event {
            WatchEvent::File(file) => Some((
                file.path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                &file.outcome,
            )),
            _ => None,
        })
        .collect()
}

fn imported(events: &[WatchEvent]) -> usize {
    files(events)
        .iter()
        .filter(|(_, outcome)| matches!(outcome, ImportOutcome::Imported(_)))
        .count()
}

#[test]
fn a_file_written_in_two_parts_with_a_pause_is_not_imported_half() {
    let setup = setup();
    // The pause is far shorter than the settle time, with seconds to spare for a busy machine
    // that is slow to come back from the sleep or to write the second part.
    let timing = WatchTiming {
        settle: Duration::from_secs(4),
        ..FAST
    };
    let watch = setup.start_timed(FirstBatch::Import, timing);
    let bytes = photo("plain.jpg");
    let (first, second) = bytes.split_at(bytes.len() / 2);
    let target = setup.folder.join("IMG_0001.jpg");
    std::fs::write(&target, first).expect("first half");
    let first_written = Instant::now();
    std::thread::sleep(Duration::from_millis(400));
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&target)
        .expect("append");
    std::io::Write::write_all(&mut file, second).expect("second half");
    drop(file);
    let pause = first_written.elapsed();
    let events = events_until(&watch, PATIENCE, |e| imported(e) == 1);
    std::thread::sleep(Duration::from_millis(800));
    let mut events = events;
    events.extend(std::iter::from_fn(|| watch.try_event()));
    let handled = files(&events);
    let why = format!(
        "the halves were written {pause:?} apart, settle {:?}",
        timing.settle
    );
    assert_eq!(
        handled.len(),
        1,
        "one outcome, no half file ({why}): {handled:?}"
    );
    let ImportOutcome::Imported(id) = handled[0].1 else {
        panic!("not imported ({why}): {handled:?}");
    };
    let store = Store::open(&setup.journal).expect("journal");
    let stored = store
        .photo_bytes(*id, crate::store::PhotoBytes::Original)
        .expect("the original");
    assert!(
        stored == bytes,
        "the whole file is what was imported ({why})"
    );
    assert_eq!(setup.photo_count(), 1);
}

#[test]
fn temporary_names_are_skipped_until_renamed() {
    let setup = setup();
    let watch = setup.start(FirstBatch::Import);
    let part = setup.folder.join("IMG_0002.jpg.part");
    std::fs::write(&part, photo("plain.jpg")).expect("part");
    std::fs::write(
        setup.folder.join(".syncthing.IMG_0003.jpg.tmp"),
        photo("second.jpg"),
    )
    .expect("syncthing");
    std::fs::write(setup.folder.join("IMG_0004.MOV"), b"not a photo").expect("video");
    let early = events_until(&watch, Duration::from_millis(1500), |_| false);
    assert!(files(&early).is_empty(), "{:?}", files(&early));
    std::fs::rename(&part, setup.folder.join("IMG_0002.jpg")).expect("rename");
    let events = events_until(&watch, PATIENCE, |e| imported(e) == 1);
    let names: Vec<String> = files(&events).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["IMG_0002.jpg"]);
}

#[test]
fn a_file_seen_is_not_imported_again_and_one_that_arrived_meanwhile_is() {
    let setup = setup();
    std::fs::create_dir(setup.folder.join("DCIM")).expect("sub-folder");
    std::fs::write(setup.folder.join("DCIM/IMG_0001.jpg"), photo("plain.jpg")).expect("write");
    let watch = setup.start(FirstBatch::Import);
    let first = events_until(&watch, PATIENCE, |e| imported(e) == 1);
    assert_eq!(imported(&first), 1, "the first batch is imported");
    watch.stop();

    std::fs::write(setup.folder.join("IMG_0002.jpg"), photo("second.jpg")).expect("write");
    std::fs::write(setup.folder.join("copy.jpg"), photo("plain.jpg")).expect("copy");
    let watch = setup.start(FirstBatch::Ask);
    let events = events_until(&watch, PATIENCE, |e| files(e).len() == 2);
    std::thread::sleep(Duration::from_millis(1000));
    let mut events = events;
    events.extend(std::iter::from_fn(|| watch.try_event()));
    let mut handled = files(&events);
    handled.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(handled.len(), 2, "{handled:?}");
    assert_eq!(handled[0].0, "IMG_0002.jpg");
    assert!(matches!(handled[0].1, ImportOutcome::Imported(_)));
    assert_eq!(handled[1].0, "copy.jpg");
    assert!(matches!(handled[1].1, ImportOutcome::Duplicate(_)));
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, WatchEvent::FirstBatch { .. })),
        "a resumed folder asks nothing"
    );
    assert_eq!(setup.photo_count(), 2);
}

#[test]
fn declining_the_first_batch_marks_it_seen_for_good() {
    let setup = setup();
    std::fs::write(setup.folder.join("old.jpg"), photo("plain.jpg")).expect("write");
    let watch = setup.start(FirstBatch::Ask);
    let asked = events_until(&watch, PATIENCE, |e| {
        e.iter()
            .any(|e| matches!(e, WatchEvent::FirstBatch { count: 1 }))
    });
    assert!(
        asked
            .iter()
            .any(|e| matches!(e, WatchEvent::FirstBatch { count: 1 }))
    );
    watch.send(Control::DeclineFirstBatch);
    std::fs::write(setup.folder.join("new.jpg"), photo("second.jpg")).expect("write");
    let events = events_until(&watch, PATIENCE, |e| imported(e) == 1);
    let names: Vec<String> = files(&events).into_iter().map(|(name, _)| name).collect();
    assert_eq!(names, ["new.jpg"]);
    watch.stop();

    let watch = setup.start(FirstBatch::Ask);
    let again = events_until(&watch, Duration::from_millis(1500), |_| false);
    assert!(
        files(&again).is_empty()
            && !again
                .iter()
                .any(|e| matches!(e, WatchEvent::FirstBatch { .. }))
    );
    assert_eq!(setup.photo_count(), 1);
}

#[test]
fn a_missing_folder_or_a_file_is_refused_before_watching() {
    let setup = setup();
    assert!(matches!(
        watch_folder_key(&setup.folder.join("nope")),
        Err(WatchError::Missing(_))
    ));
    let file = setup.folder.join("a.jpg");
    std::fs::write(&file, b"x").expect("write");
    assert!(matches!(
        watch_folder_key(&file),
        Err(WatchError::NotAFolder(_))
    ));
}
