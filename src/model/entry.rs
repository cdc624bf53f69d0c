//! Journal entries: a session (talk), a meal, a food rating or a free note.
//!
//! Every entry has the same frame (trip, time, title, section heading, position, tags, Markdown
//! body) around typed content of its kind, so code that handles one kind cannot confuse its
//! fields with another's.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};

use super::values::{EntryId, ModelError, Money, Rating, TripId};

/// The four kinds of entry, without their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Session,
    Meal,
    FoodRating,
    Note,
}

impl EntryKind {
    pub const ALL: [EntryKind; 4] = [
        EntryKind::Session,
        EntryKind::Meal,
        EntryKind::FoodRating,
        EntryKind::Note,
    ];

    /// The stable name used in the journal file, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Session => "session",
            EntryKind::Meal => "meal",
            EntryKind::FoodRating => "rating",
            EntryKind::Note => "note",
        }
    }

    /// The kind's place in [`EntryKind::ALL`] (for tables indexed by kind).
    pub fn index(self) -> usize {
        match self {
            EntryKind::Session => 0,
            EntryKind::Meal => 1,
            EntryKind::FoodRating => 2,
            EntryKind::Note => 3,
        }
    }

    /// The kind's name as people read it ("Food rating").
    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Session => "Session",
            EntryKind::Meal => "Meal",
            EntryKind::FoodRating => "Food rating",
            EntryKind::Note => "Note",
        }
    }

    /// The heading of a group of entries of this kind ("Food ratings").
    pub fn plural_label(self) -> &'static str {
        match self {
            EntryKind::Session => "Sessions",
            EntryKind::Meal => "Meals",
            EntryKind::FoodRating => "Food ratings",
            EntryKind::Note => "Notes",
        }
    }
}

impl fmt::Display for EntryKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for EntryKind {
    type Err = ModelError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "session" | "talk" => Ok(EntryKind::Session),
            "meal" => Ok(EntryKind::Meal),
            "rating" | "food-rating" | "food_rating" => Ok(EntryKind::FoodRating),
            "note" => Ok(EntryKind::Note),
            _ => Err(ModelError::UnknownName {
                what: "entry kind",
                value: text.to_string(),
                expected: "session, meal, rating, note",
            }),
        }
    }
}

/// Whether the user listened to a talk or gave it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SessionRole {
    #[default]
    Attended,
    Speaker,
}

impl SessionRole {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionRole::Attended => "attended",
            SessionRole::Speaker => "speaker",
        }
    }
}

impl FromStr for SessionRole {
    type Err = ModelError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "attended" | "attendee" => Ok(SessionRole::Attended),
            "speaker" | "gave" | "gave-the-talk" => Ok(SessionRole::Speaker),
            _ => Err(ModelError::UnknownName {
                what: "session role",
                value: text.to_string(),
                expected: "attended, speaker",
            }),
        }
    }
}

/// A talk the user heard or gave.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Session {
    pub speakers: Vec<String>,
    pub track: String,
    pub room: String,
    pub duration_min: Option<u32>,
    pub role: SessionRole,
    /// Slides or video.
    pub link: Option<String>,
    pub notes: String,
    pub takeaways: String,
    pub usefulness: Option<Rating>,
}

/// Which meal of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MealType {
    Breakfast,
    Lunch,
    Dinner,
    Snack,
}

impl MealType {
    pub fn as_str(self) -> &'static str {
        match self {
            MealType::Breakfast => "breakfast",
            MealType::Lunch => "lunch",
            MealType::Dinner => "dinner",
            MealType::Snack => "snack",
        }
    }

    /// The meal's name as people read it ("Lunch").
    pub fn label(self) -> &'static str {
        match self {
            MealType::Breakfast => "Breakfast",
            MealType::Lunch => "Lunch",
            MealType::Dinner => "Dinner",
            MealType::Snack => "Snack",
        }
    }
}

impl FromStr for MealType {
    type Err = ModelError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "breakfast" => Ok(MealType::Breakfast),
            "lunch" => Ok(MealType::Lunch),
            "dinner" => Ok(MealType::Dinner),
            "snack" => Ok(MealType::Snack),
            _ => Err(ModelError::UnknownName {
                what: "meal type",
                value: text.to_string(),
                expected: "breakfast, lunch, dinner, snack",
            }),
        }
    }
}

