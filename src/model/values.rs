//! Small validated values shared by the model: ids, half-star ratings and prices (with the
//! table of each currency's digits after the decimal point, from ISO 4217).

use std::fmt;
use std::str::FromStr;

/// Why a value typed by a user was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("rating must be a half star between 0.5 and 5, got {0}")]
    BadRating(String),
    #[error("price must be a non-negative amount like 12.50, got {0}")]
    BadPrice(String),
    #[error("{currency} has {digits} digits after the decimal point (ISO 4217), got {amount}")]
    TooManyDigits {
        amount: String,
        currency: String,
        digits: u32,
    },
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
    #[error(
        "bad clock shift {0:?}; expected a signed duration such as +2h, -7h30m, +90s, -1d or +00:05"
    )]
    BadShift(String),
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
id_type!(
    ScheduleItemId,
    "Row id of an item of a trip's conference programme."
);

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

/// Digits after the decimal point ("minor unit") of every currency for which ISO 4217 (List One,
/// as published 2026-01-01) gives a number other than 2; every other code has 2. Codes for which
/// the standard gives no minor unit at all ("N.A.": gold and other metals, the SDR, bond-market
/// units, XTS, XXX) also keep 2. HUF and TWD are 2 in the standard even though no coin below one
/// forint or dollar circulates; an amount such as 1200 is shown as 1200.00.
///
/// Changing a number here changes what the integer amounts stored in journals mean: add a
/// migration that rescales them (see `migrations/0005_iso_4217_minor_units.sql`).
pub const CURRENCY_MINOR_DIGITS: &[(&str, u32)] = &[
    ("BHD", 3),
    ("BIF", 0),
    ("CLF", 4),
    ("CLP", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("IQD", 3),
    ("ISK", 0),
    ("JOD", 3),
    ("JPY", 0),
    ("KMF", 0),
    ("KRW", 0),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("PYG", 0),
    ("RWF", 0),
    ("TND", 3),
    ("UGX", 0),
    ("UYI", 0),
    ("UYW", 4),
    ("VND", 0),
    ("VUV", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
];

/// An amount of money: integer minor units (cents, fils, yen…) and an ISO 4217 currency code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Money {
    minor_units: i64,
    currency: String,
}

/// Amounts are ordered by currency code first, then by amount: 1,200 yen and 12.00 euros are
/// not comparable without an exchange rate, which the app never fetches, so a list sorted by
/// price keeps each currency together instead of mixing them by their bare digits.
impl Ord for Money {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.currency
            .cmp(&other.currency)
            .then(self.minor_units.cmp(&other.minor_units))
    }
}

impl PartialOrd for Money {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
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

    /// Parses a decimal amount such as "12.50", "12,5" or "3" in the given currency. More
    /// digits after the point than the currency has are refused unless they are zeros
    /// ("1200.00" yen is 1200 yen; "1.234" euros is refused).
    pub fn parse(amount: &str, currency: &str) -> Result<Self, ModelError> {
        let bad = || ModelError::BadPrice(amount.to_string());
        let digits = Self::minor_digits(currency) as usize;
        let normalized = amount.trim().replace(',', ".");
        let (whole, fraction) = normalized.split_once('.').unwrap_or((&normalized, ""));
        Money::new(0, currency)?;
        let all_digits = |text: &str| text.bytes().all(|b| b.is_ascii_digit());
        if (whole.is_empty() && fraction.is_empty()) || !all_digits(whole) || !all_digits(fraction)
        {
            return Err(bad());
        }
        let (kept, dropped) = fraction.split_at(fraction.len().min(digits));
        if dropped.bytes().any(|b| b != b'0') {
            return Err(ModelError::TooManyDigits {
                amount: amount.trim().to_string(),
                currency: currency.trim().to_ascii_uppercase(),
                digits: digits as u32,
            });
        }
        // The amount in minor units is its digits, the fraction padded to the currency's.
        let minor_text = format!("{whole}{kept:0<digits$}");
        let minor = if minor_text.is_empty() {
            0
        } else {
            minor_text.parse::<i64>().map_err(|_| bad())?
        };
        Money::new(minor, currency)
    }

