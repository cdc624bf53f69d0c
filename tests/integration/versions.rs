//! Journals written by earlier versions upgrade with their data intact; damaged journal files
//! give a clear message and `check` reports them instead of crashing.
//!
//! `tests/data/journals/vN.tripjournal` is a journal as schema version N left it: the SQL of
//! migrations 1..=N plus a small Berlin trip. Each is committed once, when its migration is
//! added (`UPDATE_FIXTURES=1 cargo test versions::` writes the missing ones), and never changed
//! afterwards, so later migrations are always tested against what users really have on disk.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};
use tripjournal::model::{CURRENCY_MINOR_DIGITS, EntryContent, EntryKind, Money};
use tripjournal::photos::{PhotoLimits, prepare_photo};
use tripjournal::store::{LATEST_VERSION, PhotoBytes, Store, StoreError, hex_sha256};

use crate::util::{TempJournal, cli_run, fixture, stderr, stdout};

fn fixture_journal(version: u32) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/journals")
        .join(format!("v{version}.tripjournal"))
}

/// The migration files, in order, as they are in the repository now.
fn migration_sql() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("migrations folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).expect("migration reads"))
        .collect()
}

/// Writes the fixture of `version` with raw SQL, the way that version's program would have.
fn write_fixture(version: u32, path: &Path) {
    let _ = std::fs::remove_file(path);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("fixture folder");
    let conn = Connection::open(path).expect("fixture file");
    conn.pragma_update(None, "page_size", 16384)
        .expect("page size");
    for sql in migration_sql().iter().take(version as usize) {
        conn.execute_batch(sql).expect("migration applies");
    }
    conn.pragma_update(None, "application_id", 0x5452_4a4c)
        .expect("application id");
    conn.pragma_update(None, "user_version", version)
        .expect("version");
    let now = "2018-11-12T08:00:00.000Z";
    conn.execute(
        "INSERT INTO trips (name, city, country, start_date, end_date, time_zone, author, summary, tags, created_at, updated_at)
         VALUES ('Berlin Summit 2018 柏林', 'Berlin', 'Germany', '2018-11-10', '2018-11-14', 'Europe/Berlin', 'Li Wei', 'Talks and *food*.', '[\"berlin\",\"summit\"]', ?1, ?1)",
        [now],
    )
    .expect("trip");
    conn.execute(
        "INSERT INTO entries (trip_id, kind, title, at_utc, section, position, body, speakers, room, duration_min, role, rating, created_at, updated_at)
         VALUES (1, 'session', 'Keynote: 云原生', '2018-11-12T08:30:00Z', 'Day 1', 1, 'Notes **bold**', '[\"Ada\"]', 'Hall A', 45, 'attended', 8, ?1, ?1)",
        [now],
    )
    .expect("session");
    conn.execute(
        "INSERT INTO entries (trip_id, kind, title, at_utc, section, position, body, meal_type, venue, dishes, price_minor, currency, rating, created_at, updated_at)
         VALUES (1, 'meal', 'Dinner', '2018-11-12T18:00:00Z', 'Day 1', 2, '', 'dinner', 'Hofbräu Berlin', '[\"Schweinshaxe\"]', 1890, 'EUR', 9, ?1, ?1)",
        [now],
    )
    .expect("meal");
    conn.execute(
        "INSERT INTO entries (trip_id, kind, title, at_utc, section, position, body, dish, category, source, taste, value_rating, rating, created_at, updated_at)
         VALUES (1, 'rating', 'Pork knuckle', '2018-11-12T19:00:00Z', 'Day 1', 3, '', 'Schweinshaxe', 'German', 'own', 10, 8, 10, ?1, ?1)",
        [now],
    )
    .expect("rating");
    conn.execute(
        "INSERT INTO entries (trip_id, kind, title, at_utc, section, position, body, created_at, updated_at)
         VALUES (1, 'note', '笔记', '2018-11-12T21:00:00Z', NULL, 4, '第一天很好。', ?1, ?1)",
        [now],
    )
    .expect("note");
    let bytes = std::fs::read(fixture("plain.jpg")).expect("fixture photo");
    let prepared = prepare_photo(bytes.clone(), "plain.jpg", &PhotoLimits::default())
        .expect("fixture photo prepares");
    conn.execute(
        "INSERT INTO photos (trip_id, entry_id, caption, position, sha256, mime_type, width, height, original_name, byte_size, imported_at)
         VALUES (1, 2, 'The knuckle', 1, ?1, 'image/jpeg', ?2, ?3, 'plain.jpg', ?4, ?5)",
        params![
            hex_sha256(&bytes),
            prepared.metadata.width,
            prepared.metadata.height,
            bytes.len() as i64,
            now
        ],
    )
    .expect("photo");
    conn.execute(
        "INSERT INTO photo_data (photo_id, original, preview, thumbnail) VALUES (1, ?1, ?2, ?3)",
        params![bytes, prepared.preview_jpeg, prepared.thumbnail_jpeg],
    )
    .expect("photo data");
    conn.execute_batch("VACUUM").expect("vacuum");
}

