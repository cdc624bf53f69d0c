use chrono::{NaiveDate, TimeZone, Utc};
use tripjournal::model::{
    EntryContent, EntryFields, EntryKind, FoodRating, Meal, MealType, Money, Rating, RatingSource,
    Session, SessionRole, SubRatings, TripFields,
};
use tripjournal::photos::import_files;
use tripjournal::photos::{ImportOutcome, ImportRequest};
use tripjournal::store::{PhotoBytes, Store};

use crate::util::{TempJournal, fixture};

fn stars(half: u8) -> Option<Rating> {
    Some(Rating::from_half_stars(half).expect("valid rating"))
}

fn sample_entries() -> Vec<EntryFields> {
    let at = Utc
        .with_ymd_and_hms(2018, 11, 14, 15, 20, 0)
        .single()
        .expect("valid time");
    let long_body: String = "柏林肘子🍖 pork knuckle. "
        .chars()
        .cycle()
        .take(10_000)
        .collect();
    let mut session = EntryFields::new(EntryKind::Session, "A Better VM HA Solution 🎤", at);
    session.section = Some("二、我在峰会".into());
    session.tags = vec!["ha".into(), "演讲".into()];
    session.body = long_body.clone();
    session.content = EntryContent::Session(Session {
        speakers: vec!["王五".into(), "Jane O'Neil, Jr.".into()],
        track: "HA & Resilience".into(),
        room: "Hall 7".into(),
        duration_min: Some(40),
        role: SessionRole::Speaker,
        link: Some("https://example.com/slides?a=1&b=\"2\"".into()),
        notes: "notes: \"quoted\"\nsecond line".into(),
        takeaways: "要点 ✅".into(),
        usefulness: stars(9),
    });
    let mut meal = EntryFields::new(EntryKind::Meal, "Lunch box 午饭", at);
    meal.content = EntryContent::Meal(Meal {
        meal_type: Some(MealType::Lunch),
        venue: "CityCube".into(),
        address: "Messedamm 26".into(),
        dishes: vec!["干面包".into(), "cheese".into()],
        price: Some(Money::parse("7.5", "EUR").expect("price")),
        notes: "贼硬".into(),
        rating: stars(3),
    });
    let mut rating = EntryFields::new(EntryKind::FoodRating, "Schweinshaxe", at);
    rating.content = EntryContent::FoodRating(FoodRating {
        dish: "Schweinshaxe".into(),
        venue: "Brauhaus".into(),
        category: "Schweinshaxe".into(),
        overall: stars(10),
        sub_ratings: SubRatings {
            taste: stars(10),
            value: stars(7),
            service: None,
            atmosphere: stars(1),
        },
        price: Some(Money::new(1890, "eur").expect("price")),
        source: RatingSource::Outside("4.6 on a review site".into()),
        verdict: "最好吃".into(),
    });
    let mut note = EntryFields::new(EntryKind::Note, "", at);
    note.body = "# 总结\n\n- one\n- two 😀".into();
    vec![session, meal, rating, note]
}

#[test]
fn every_kind_and_field_round_trips_through_the_file() {
    let journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let originals = sample_entries();
    let ids: Vec<_> = originals
        .iter()
        .map(|fields| {
            journal
                .store
                .create_entry(trip, fields)
                .expect("entry is created")
        })
        .collect();

    // Read back through a second, fresh connection to prove it is on disk.
    let reopened = Store::open(&journal.path()).expect("reopens");
    let stored = reopened.entries(trip).expect("entries");
    assert_eq!(stored.len(), originals.len());
    for ((entry, original), id) in stored.iter().zip(&originals).zip(&ids) {
        assert_eq!(entry.id, *id);
        assert_eq!(
            &entry.fields, original,
            "entry {id} changed on its way through the journal"
        );
    }
    assert_eq!(stored[0].fields.body.chars().count(), 10_000);
    assert!(
        stored
            .windows(2)
            .all(|pair| pair[0].position < pair[1].position)
    );
}

#[test]
fn trips_round_trip_and_validate() {
    let journal = TempJournal::new();
    let mut fields = TripFields::named("OpenStack 柏林峰会 🇩🇪");
    fields.city = "Berlin".into();
    fields.country = "Deutschland".into();
    fields.start_date = NaiveDate::from_ymd_opt(2018, 11, 12);
    fields.end_date = NaiveDate::from_ymd_opt(2018, 11, 16);
    fields.time_zone = chrono_tz::Asia::Shanghai;
    fields.author = "WingWJ".into();
    fields.summary = "**总结**: good".into();
    fields.tags = vec!["openstack".into(), "会议".into()];
    let id = journal.store.create_trip(&fields).expect("created");
    assert_eq!(journal.store.trip(id).expect("read").fields, fields);
    assert_eq!(
        journal
            .store
            .find_trip("openstack 柏林峰会 🇩🇪")
            .expect("by name")
            .id,
        id
    );
    assert_eq!(
        journal.store.find_trip(&id.to_string()).expect("by id").id,
        id
    );

    fields.name = "Renamed".into();
    journal.store.update_trip(id, &fields).expect("updated");
    assert_eq!(journal.store.trip(id).expect("read").fields.name, "Renamed");

    let mut backwards = fields.clone();
    backwards.end_date = NaiveDate::from_ymd_opt(2018, 11, 1);
    assert!(journal.store.update_trip(id, &backwards).is_err());
    assert!(journal.store.create_trip(&TripFields::named("  ")).is_err());

    journal.store.delete_trip(id).expect("deleted");
    assert!(journal.store.trip(id).is_err());
}

