//! The one contract for long jobs: importing photos, exporting a post and importing a
//! conference schedule. Each runs on its own thread with its own connection to the journal (so
//! the journal thread keeps saving what is typed), is handed a cancel flag and a progress
//! sender as arguments — the way [`crate::photos::import_files`] and
//! [`crate::export::export_trip_with`] take them — and ends with one event. Progress reaches the
//! window as [`Event::Progress`] naming the job, and [`Command::Cancel`] names the job to stop.
//!
//! [`Command::Cancel`]: super::Command::Cancel

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Sender, channel};

use super::backend::{Event, JournalError};
use crate::photos::{FileOutcome, ImportOutcome};
use crate::store::{Store, StoreError};

/// Which long job.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JobKind {
    /// Photos imported from files.
    Import,
    /// A trip exported as a blog post.
    Export,
    /// A conference schedule read and imported into a trip.
    ScheduleImport,
}

impl JobKind {
    /// Every kind, in a fixed order.
    pub const ALL: [JobKind; 3] = [JobKind::Import, JobKind::Export, JobKind::ScheduleImport];

    pub(super) fn index(self) -> usize {
        match self {
            JobKind::Import => 0,
            JobKind::Export => 1,
            JobKind::ScheduleImport => 2,
        }
    }

    fn thread_name(self) -> &'static str {
        match self {
            JobKind::Import => "import",
            JobKind::Export => "export",
            JobKind::ScheduleImport => "schedule-import",
        }
    }
}

/// How an import ended, counted from its outcomes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportCounts {
    pub imported: usize,
    pub duplicates: usize,
    pub failed: usize,
    pub cancelled: usize,
}

impl ImportCounts {
    /// The counts of a finished import's outcomes.
    pub fn of(outcomes: &[FileOutcome]) -> ImportCounts {
        let mut counts = ImportCounts::default();
        for file in outcomes {
            match file.outcome {
                ImportOutcome::Imported(_) => counts.imported += 1,
                ImportOutcome::Duplicate(_) => counts.duplicates += 1,
                ImportOutcome::Failed(_) => counts.failed += 1,
                ImportOutcome::Cancelled => counts.cancelled += 1,
            }
        }
        counts
    }
}

/// Why a job could not start.
#[derive(Debug)]
pub enum JobStartError {
    /// Its own connection to the journal did not open.
    Journal(StoreError),
    /// Its thread could not be started.
    Thread(std::io::Error),
}

impl From<JobStartError> for JournalError {
    fn from(error: JobStartError) -> Self {
        match error {
            JobStartError::Journal(error) => JournalError::Store(error),
            JobStartError::Thread(error) => JournalError::Thread(error),
        }
    }
}

/// One cancel flag per kind of job, shared by the window's handle (which sets it at once) and
/// the jobs (which look at it between steps).
pub(super) type CancelFlags = [Arc<AtomicBool>; 3];

/// Starts jobs on the journal at `path` and sends what they report to the window.
pub(super) struct JobRunner {
    path: PathBuf,
    events: Sender<Event>,
    wake: Arc<dyn Fn() + Send + Sync>,
    cancels: CancelFlags,
}

impl JobRunner {
    pub(super) fn new(
        path: PathBuf,
        events: Sender<Event>,
        wake: Arc<dyn Fn() + Send + Sync>,
        cancels: CancelFlags,
    ) -> JobRunner {
        JobRunner {
            path,
            events,
            wake,
            cancels,
        }
    }

    fn send(&self, event: Event) {
        let _ = self.events.send(event);
        (self.wake)();
    }

    /// Runs `work` on its own thread with its own connection, its cancel flag (cleared now) and
    /// a progress sender; `progress` turns what the work reports into (done, total), and the
    /// event `work` returns is sent when it ends. When the job cannot start (no thread, or the
    /// journal does not open), the event `failed` makes of the error is sent instead.
    pub(super) fn start<P, W, F>(
        &self,
        kind: JobKind,
        progress: fn(&P) -> Option<(usize, usize)>,
        work: W,
        failed: F,
    ) where
        P: Send + 'static,
        W: FnOnce(&mut Store, &AtomicBool, &Sender<P>) -> Event + Send + 'static,
        F: Fn(JobStartError) -> Event + Clone + Send + 'static,
    {
        let cancel = Arc::clone(&self.cancels[kind.index()]);
        cancel.store(false, Ordering::Relaxed);
        let path = self.path.clone();
        let events = self.events.clone();
        let wake = Arc::clone(&self.wake);
        let failed_to_open = failed.clone();
        let spawned = std::thread::Builder::new()
            .name(kind.thread_name().into())
            .spawn(move || {
                let send = |event: Event| {
                    let _ = events.send(event);
                    wake();
                };
                let mut store = match Store::open(&path) {
                    Ok(store) => store,
                    Err(error) => return send(failed_to_open(JobStartError::Journal(error))),
                };
                let (reports, reported) = channel::<P>();
                let ended = std::thread::scope(|scope| {
                    scope.spawn(|| {
                        for report in reported {
                            if let Some((done, total)) = progress(&report) {
                                send(Event::Progress {
                                    job: kind,
                                    done,
                                    total,
                                });
                            }
                        }
                    });
                    let ended = work(&mut store, &cancel, &reports);
                    drop(reports);
                    ended
                });
                send(ended);
            });
        if let Err(error) = spawned {
            self.send(failed(JobStartError::Thread(error)));
        }
    }
}