/// Copies a fixture journal into a temp folder (tests never open the committed file itself).
fn copy_of(version: u32, dir: &Path) -> PathBuf {
    let source = fixture_journal(version);
    if std::env::var_os("UPDATE_FIXTURES").is_some() && !source.exists() {
        write_fixture(version, &source);
    }
    assert!(
        source.exists(),
        "no fixture journal for schema version {version}: run UPDATE_FIXTURES=1 cargo test versions:: and commit {}",
        source.display()
    );
    let copy = dir.join(format!("v{version}.tripjournal"));
    std::fs::copy(&source, &copy).expect("copies");
    // Private, as the program makes journals (the checked-in file's mode is the checkout's;
    // `check` naming looser modes is tested in privacy.rs).
    std::fs::set_permissions(&copy, std::os::unix::fs::PermissionsExt::from_mode(0o600))
        .expect("chmod");
    copy
}

fn raw_version(path: &Path) -> u32 {
    Connection::open(path)
        .expect("opens raw")
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .expect("user_version")
}

#[test]
fn every_earlier_schema_version_upgrades_with_its_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let original = std::fs::read(fixture("plain.jpg")).expect("fixture photo");
    for version in 1..=LATEST_VERSION {
        let path = copy_of(version, dir.path());
        assert_eq!(raw_version(&path), version, "fixture v{version}");
        let store = Store::open(&path).unwrap_or_else(|e| panic!("v{version} opens: {e}"));
        assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
        let report = store.check().expect("check runs");
        assert!(report.is_ok(), "v{version}: {:?}", report.problems);

        let trip = store.find_trip("Berlin Summit 2018 柏林").expect("trip");
        assert_eq!(trip.fields.city, "Berlin");
        assert_eq!(trip.fields.tags, vec!["berlin", "summit"]);
        let entries = store.entries(trip.id).expect("entries");
        let kinds: Vec<EntryKind> = entries.iter().map(|e| e.fields.kind()).collect();
        assert_eq!(
            kinds,
            vec![
                EntryKind::Session,
                EntryKind::Meal,
                EntryKind::FoodRating,
                EntryKind::Note
            ],
            "v{version}"
        );
        assert_eq!(entries[0].fields.title, "Keynote: 云原生");
        match &entries[1].fields.content {
            EntryContent::Meal(meal) => {
                assert_eq!(meal.venue, "Hofbräu Berlin");
                assert_eq!(meal.dishes, vec!["Schweinshaxe"]);
                assert_eq!(meal.rating.map(|r| r.half_stars()), Some(9));
                assert_eq!(
                    meal.price.as_ref().map(ToString::to_string).as_deref(),
                    Some("18.90 EUR"),
                    "v{version}"
                );
            }
            other => panic!("v{version}: expected a meal, got {other:?}"),
        }
        assert_eq!(entries[3].fields.body, "第一天很好。");
        let photos = store.photos(trip.id).expect("photos");
        assert_eq!(photos.len(), 1);
        assert_eq!(photos[0].caption, "The knuckle");
        assert_eq!(
            store
                .photo_bytes(photos[0].id, PhotoBytes::Original)
                .expect("original"),
            original,
            "v{version}: the original is byte for byte the same"
        );
        drop(store);
        // Upgrading twice is harmless.
        let again = Store::open(&path).expect("opens again");
        assert_eq!(again.entries(trip.id).expect("entries").len(), 4);
    }
}

