//! Turning a trip into a Markdown blog post with web-ready photos, in the layouts people
//! publish with: a plain folder, Jekyll or Hugo.
//!
//! The work is split in three: [`plan`] decides every path, name and piece of text from the
//! journal's data without touching files; [`render`] fills the (built-in or user's) minijinja
//! template; [`write`] produces the images and puts everything in place through a staging
//! folder, so a failure never leaves a half-written post and nothing outside the output
//! folder is touched. Exporting the same trip twice gives byte-identical files.

mod contain;
mod folder;
mod git;
mod images;
mod plan;
mod render;
pub mod text;
pub mod words;
mod write;

use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::sync::mpsc::Sender;

pub use git::{GitNote, GitProblem, GitReport, GitTarget, TRAILER, export_trip_to_git};
pub use plan::PostPlan;
pub use render::{BUILTIN_TEMPLATE, render_post};

use crate::model::TripId;
use crate::photos::ImportError;
use crate::store::{ReadOnlyReason, Store, StoreError};

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

/// Whether the post numbers its entries ("### 1. Keynote") in the section order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// No numbers: titles as written.
    None,
    /// 1, 2, 3… within each section; a title that starts with its own number ("1.", "一、",
    /// "(2)", "①", "Day 2:") keeps it and gets no second one.
    Section,
}

impl Numbering {
    pub fn as_str(self) -> &'static str {
        match self {
            Numbering::None => "none",
            Numbering::Section => "section",
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

/// What to export and how. Progress and cancelling are not options: they are arguments of
/// the job that runs the export ([`export_trip_with`]), so two exports with the same options
/// compare equal (the window's preview is current while its options are).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    pub out_dir: PathBuf,
    pub layout: Layout,
    pub order: Order,
    /// Numbers before the entries' titles (section order only).
    pub numbering: Numbering,
    /// The post's language for this export; `None`: the trip's (set, or told from its text).
    pub language: Option<crate::model::PostLanguage>,
    /// The post's date; `None`: the trip's first day.
    pub date: Option<chrono::NaiveDate>,
    /// A slug chosen by the user (made safe with the slug rules); it becomes the trip's slug.
    pub slug: Option<String>,
    /// Long edge of exported images, in pixels; images are never upscaled.
    pub max_width: u32,
    /// Widths to write each image at, for `srcset` (plain and Jekyll; empty: one image of
    /// `max_width`). The largest is the image's main file and replaces `max_width`.
    pub sizes: Vec<u32>,
    /// Keep the GPS position in exported JPEGs (all other metadata is always removed).
    pub keep_gps: bool,
    /// Jekyll: a dated post in `_posts` instead of a draft; Hugo: `draft: false`.
    pub publish: bool,
    /// A minijinja template to use instead of the built-in one.
    pub template: Option<String>,
    /// Put the trip's unassigned photos in a closing gallery.
    pub include_unassigned: bool,
    /// End the post with "Talks I attended": the schedule's talks marked attended or made
    /// into a session.
    pub talks_attended: bool,
    /// End the post with "To watch": the talks marked to watch their recording later.
    pub to_watch: bool,
    /// Overwrite a post that was edited since this program wrote it.
    pub force: bool,
}

impl ExportOptions {
    /// The order a post has unless the user picks another: the user's sections, like the
    /// Berlin example post (the window and the CLI both start from it).
    pub const DEFAULT_ORDER: Order = Order::Section;
    /// The long edge of exported images unless the user picks another.
    pub const DEFAULT_MAX_WIDTH: u32 = 1600;
    /// The width a phone's screen needs, the window's "for phones too" size.
    pub const PHONE_WIDTH: u32 = 800;
    /// The smallest long edge an export writes.
    pub const MIN_MAX_WIDTH: u32 = 16;

