//! The window's forms as text, and the one place each is checked and turned into what the
//! library takes: the trip dialog into [`TripFields`], the export dialog into
//! [`ExportOptions`]. Checking once, with typed errors the window words, means a bad value is
//! shown to the user and never quietly dropped (a post date that does not read is an error,
//! not "the trip's first day").

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::export::{ExportError, ExportOptions, Layout, Numbering, Order};
use crate::model::rules::{parse_date, split_list};
use crate::model::{ModelError, PhotoId, PostLanguage, Trip, TripFields, parse_time_zone};

/// Which of a trip's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    Start,
    End,
}

/// Why the trip form cannot be saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TripFormError {
    /// A date does not read as YYYY-MM-DD (or is out of range).
    BadDate(DateField),
    /// The time zone is not one (the model says why).
    BadZone(ModelError),
    /// The fields break a rule of trips (the model says which).
    Invalid(ModelError),
}

/// The trip dialog's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TripForm {
    pub name: String,
    pub city: String,
    pub country: String,
    pub start: String,
    pub end: String,
    pub time_zone: String,
    pub author: String,
    pub summary: String,
    pub tags: String,
    pub cover: Option<PhotoId>,
    /// Kept as it is: the dialog does not show it (the By-section view arranges it).
    pub section_order: Vec<String>,
    /// The post's language (`None`: automatic).
    pub post_language: Option<PostLanguage>,
    /// The post's slug as typed (empty: made from the name, or the one it has).
    pub slug: String,
}

impl TripForm {
    /// The form of an existing trip.
    pub fn of(trip: &Trip) -> TripForm {
        let f = &trip.fields;
        TripForm {
            name: f.name.clone(),
            city: f.city.clone(),
            country: f.country.clone(),
            start: f.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end: f.end_date.map(|d| d.to_string()).unwrap_or_default(),
            time_zone: f.time_zone.name().to_string(),
            author: f.author.clone(),
            summary: f.summary.clone(),
            tags: f.tags.join(", "),
            cover: f.cover_photo,
            section_order: f.section_order.clone(),
            post_language: f.post_language,
            slug: f.slug.clone().unwrap_or_default(),
        }
    }

    /// The form as trip fields, or the first problem in it.
    pub fn to_fields(&self) -> Result<TripFields, TripFormError> {
        let fields = TripFields {
            name: self.name.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            start_date: optional_date(&self.start, DateField::Start)?,
            end_date: optional_date(&self.end, DateField::End)?,
            time_zone: parse_time_zone(&self.time_zone).map_err(TripFormError::BadZone)?,
            author: self.author.clone(),
            summary: self.summary.clone(),
            tags: split_list(&self.tags),
            cover_photo: self.cover,
            section_order: self.section_order.clone(),
            post_language: self.post_language,
            slug: Some(crate::export::text::slugify(&self.slug)).filter(|s| !s.is_empty()),
        }
        .cleaned();
        fields.validate().map_err(TripFormError::Invalid)?;
        Ok(fields)
    }
}

/// An empty field is no date; anything else must read as one.
fn optional_date(text: &str, which: DateField) -> Result<Option<NaiveDate>, TripFormError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    parse_date(text)
        .map(Some)
        .map_err(|_| TripFormError::BadDate(which))
}

/// Why the export form cannot be used.
#[derive(Debug)]
pub enum ExportFormError {
    /// No destination folder is typed or chosen.
    NoFolder,
    /// The post date does not read as YYYY-MM-DD.
    BadDate(String),
    /// An option the export refuses (a slug without letters, a width too small).
    Option(ExportError),
}

