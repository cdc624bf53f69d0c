//! The `--json` output of the list and show commands: stable keys, documented in README.md.

use chrono_tz::Tz;
use serde_json::{Value, json};

use super::CliResult;
use crate::model::rules::format_local_time;
use crate::model::{Entry, EntryContent, MealType, Money, Photo, Rating, SubRatings, Trip};
use crate::store::Store;

pub(super) fn to_json_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".to_string())
}

fn rating_json(rating: Option<Rating>) -> Value {
    rating.map_or(Value::Null, |r| json!(r.stars()))
}

fn money_json(money: Option<&Money>) -> Value {
    money.map_or(Value::Null, |m| {
        json!({"amount": m.amount_text(), "minor_units": m.minor_units(), "currency": m.currency()})
    })
}

/// JSON of a trip (documented in README.md).
pub(super) fn trip_json(store: &Store, trip: &Trip) -> CliResult<Value> {
    let f = &trip.fields;
    Ok(json!({
        "id": trip.id.0,
        "name": f.name,
        "city": f.city,
        "country": f.country,
        "start_date": f.start_date.map(|d| d.to_string()),
        "end_date": f.end_date.map(|d| d.to_string()),
        "time_zone": f.time_zone.name(),
        "author": f.author,
        "summary": f.summary,
        "tags": f.tags,
        "cover_photo_id": f.cover_photo.map(|p| p.0),
        "section_order": f.section_order,
        "post_language": f.post_language.map(|l| l.code()),
        "slug": f.slug,
        "entry_count": store.entry_listing(trip.id)?.items.len(),
        "photo_count": store.photo_listing(trip.id)?.items.len(),
    }))
}

/// JSON of an entry (documented in README.md).
pub(super) fn entry_json(store: &Store, entry: &Entry, zone: Tz) -> CliResult<Value> {
    let f = &entry.fields;
    let mut value = json!({
        "id": entry.id.0,
        "trip_id": entry.trip.0,
        "kind": f.kind().as_str(),
        "title": f.title,
        "at": f.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        "local_time": format_local_time(f.at, zone),
        "section": f.section,
        "position": entry.position,
        "tags": f.tags,
        "body": f.body,
        "rating": rating_json(f.content.rating()),
        "photo_count": store.entry_photos(entry.id)?.len(),
    });
    let details = match &f.content {
        EntryContent::Session(s) => Some((
            "session",
            json!({
                "speakers": s.speakers,
                "track": s.track,
                "room": s.room,
                "duration_min": s.duration_min,
                "role": s.role.as_str(),
                "link": s.link,
                "notes": s.notes,
                "takeaways": s.takeaways,
            }),
        )),
        EntryContent::Meal(m) => Some((
            "meal",
            json!({
                "meal_type": m.meal_type.map(MealType::as_str),
                "venue": m.venue,
                "address": m.address,
                "dishes": m.dishes,
                "price": money_json(m.price.as_ref()),
                "notes": m.notes,
            }),
        )),
        EntryContent::FoodRating(r) => Some((
            "food_rating",
            json!({
                "dish": r.dish,
                "venue": r.venue,
                "category": r.category,
                "sub_ratings": sub_ratings_json(&r.sub_ratings),
                "price": money_json(r.price.as_ref()),
                "source": r.source.as_text(),
                "verdict": r.verdict,
            }),
        )),
        EntryContent::Note => None,
    };
    if let (Some((key, details)), Some(object)) = (details, value.as_object_mut()) {
        object.insert(key.to_string(), details);
    }
    Ok(value)
}

fn sub_ratings_json(sub: &SubRatings) -> Value {
    json!({
        "taste": rating_json(sub.taste),
        "value": rating_json(sub.value),
        "service": rating_json(sub.service),
        "atmosphere": rating_json(sub.atmosphere),
    })
}

/// JSON of a photo (documented in README.md).
pub(super) fn photo_json(photo: &Photo) -> Value {
    let m = &photo.metadata;
    json!({
        "id": photo.id.0,
        "trip_id": photo.trip.0,
        "entry_id": photo.entry.map(|e| e.0),
        "caption": photo.caption,
        "position": photo.position,
        "sha256": m.sha256,
        "mime_type": m.mime_type,
        "width": m.width,
        "height": m.height,
        "taken_at": m.taken_at.map(|t| t.to_iso()),
        "gps": m.gps.map(|g| json!({"latitude": g.latitude, "longitude": g.longitude})),
        "camera_model": m.camera_model,
        "original_name": m.original_name,
        "byte_size": m.byte_size,
    })
}
