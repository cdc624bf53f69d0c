//! A trip watching a folder: photos that arrive there (a phone's sync folder, a cloud drive's
//! camera uploads, a card reader) are imported into the trip's unassigned photos once complete.
//!
//! The folder is looked at again every [`WatchTiming::poll`] and whenever the system reports a
//! change that matters (see `events.rs`: never the watch's own reads; network and FUSE folders
//! report none, so the timed look is what counts). A photo is imported when its size and modification time stayed
//! the same across two looks at least [`WatchTiming::settle`] apart and it opens; names sync
//! tools give files still being written are waited for (see `names.rs`), other files (videos)
//! skipped quietly. Every file handled is recorded in the journal with its size, time and
//! outcome, so a photo is offered once, even across restarts, while photos that arrived while
//! nobody watched are imported when watching resumes. The photos already in a folder when a
//! trip first watches it are a batch of their own: imported at once or offered first
//! ([`FirstBatch`]).

mod events;
mod names;
mod scan;
mod thread;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

pub use names::{NameKind, name_kind};
pub use thread::WatchThread;

use crate::model::TripId;
use crate::photos::{FileOutcome, ImportError, ImportOutcome, ImportRequest, import_files};
use crate::store::{SeenFile, SeenOutcome, Store, StoreError};
use scan::{Found, FoundKind, Settle, scan};

/// Why a folder cannot be watched (or no longer can).
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("the folder does not exist: {0}")]
    Missing(PathBuf),
    #[error("not a folder: {0}")]
    NotAFolder(PathBuf),
    #[error("cannot read the folder ({source}): {path}")]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the folder's path is not valid Unicode: {0}")]
    NotUnicode(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
}

/// How often the folder is looked at, and how long a file must stay unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WatchTiming {
    pub poll: Duration,
    pub settle: Duration,
}

impl Default for WatchTiming {
    fn default() -> Self {
        WatchTiming {
            poll: Duration::from_secs(2),
            settle: Duration::from_secs(1),
        }
    }
}

/// What happens to the photos already in a folder the first time a trip watches it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstBatch {
    /// They are imported like new ones (the CLI).
    Import,
    /// [`WatchEvent::FirstBatch`] asks; nothing of them is imported before the answer (the
    /// window). Unanswered, the question comes again next time.
    Ask,
}

/// A trip watching a folder.
#[derive(Debug, Clone)]
pub struct WatchSpec {
    pub trip: TripId,
    pub folder: PathBuf,
    pub first_batch: FirstBatch,
    pub timing: WatchTiming,
    /// Import worker threads; 0 means one per core.
    pub workers: usize,
}

impl WatchSpec {
    pub fn new(trip: TripId, folder: PathBuf, first_batch: FirstBatch) -> WatchSpec {
        WatchSpec {
            trip,
            folder,
            first_batch,
            timing: WatchTiming::default(),
            workers: 0,
        }
    }
}

/// What a watch reports.
#[derive(Debug)]
pub enum WatchEvent {
    /// Watching began; `folder` is its canonical path.
    Started { folder: PathBuf },
    /// Photos were already in the folder the first time (with [`FirstBatch::Ask`]): answer
    /// with [`Control::ImportFirstBatch`] or [`Control::DeclineFirstBatch`].
    FirstBatch { count: usize },
    /// A photo was handled (imported, a duplicate, or failed).
    File(FileOutcome),
    /// The folder cannot be read (removed, unmounted); it is looked for again.
    FolderLost(WatchError),
    /// The folder is back after [`WatchEvent::FolderLost`].
    FolderBack,
    /// The watch ended (a watch thread only): stopped, or why it could not go on.
    Ended(Option<WatchError>),
}

/// What a running watch is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// Something changed in the folder: look now.
    Changed,
    ImportFirstBatch,
    /// The first batch is recorded as seen and never imported.
    DeclineFirstBatch,
}

