//! A change to an entry, field by field, as a front end collects it (the CLI's flags, a
//! `batch` line, the window's fields): [`EntryPatch::apply`] checks that every field given
//! fits the entry's kind ("speakers are for sessions") and applies the shared rules (list
//! splitting, section trimming, prices in their currency's minor units). The table of which
//! field belongs to which kinds lives here and nowhere else.

use chrono::{DateTime, Utc};

use super::rules::{clean_section, split_list};
use super::{EntryContent, EntryFields, EntryKind, MealType, ModelError, Money, Rating};
use super::{RatingSource, SessionRole};

/// A kind-specific field of an entry that a patch can set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PatchField {
    Rating,
    Speakers,
    Track,
    Room,
    DurationMin,
    Role,
    Link,
    Meal,
    Venue,
    Address,
    Dish,
    Category,
    Price,
    Currency,
    Source,
}

use EntryKind::{FoodRating as Food, Meal as MealKind, Session};

/// Which kinds each field belongs to, with its name as the CLI spells it.
const FIELD_KINDS: [(PatchField, &str, &[EntryKind]); 15] = [
    (PatchField::Rating, "rating", &[Session, MealKind, Food]),
    (PatchField::Speakers, "speakers", &[Session]),
    (PatchField::Track, "track", &[Session]),
    (PatchField::Room, "room", &[Session]),
    (PatchField::DurationMin, "duration-min", &[Session]),
    (PatchField::Role, "role", &[Session]),
    (PatchField::Link, "link", &[Session]),
    (PatchField::Meal, "meal", &[MealKind]),
    (PatchField::Venue, "venue", &[MealKind, Food]),
    (PatchField::Address, "address", &[MealKind]),
    (PatchField::Dish, "dish", &[MealKind, Food]),
    (PatchField::Category, "category", &[Food]),
    (PatchField::Price, "price", &[MealKind, Food]),
    (PatchField::Currency, "currency", &[MealKind, Food]),
    (PatchField::Source, "source", &[Food]),
];

impl PatchField {
    fn row(self) -> (PatchField, &'static str, &'static [EntryKind]) {
        FIELD_KINDS
            .iter()
            .copied()
            .find(|(field, _, _)| *field == self)
            .unwrap_or((self, "field", &[]))
    }

    /// The field's name as the command line spells it ("duration-min").
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The kinds of entry that have this field.
    pub fn kinds(self) -> &'static [EntryKind] {
        self.row().2
    }

    /// "sessions", "meals and food ratings"…
    pub fn kinds_text(self) -> String {
        let names: Vec<String> = self
            .kinds()
            .iter()
            .map(|kind| kind.plural_label().to_lowercase())
            .collect();
        match names.split_last() {
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
            None => String::new(),
        }
    }
}

/// Why a patch cannot be applied. The front end words it (the CLI names its flags).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PatchError {
    #[error("{} applies to {} only", .field.name(), .field.kinds_text())]
    NotForKind { field: PatchField, kind: EntryKind },
    #[error("a price needs a currency (e.g. EUR)")]
    PriceNeedsCurrency,
    #[error("a currency needs a price")]
    CurrencyNeedsPrice,
    #[error(transparent)]
    Invalid(#[from] ModelError),
}

/// The fields to change; `None` keeps a field as it is. Lists and sections are given as
/// typed and cleaned when applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EntryPatch {
    pub title: Option<String>,
    pub at: Option<DateTime<Utc>>,
    pub body: Option<String>,
    /// A section heading; blank clears it.
    pub section: Option<String>,
    /// Comma-separated tags.
    pub tags: Option<String>,
    pub rating: Option<Rating>,
    /// Comma-separated speakers.
    pub speakers: Option<String>,
    pub track: Option<String>,
    pub room: Option<String>,
    pub duration_min: Option<u32>,
    pub role: Option<SessionRole>,
    /// Blank clears it.
    pub link: Option<String>,
    pub meal: Option<MealType>,
    pub venue: Option<String>,
    pub address: Option<String>,
    /// A food rating's dish, or a meal's comma-separated dishes.
    pub dish: Option<String>,
    pub category: Option<String>,
    /// A decimal amount, in `currency` (or the price's current currency).
    pub price: Option<String>,
    pub currency: Option<String>,
    /// "own" or an outside score.
    pub source: Option<String>,
}

impl EntryPatch {
    /// The kind-specific fields this patch sets.
    pub fn fields_given(&self) -> Vec<PatchField> {
        let given = [
            (PatchField::Rating, self.rating.is_some()),
            (PatchField::Speakers, self.speakers.is_some()),
            (PatchField::Track, self.track.is_some()),
            (PatchField::Room, self.room.is_some()),
            (PatchField::DurationMin, self.duration_min.is_some()),
            (PatchField::Role, self.role.is_some()),
            (PatchField::Link, self.link.is_some()),
            (PatchField::Meal, self.meal.is_some()),
            (PatchField::Venue, self.venue.is_some()),
            (PatchField::Address, self.address.is_some()),
            (PatchField::Dish, self.dish.is_some()),
            (PatchField::Category, self.category.is_some()),
            (PatchField::Price, self.price.is_some()),
            (PatchField::Currency, self.currency.is_some()),
            (PatchField::Source, self.source.is_some()),
        ];
        given
            .into_iter()
            .filter_map(|(field, is_given)| is_given.then_some(field))
            .collect()
    }

