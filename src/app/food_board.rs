//! The food board's lines: every rated dish and meal of a trip, sorted by rating, price,
//! category or venue. Prices sort within their currency (see `Money`'s order).

use crate::model::{Entry, EntryId, Money, Rating};

/// The column the board is sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoodSort {
    Rating,
    Price,
    Category,
    Venue,
}

/// One line of the board.
#[derive(Debug, Clone)]
pub struct FoodLine {
    pub entry: EntryId,
    pub dish: String,
    pub category: String,
    pub venue: String,
    pub rating: Option<Rating>,
    pub price: Option<Money>,
}

/// The rated food of a trip, sorted as asked (descending first for ratings).
pub fn food_lines(entries: &[Entry], sort: FoodSort, descending: bool) -> Vec<FoodLine> {
    let mut lines: Vec<FoodLine> = entries
        .iter()
        .filter_map(|entry| {
            let food = entry.food()?;
            Some(FoodLine {
                entry: entry.id,
                dish: food.dish,
                category: food.category,
                venue: food.venue,
                rating: food.rating,
                price: food.price,
            })
        })
        .collect();
    lines.sort_by(|a, b| {
        let ordering = match sort {
            FoodSort::Rating => a.rating.cmp(&b.rating),
            FoodSort::Price => a.price.cmp(&b.price),
            FoodSort::Category => a.category.to_lowercase().cmp(&b.category.to_lowercase()),
            FoodSort::Venue => a.venue.to_lowercase().cmp(&b.venue.to_lowercase()),
        };
        let ordering = if descending {
            ordering.reverse()
        } else {
            ordering
        };
        ordering.then_with(|| a.dish.cmp(&b.dish))
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntryContent, EntryFields, EntryKind};

    fn rated(id: i64, dish: &str, price: Option<(i64, &str)>) -> Entry {
        let at = chrono::DateTime::from_timestamp(1_542_096_000, 0).expect("time");
        let mut fields = EntryFields::new(EntryKind::FoodRating, dish, at);
        if let EntryContent::FoodRating(food) = &mut fields.content {
            food.dish = dish.to_string();
            food.price = price.map(|(minor, code)| Money::new(minor, code).expect("money"));
        }
        Entry {
            id: EntryId(id),
            trip: crate::model::TripId(1),
            position: id,
            fields,
        }
    }

    #[test]
    fn prices_sort_within_their_currency_and_unpriced_dishes_come_first() {
        let entries = [
            rated(1, "Ramen", Some((1200, "JPY"))),
            rated(2, "Schnitzel", Some((1250, "EUR"))),
            rated(3, "Bretzel", Some((900, "EUR"))),
            rated(4, "Machboos", Some((1250, "KWD"))),
            rated(5, "Water", None),
            rated(6, "Gyoza", Some((450, "JPY"))),
        ];
        let order: Vec<String> = food_lines(&entries, FoodSort::Price, false)
            .into_iter()
            .map(|line| line.dish)
            .collect();
        let expected = [
            "Water",
            "Bretzel",
            "Schnitzel",
            "Gyoza",
            "Ramen",
            "Machboos",
        ];
        assert_eq!(order, expected);
        let descending: Vec<String> = food_lines(&entries, FoodSort::Price, true)
            .into_iter()
            .map(|line| line.dish)
            .collect();
        let reversed: Vec<&str> = expected.iter().rev().copied().collect();
        assert_eq!(descending, reversed);
    }
}