/// The digits after the decimal point that versions before schema 5 gave a currency.
fn digits_before_iso_4217(code: &str) -> u32 {
    let zero = ["JPY", "KRW", "VND", "ISK", "CLP", "HUF", "TWD"];
    if zero.contains(&code) { 0 } else { 2 }
}

/// An amount in minor units as a decimal with `digits` after the point.
fn decimal_text(minor: i64, digits: u32) -> String {
    let scale = 10_i64.pow(digits);
    let whole = minor / scale;
    match digits {
        0 => whole.to_string(),
        _ => format!("{whole}.{:0width$}", minor % scale, width = digits as usize),
    }
}

/// Regression (issue 14): `--price 1.250 --currency KWD` was refused because every currency
/// but a few had 2 digits. Migration 0005 rescales the stored minor units of exactly the
/// currencies whose ISO 4217 digits differ from the old rule, so every old price keeps its
/// amount: a v4 journal with prices in every such currency is opened by this version.
#[test]
fn old_prices_keep_their_amount_when_currencies_get_their_iso_4217_digits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = copy_of(4, dir.path());
    // (currency, price_minor as version 4 stored it, the price as this version shows it)
    let mut cases: Vec<(String, i64, String)> = vec![
        ("KWD".into(), 1250, "12.500 KWD".into()),
        ("HUF".into(), 1200, "1200.00 HUF".into()),
        ("TWD".into(), 350, "350.00 TWD".into()),
        ("CLF".into(), 3712, "37.1200 CLF".into()),
        ("XOF".into(), 150, "2 XOF".into()),
        ("XOF".into(), 149, "1 XOF".into()),
        ("UGX".into(), 1250, "13 UGX".into()),
        ("JPY".into(), 1200, "1200 JPY".into()),
        ("EUR".into(), 1890, "18.90 EUR".into()),
        ("KWD".into(), i64::MAX, "9223372036854775.800 KWD".into()),
        ("XAF".into(), i64::MAX, "92233720368547758 XAF".into()),
    ];
    // Every currency whose digits are or were not 2: a whole amount comes out the same.
    let mut codes: Vec<&str> = CURRENCY_MINOR_DIGITS
        .iter()
        .map(|(code, _)| *code)
        .collect();
    codes.extend([
        "JPY", "KRW", "VND", "ISK", "CLP", "HUF", "TWD", "EUR", "USD",
    ]);
    for code in codes {
        let old_text = decimal_text(500_000, digits_before_iso_4217(code));
        let now = Money::parse(&old_text, code).expect("a whole amount parses");
        cases.push((code.to_string(), 500_000, now.to_string()));
    }
    {
        let conn = Connection::open(&path).expect("raw v4 journal");
        for (index, (code, minor, _)) in cases.iter().enumerate() {
            conn.execute(
                "INSERT INTO entries (trip_id, kind, title, at_utc, position, body, price_minor, currency, created_at, updated_at)
                 VALUES (1, 'meal', ?1, '2018-11-13T12:00:00Z', ?2, '', ?3, ?4, '2018-11-13T12:00:00.000Z', '2018-11-13T12:00:00.000Z')",
                params![format!("price {index}"), 100 + index as i64, minor, code],
            )
            .expect("a v4 price");
        }
    }
    let store = Store::open(&path).expect("the v4 journal opens");
    let entries = store
        .entries(store.trips().expect("trips")[0].id)
        .expect("every price reads");
    for (index, (code, minor, shown)) in cases.iter().enumerate() {
        let entry = entries
            .iter()
            .find(|e| e.fields.title == format!("price {index}"))
            .expect("the entry is there");
        let price = entry.fields.content.price().map(ToString::to_string);
        assert_eq!(
            price.as_deref(),
            Some(shown.as_str()),
            "{minor} {code} in v4"
        );
    }
    drop(store);
    let integers: i64 = Connection::open(&path)
        .expect("raw")
        .query_row(
            "SELECT count(*) FROM entries WHERE price_minor IS NOT NULL AND typeof(price_minor) <> 'integer'",
            [],
            |row| row.get(0),
        )
        .expect("count");
    assert_eq!(integers, 0, "every stored price is still an integer");
}

