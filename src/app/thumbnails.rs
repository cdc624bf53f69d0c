//! Decoding stored thumbnails and previews to RGBA on worker threads, newest request first.

use std::collections::VecDeque;
use std::path::Path;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};

use crate::model::PhotoId;
use crate::store::{PhotoBytes, Store};

/// Pixels ready for a texture.
#[derive(Debug, Clone)]
pub struct DecodedImage {
    pub photo: PhotoId,
    /// Thumbnail (256 px) or preview (1600 px).
    pub large: bool,
    pub width: u32,
    pub height: u32,
    /// RGBA, row-major.
    pub rgba: Vec<u8>,
}

struct Queue {
    jobs: Mutex<(VecDeque<(PhotoId, bool)>, bool)>,
    ready: Condvar,
}

/// A few threads, each with its own journal connection, that decode on request.
pub struct ThumbnailPool {
    queue: Arc<Queue>,
    results: Receiver<Result<DecodedImage, (PhotoId, ThumbnailError)>>,
}

impl ThumbnailPool {
    /// Starts `threads` decoders on the journal at `path`.
    pub fn start(path: &Path, threads: usize, wake: Arc<dyn Fn() + Send + Sync>) -> ThumbnailPool {
        let queue = Arc::new(Queue {
            jobs: Mutex::new((VecDeque::new(), false)),
            ready: Condvar::new(),
        });
        let (sender, results) = channel();
        for index in 0..threads.max(1) {
            let queue = Arc::clone(&queue);
            let sender: Sender<_> = sender.clone();
            let path = path.to_path_buf();
            let wake = Arc::clone(&wake);
            let _ = std::thread::Builder::new()
                .name(format!("thumbnails-{index}"))
                .spawn(move || {
                    let Ok(store) = Store::open(&path) else {
                        return;
                    };
                    while let Some((photo, large)) = next_job(&queue) {
                        let result =
                            decode(&store, photo, large).map_err(|message| (photo, message));
                        if sender.send(result).is_err() {
                            return;
                        }
                        wake();
                    }
                });
        }
        ThumbnailPool { queue, results }
    }

    /// Asks for a photo's thumbnail (or large preview). Later requests are served first, so
    /// what the user scrolled to now comes before what scrolled past.
    pub fn request(&self, photo: PhotoId, large: bool) {
        if let Ok(mut jobs) = self.queue.jobs.lock() {
            jobs.0.retain(|job| *job != (photo, large));
            jobs.0.push_front((photo, large));
            // Old requests for rows long gone are not worth decoding.
            jobs.0.truncate(256);
        }
        self.queue.ready.notify_one();
    }

    /// Finished decodes, or (photo, error) pairs.
    pub fn try_result(&self) -> Option<Result<DecodedImage, (PhotoId, ThumbnailError)>> {
        self.results.try_recv().ok()
    }
}

impl Drop for ThumbnailPool {
    fn drop(&mut self) {
        if let Ok(mut jobs) = self.queue.jobs.lock() {
            jobs.1 = true;
        }
        self.queue.ready.notify_all();
    }
}

fn next_job(queue: &Queue) -> Option<(PhotoId, bool)> {
    let mut jobs = queue.jobs.lock().ok()?;
    loop {
        if jobs.1 {
            return None;
        }
        if let Some(job) = jobs.0.pop_front() {
            return Some(job);
        }
        jobs = queue.ready.wait(jobs).ok()?;
    }
}

/// Why a thumbnail or preview could not be shown.
#[derive(Debug, thiserror::Error)]
pub enum ThumbnailError {
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    #[error("the stored preview cannot be decoded: {0}")]
    Decode(#[from] image::ImageError),
}

fn decode(store: &Store, photo: PhotoId, large: bool) -> Result<DecodedImage, ThumbnailError> {
    let which = if large {
        PhotoBytes::Preview
    } else {
        PhotoBytes::Thumbnail
    };
    let bytes = store.photo_bytes(photo, which)?;
    let image = image::load_from_memory_with_format(&bytes, image::ImageFormat::Jpeg)?.into_rgba8();
    Ok(DecodedImage {
        photo,
        large,
        width: image.width(),
        height: image.height(),
        rgba: image.into_raw(),
    })
}
