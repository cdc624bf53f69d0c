//! Small validated values shared by the model: ids, half-star ratings and prices.

use std::fmt;
use std::str::FromStr;

/// Why a value typed by a user was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("rating must be a half star between 0.5 and 5, got {0}")]
    BadRating(String),
    #[error("price must be a non-negative amount like 12.50, got {0}")]
    BadPrice(String),
    #[error("currency must be a three-letter ISO 4217 code like EUR, got {0}")]
    BadCurrency(String),
    #[error("unknown {what} {value:?} (expected one of: {expected})")]
    UnknownName {
        what: &'static str,
        value: String,
        expected: &'static str,
    },
    #[error("unknown time zone {0:?} (expected an IANA name such as Europe/Berlin)")]
    BadTimeZone(String),
    #[error("the trip name must not be empty")]
    EmptyTripName,
    #[error("the trip ends ({end}) before it starts ({start})")]
    EndBeforeStart { start: String, end: String },
    #[error("bad time {0:?}; expected \"YYYY-MM-DD HH:MM\"")]
    BadTime(String),
    #[error("{time} does not exist in {zone} (skipped by a clock change)")]
    SkippedTime { time: String, zone: String },
    #[error("bad date {0:?}; expected YYYY-MM-DD")]
    BadDate(String),
    #[error("unknown post language {0:?} (expected en, zh or de)")]
    BadLanguage(String),
    #[error("{0} is outside the years 1000 to 9999 that a journal holds")]
    OutOfRange(String),
}

macro_rules! id_type {
    ($name:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub i64);

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}", self.0)
            }
        }
    };
}

id_type!(TripId, "Row id of a trip in the journal.");
id_type!(EntryId, "Row id of an entry in the journal.");
id_type!(PhotoId, "Row id of a photo in the journal.");

/// A rating in half stars, 1 (= 0.5 stars) to 10 (= 5 stars), stored exactly as an integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Rating(u8);

impl Rating {
    pub const MAX_HALF_STARS: u8 = 10;

    /// Builds a rating from a count of half stars (1..=10).
    pub fn from_half_stars(half_stars: u8) -> Result<Self, ModelError> {
        if (1..=Self::MAX_HALF_STARS).contains(&half_stars) {
            Ok(Rating(half_stars))
        } else {
            Err(ModelError::BadRating(format!("{half_stars} half stars")))
        }
    }

    pub fn half_stars(self) -> u8 {
        self.0
    }

    /// The rating as stars, e.g. 4.5.
    pub fn stars(self) -> f32 {
        f32::from(self.0) / 2.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_multiple_of(2) {
            write!(f, "{}", self.0 / 2)
        } else {
            write!(f, "{}.5", self.0 / 2)
        }
    }
}

impl FromStr for Rating {
    type Err = ModelError;

    /// Parses "4", "4.5" or "4.0"; anything that is not a whole or half star is refused.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let bad = || ModelError::BadRating(text.to_string());
        let trimmed = text.trim();
        let (whole, fraction) = match trimmed.split_once('.') {
            Some((whole, fraction)) => (whole, fraction.trim_end_matches('0')),
            None => (trimmed, ""),
        };
        let whole: u8 = whole.parse().map_err(|_| bad())?;
        let half = match fraction {
            "" => 0,
            "5" => 1,
            _ => return Err(bad()),
        };
        let half_stars = whole
            .checked_mul(2)
            .and_then(|w| w.checked_add(half))
            .ok_or_else(bad)?;
        Rating::from_half_stars(half_stars).map_err(|_| bad())
    }
}

/// An amount of money: integer minor units (cents) and an ISO 4217 currency code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money {
    minor_units: i64,
    currency: String,
}

impl Money {
    /// Builds an amount from minor units and a three-letter code (upper-cased).
    pub fn new(minor_units: i64, currency: &str) -> Result<Self, ModelError> {
        if minor_units < 0 {
            return Err(ModelError::BadPrice(minor_units.to_string()));
        }
        let code = currency.trim().to_ascii_uppercase();
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return Err(ModelError::BadCurrency(currency.to_string()));
        }
        Ok(Money {
            minor_units,
            currency: code,
        })
    }

    /// Parses a decimal amount such as "12.50", "12,5" or "3" in the given currency.
    pub fn parse(amount: &str, currency: &str) -> Result<Self, ModelError> {
        let bad = || ModelError::BadPrice(amount.to_string());
        let digits = Self::minor_digits(currency);
        let normalized = amount.trim().replace(',', ".");
        let (whole, fraction) = match normalized.split_once('.') {
            Some((whole, fraction)) => (whole.to_string(), fraction.to_string()),
            None => (normalized.clone(), String::new()),
        };
        if whole.is_empty() && fraction.is_empty() {
            return Err(bad());
        }
        if !whole.bytes().all(|b| b.is_ascii_digit())
            || !fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(bad());
        }
        if fraction.len() > digits as usize {
            return Err(bad());
        }
        let whole_value: i64 = if whole.is_empty() {
            0
        } else {
            whole.parse().map_err(|_| bad())?
        };
        let mut fraction_padded = fraction.clone();
        while fraction_padded.len() < digits as usize {
            fraction_padded.push('0');
        }
        let fraction_value: i64 = if fraction_padded.is_empty() {
            0
        } else {
            fraction_padded.parse().map_err(|_| bad())?
        };
        let minor = whole_value
            .checked_mul(10_i64.pow(digits))
            .and_then(|w| w.checked_add(fraction_value))
            .ok_or_else(bad)?;
        Money::new(minor, currency)
    }

    /// Digits after the decimal point for a currency (0 for yen-like currencies, else 2).
    pub fn minor_digits(currency: &str) -> u32 {
        match currency.trim().to_ascii_uppercase().as_str() {
            "JPY" | "KRW" | "VND" | "ISK" | "CLP" | "HUF" | "TWD" => 0,
            _ => 2,
        }
    }

    pub fn minor_units(&self) -> i64 {
        self.minor_units
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The amount as a decimal string without currency, e.g. "12.50".
    pub fn amount_text(&self) -> String {
        let digits = Self::minor_digits(&self.currency);
        if digits == 0 {
            return self.minor_units.to_string();
        }
        let scale = 10_i64.pow(digits);
        format!(
            "{}.{:0width$}",
            self.minor_units / scale,
            self.minor_units % scale,
            width = digits as usize
        )
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_text(), self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_parse_half_stars_only() {
        assert_eq!("4.5".parse::<Rating>().map(Rating::half_stars), Ok(9));
        assert_eq!("5".parse::<Rating>().map(Rating::half_stars), Ok(10));
        assert_eq!("0.5".parse::<Rating>().map(Rating::half_stars), Ok(1));
        assert!("4.3".parse::<Rating>().is_err());
        assert!("0".parse::<Rating>().is_err());
        assert!("5.5".parse::<Rating>().is_err());
        assert!("-1".parse::<Rating>().is_err());
        assert_eq!(
            Rating::from_half_stars(9).map(|r| r.to_string()),
            Ok("4.5".to_string())
        );
    }

    #[test]
    fn prices_are_exact_minor_units() {
        let price = Money::parse("12.5", "eur").expect("valid price");
        assert_eq!(price.minor_units(), 1250);
        assert_eq!(price.to_string(), "12.50 EUR");
        assert_eq!(
            Money::parse("1200", "JPY").map(|m| m.minor_units()),
            Ok(1200)
        );
        assert!(Money::parse("1.234", "EUR").is_err());
        assert!(Money::parse("abc", "EUR").is_err());
        assert!(Money::parse("1", "EURO").is_err());
    }
}
