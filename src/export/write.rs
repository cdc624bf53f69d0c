//! Putting an export on disk as one transaction. Under the output folder's lock:
//! 1. every file the export would write, replace or remove is looked at first: a link on the
//!    way is refused, and a file that this trip's last export did not write (or that changed
//!    since) is never replaced or removed unless forced — the error lists them all;
//! 2. the images and the post are written to a staging folder inside the output folder;
//! 3. they are moved into place, each replaced file and each stale one (written by the last
//!    export, no longer part of the post) moved into the staging folder first, so that any
//!    failure puts every file back as it was;
//! 4. the files written are recorded in the journal, then the staging folder is removed.
//!    A journal opened read-only cannot record them: the export still happens, and its report
//!    says it was not recorded (a later export into the folder then sees them as not its own).
//!
//! A file whose bytes are already the ones to write is left untouched.

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;

use super::folder::{self, Dir, Existing, OutFolder};
use super::images::{ImageJobError, web_image};
use super::plan::PostPlan;
use super::{
    Conflict, ConflictingFile, ExportError, ExportEvent, ExportOptions, ExportReport, Layout,
};
use crate::model::TripId;
use crate::store::{ExportRecord, Store, hex_sha256};

/// What the export's caller gave it: the options, a flag that cancels it and where its
/// progress goes.
pub(super) struct Job<'a> {
    pub options: &'a ExportOptions,
    pub cancel: &'a AtomicBool,
    pub progress: Option<&'a Sender<ExportEvent>>,
}

