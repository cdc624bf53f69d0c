//! Batch import: worker threads decode and derive, the calling thread commits each photo whole
//! in file order, progress goes out through a channel, and a stop flag cancels.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, sync_channel};
use std::sync::{Arc, Mutex};

use super::ImportError;
use super::derive::{PhotoLimits, PreparedPhoto, prepare_photo};
use crate::model::{EntryId, PhotoId, TripId};
use crate::store::{NewPhoto, PhotoInsert, Store, hex_sha256};

/// Which files to import where.
#[derive(Debug, Clone)]
pub struct ImportRequest {
    pub trip: TripId,
    /// None: into the trip's unassigned photos.
    pub entry: Option<EntryId>,
    /// Caption given to every imported photo (may be empty).
    pub caption: String,
    pub files: Vec<PathBuf>,
    /// Worker threads; 0 means one per core.
    pub workers: usize,
    pub limits: PhotoLimits,
}

impl ImportRequest {
    pub fn new(trip: TripId, files: Vec<PathBuf>) -> Self {
        ImportRequest {
            trip,
            entry: None,
            caption: String::new(),
            files,
            workers: 0,
            limits: PhotoLimits::default(),
        }
    }
}

/// How one file ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportOutcome {
    Imported(PhotoId),
    /// The same photo was already in the trip (or earlier in this batch).
    Duplicate(PhotoId),
    /// One line for the user.
    Failed(String),
    /// The batch was cancelled before this file was stored.
    Cancelled,
}

impl ImportOutcome {
    pub fn is_failure(&self) -> bool {
        matches!(self, ImportOutcome::Failed(_))
    }
}

/// One file of a batch and how it ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileOutcome {
    pub path: PathBuf,
    pub outcome: ImportOutcome,
}

/// Progress of a batch, sent as it happens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportEvent {
    Started {
        total: usize,
    },
    FileDone {
        done: usize,
        total: usize,
        file: FileOutcome,
    },
    Finished {
        imported: usize,
        duplicates: usize,
        failed: usize,
        cancelled: usize,
    },
}

enum Work {
    Prepared(PreparedPhoto),
    KnownDuplicate(String),
    Failed(ImportError),
}

/// Imports files into a trip. Returns one outcome per file, in the order given; only a failure
/// to read the trip itself is an error of the whole batch.
pub fn import_files(
    store: &mut Store,
    request: &ImportRequest,
    cancel: &AtomicBool,
    progress: Option<&Sender<ImportEvent>>,
) -> Result<Vec<FileOutcome>, ImportError> {
    // A read-only journal refuses once, before any file is decoded.
    store.ensure_writable()?;
    store.trip(request.trip)?;
    if let Some(entry) = request.entry
        && store.entry(entry)?.trip != request.trip
    {
        return Err(ImportError::Store(crate::store::StoreError::NotFound {
            what: "entry in this trip",
            id: entry.to_string(),
        }));
    }
    let total = request.files.len();
    let send = |event: ImportEvent| {
        if let Some(sender) = progress {
            // A closed progress channel only means nobody is watching any more.
            let _ = sender.send(event);
        }
    };
    send(ImportEvent::Started { total });

    let known_hashes: Arc<HashSet<String>> =
        Arc::new(store.photo_hashes(request.trip)?.into_iter().collect());
    let workers = match request.workers {
        0 => std::thread::available_parallelism().map_or(2, |n| n.get()),
        n => n,
    }
    .clamp(1, total.max(1));
    let queue = Mutex::new(
        request
            .files
            .iter()
            .cloned()
            .enumerate()
            .collect::<Vec<_>>()
            .into_iter(),
    );
    let (result_sender, results) = sync_channel::<(usize, Work)>(workers * 2);
    let mut outcomes: Vec<Option<ImportOutcome>> = vec![None; total];

    std::thread::scope(|scope| {
        for _ in 0..workers {
            let result_sender = result_sender.clone();
            let known_hashes = Arc::clone(&known_hashes);
            let queue = &queue;
            let limits = request.limits;
            scope.spawn(move || {
                prepare_queued(queue, &known_hashes, &limits, cancel, &result_sender)
            });
        }
        drop(result_sender);
        commit_in_order(store, request, cancel, &results, &mut outcomes, &send);
    });

    let outcomes: Vec<FileOutcome> = request
        .files
        .iter()
        .zip(outcomes)
        .map(|(path, outcome)| FileOutcome {
            path: path.clone(),
            outcome: outcome.unwrap_or(ImportOutcome::Cancelled),
        })
        .collect();
    let count =
        |wanted: fn(&ImportOutcome) -> bool| outcomes.iter().filter(|f| wanted(&f.outcome)).count();
    send(ImportEvent::Finished {
        imported: count(|o| matches!(o, ImportOutcome::Imported(_))),
        duplicates: count(|o| matches!(o, ImportOutcome::Duplicate(_))),
        failed: count(|o| matches!(o, ImportOutcome::Failed(_))),
        cancelled: count(|o| matches!(o, ImportOutcome::Cancelled)),
    });
    Ok(outcomes)
}

