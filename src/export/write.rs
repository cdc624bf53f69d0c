//! Putting an export on disk without ever leaving half of it: everything is written to a
//! staging folder inside the output folder first, then renamed into place (images first, the
//! post last). A post the user edited since tripjournal wrote it is not overwritten unless
//! forced. Nothing outside the output folder is created or changed.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::Ordering;

use super::images::{ImageJobError, web_image};
use super::plan::PostPlan;
use super::{ExportError, ExportEvent, ExportOptions, ExportReport};
use crate::store::{Store, hex_sha256};

const STAGING_PREFIX: &str = ".tripjournal-staging-";

/// A staging folder that removes itself unless it was emptied into place.
struct Staging {
    path: PathBuf,
}

impl Drop for Staging {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

fn is_plain_relative(path: &Path) -> bool {
    path.components().all(|c| matches!(c, Component::Normal(_)))
        && path.components().next().is_some()
}

pub(super) fn write_export(
    store: &Store,
    plan: &PostPlan,
    markdown: &str,
    options: &ExportOptions,
) -> Result<ExportReport, ExportError> {
    if !is_plain_relative(&plan.post_path) || !is_plain_relative(&plan.image_dir) {
        return Err(ExportError::BadOption(format!(
            "refusing to write outside the output folder: {}",
            plan.post_path.display()
        )));
    }
    let send = |event: ExportEvent| {
        if let Some(sender) = &options.progress {
            let _ = sender.send(event);
        }
    };
    let cancelled = || {
        options
            .cancel
            .as_ref()
            .is_some_and(|flag| flag.load(Ordering::Relaxed))
    };

    fs::create_dir_all(&options.out_dir)
        .map_err(|e| ExportError::io("cannot create the output folder", &options.out_dir, e))?;
    let out = fs::canonicalize(&options.out_dir)
        .map_err(|e| ExportError::io("cannot open the output folder", &options.out_dir, e))?;
    remove_stale_staging(&out);

    let post_target = out.join(&plan.post_path);
    let markdown_hash = hex_sha256(markdown.as_bytes());
    let mut post_unchanged = false;
    if post_target.is_dir() {
        return Err(ExportError::ForeignFile(post_target));
    }
    if let Ok(existing) = fs::read(&post_target) {
        let existing_hash = hex_sha256(&existing);
        if existing_hash == markdown_hash {
            post_unchanged = true;
        } else if !options.force
            && store.last_export_hash(&post_target)?.as_deref() != Some(existing_hash.as_str())
        {
            return Err(ExportError::EditedPost(post_target));
        }
    }

    let staging = Staging {
        path: out.join(format!("{STAGING_PREFIX}{}", std::process::id())),
    };
    let _ = fs::remove_dir_all(&staging.path);
    fs::create_dir(&staging.path)
        .map_err(|e| ExportError::io("cannot write to the output folder", &out, e))?;

    let total = plan.images.len();
    send(ExportEvent::Started { images: total });
    let mut staged_images = Vec::with_capacity(total);
    for (index, planned) in plan.images.iter().enumerate() {
        if cancelled() {
            return Err(ExportError::Cancelled);
        }
        let bytes =
            web_image(store, planned, options.max_width, options.keep_gps).map_err(|error| {
                match error {
                    ImageJobError::Store(store_error) => ExportError::Store(store_error),
                    ImageJobError::Image(source) => ExportError::Photo {
                        photo: planned.photo.id.0,
                        source,
                    },
                }
            })?;
        let staged = staging.path.join(format!("image-{index}"));
        fs::write(&staged, &bytes)
            .map_err(|e| ExportError::io("cannot write an image", &staged, e))?;
        staged_images.push((staged, out.join(&plan.image_dir).join(&planned.file_name)));
        send(ExportEvent::ImageWritten {
            done: index + 1,
            total,
        });
    }
    let staged_post = staging.path.join("post.md");
    fs::write(&staged_post, markdown)
        .map_err(|e| ExportError::io("cannot write the post", &staged_post, e))?;
    if cancelled() {
        return Err(ExportError::Cancelled);
    }

    // Everything is written; move it into place, the post last.
    let mut images = Vec::with_capacity(total);
    for (staged, target) in staged_images {
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| ExportError::io("cannot create the image folder", parent, e))?;
        }
        if target.is_dir() {
            return Err(ExportError::ForeignFile(target));
        }
        fs::rename(&staged, &target)
            .map_err(|e| ExportError::io("cannot move an image into place", &target, e))?;
        images.push(target);
    }
    if !post_unchanged {
        if let Some(parent) = post_target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| ExportError::io("cannot create the post's folder", parent, e))?;
        }
        fs::rename(&staged_post, &post_target)
            .map_err(|e| ExportError::io("cannot move the post into place", &post_target, e))?;
    }
    drop(staging);
    store.record_export(plan_trip_id(plan), &post_target, &markdown_hash)?;
    send(ExportEvent::Finished {
        post: post_target.clone(),
    });
    Ok(ExportReport {
        post: post_target,
        images,
        unchanged: post_unchanged,
    })
}

fn plan_trip_id(plan: &PostPlan) -> crate::model::TripId {
    crate::model::TripId(plan.trip_id)
}

/// Removes staging folders left by an export that was killed.
fn remove_stale_staging(out: &Path) {
    let Ok(entries) = fs::read_dir(out) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_string_lossy().starts_with(STAGING_PREFIX) && entry.path().is_dir() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}