/// The canonical path of a folder to watch and its text as stored in the journal.
pub fn watch_folder_key(folder: &Path) -> Result<(PathBuf, String), WatchError> {
    let canonical = std::fs::canonicalize(folder).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => WatchError::Missing(folder.to_path_buf()),
        _ => WatchError::Read {
            path: folder.to_path_buf(),
            source,
        },
    })?;
    if !canonical.is_dir() {
        return Err(WatchError::NotAFolder(folder.to_path_buf()));
    }
    let key = canonical
        .to_str()
        .ok_or_else(|| WatchError::NotUnicode(folder.to_path_buf()))?
        .to_string();
    Ok((canonical, key))
}

/// Watches `spec.folder` for `spec.trip` until `stop` is set, importing complete photos and
/// reporting through `report`. `inbox` receives [`Control`]s (its sender is what
/// [`Control::Changed`] wakes it with). A folder that cannot be watched at all is an error
/// before anything is imported; a folder that goes away later is only reported.
pub fn run_watch(
    store: &mut Store,
    spec: &WatchSpec,
    inbox: (Sender<Control>, Receiver<Control>),
    stop: &AtomicBool,
    report: &mut dyn FnMut(WatchEvent),
) -> Result<(), WatchError> {
    let (folder, key) = watch_folder_key(&spec.folder)?;
    store.trip(spec.trip)?;
    let pending = store.add_watch_folder(spec.trip, &key)?;
    let (sender, controls) = inbox;
    // Without system events (a limit reached, an odd file system) the rescan still finds all.
    let _events = events::live_events(&folder, sender);
    let mut watch = Watch {
        seen: store.seen_files(spec.trip, &key)?,
        store,
        spec,
        folder,
        key,
        held: None,
        settle: Settle::new(spec.timing.settle),
        lost: false,
    };
    report(WatchEvent::Started {
        folder: watch.folder.clone(),
    });
    if pending {
        watch.begin(report)?;
    }
    watch.run(&controls, stop, report)
}

/// The longest the loop waits before it looks at the stop flag again.
const STOP_CHECK: Duration = Duration::from_millis(100);

/// Photos imported together (in parallel); the stop flag is looked at between batches.
const BATCH: usize = 8;

struct Watch<'a> {
    store: &'a mut Store,
    spec: &'a WatchSpec,
    folder: PathBuf,
    key: String,
    seen: std::collections::HashMap<String, SeenFile>,
    /// The first batch's paths while the question is open.
    held: Option<Vec<String>>,
    settle: Settle,
    lost: bool,
}

