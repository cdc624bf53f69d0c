//! A trip: where and when, in which time zone, by whom, and what it was about.

use chrono::NaiveDate;
use chrono_tz::Tz;

use super::PostLanguage;
use super::values::{ModelError, PhotoId, TripId};

/// Everything a user edits about a trip.
#[derive(Debug, Clone, PartialEq)]
pub struct TripFields {
    pub name: String,
    pub city: String,
    pub country: String,
    pub start_date: Option<NaiveDate>,
    pub end_date: Option<NaiveDate>,
    /// Entry times are shown and typed in this zone.
    pub time_zone: Tz,
    pub author: String,
    /// Markdown.
    pub summary: String,
    pub tags: Vec<String>,
    pub cover_photo: Option<PhotoId>,
    /// The sections in the order the user arranged them; others follow by first use
    /// ([`crate::model::rules::section_order`]).
    pub section_order: Vec<String>,
    /// The language of the exported post; `None`: told from the trip's text.
    pub post_language: Option<PostLanguage>,
    /// The post's slug (its file and URL name), kept from the first export or set by the
    /// user; `None` until then (made from the name).
    pub slug: Option<String>,
}

impl TripFields {
    /// A trip with just a name, in UTC, with everything else empty.
    pub fn named(name: &str) -> Self {
        TripFields {
            name: name.to_string(),
            city: String::new(),
            country: String::new(),
            start_date: None,
            end_date: None,
            time_zone: Tz::UTC,
            author: String::new(),
            summary: String::new(),
            tags: Vec::new(),
            cover_photo: None,
            section_order: Vec::new(),
            post_language: None,
            slug: None,
        }
    }

    /// The fields as they are stored: names and places trimmed, tags cleaned (the summary is
    /// Markdown and kept as typed). Every front end saves through this.
    pub fn cleaned(mut self) -> Self {
        for text in [
            &mut self.name,
            &mut self.city,
            &mut self.country,
            &mut self.author,
        ] {
            *text = text.trim().to_string();
        }
        self.tags = super::rules::clean_list(&self.tags);
        self
    }

    /// Checks the rules a stored trip must follow.
    pub fn validate(&self) -> Result<(), ModelError> {
        if self.name.trim().is_empty() {
            return Err(ModelError::EmptyTripName);
        }
        if let (Some(start), Some(end)) = (self.start_date, self.end_date)
            && end < start
        {
            return Err(ModelError::EndBeforeStart {
                start: start.to_string(),
                end: end.to_string(),
            });
        }
        Ok(())
    }

    /// "Berlin, Germany", or whichever part is known.
    pub fn place(&self) -> String {
        [self.city.trim(), self.country.trim()]
            .iter()
            .filter(|part| !part.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A stored trip.
#[derive(Debug, Clone, PartialEq)]
pub struct Trip {
    pub id: TripId,
    pub fields: TripFields,
}

/// Parses an IANA zone name such as "Europe/Berlin".
pub fn parse_time_zone(name: &str) -> Result<Tz, ModelError> {
    name.trim()
        .parse::<Tz>()
        .map_err(|_| ModelError::BadTimeZone(name.to_string()))
}
