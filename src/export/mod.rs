//! Turning a trip into a Markdown blog post with web-ready photos, in the layouts people
//! publish with: a plain folder, Jekyll or Hugo.
//!
//! The work is split in three: [`plan`] decides every path, name and piece of text from the
//! journal's data without touching files; [`render`] fills the (built-in or user's) minijinja
//! template; [`write`] produces the images and puts everything in place through a staging
//! folder, so a failure never leaves a half-written post and nothing outside the output
//! folder is touched. Exporting the same trip twice gives byte-identical files.

mod contain;
mod images;
mod plan;
mod render;
pub mod text;
mod write;

use std::path::PathBuf;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

pub use plan::{PostPlan, plan_post};
pub use render::{BUILTIN_TEMPLATE, render_post};

use crate::model::TripId;
use crate::photos::ImportError;
use crate::store::{Store, StoreError};

/// Where the post and its images go inside the output folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `<out>/<slug>.md`, images in `<out>/images/<slug>/`, linked relatively.
    Plain,
    /// `<out>/_drafts/<slug>.md` (or `_posts/YYYY-MM-DD-<slug>.md`), images in
    /// `<out>/assets/images/<slug>/`, linked from the site root through `relative_url`.
    Jekyll,
    /// A page bundle: `<out>/content/posts/<slug>/index.md` with its images beside it.
    Hugo,
}

impl Layout {
    pub fn as_str(self) -> &'static str {
        match self {
            Layout::Plain => "plain",
            Layout::Jekyll => "jekyll",
            Layout::Hugo => "hugo",
        }
    }
}

impl FromStr for Layout {
    type Err = ExportError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "plain" => Ok(Layout::Plain),
            "jekyll" => Ok(Layout::Jekyll),
            "hugo" => Ok(Layout::Hugo),
            _ => Err(ExportError::BadOption(format!(
                "unknown layout {text:?} (expected plain, jekyll or hugo)"
            ))),
        }
    }
}

/// How the entries are grouped in the post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    /// A section per day in the trip's time zone.
    Day,
    /// Sessions, meals, food ratings, notes.
    Kind,
    /// The entries' section headings in the user's order, entries as sub-sections.
    Section,
}

impl Order {
    pub fn as_str(self) -> &'static str {
        match self {
            Order::Day => "day",
            Order::Kind => "kind",
            Order::Section => "section",
        }
    }
}

impl FromStr for Order {
    type Err = ExportError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().to_ascii_lowercase().as_str() {
            "day" => Ok(Order::Day),
            "kind" => Ok(Order::Kind),
            "section" => Ok(Order::Section),
            _ => Err(ExportError::BadOption(format!(
                "unknown order {text:?} (expected day, kind or section)"
            ))),
        }
    }
}

/// Progress of an export, sent as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportEvent {
    Started { images: usize },
    ImageWritten { done: usize, total: usize },
    Finished { post: PathBuf },
}

/// What to export and how.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    pub out_dir: PathBuf,
    pub layout: Layout,
    pub order: Order,
    /// Long edge of exported images, in pixels; images are never upscaled.
    pub max_width: u32,
    /// Keep the GPS position in exported JPEGs (all other metadata is always removed).
    pub keep_gps: bool,
    /// Jekyll: a dated post in `_posts` instead of a draft; Hugo: `draft: false`.
    pub publish: bool,
    /// A minijinja template to use instead of the built-in one.
    pub template: Option<String>,
    /// Put the trip's unassigned photos in a closing gallery.
    pub include_unassigned: bool,
    /// Overwrite a post that was edited since this program wrote it.
    pub force: bool,
    pub progress: Option<Sender<ExportEvent>>,
    pub cancel: Option<Arc<AtomicBool>>,
}

impl ExportOptions {
    /// Defaults: day order, 1600 px, no GPS, a draft, the built-in template, with a gallery.
    pub fn new(out_dir: impl Into<PathBuf>, layout: Layout) -> Self {
        ExportOptions {
            out_dir: out_dir.into(),
            layout,
            order: Order::Day,
            max_width: 1600,
            keep_gps: false,
            publish: false,
            template: None,
            include_unassigned: true,
            force: false,
            progress: None,
            cancel: None,
        }
    }
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportReport {
    /// The Markdown post.
    pub post: PathBuf,
    /// Every image file, in the order they appear in the post.
    pub images: Vec<PathBuf>,
    /// The post was already exactly as it would be written.
    pub unchanged: bool,
}

/// Why an export did not happen. Nothing half-written is left behind in any case.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("{0}")]
    BadOption(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("photo {photo}: {source}")]
    Photo {
        photo: i64,
        #[source]
        source: ImportError,
    },
    #[error("the template is not valid: {0}")]
    Template(String),
    #[error(
        "the post was edited since tripjournal wrote it; not overwriting it (use --force to overwrite): {0}"
    )]
    EditedPost(PathBuf),
    #[error("a file that tripjournal did not write is in the way (use --force to overwrite): {0}")]
    ForeignFile(PathBuf),
    #[error("the disk is full; nothing was changed in the output folder: {0}")]
    DiskFull(PathBuf),
    #[error("{context}: {source}: {path}")]
    Io {
        context: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("export cancelled; nothing was changed in the output folder")]
    Cancelled,
}

impl ExportError {
    pub(crate) fn io(
        context: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        let path = path.into();
        // ENOSPC (28) and EDQUOT (122) on Linux; the kind is StorageFull on newer Rust.
        if source.kind() == std::io::ErrorKind::StorageFull
            || matches!(source.raw_os_error(), Some(28) | Some(122))
        {
            return ExportError::DiskFull(path);
        }
        ExportError::Io {
            context,
            path,
            source,
        }
    }
}

/// Exports a trip as a blog post into `options.out_dir`.
pub fn export_trip(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
) -> Result<ExportReport, ExportError> {
    if options.max_width < 16 {
        return Err(ExportError::BadOption(format!(
            "--max-width {} is too small (at least 16 pixels)",
            options.max_width
        )));
    }
    let trip = store.trip(trip)?;
    let entries = store.entries(trip.id)?;
    let photos = store.photos(trip.id)?;
    let mut transparent = std::collections::HashSet::new();
    for photo in &photos {
        let keeps_alpha = images::has_transparency(store, photo).map_err(|error| match error {
            images::ImageJobError::Store(store_error) => ExportError::Store(store_error),
            images::ImageJobError::Image(source) => ExportError::Photo {
                photo: photo.id.0,
                source,
            },
        })?;
        if keeps_alpha {
            transparent.insert(photo.id);
        }
    }
    let plan = plan::plan_post_with(&trip, &entries, &photos, options, &transparent);
    let markdown = render_post(&plan.context, options.template.as_deref(), options.layout)?;
    write::write_export(store, &plan, &markdown, options)
}