#[test]
fn entries_update_reorder_and_change_kind() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let entries = sample_entries();
    let ids: Vec<_> = entries
        .iter()
        .map(|fields| journal.store.create_entry(trip, fields).expect("created"))
        .collect();

    let mut changed = journal.store.entry(ids[1]).expect("read").fields;
    changed.title = "Dinner instead".into();
    changed.content = EntryContent::Note;
    journal
        .store
        .update_entry(ids[1], &changed)
        .expect("updated");
    let reread = journal.store.entry(ids[1]).expect("read");
    assert_eq!(reread.fields.kind(), EntryKind::Note);
    assert_eq!(reread.fields.title, "Dinner instead");

    journal
        .store
        .reorder_entries(trip, &[ids[3], ids[0]])
        .expect("reordered");
    let order: Vec<_> = journal
        .store
        .entries(trip)
        .expect("list")
        .iter()
        .map(|e| e.id)
        .collect();
    assert_eq!(order, vec![ids[3], ids[0], ids[1], ids[2]]);
}

#[test]
fn deleting_an_entry_keeps_its_photos_unless_asked() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let entries = sample_entries();
    let first = journal
        .store
        .create_entry(trip, &entries[0])
        .expect("created");
    let second = journal
        .store
        .create_entry(trip, &entries[1])
        .expect("created");
    for (entry, file) in [(first, "plain.jpg"), (second, "second.jpg")] {
        let mut request = ImportRequest::new(trip, vec![fixture(file)]);
        request.entry = Some(entry);
        let outcome =
            import_files(&mut journal.store, &request, &Default::default(), None).expect("import");
        assert!(
            matches!(outcome[0].outcome, ImportOutcome::Imported(_)),
            "{outcome:?}"
        );
    }

    journal.store.delete_entry(first, false).expect("deleted");
    let unassigned = journal.store.unassigned_photos(trip).expect("unassigned");
    assert_eq!(
        unassigned.len(),
        1,
        "the photo of the deleted entry stays in the trip"
    );
    assert_eq!(unassigned[0].metadata.original_name, "plain.jpg");

    journal
        .store
        .delete_entry(second, true)
        .expect("deleted with photos");
    let all = journal.store.photos(trip).expect("photos");
    assert_eq!(all.len(), 1, "only the unassigned photo is left");
    assert!(journal.store.check().expect("check").is_ok());
}

#[test]
fn photos_move_reorder_caption_cover_and_delete() {
    let mut journal = TempJournal::new();
    let trip = journal.berlin_trip();
    let entry = journal
        .store
        .create_entry(trip, &sample_entries()[0])
        .expect("created");
    let files = ["plain.jpg", "second.jpg", "progressive.jpg"]
        .map(fixture)
        .to_vec();
    let outcomes = import_files(
        &mut journal.store,
        &ImportRequest::new(trip, files),
        &Default::default(),
        None,
    )
    .expect("import");
    let ids: Vec<_> = outcomes
        .iter()
        .map(|o| match o.outcome {
            ImportOutcome::Imported(id) => id,
            ref other => panic!("expected imported, got {other:?}"),
        })
        .collect();

    journal
        .store
        .move_photo(ids[2], Some(entry))
        .expect("moved");
    journal
        .store
        .move_photo(ids[0], Some(entry))
        .expect("moved");
    let in_entry: Vec<_> = journal
        .store
        .entry_photos(entry)
        .expect("list")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(in_entry, vec![ids[2], ids[0]]);

    journal
        .store
        .reorder_photos(&[ids[0], ids[2]])
        .expect("reordered");
    let in_entry: Vec<_> = journal
        .store
        .entry_photos(entry)
        .expect("list")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(in_entry, vec![ids[0], ids[2]]);

    journal
        .store
        .move_photo(ids[0], None)
        .expect("back to unassigned");
    let unassigned: Vec<_> = journal
        .store
        .unassigned_photos(trip)
        .expect("list")
        .iter()
        .map(|p| p.id)
        .collect();
    assert_eq!(unassigned, vec![ids[1], ids[0]]);

    journal
        .store
        .set_photo_caption(ids[1], "柏林 \"quote\" 📷")
        .expect("caption");
    assert_eq!(
        journal.store.photo(ids[1]).expect("photo").caption,
        "柏林 \"quote\" 📷"
    );

    journal
        .store
        .set_trip_cover(trip, Some(ids[1]))
        .expect("cover");
    assert_eq!(
        journal.store.trip(trip).expect("trip").fields.cover_photo,
        Some(ids[1])
    );
    journal.store.delete_photo(ids[1]).expect("deleted");
    assert_eq!(
        journal.store.trip(trip).expect("trip").fields.cover_photo,
        None,
        "cover cleared"
    );
    assert!(
        journal
            .store
            .photo_bytes(ids[1], PhotoBytes::Original)
            .is_err()
    );
    assert!(journal.store.check().expect("check").is_ok());

    journal
        .store
        .delete_trip(trip)
        .expect("trip deleted with its photos");
    let left: i64 = journal
        .store
        .connection()
        .query_row("SELECT count(*) FROM photo_data", [], |row| row.get(0))
        .expect("count");
    assert_eq!(left, 0);
}