/// The export dialog's choices, as set and typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportForm {
    pub layout: Layout,
    pub order: Order,
    pub numbering: Numbering,
    /// The post's language for this export (`None`: the trip's).
    pub language: Option<PostLanguage>,
    /// The post's date as typed (empty: the trip's first day).
    pub date: String,
    /// A new slug for the post (empty: the one the trip has).
    pub slug: String,
    pub max_width: u32,
    pub keep_gps: bool,
    pub publish: bool,
    pub include_unassigned: bool,
    /// End the post with the schedule's starred talks that have notes.
    pub talks_attended: bool,
    pub to_watch: bool,
    pub force: bool,
    pub out_dir: String,
    /// Each image also at [`ExportOptions::PHONE_WIDTH`], with `srcset` (plain and Jekyll).
    pub phone_size: bool,
    /// Commit the post into the Git repository at `out_dir` instead of writing files.
    pub git: bool,
    /// The branch for that commit as typed (empty: `tripjournal/<slug>`).
    pub branch: String,
}

impl ExportForm {
    /// The form with the export's own defaults (the ones the CLI uses too), into `out_dir`.
    pub fn new(out_dir: PathBuf) -> ExportForm {
        let defaults = ExportOptions::new(&out_dir, Layout::Plain);
        ExportForm {
            layout: defaults.layout,
            order: defaults.order,
            numbering: defaults.numbering,
            language: defaults.language,
            date: String::new(),
            slug: String::new(),
            max_width: defaults.max_width,
            keep_gps: defaults.keep_gps,
            publish: defaults.publish,
            include_unassigned: defaults.include_unassigned,
            talks_attended: defaults.talks_attended,
            to_watch: defaults.to_watch,
            force: defaults.force,
            out_dir: out_dir.display().to_string(),
            phone_size: false,
            git: false,
            branch: String::new(),
        }
    }

    /// Where a Git export commits, when the form asks for one ("Overwrite" lets it commit on
    /// a branch tripjournal did not make).
    pub fn git_target(&self) -> Option<crate::export::GitTarget> {
        self.git.then(|| crate::export::GitTarget {
            branch: Some(self.branch.trim().to_string()).filter(|name| !name.is_empty()),
            force: self.force,
        })
    }

    /// The options the form describes, checked, for a preview (which needs no folder yet).
    pub fn preview_options(&self) -> Result<ExportOptions, ExportFormError> {
        let date = match self.date.trim() {
            "" => None,
            text => Some(parse_date(text).map_err(|_| ExportFormError::BadDate(text.into()))?),
        };
        let out_dir = typed_path(&self.out_dir).unwrap_or_default();
        let mut options = ExportOptions::new(out_dir, self.layout);
        options.order = self.order;
        options.numbering = self.numbering;
        options.language = self.language;
        options.date = date;
        options.slug = Some(self.slug.trim().to_string()).filter(|s| !s.is_empty());
        options.max_width = self.max_width;
        if self.phone_size {
            let phone = ExportOptions::PHONE_WIDTH.min(self.max_width);
            options.sizes = vec![phone, self.max_width];
        }
        options.keep_gps = self.keep_gps;
        options.publish = self.publish;
        options.include_unassigned = self.include_unassigned;
        options.talks_attended = self.talks_attended;
        options.to_watch = self.to_watch;
        options.force = self.force;
        options.check().map_err(ExportFormError::Option)?;
        Ok(options)
    }

    /// The options of the export itself: [`ExportForm::preview_options`] with a folder.
    pub fn export_options(&self) -> Result<ExportOptions, ExportFormError> {
        if typed_path(&self.out_dir).is_none() {
            return Err(ExportFormError::NoFolder);
        }
        self.preview_options()
    }

    /// The date a published post gets when the user gives none: today, to change.
    pub fn publish_today(&mut self, today: NaiveDate) {
        if self.publish && self.date.trim().is_empty() {
            self.date = today.to_string();
        }
    }
}