    /// Defaults: section order, 1600 px, no GPS, a draft, the built-in template, with a
    /// gallery.
    pub fn new(out_dir: impl Into<PathBuf>, layout: Layout) -> Self {
        ExportOptions {
            out_dir: out_dir.into(),
            layout,
            order: Self::DEFAULT_ORDER,
            numbering: Numbering::Section,
            language: None,
            date: None,
            slug: None,
            max_width: Self::DEFAULT_MAX_WIDTH,
            sizes: Vec::new(),
            keep_gps: false,
            publish: false,
            template: None,
            include_unassigned: true,
            talks_attended: false,
            to_watch: false,
            force: false,
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
    /// Why the journal could not record what this export wrote (it is open read-only); a later
    /// export into the same folder then treats these files as not its own.
    pub not_recorded: Option<ReadOnlyReason>,
    /// Files the previous export of this trip wrote that are no longer part of the post
    /// (a deleted photo, the old name of a post), removed.
    pub removed: Vec<PathBuf>,
    /// Such files left in place because they were changed since (or are no longer files).
    pub kept: Vec<PathBuf>,
    /// The commit, when the export went into a Git repository (`--git`).
    pub git: Option<GitReport>,
}

impl ExportReport {
    /// A Git export's report in the shape of a folder export's: the post's and images' paths
    /// are where a checkout of the branch has them in `repository`.
    pub fn committed(repository: &std::path::Path, report: GitReport) -> ExportReport {
        ExportReport {
            post: repository.join(&report.post),
            images: report
                .images
                .iter()
                .map(|image| repository.join(image))
                .collect(),
            unchanged: report.commit.is_none(),
            not_recorded: None,
            removed: Vec::new(),
            kept: Vec::new(),
            git: Some(report),
        }
    }
}

/// Why a file in the output folder may not be replaced or removed without forcing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// This trip's last export wrote it, and it was changed since.
    Edited,
    /// No export of this trip wrote it (the user's own file, or an older export's).
    NotWritten,
    /// Another trip's export wrote it.
    OtherTrip,
}

impl Conflict {
    pub fn describe(self) -> &'static str {
        match self {
            Conflict::Edited => "changed since it was exported",
            Conflict::NotWritten => "not written by this trip's export",
            Conflict::OtherTrip => "written by another trip's export",
        }
    }
}

/// A file the export would replace but may not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictingFile {
    pub path: PathBuf,
    pub reason: Conflict,
}

/// The conflicting files as one line: the first few, then a count.
pub fn list_conflicts(files: &[ConflictingFile]) -> String {
    const SHOWN: usize = 5;
    let mut parts: Vec<String> = files
        .iter()
        .take(SHOWN)
        .map(|file| format!("{} ({})", file.path.display(), file.reason.describe()))
        .collect();
    if files.len() > SHOWN {
        parts.push(format!("and {} more", files.len() - SHOWN));
    }
    parts.join(", ")
}

/// Why an export did not happen. Nothing half-written is left behind in any case.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The chosen slug has no letter or digit left once made safe.
    #[error("the slug needs letters or digits (it becomes a file name)")]
    SlugWithoutLetters,
    /// The images' long edge is below [`ExportOptions::MIN_MAX_WIDTH`].
    #[error("a maximum width of {0} pixels is too small (at least 16 pixels)")]
    MaxWidthTooSmall(u32),
    /// A path the export planned is not a plain name inside the output folder (a template or a
    /// damaged journal could ask for one); nothing is written.
    #[error("refusing to write outside the output folder: {0}")]
    OutsidePath(PathBuf),
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
        "not replacing {} file(s) in the output folder; nothing was changed: {}",
        .0.len(),
        list_conflicts(.0)
    )]
    WouldReplace(Vec<ConflictingFile>),
    #[error("refusing to write through a symbolic link in the output folder: {0}")]
    Symlink(PathBuf),
    #[error("a folder or special file is in the way of the export: {0}")]
    Blocked(PathBuf),
    #[error("another export into this folder is running; try again when it has finished: {0}")]
    Busy(PathBuf),
    #[error("the template {0}")]
    TemplateLimit(String),
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
    /// `--git`: the repository, branch or Git settings do not allow the commit.
    #[error(transparent)]
    Git(GitProblem),
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

/// Exports a trip as a blog post into `options.out_dir`, start to end (see
/// [`export_trip_with`] for an export that reports progress and can be cancelled).
pub fn export_trip(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
) -> Result<ExportReport, ExportError> {
    export_trip_with(store, trip, options, &AtomicBool::new(false), None)
}

/// Exports a trip as a job: `cancel` stops it (everything put back as it was) and `progress`
/// hears of each image written — the contract photo imports have too
/// ([`crate::photos::import_files`]).
pub fn export_trip_with(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
    cancel: &AtomicBool,
    progress: Option<&Sender<ExportEvent>>,
) -> Result<ExportReport, ExportError> {
    check_options(options)?;
    let folder = folder::OutFolder::open_locked(&options.out_dir)?;
    let plan = prepare(store, trip, options, Some(&folder))?;
    let markdown = render_post(&plan.context, options.template.as_deref(), options.layout)?;
    let job = write::Job {
        options,
        cancel,
        progress,
    };
    write::write_export(store, &folder, &plan, &markdown, &job)
}

/// The window's export job: into the folder, or with `git` as a commit in the repository
/// `options.out_dir` (its report then says so in [`ExportReport::git`]).
pub fn export_trip_to(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
    git: Option<&GitTarget>,
    cancel: &AtomicBool,
    progress: &Sender<ExportEvent>,
) -> Result<ExportReport, ExportError> {
    match git {
        Some(target) => export_trip_to_git(store, trip, options, target, cancel, Some(progress))
            .map(|report| ExportReport::committed(&options.out_dir, report)),
        None => export_trip_with(store, trip, options, cancel, Some(progress)),
    }
}