/// A journal with a trip and a photo, closed, with its WAL folded into the main file.
fn closed_journal_with_a_photo() -> (tempfile::TempDir, PathBuf) {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let bytes = std::fs::read(fixture("plain.jpg")).expect("fixture");
    tripjournal::photos::import_bytes(&mut journal.store, trip, None, "", "plain.jpg", bytes)
        .expect("import");
    let path = journal.path();
    let TempJournal { dir, store } = journal;
    drop(store);
    (dir, path)
}

#[test]
fn a_damaged_journal_is_reported_never_a_crash() {
    let (_dir, path) = closed_journal_with_a_photo();
    let length = std::fs::metadata(&path).expect("size").len() as usize;
    assert!(length > 16384 * 4, "the journal spans several pages");
    let good = std::fs::read(&path).expect("reads");

    // Garbage over the middle pages (b-tree pages of the tables and the photo bytes).
    let mut damaged = good.clone();
    let mut state = 0x2545_f491_u32;
    for byte in &mut damaged[16384 * 2..length - 16384] {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        *byte = state as u8;
    }
    std::fs::write(&path, &damaged).expect("writes");
    match Store::open(&path) {
        Ok(store) => {
            let report = store.check().expect("check reports, never fails");
            assert!(!report.is_ok(), "check must see the damage");
        }
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\n'), "{message}");
            assert!(
                matches!(
                    error,
                    StoreError::Corrupt(_) | StoreError::Migration { .. } | StoreError::Open { .. }
                ),
                "{message}"
            );
        }
    }
    let output = cli_run(&path, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!said.contains("panicked"), "{said}");
    assert!(
        said.contains("integrity") || said.contains("damaged"),
        "check names the damage: {said}"
    );

    // Cut in half.
    std::fs::write(&path, &good[..length / 2]).expect("writes");
    let output = cli_run(&path, &["check"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let said = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!said.contains("panicked"), "{said}");

    // The header overwritten: not recognisable as a journal at all.
    let mut headless = good.clone();
    headless[..100].fill(0x41);
    std::fs::write(&path, &headless).expect("writes");
    let output = cli_run(&path, &["trip", "list"]);
    assert_ne!(output.status.code(), Some(0));
    let err = stderr(&output);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        std::fs::read(&path).expect("reads"),
        headless,
        "a file we cannot read is left untouched"
    );
}

#[test]
fn check_finds_missing_derivatives_and_repair_rebuilds_them() {
    let (_dir, path) = closed_journal_with_a_photo();
    {
        let conn = Connection::open(&path).expect("raw");
        conn.execute(
            "UPDATE photo_data SET preview = x'', thumbnail = substr(thumbnail, 1, 100)",
            [],
        )
        .expect("damage the derivatives");
    }
    let output = cli_run(&path, &["check"]);
    assert_eq!(output.status.code(), Some(1));
    let said = stdout(&output);
    assert!(
        said.contains("preview and thumbnail missing or damaged") && said.contains("--repair"),
        "{said}"
    );

    let output = cli_run(&path, &["check", "--repair"]);
    assert!(
        output.status.success(),
        "{}{}",
        stdout(&output),
        stderr(&output)
    );
    let said = stdout(&output);
    assert!(said.contains("rebuilt"), "{said}");
    assert_eq!(said.lines().last(), Some("ok"), "{said}");

    let store = Store::open(&path).expect("opens");
    let photo = store
        .photos(store.trips().expect("trips")[0].id)
        .expect("photos")[0]
        .id;
    for which in [PhotoBytes::Preview, PhotoBytes::Thumbnail] {
        let bytes = store.photo_bytes(photo, which).expect("bytes");
        let image = image::load_from_memory(&bytes).expect("the rebuilt derivative decodes");
        assert!(image.width() > 0);
    }
    assert!(store.check().expect("check").is_ok());
}