impl Watch<'_> {
    /// The first time on this folder: the photos already there are imported or asked about.
    fn begin(&mut self, report: &mut dyn FnMut(WatchEvent)) -> Result<(), WatchError> {
        let already = self.unseen(self.look()?);
        if already.is_empty() || self.spec.first_batch == FirstBatch::Import {
            self.store
                .finish_watch_baseline(self.spec.trip, &self.key)?;
            return Ok(());
        }
        report(WatchEvent::FirstBatch {
            count: already.len(),
        });
        self.held = Some(already.into_iter().map(|f| f.file.rel_path).collect());
        Ok(())
    }

    fn run(
        &mut self,
        controls: &Receiver<Control>,
        stop: &AtomicBool,
        report: &mut dyn FnMut(WatchEvent),
    ) -> Result<(), WatchError> {
        let mut next_look = Instant::now();
        while !stop.load(Ordering::Relaxed) {
            let wait = next_look
                .saturating_duration_since(Instant::now())
                .min(STOP_CHECK);
            match controls.recv_timeout(wait) {
                Ok(Control::Changed) => next_look = Instant::now(),
                Ok(answer) => {
                    self.answer(answer)?;
                    next_look = Instant::now();
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {}
            }
            if Instant::now() < next_look {
                continue;
            }
            self.step(stop, report)?;
            let poll = Instant::now() + self.spec.timing.poll;
            next_look = self
                .settle
                .next_due(Instant::now())
                .map_or(poll, |due| due.min(poll));
        }
        Ok(())
    }

    /// One look: imports what is complete.
    fn step(
        &mut self,
        stop: &AtomicBool,
        report: &mut dyn FnMut(WatchEvent),
    ) -> Result<(), WatchError> {
        let found = match self.look() {
            Ok(found) => found,
            Err(error) => {
                if !self.lost {
                    self.lost = true;
                    report(WatchEvent::FolderLost(error));
                }
                return Ok(());
            }
        };
        if std::mem::take(&mut self.lost) {
            report(WatchEvent::FolderBack);
        }
        let held = self.held.as_deref().unwrap_or_default();
        let candidates = self
            .unseen(found)
            .into_iter()
            .filter(|f| !held.contains(&f.file.rel_path))
            .collect();
        let ready = self.settle.complete(candidates, Instant::now());
        for batch in ready.chunks(BATCH) {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            self.import(batch, stop, report)?;
        }
        Ok(())
    }

    fn look(&self) -> Result<Vec<Found>, WatchError> {
        if !self.folder.is_dir() {
            return Err(WatchError::Missing(self.folder.clone()));
        }
        scan(&self.folder).map_err(|source| WatchError::Read {
            path: self.folder.clone(),
            source,
        })
    }

    /// The photos not handled yet as they are now.
    fn unseen(&self, found: Vec<Found>) -> Vec<Found> {
        found
            .into_iter()
            .filter(|f| self.seen.get(&f.file.rel_path) != Some(&f.file))
            .collect()
    }

    fn answer(&mut self, answer: Control) -> Result<(), WatchError> {
        let Some(held) = self.held.take() else {
            return Ok(());
        };
        if answer == Control::DeclineFirstBatch {
            let declined: Vec<SeenFile> = self
                .look()?
                .into_iter()
                .map(|f| f.file)
                .filter(|file| held.contains(&file.rel_path))
                .collect();
            self.store
                .decline_watch_baseline(self.spec.trip, &self.key, &declined)?;
            for file in declined {
                self.seen.insert(file.rel_path.clone(), file);
            }
            return Ok(());
        }
        Ok(self
            .store
            .finish_watch_baseline(self.spec.trip, &self.key)?)
    }

    /// Imports complete photos into the trip's unassigned photos and records each.
    fn import(
        &mut self,
        batch: &[Found],
        stop: &AtomicBool,
        report: &mut dyn FnMut(WatchEvent),
    ) -> Result<(), WatchError> {
        let (links, files): (Vec<&Found>, Vec<&Found>) =
            batch.iter().partition(|f| f.kind == FoundKind::Link);
        let mut request = ImportRequest::new(
            self.spec.trip,
            files.iter().map(|f| f.path.clone()).collect(),
        );
        request.workers = self.spec.workers;
        let refused: Vec<FileOutcome> = links
            .iter()
            .map(|link| FileOutcome {
                path: link.path.clone(),
                outcome: ImportOutcome::Failed(LINK_REFUSED.to_owned()),
            })
            .collect();
        let outcomes = import_files(self.store, &request, stop, None)?;
        let handled = files
            .into_iter()
            .zip(outcomes)
            .chain(links.into_iter().zip(refused));
        for (found, outcome) in handled {
            let seen = match &outcome.outcome {
                ImportOutcome::Imported(id) => SeenOutcome::Imported(*id),
                ImportOutcome::Duplicate(id) => SeenOutcome::Duplicate(*id),
                ImportOutcome::Failed(reason) => SeenOutcome::Failed(reason.clone()),
                // Not stored: it is imported when watching resumes.
                ImportOutcome::Cancelled => continue,
            };
            self.store
                .record_seen(self.spec.trip, &self.key, &found.file, &seen)?;
            self.seen
                .insert(found.file.rel_path.clone(), found.file.clone());
            report(WatchEvent::File(outcome));
        }
        Ok(())
    }
}

/// Why a photo-named link in a watched folder is not imported.
const LINK_REFUSED: &str = "it is a symbolic link; a watched folder imports only the files in it (add its target with photo add)";

/// A channel for [`run_watch`]'s inbox.
pub fn inbox() -> (Sender<Control>, Receiver<Control>) {
    channel()
}

#[cfg(test)]
mod tests;
