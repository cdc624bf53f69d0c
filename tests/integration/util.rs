use std::path::{Path, PathBuf};

use tempfile::TempDir;
use tripjournal::model::{TripFields, TripId};
use tripjournal::store::Store;

/// A journal in its own temporary folder, removed when dropped.
pub struct TempJournal {
    pub dir: TempDir,
    pub store: Store,
}

impl TempJournal {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let store = Store::open(&dir.path().join("journal.sqlite")).expect("new journal opens");
        TempJournal { dir, store }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().join("journal.sqlite")
    }

    /// A trip in Berlin's time zone.
    pub fn berlin_trip(&self) -> TripId {
        let mut fields = TripFields::named("Berlin Summit 2018");
        fields.city = "Berlin".into();
        fields.time_zone = chrono_tz::Europe::Berlin;
        self.store.create_trip(&fields).expect("trip is created")
    }
}

/// Path of a committed fixture in tests/data, checked to exist.
pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    assert!(
        path.exists(),
        "fixture missing: {} (run tests/data/make-fixtures.sh)",
        path.display()
    );
    path
}