    /// Applies the patch, or changes nothing and says which field does not fit.
    pub fn apply(&self, entry: &mut EntryFields) -> Result<(), PatchError> {
        let kind = entry.kind();
        if let Some(field) = self
            .fields_given()
            .into_iter()
            .find(|field| !field.kinds().contains(&kind))
        {
            return Err(PatchError::NotForKind { field, kind });
        }
        let mut updated = entry.clone();
        self.apply_common(&mut updated);
        match &mut updated.content {
            EntryContent::Session(session) => self.apply_session(session),
            EntryContent::Meal(meal) => self.apply_meal(meal)?,
            EntryContent::FoodRating(food) => self.apply_food(food)?,
            EntryContent::Note => {}
        }
        *entry = updated;
        Ok(())
    }

    fn apply_common(&self, entry: &mut EntryFields) {
        set(&mut entry.title, &self.title);
        if let Some(at) = self.at {
            entry.at = at;
        }
        set(&mut entry.body, &self.body);
        if let Some(section) = &self.section {
            entry.section = clean_section(section);
        }
        if let Some(tags) = &self.tags {
            entry.tags = split_list(tags);
        }
    }

    fn apply_session(&self, session: &mut super::Session) {
        if let Some(speakers) = &self.speakers {
            session.speakers = split_list(speakers);
        }
        set(&mut session.track, &self.track);
        set(&mut session.room, &self.room);
        if self.duration_min.is_some() {
            session.duration_min = self.duration_min;
        }
        if let Some(role) = self.role {
            session.role = role;
        }
        if let Some(link) = &self.link {
            session.link = Some(link.trim().to_string()).filter(|l| !l.is_empty());
        }
        if self.rating.is_some() {
            session.usefulness = self.rating;
        }
    }

    fn apply_meal(&self, meal: &mut super::Meal) -> Result<(), PatchError> {
        if self.meal.is_some() {
            meal.meal_type = self.meal;
        }
        set(&mut meal.venue, &self.venue);
        set(&mut meal.address, &self.address);
        if let Some(dishes) = &self.dish {
            meal.dishes = split_list(dishes);
        }
        meal.price = self.price_from(meal.price.as_ref())?;
        if self.rating.is_some() {
            meal.rating = self.rating;
        }
        Ok(())
    }

    fn apply_food(&self, food: &mut super::FoodRating) -> Result<(), PatchError> {
        set(&mut food.dish, &self.dish);
        set(&mut food.venue, &self.venue);
        set(&mut food.category, &self.category);
        if let Some(source) = &self.source {
            food.source = RatingSource::from_text(source);
        }
        food.price = self.price_from(food.price.as_ref())?;
        if self.rating.is_some() {
            food.overall = self.rating;
        }
        Ok(())
    }

    /// The price after the patch: a new amount in the given (or current) currency, or the
    /// current amount in a new currency.
    fn price_from(&self, current: Option<&Money>) -> Result<Option<Money>, PatchError> {
        match (&self.price, &self.currency) {
            (None, None) => Ok(current.cloned()),
            (Some(amount), currency) => {
                let code = currency
                    .clone()
                    .or_else(|| current.map(|money| money.currency().to_string()))
                    .ok_or(PatchError::PriceNeedsCurrency)?;
                Ok(Some(Money::parse(amount, &code)?))
            }
            (None, Some(code)) => match current {
                Some(money) => Ok(Some(Money::parse(&money.amount_text(), code)?)),
                None => Err(PatchError::CurrencyNeedsPrice),
            },
        }
    }
}

fn set(field: &mut String, value: &Option<String>) {
    if let Some(value) = value {
        field.clone_from(value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(kind: EntryKind) -> EntryFields {
        EntryFields::new(
            kind,
            "x",
            Utc.with_ymd_and_hms(2018, 11, 13, 9, 0, 0).unwrap(),
        )
    }

    #[test]
    fn fields_of_another_kind_are_refused_and_nothing_changes() {
        let patch = EntryPatch {
            title: Some("new".into()),
            speakers: Some("Ada".into()),
            ..EntryPatch::default()
        };
        let mut note = entry(EntryKind::Note);
        let before = note.clone();
        let error = patch.apply(&mut note).unwrap_err();
        assert_eq!(error.to_string(), "speakers applies to sessions only");
        assert_eq!(note, before);
        let venue = EntryPatch {
            venue: Some("Hall".into()),
            ..EntryPatch::default()
        };
        let error = venue.apply(&mut entry(EntryKind::Session)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "venue applies to meals and food ratings only"
        );
    }

    #[test]
    fn lists_sections_and_prices_follow_the_shared_rules() {
        let patch = EntryPatch {
            section: Some("  一、社区  ".into()),
            tags: Some("a，b、c".into()),
            dish: Some("Haxe, Bier".into()),
            price: Some("18.90".into()),
            currency: Some("eur".into()),
            ..EntryPatch::default()
        };
        let mut meal = entry(EntryKind::Meal);
        patch.apply(&mut meal).expect("applies");
        assert_eq!(meal.section.as_deref(), Some("一、社区"));
        assert_eq!(meal.tags, vec!["a", "b", "c"]);
        match &meal.content {
            EntryContent::Meal(m) => {
                assert_eq!(m.dishes, vec!["Haxe", "Bier"]);
                assert_eq!(
                    m.price.as_ref().map(Money::to_string).as_deref(),
                    Some("18.90 EUR")
                );
            }
            other => panic!("{other:?}"),
        }
        let no_currency = EntryPatch {
            price: Some("3".into()),
            ..EntryPatch::default()
        };
        assert_eq!(
            no_currency.apply(&mut entry(EntryKind::FoodRating)),
            Err(PatchError::PriceNeedsCurrency)
        );
    }
}