impl Job<'_> {
    fn send(&self, event: ExportEvent) {
        if let Some(sender) = self.progress {
            let _ = sender.send(event);
        }
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// One file of the export: where it goes (relative, `/`-separated) and what is there now.
struct Target {
    relative: String,
    /// The SHA-256 of the file there now, if there is one.
    existing_hash: Option<String>,
}

/// What the checks decided before anything is written.
struct Decision {
    targets: Vec<Target>,
    /// Stale files to remove (written by the last export, unchanged or forced).
    remove: Vec<String>,
    /// Stale files left in place because they changed or are not plain files, with the hash
    /// recorded for them (they stay recorded, so a later forced export can remove them).
    keep: Vec<(String, String)>,
}

/// The hash of every file of the export, and the undo log of the commit.
type Committed = (BTreeMap<String, String>, Vec<Undo>);

/// Why the commit failed, and whether every file it had touched is back as it was.
type Failure = (ExportError, bool);

/// One step of the commit, undone in reverse order if a later step fails.
enum Undo {
    CreatedDir(PathBuf),
    Placed {
        relative: String,
        backup: Option<OsString>,
    },
    Removed {
        relative: String,
        backup: OsString,
    },
}

/// The relative path of the post and of each image, in a stable `/`-separated form.
fn relative_text(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

pub(super) fn write_export(
    store: &Store,
    folder: &OutFolder,
    plan: &PostPlan,
    markdown: &str,
    job: &Job<'_>,
) -> Result<ExportReport, ExportError> {
    let options = job.options;
    let out_key = folder.path().to_string_lossy().into_owned();
    let trip = TripId(plan.trip_id);
    let post_relative = relative_text(&plan.post_path);
    let mut wanted = vec![post_relative.clone()];
    for image in &plan.images {
        wanted.push(relative_text(&plan.image_dir.join(&image.file_name)));
    }
    let decision = decide(store, folder, &out_key, trip, &wanted, options.force)?;

    let (staging, staging_name) = folder.make_staging()?;
    let result = stage_and_commit(store, folder, plan, markdown, job, &decision, &staging)
        .and_then(|(mut hashes, undo)| {
            hashes.extend(decision.keep.iter().cloned());
            let record = ExportRecord {
                out_dir: &out_key,
                trip,
                slug: &plan.slug,
                trip_slug: &plan.trip_slug,
                layout: options.layout.as_str(),
                files: &hashes,
            };
            // A read-only journal cannot remember the export; the report says so.
            let recorded = if store.is_read_only() {
                Ok(())
            } else {
                store.record_export(&record)
            };
            match recorded {
                Ok(()) => Ok(hashes),
                Err(error) => Err((ExportError::Store(error), roll_back(folder, &staging, undo))),
            }
        });
    // Files that could not be put back stay in the staging folder rather than being lost.
    if !matches!(result, Err((_, false))) {
        folder.remove_staging(&staging_name);
    }
    drop(staging);
    let result = result.map_err(|(error, _)| error);
    let hashes = result?;
    for relative in &decision.remove {
        remove_empty_parents(folder, Path::new(relative), options.layout);
    }
    let post = folder.absolute(&plan.post_path);
    let unchanged = decision.targets[0].existing_hash.as_deref()
        == hashes.get(&post_relative).map(String::as_str);
    job.send(ExportEvent::Finished { post: post.clone() });
    Ok(ExportReport {
        post,
        images: wanted[1..]
            .iter()
            .map(|r| folder.absolute(Path::new(r)))
            .collect(),
        unchanged,
        not_recorded: store.read_only_reason(),
        removed: decision
            .remove
            .iter()
            .map(|r| folder.absolute(Path::new(r)))
            .collect(),
        kept: decision
            .keep
            .iter()
            .map(|(r, _)| folder.absolute(Path::new(r)))
            .collect(),
        git: None,
    })
}

/// Looks at every file the export touches and decides, or refuses with the full list.
fn decide(
    store: &Store,
    folder: &OutFolder,
    out_key: &str,
    trip: TripId,
    wanted: &[String],
    force: bool,
) -> Result<Decision, ExportError> {
    let previous = store.exported_files(out_key, trip)?;
    let legacy_post = legacy_post_text(store, folder, &wanted[0])?;
    let mut conflicts = Vec::new();
    let mut targets = Vec::with_capacity(wanted.len());
    for relative in wanted {
        let absolute = folder.absolute(Path::new(relative));
        let existing_hash = match folder.existing(Path::new(relative))? {
            Existing::Missing => None,
            Existing::Symlink => return Err(ExportError::Symlink(absolute)),
            Existing::Folder | Existing::Special => return Err(ExportError::Blocked(absolute)),
            Existing::File(bytes) => Some(hex_sha256(&bytes)),
        };
        if let Some(hash) = &existing_hash {
            let file_name = relative.rsplit('/').next().unwrap_or(relative);
            let adopted = legacy_post.as_deref().is_some_and(|post| {
                relative == &wanted[0]
                    || post.contains(&format!("/{file_name}"))
                    || post.contains(&format!("({file_name})"))
            });
            let conflict = match (
                previous.get(relative),
                store.exported_file(out_key, relative)?,
            ) {
                (Some(recorded), _) if recorded == hash => None,
                (Some(_), _) => Some(Conflict::Edited),
                (None, Some(owner)) if owner.trip != trip => Some(Conflict::OtherTrip),
                (None, _) if adopted => None,
                (None, _) => Some(Conflict::NotWritten),
            };
            if let Some(reason) = conflict {
                conflicts.push(ConflictingFile {
                    path: absolute,
                    reason,
                });
            }
        }
        targets.push(Target {
            relative: relative.clone(),
            existing_hash,
        });
    }
    if !conflicts.is_empty() && !force {
        return Err(ExportError::WouldReplace(conflicts));
    }
    let wanted_set: BTreeSet<&String> = wanted.iter().collect();
    let (mut remove, mut keep) = (Vec::new(), Vec::new());
    for (relative, recorded) in &previous {
        if wanted_set.contains(relative) {
            continue;
        }
        match folder.existing(Path::new(relative)) {
            Ok(Existing::Missing) => {}
            Ok(Existing::File(bytes)) if force || hex_sha256(&bytes) == *recorded => {
                remove.push(relative.clone())
            }
            _ => keep.push((relative.clone(), recorded.clone())),
        }
    }
    Ok(Decision {
        targets,
        remove,
        keep,
    })
}

/// The text of a post that a tripjournal older than the export manifest wrote (and nobody
/// changed since): its images are recognised as this export's own by their names in it.
fn legacy_post_text(
    store: &Store,
    folder: &OutFolder,
    post_relative: &str,
) -> Result<Option<String>, ExportError> {
    let Existing::File(bytes) = folder.existing(Path::new(post_relative))? else {
        return Ok(None);
    };
    let absolute = folder.absolute(Path::new(post_relative));
    let recorded = store.legacy_post_hash(&absolute.to_string_lossy())?;
    Ok((recorded.as_deref() == Some(hex_sha256(&bytes).as_str()))
        .then(|| String::from_utf8_lossy(&bytes).into_owned()))
}

/// Writes every file into the staging folder, then moves them into place. Returns the hash of
/// every file of the export and the undo log of the commit.
fn stage_and_commit(
    store: &Store,
    folder: &OutFolder,
    plan: &PostPlan,
    markdown: &str,
    job: &Job<'_>,
    decision: &Decision,
    staging: &Dir,
) -> Result<Committed, Failure> {
    let staged = stage(store, folder, plan, markdown, job, staging).map_err(|e| (e, true))?;
    if job.cancelled() {
        return Err((ExportError::Cancelled, true));
    }
    let mut undo = Vec::new();
    let mut hashes = BTreeMap::new();
    let mut step = || -> Result<(), ExportError> {
        for (index, (target, hash)) in decision.targets.iter().zip(&staged).enumerate() {
            hashes.insert(target.relative.clone(), hash.clone());
            if target.existing_hash.as_ref() == Some(hash) {
                continue;
            }
            let staged_name = OsString::from(format!("file-{index}"));
            let backup = target
                .existing_hash
                .as_ref()
                .map(|_| OsString::from(format!("old-{index}")));
            place(
                folder,
                staging,
                &target.relative,
                &staged_name,
                backup,
                &mut undo,
            )?;
        }
        for (index, relative) in decision.remove.iter().enumerate() {
            let backup = OsString::from(format!("removed-{index}"));
            let (dir, name) = parent(folder, relative, None)?;
            folder::rename(&dir, name.as_os_str(), staging, &backup).map_err(|e| {
                ExportError::io(
                    "cannot remove an old file",
                    folder.absolute(Path::new(relative)),
                    e,
                )
            })?;
            undo.push(Undo::Removed {
                relative: relative.clone(),
                backup,
            });
        }
        Ok(())
    };
    match step() {
        Ok(()) => Ok((hashes, undo)),
        Err(error) => Err((error, roll_back(folder, staging, undo))),
    }
}

/// Writes the images (reporting progress, honouring cancel) and the post into the staging
/// folder as `file-N`, in the order of the targets. Returns each file's SHA-256.
fn stage(
    store: &Store,
    folder: &OutFolder,
    plan: &PostPlan,
    markdown: &str,
    job: &Job<'_>,
    staging: &Dir,
) -> Result<Vec<String>, ExportError> {
    let options = job.options;
    let write = |index: usize, bytes: &[u8]| {
        folder::create_file(staging, &OsString::from(format!("file-{index}")), bytes)
            .map_err(|e| ExportError::io("cannot write to the output folder", folder.path(), e))
    };
    let total = plan.images.len();
    job.send(ExportEvent::Started { images: total });
    let mut hashes = vec![hex_sha256(markdown.as_bytes())];
    write(0, markdown.as_bytes())?;
    for (index, planned) in plan.images.iter().enumerate() {
        if job.cancelled() {
            return Err(ExportError::Cancelled);
        }
        let bytes = export_image(store, planned, options)?;
        write(index + 1, &bytes)?;
        hashes.push(hex_sha256(&bytes));
        job.send(ExportEvent::ImageWritten {
            done: index + 1,
            total,
        });
    }
    Ok(hashes)
}

/// One photo as the export writes it (resized, re-encoded, metadata removed).
pub(super) fn export_image(
    store: &Store,
    planned: &super::plan::PlannedImage,
    options: &super::ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    web_image(store, planned, planned.max_width, options.keep_gps).map_err(|error| match error {
        ImageJobError::Store(store_error) => ExportError::Store(store_error),
        ImageJobError::Image(source) => ExportError::Photo {
            photo: planned.photo.id.0,
            source,
        },
    })
}

/// The folder handle and last name of a relative path (creating folders when `created` is
/// given). A folder that vanished meanwhile is an error.
fn parent(
    folder: &OutFolder,
    relative: &str,
    created: Option<&mut Vec<PathBuf>>,
) -> Result<(Dir, OsString), ExportError> {
    match folder.parent_of(Path::new(relative), created)? {
        Some((dir, name)) => Ok((dir, name.to_os_string())),
        None => Err(ExportError::io(
            "a folder disappeared during the export",
            folder.absolute(Path::new(relative)),
            std::io::ErrorKind::NotFound.into(),
        )),
    }
}

/// Moves one staged file into place, the file it replaces into the staging folder first.
fn place(
    folder: &OutFolder,
    staging: &Dir,
    relative: &str,
    staged_name: &OsString,
    backup: Option<OsString>,
    undo: &mut Vec<Undo>,
) -> Result<(), ExportError> {
    let mut created = Vec::new();
    let result = parent(folder, relative, Some(&mut created));
    undo.extend(created.into_iter().map(Undo::CreatedDir));
    let (dir, name) = result?;
    let absolute = folder.absolute(Path::new(relative));
    if let Some(backup) = &backup {
        folder::rename(&dir, &name, staging, backup)
            .map_err(|e| ExportError::io("cannot replace a file", &absolute, e))?;
    }
    if let Err(error) = folder::rename(staging, staged_name, &dir, &name) {
        if let Some(backup) = &backup {
            let _ = folder::rename(staging, backup, &dir, &name);
        }
        return Err(ExportError::io(
            "cannot move a file into place",
            &absolute,
            error,
        ));
    }
    undo.push(Undo::Placed {
        relative: relative.to_string(),
        backup,
    });
    Ok(())
}

/// Puts every file back as it was before the commit started. Each step is a rename inside
/// one folder tree, so it only fails if the folder itself is taken away; returns whether
/// every replaced or removed file is back.
fn roll_back(folder: &OutFolder, staging: &Dir, undo: Vec<Undo>) -> bool {
    let mut all_back = true;
    for step in undo.into_iter().rev() {
        let (relative, restored) = match step {
            Undo::Placed { relative, backup } => {
                let restored = folder
                    .parent_of(Path::new(&relative), None)
                    .ok()
                    .flatten()
                    .map(|(dir, name)| match backup {
                        Some(backup) => folder::rename(staging, &backup, &dir, name).is_ok(),
                        // A new file that stays is not a loss; only old copies matter here.
                        None => {
                            let _ = folder::remove_file(&dir, name);
                            true
                        }
                    });
                (relative, restored)
            }
            Undo::Removed { relative, backup } => {
                let restored = folder
                    .parent_of(Path::new(&relative), None)
                    .ok()
                    .flatten()
                    .map(|(dir, name)| folder::rename(staging, &backup, &dir, name).is_ok());
                (relative, restored)
            }
            Undo::CreatedDir(relative) => {
                if let Ok(Some((dir, name))) = folder.parent_of(&relative, None) {
                    let _ = folder::remove_dir(&dir, name);
                }
                continue;
            }
        };
        if restored != Some(true) {
            all_back = false;
            eprintln!(
                "warning: could not put back {}; its old copy is kept in the staging folder",
                folder.absolute(Path::new(&relative)).display()
            );
        }
    }
    all_back
}

/// After a stale file is removed, removes the folders it leaves empty, up to the layout's own
/// folders (`images`, `_posts`, `content/posts`…), which stay.
fn remove_empty_parents(folder: &OutFolder, relative: &Path, layout: Layout) {
    let kept: &[&str] = match layout {
        Layout::Plain => &["images"],
        Layout::Jekyll => &["_posts", "_drafts", "assets", "assets/images"],
        Layout::Hugo => &["content", "content/posts"],
    };
    let mut current = relative.parent();
    while let Some(dir) = current {
        let text = relative_text(dir);
        if text.is_empty() || kept.contains(&text.as_str()) {
            break;
        }
        match folder.parent_of(dir, None) {
            Ok(Some((parent, name))) if folder::remove_dir(&parent, name).is_ok() => {}
            _ => break,
        }
        current = dir.parent();
    }
}