    /// Digits after the decimal point in a currency (its ISO 4217 minor unit): 3 for KWD, 0 for
    /// JPY, 2 for EUR and for any code not in [`CURRENCY_MINOR_DIGITS`].
    pub fn minor_digits(currency: &str) -> u32 {
        let code = currency.trim().to_ascii_uppercase();
        CURRENCY_MINOR_DIGITS
            .iter()
            .find(|(listed, _)| *listed == code)
            .map_or(2, |&(_, digits)| digits)
    }

    pub fn minor_units(&self) -> i64 {
        self.minor_units
    }

    pub fn currency(&self) -> &str {
        &self.currency
    }

    /// The amount as a decimal string without currency, with as many digits after the point
    /// as the currency has: "12.50" EUR, "1.250" KWD, "1200" JPY.
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

    #[test]
    fn minor_digits_follow_iso_4217() {
        for (code, digits) in [
            ("JPY", 0),
            ("KRW", 0),
            ("XOF", 0),
            ("KWD", 3),
            ("BHD", 3),
            ("TND", 3),
            ("CLF", 4),
            ("UYW", 4),
            ("EUR", 2),
            ("USD", 2),
            ("HUF", 2),
            ("TWD", 2),
            ("kwd", 3),
            ("QQQ", 2),
        ] {
            assert_eq!(Money::minor_digits(code), digits, "{code}");
        }
    }

    #[test]
    fn the_table_is_sorted_unique_and_only_lists_exceptions() {
        let codes: Vec<&str> = CURRENCY_MINOR_DIGITS
            .iter()
            .map(|(code, _)| *code)
            .collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted, "sorted by code, each once");
        for (code, digits) in CURRENCY_MINOR_DIGITS {
            assert!(Money::new(0, code).is_ok(), "{code}");
            assert_ne!(*digits, 2, "{code}: 2 is the default, not listed");
        }
    }

    #[test]
    fn amounts_in_every_kind_of_currency_round_trip() {
        for (amount, code, minor, shown) in [
            ("1.250", "KWD", 1250, "1.250 KWD"),
            ("1.25", "KWD", 1250, "1.250 KWD"),
            ("0,005", "BHD", 5, "0.005 BHD"),
            ("1200", "JPY", 1200, "1200 JPY"),
            ("1200.00", "JPY", 1200, "1200 JPY"),
            ("37.1234", "CLF", 371_234, "37.1234 CLF"),
            ("12.5", "EUR", 1250, "12.50 EUR"),
            ("1200", "HUF", 120_000, "1200.00 HUF"),
            ("5000", "XOF", 5000, "5000 XOF"),
            (".5", "EUR", 50, "0.50 EUR"),
            ("0", "JPY", 0, "0 JPY"),
        ] {
            let money = Money::parse(amount, code).expect(amount);
            assert_eq!(money.minor_units(), minor, "{amount} {code}");
            assert_eq!(money.to_string(), shown, "{amount} {code}");
            assert_eq!(
                Money::parse(&money.amount_text(), code).as_ref(),
                Ok(&money),
                "{shown} reads back as itself"
            );
        }
        for (amount, code) in [
            ("1.2505", "KWD"),
            ("1.5", "JPY"),
            ("1.00001", "CLF"),
            ("1.001", "HUF"),
            ("99999999999999999999", "EUR"),
            ("9223372036854775.808", "KWD"),
            ("1.2.3", "EUR"),
            (".", "EUR"),
            ("-1", "EUR"),
        ] {
            assert!(
                Money::parse(amount, code).is_err(),
                "{amount} {code} is refused"
            );
        }
        assert_eq!(
            Money::parse("12.50", "jpy").map_err(|e| e.to_string()),
            Err("JPY has 0 digits after the decimal point (ISO 4217), got 12.50".to_string())
        );
        let largest = Money::parse("9223372036854775.807", "KWD").expect("i64::MAX fils");
        assert_eq!(largest.minor_units(), i64::MAX);
    }
}