/// A path as the user typed or pasted it in a field: trimmed, without the quotes a file
/// manager adds when it copies a path with spaces; `None` when nothing is left.
pub fn typed_path(text: &str) -> Option<PathBuf> {
    let text = text.trim();
    let unquoted = ['"', '\'']
        .into_iter()
        .find_map(|quote| text.strip_prefix(quote)?.strip_suffix(quote))
        .unwrap_or(text);
    (!unquoted.is_empty()).then(|| PathBuf::from(unquoted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_path_is_trimmed_and_loses_the_quotes_a_file_manager_adds() {
        let path = |text| typed_path(text);
        assert_eq!(path("  /tmp/a b.ics "), Some(PathBuf::from("/tmp/a b.ics")));
        assert_eq!(path("'/tmp/a b.ics'"), Some(PathBuf::from("/tmp/a b.ics")));
        assert_eq!(path("\"/tmp/x.xml\""), Some(PathBuf::from("/tmp/x.xml")));
        assert_eq!(
            path("'/tmp/half.xml"),
            Some(PathBuf::from("'/tmp/half.xml"))
        );
        assert_eq!(path("   "), None);
        assert_eq!(path("\"\""), None);
    }

    fn form() -> ExportForm {
        ExportForm::new(PathBuf::from("/tmp/blog"))
    }

    #[test]
    fn a_date_and_slug_that_glue_to_the_same_text_are_different_options() {
        // "2018-11-1" + "3x" and "2018-11-13" + "x" read alike when glued together; the
        // preview of one must never stand for the other.
        let mut first = form();
        first.date = "2018-11-1".into();
        first.slug = "3x".into();
        let mut second = form();
        second.date = "2018-11-13".into();
        second.slug = "x".into();
        let (first, second) = (
            first.preview_options().expect("first"),
            second.preview_options().expect("second"),
        );
        assert_ne!(first, second);
        assert_eq!(first.date, NaiveDate::from_ymd_opt(2018, 11, 1));
        assert_eq!(second.slug.as_deref(), Some("x"));
    }

    #[test]
    fn a_bad_date_is_an_error_not_the_trips_first_day() {
        let mut form = form();
        form.date = "13/11/2018".into();
        assert!(matches!(
            form.preview_options(),
            Err(ExportFormError::BadDate(text)) if text == "13/11/2018"
        ));
    }

    #[test]
    fn an_export_needs_a_folder_and_options_the_export_takes() {
        let mut form = form();
        form.out_dir = "  ".into();
        assert!(matches!(
            form.export_options(),
            Err(ExportFormError::NoFolder)
        ));
        assert!(form.preview_options().is_ok(), "a preview needs no folder");
        form.out_dir = "/tmp/blog".into();
        form.slug = "。。".into();
        assert!(matches!(
            form.export_options(),
            Err(ExportFormError::Option(ExportError::SlugWithoutLetters))
        ));
        form.slug.clear();
        form.max_width = 8;
        assert!(matches!(
            form.export_options(),
            Err(ExportFormError::Option(ExportError::MaxWidthTooSmall(8)))
        ));
    }

    #[test]
    fn publishing_without_a_date_dates_the_post_today() {
        let mut form = form();
        let today = NaiveDate::from_ymd_opt(2026, 12, 4).expect("date");
        form.publish_today(today);
        assert_eq!(form.date, "", "a draft keeps no date");
        form.publish = true;
        form.publish_today(today);
        assert_eq!(form.date, "2026-12-04");
        form.date = "2018-11-20".into();
        form.publish_today(today);
        assert_eq!(form.date, "2018-11-20", "a date typed stays");
    }

    #[test]
    fn the_trip_form_names_the_date_that_does_not_read() {
        let mut form = TripForm {
            name: "Berlin".into(),
            time_zone: "Europe/Berlin".into(),
            ..TripForm::default()
        };
        form.end = "15.11.2018".into();
        assert_eq!(
            form.to_fields(),
            Err(TripFormError::BadDate(DateField::End))
        );
        form.end = "2018-11-15".into();
        form.time_zone = "Mars/Olympus".into();
        assert!(matches!(form.to_fields(), Err(TripFormError::BadZone(_))));
        form.time_zone = "Europe/Berlin".into();
        let fields = form.to_fields().expect("fields");
        assert_eq!(fields.end_date, NaiveDate::from_ymd_opt(2018, 11, 15));
    }
}