/// A worker: prepares queued files (decode, derive, hash) until the queue is empty, the
/// import is cancelled or nobody listens any more.
fn prepare_queued(
    queue: &Mutex<std::vec::IntoIter<(usize, PathBuf)>>,
    known_hashes: &HashSet<String>,
    limits: &PhotoLimits,
    cancel: &AtomicBool,
    results: &std::sync::mpsc::SyncSender<(usize, Work)>,
) {
    while !cancel.load(Ordering::Relaxed) {
        let next = match queue.lock() {
            Ok(mut files) => files.next(),
            Err(_) => None,
        };
        let Some((index, path)) = next else { break };
        let work = prepare_file(&path, known_hashes, limits);
        if results.send((index, work)).is_err() {
            break;
        }
    }
}

/// Commits prepared files in file order, so ids and positions follow the order the user
/// chose, reporting each as it is done.
fn commit_in_order(
    store: &mut Store,
    request: &ImportRequest,
    cancel: &AtomicBool,
    results: &std::sync::mpsc::Receiver<(usize, Work)>,
    outcomes: &mut [Option<ImportOutcome>],
    send: &dyn Fn(ImportEvent),
) {
    let total = request.files.len();
    let mut waiting: BTreeMap<usize, Work> = BTreeMap::new();
    let mut next_to_commit = 0;
    for (index, work) in results.iter() {
        waiting.insert(index, work);
        while let Some(work) = waiting.remove(&next_to_commit) {
            let outcome = if cancel.load(Ordering::Relaxed) {
                ImportOutcome::Cancelled
            } else {
                commit(store, request, &request.files[next_to_commit], work)
            };
            send(ImportEvent::FileDone {
                done: next_to_commit + 1,
                total,
                file: FileOutcome {
                    path: request.files[next_to_commit].clone(),
                    outcome: outcome.clone(),
                },
            });
            outcomes[next_to_commit] = Some(outcome);
            next_to_commit += 1;
        }
    }
}

/// Imports one photo from bytes in memory (a pasted image, a generated demo photo).
pub fn import_bytes(
    store: &mut Store,
    trip: TripId,
    entry: Option<EntryId>,
    caption: &str,
    original_name: &str,
    bytes: Vec<u8>,
) -> Result<PhotoInsert, ImportError> {
    store.ensure_writable()?;
    let sha256 = hex_sha256(&bytes);
    if let Some(existing) = store.photo_with_hash(trip, &sha256)? {
        return Ok(PhotoInsert::Duplicate(existing));
    }
    let prepared = prepare_photo(bytes, original_name, &PhotoLimits::default())?;
    Ok(store.insert_photo(&new_photo(trip, entry, caption, prepared))?)
}

fn new_photo(
    trip: TripId,
    entry: Option<EntryId>,
    caption: &str,
    prepared: PreparedPhoto,
) -> NewPhoto {
    NewPhoto {
        trip,
        entry,
        caption: caption.to_string(),
        metadata: prepared.metadata,
        original: prepared.original,
        preview_jpeg: prepared.preview_jpeg,
        thumbnail_jpeg: prepared.thumbnail_jpeg,
    }
}

fn prepare_file(path: &Path, known_hashes: &HashSet<String>, limits: &PhotoLimits) -> Work {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            return Work::Failed(ImportError::Missing(path.to_path_buf()));
        }
        Err(error) => return Work::Failed(ImportError::Read(error)),
    };
    if metadata.is_dir() {
        return Work::Failed(ImportError::Read(std::io::Error::other(
            "it is a folder, not a file",
        )));
    }
    if !metadata.is_file() {
        // A pipe would block the import forever and a device like /dev/zero never ends.
        return Work::Failed(ImportError::Read(std::io::Error::other(
            "it is not a regular file (a device, pipe or socket)",
        )));
    }
    if metadata.len() > limits.max_file_bytes {
        return Work::Failed(ImportError::FileTooLarge {
            size_mb: metadata.len() / (1024 * 1024),
            limit_mb: limits.max_file_bytes / (1024 * 1024),
        });
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => return Work::Failed(ImportError::Read(error)),
    };
    let sha256 = hex_sha256(&bytes);
    if known_hashes.contains(&sha256) {
        return Work::KnownDuplicate(sha256);
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    match prepare_photo(bytes, &name, limits) {
        Ok(prepared) => Work::Prepared(prepared),
        Err(error) => Work::Failed(error),
    }
}

fn commit(store: &mut Store, request: &ImportRequest, _path: &Path, work: Work) -> ImportOutcome {
    match work {
        Work::Failed(error) => ImportOutcome::Failed(error.to_string()),
        Work::KnownDuplicate(sha256) => match store.photo_with_hash(request.trip, &sha256) {
            Ok(Some(id)) => ImportOutcome::Duplicate(id),
            Ok(None) => ImportOutcome::Failed(
                "the photo it duplicates was deleted meanwhile; import it again".into(),
            ),
            Err(error) => ImportOutcome::Failed(error.to_string()),
        },
        Work::Prepared(prepared) => {
            match store.insert_photo(&new_photo(
                request.trip,
                request.entry,
                &request.caption,
                prepared,
            )) {
                Ok(PhotoInsert::Imported(id)) => ImportOutcome::Imported(id),
                Ok(PhotoInsert::Duplicate(id)) => ImportOutcome::Duplicate(id),
                Err(error) => ImportOutcome::Failed(format!("cannot store the photo: {error}")),
            }
        }
    }
}