/// A meal eaten on the trip.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Meal {
    pub meal_type: Option<MealType>,
    pub venue: String,
    pub address: String,
    pub dishes: Vec<String>,
    pub price: Option<Money>,
    pub notes: String,
    pub rating: Option<Rating>,
}

/// Where a food rating comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RatingSource {
    /// The user ate there.
    #[default]
    OwnVisit,
    /// A score from elsewhere, e.g. "4.6 on a review site".
    Outside(String),
}

impl RatingSource {
    /// "own" for the user's visit, else the outside description.
    pub fn as_text(&self) -> &str {
        match self {
            RatingSource::OwnVisit => "own",
            RatingSource::Outside(description) => description,
        }
    }

    /// "own" (or empty) is the user's own visit; any other text describes an outside score.
    pub fn from_text(text: &str) -> Self {
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.eq_ignore_ascii_case("own") {
            RatingSource::OwnVisit
        } else {
            RatingSource::Outside(trimmed.to_string())
        }
    }
}

/// Optional detail ratings of a dish or place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SubRatings {
    pub taste: Option<Rating>,
    pub value: Option<Rating>,
    pub service: Option<Rating>,
    pub atmosphere: Option<Rating>,
}

/// A rated dish (the pork knuckle).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct FoodRating {
    pub dish: String,
    pub venue: String,
    /// e.g. "Schweinshaxe".
    pub category: String,
    pub overall: Option<Rating>,
    pub sub_ratings: SubRatings,
    pub price: Option<Money>,
    pub source: RatingSource,
    pub verdict: String,
}

/// The typed content of an entry.
#[derive(Debug, Clone, PartialEq)]
pub enum EntryContent {
    Session(Session),
    Meal(Meal),
    FoodRating(FoodRating),
    /// Free Markdown lives in the entry body.
    Note,
}

impl EntryContent {
    pub fn kind(&self) -> EntryKind {
        match self {
            EntryContent::Session(_) => EntryKind::Session,
            EntryContent::Meal(_) => EntryKind::Meal,
            EntryContent::FoodRating(_) => EntryKind::FoodRating,
            EntryContent::Note => EntryKind::Note,
        }
    }

    /// Empty content of a kind.
    pub fn empty(kind: EntryKind) -> Self {
        match kind {
            EntryKind::Session => EntryContent::Session(Session::default()),
            EntryKind::Meal => EntryContent::Meal(Meal::default()),
            EntryKind::FoodRating => EntryContent::FoodRating(FoodRating::default()),
            EntryKind::Note => EntryContent::Note,
        }
    }

    /// The headline rating of the entry: usefulness, meal rating or overall score.
    pub fn rating(&self) -> Option<Rating> {
        match self {
            EntryContent::Session(session) => session.usefulness,
            EntryContent::Meal(meal) => meal.rating,
            EntryContent::FoodRating(food) => food.overall,
            EntryContent::Note => None,
        }
    }

    /// The price paid, for meals and food ratings.
    pub fn price(&self) -> Option<&Money> {
        match self {
            EntryContent::Meal(meal) => meal.price.as_ref(),
            EntryContent::FoodRating(food) => food.price.as_ref(),
            _ => None,
        }
    }

    /// The venue, for meals and food ratings.
    pub fn venue(&self) -> Option<&str> {
        match self {
            EntryContent::Meal(meal) => Some(&meal.venue),
            EntryContent::FoodRating(food) => Some(&food.venue),
            _ => None,
        }
    }
}

/// Everything a user edits about an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryFields {
    pub title: String,
    /// The instant it happened; shown in the trip's time zone.
    pub at: DateTime<Utc>,
    /// Free-text heading used to group the blog post, e.g. "一、社区在发展".
    pub section: Option<String>,
    pub tags: Vec<String>,
    /// Markdown.
    pub body: String,
    pub content: EntryContent,
}

