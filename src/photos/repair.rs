//! Rebuilding a photo's preview and thumbnail from its stored original, for
//! `tripjournal check --repair` after `check` found them missing or damaged.

use crate::model::PhotoId;
use crate::store::{PhotoBytes, Store};

use super::{ImportError, PhotoLimits, prepare_photo};

/// Rebuilds the derivatives of each photo; one result per photo, in the order given. The
/// original is never changed.
pub fn rebuild_derivatives(
    store: &Store,
    photos: &[PhotoId],
) -> Vec<(PhotoId, Result<(), ImportError>)> {
    photos
        .iter()
        .map(|&id| (id, rebuild_one(store, id)))
        .collect()
}

fn rebuild_one(store: &Store, id: PhotoId) -> Result<(), ImportError> {
    let photo = store.photo(id)?;
    let original = store.photo_bytes(id, PhotoBytes::Original)?;
    let prepared = prepare_photo(
        original,
        &photo.metadata.original_name,
        &PhotoLimits::default(),
    )?;
    store.replace_derivatives(id, &prepared.preview_jpeg, &prepared.thumbnail_jpeg)?;
    Ok(())
}
