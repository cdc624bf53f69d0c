//! Plain data of a travel journal: trips, typed entries, photos, ratings and money.
//!
//! Everything here is pure Rust values without I/O, SQL or UI; the store persists these
//! types and the CLI, export and GUI read and edit them. Values that have rules (a rating is
//! a half star between 0.5 and 5, a price is integer minor units with an ISO 4217 code) are
//! validated when they are built, so the rest of the program can trust them.

mod clock;
mod entry;
mod language;
mod patch;
mod photo;
pub mod places;
pub mod rules;
mod schedule;
pub mod search;
mod trip;
mod values;

pub use clock::{ShiftFilter, camera_models, format_clock_shift, parse_clock_shift};
pub use entry::{
    Entry, EntryContent, EntryFields, EntryKind, FoodItem, FoodRating, Meal, MealType,
    RatingSource, Session, SessionRole, SubRatings,
};
pub use language::PostLanguage;
pub use patch::{EntryPatch, PatchError, PatchField};
#[cfg(test)]
pub(crate) use photo::tests as photo_tests;
pub use photo::{GpsPosition, Photo, PhotoMetadata, TakenAt};
pub use schedule::{
    ChangeKind, ProgrammeChange, ScheduleItem, Talk, TalkMarks, TalkRevision, TalkSlot, TalkTime,
    clashes, clashes_with, session_from_talk,
};
pub use trip::{Trip, TripFields, parse_time_zone};
pub use values::{
    CURRENCY_MINOR_DIGITS, EntryId, ModelError, Money, PhotoId, Rating, ScheduleItemId, TripId,
};