/// The post as the export would write it now, rendered without writing anything (the
/// window's preview). A folder that does not exist yet is fine.
pub fn preview_post(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
) -> Result<String, ExportError> {
    preview_with_photos(store, trip, options).map(|preview| preview.markdown)
}

/// A preview and the photo behind each image file it links to.
#[derive(Debug, Clone, PartialEq)]
pub struct PostPreview {
    pub markdown: String,
    /// Each image's file name in the post, with its photo.
    pub photos: Vec<(String, crate::model::PhotoId)>,
}

impl PostPreview {
    /// The photo an image link of the post shows (its file name ends the link).
    pub fn photo_of(&self, link: &str) -> Option<crate::model::PhotoId> {
        self.photos
            .iter()
            .find(|(file, _)| link.contains(file.as_str()))
            .map(|(_, photo)| *photo)
    }
}

/// [`preview_post`] with the photos its images come from (the window shows them).
pub fn preview_with_photos(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
) -> Result<PostPreview, ExportError> {
    check_options(options)?;
    let plan = prepare(store, trip, options, None)?;
    let markdown = render_post(&plan.context, options.template.as_deref(), options.layout)?;
    let photos = plan
        .images
        .iter()
        .map(|image| (image.file_name.clone(), image.photo.id))
        .collect();
    Ok(PostPreview { markdown, photos })
}

impl ExportOptions {
    /// Whether the export takes these options: a chosen slug needs letters or digits, images
    /// at least [`ExportOptions::MIN_MAX_WIDTH`] pixels.
    pub fn check(&self) -> Result<(), ExportError> {
        check_options(self)
    }
}

fn check_options(options: &ExportOptions) -> Result<(), ExportError> {
    if options
        .slug
        .as_ref()
        .is_some_and(|slug| text::slugify(slug).is_empty())
    {
        return Err(ExportError::SlugWithoutLetters);
    }
    let smallest = options.sizes.iter().copied().min();
    if let Some(width) = smallest.filter(|width| *width < ExportOptions::MIN_MAX_WIDTH) {
        return Err(ExportError::MaxWidthTooSmall(width));
    }
    if options.max_width < ExportOptions::MIN_MAX_WIDTH {
        return Err(ExportError::MaxWidthTooSmall(options.max_width));
    }
    Ok(())
}

/// Reads the trip and decides its post. The slug is the one the trip has in this folder, or
/// the one it kept from its first export, or one made from its name; if another trip was
/// exported into the folder under it, a number is added (`berlin-2018-2`).
fn prepare(
    store: &Store,
    trip: TripId,
    options: &ExportOptions,
    folder: Option<&folder::OutFolder>,
) -> Result<PostPlan, ExportError> {
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
    let chosen = options.slug.as_deref().map(text::slugify);
    let trip_slug = match (&chosen, &trip.fields.slug) {
        (Some(chosen), _) => chosen.clone(),
        (None, Some(slug)) => slug.clone(),
        (None, None) => plan::slug_from_name(&trip, &entries),
    };
    let out_key = match folder {
        Some(folder) => Some(folder.path().to_string_lossy().into_owned()),
        None => std::fs::canonicalize(&options.out_dir)
            .ok()
            .map(|path| path.to_string_lossy().into_owned()),
    };
    let slug = match &out_key {
        Some(out_key) => folder_slug(store, out_key, trip.id, &trip_slug)?,
        None => trip_slug.clone(),
    };
    let names = plan::PostNames { slug, trip_slug };
    Ok(plan::plan_post_with(
        &trip,
        &entries,
        &photos,
        options,
        &transparent,
        names,
        &store.schedule(trip.id)?,
    ))
}

/// Whether a folder's slug is `trip_slug` or it with a number added for the folder.
fn comes_from(slug: &str, trip_slug: &str) -> bool {
    slug == trip_slug
        || slug
            .strip_prefix(trip_slug)
            .and_then(|rest| rest.strip_prefix('-'))
            .is_some_and(|number| number.parse::<u32>().is_ok())
}

/// The trip's slug in one output folder.
fn folder_slug(
    store: &Store,
    out_key: &str,
    trip: TripId,
    trip_slug: &str,
) -> Result<String, ExportError> {
    // The folder keeps the slug it has while it still comes from the trip's ("berlin" or
    // "berlin-2"); a slug the user chose since replaces it (its old files go as stale ones do).
    if let Some(slug) = store.export_slug(out_key, trip)?
        && comes_from(&slug, trip_slug)
    {
        return Ok(slug);
    }
    let mut candidate = trip_slug.to_string();
    let mut number = 2;
    while store.slug_taken(out_key, &candidate, trip)? {
        candidate = format!("{trip_slug}-{number}");
        number += 1;
    }
    Ok(candidate)
}