impl EntryFields {
    /// The title as lists and questions show it: "(Session)" for an entry without one.
    pub fn shown_title(&self) -> String {
        if self.title.trim().is_empty() {
            format!("({})", self.kind().label())
        } else {
            self.title.clone()
        }
    }

    /// An entry of a kind with a title at a time and nothing else.
    pub fn new(kind: EntryKind, title: &str, at: DateTime<Utc>) -> Self {
        EntryFields {
            title: title.to_string(),
            at,
            section: None,
            tags: Vec::new(),
            body: String::new(),
            content: EntryContent::empty(kind),
        }
    }

    pub fn kind(&self) -> EntryKind {
        self.content.kind()
    }

    /// Three-way merge of an edit with a change made elsewhere meanwhile: each field takes
    /// `mine` where this edit changed it from `base`, and `theirs` (what is stored now)
    /// otherwise. The typed content counts as one field.
    pub fn merged(base: &EntryFields, mine: &EntryFields, theirs: &EntryFields) -> EntryFields {
        fn pick<T: PartialEq + Clone>(base: &T, mine: &T, theirs: &T) -> T {
            if mine != base { mine } else { theirs }.clone()
        }
        EntryFields {
            title: pick(&base.title, &mine.title, &theirs.title),
            at: pick(&base.at, &mine.at, &theirs.at),
            section: pick(&base.section, &mine.section, &theirs.section),
            tags: pick(&base.tags, &mine.tags, &theirs.tags),
            body: pick(&base.body, &mine.body, &theirs.body),
            content: pick(&base.content, &mine.content, &theirs.content),
        }
    }
}

/// A dish or a meal as the food board and the post's food ranking list it.
#[derive(Debug, Clone, PartialEq)]
pub struct FoodItem {
    /// The dish (a meal's dishes joined), or the entry's title when none was typed.
    pub dish: String,
    /// A food rating's category, or the meal of the day ("lunch"; "meal" when not set).
    pub category: String,
    pub venue: String,
    pub rating: Option<Rating>,
    pub price: Option<Money>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: EntryId,
    pub trip: TripId,
    /// Manual order within the trip (lower first).
    pub position: i64,
    pub fields: EntryFields,
}

impl Entry {
    /// The entry as food: every food rating, and meals that were rated.
    pub fn food(&self) -> Option<FoodItem> {
        let or_title = |dish: String| {
            if dish.trim().is_empty() {
                self.fields.title.clone()
            } else {
                dish
            }
        };
        match &self.fields.content {
            EntryContent::FoodRating(food) => Some(FoodItem {
                dish: or_title(food.dish.clone()),
                category: food.category.clone(),
                venue: food.venue.clone(),
                rating: food.overall,
                price: food.price.clone(),
            }),
            EntryContent::Meal(meal) if meal.rating.is_some() => Some(FoodItem {
                dish: or_title(meal.dishes.join(", ")),
                category: meal.meal_type.map_or("meal", MealType::as_str).to_string(),
                venue: meal.venue.clone(),
                rating: meal.rating,
                price: meal.price.clone(),
            }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_merge_keeps_each_side_s_changed_fields() {
        let at = DateTime::parse_from_rfc3339("2018-11-12T09:00:00Z")
            .expect("time")
            .to_utc();
        let base = EntryFields::new(EntryKind::Note, "Keynote", at);
        let mut mine = base.clone();
        mine.title = "Keynote (great)".into();
        let mut theirs = base.clone();
        theirs.body = "Written elsewhere".into();
        theirs.tags = vec!["cloud".into()];
        let merged = EntryFields::merged(&base, &mine, &theirs);
        assert_eq!(merged.title, "Keynote (great)");
        assert_eq!(merged.body, "Written elsewhere");
        assert_eq!(merged.tags, vec!["cloud"]);
        // Where both changed a field, this edit wins.
        theirs.title = "Opening keynote".into();
        assert_eq!(
            EntryFields::merged(&base, &mine, &theirs).title,
            "Keynote (great)"
        );
        // Nothing changed here: what is stored wins entirely.
        assert_eq!(EntryFields::merged(&base, &base, &theirs), theirs);
    }
}
