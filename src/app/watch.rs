//! The window's watched folders: one watch thread per trip that has the setting, started when
//! the journal opens (or the setting is made) and stopped when it is cleared; what each has
//! reported so far (photos arrived, the first batch waiting for an answer, a folder that went
//! away), for the window to show.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::model::TripId;
use crate::photos::ImportOutcome;
use crate::store::WatchSetting;
use crate::watch::{Control, FirstBatch, WatchEvent, WatchSpec, WatchThread};

/// One trip's running watch and what it reported.
pub struct TripWatch {
    thread: WatchThread,
    /// Photos imported since watching began in this session.
    pub arrived: usize,
    /// Photos already in the folder, waiting for "import them?".
    pub first_batch: Option<usize>,
    /// Why the folder cannot be read now (cleared when it is back).
    pub problem: Option<WatchProblem>,
}

/// Why a watched folder is not being watched now; the front end words it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WatchProblem {
    /// The folder went away or cannot be read (the error's text); watching resumes when it
    /// is back.
    FolderLost(String),
    /// Watching ended, with the error that ended it when there was one.
    Stopped(Option<String>),
}

impl TripWatch {
    /// The watched folder.
    pub fn folder(&self) -> &Path {
        &self.thread.spec().folder
    }

    /// The folder's last name, as the window shows it.
    pub fn folder_name(&self) -> String {
        let folder = self.folder();
        folder.file_name().map_or_else(
            || folder.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    }

    fn take_event(&mut self, event: WatchEvent) {
        match event {
            WatchEvent::Started { .. } | WatchEvent::FolderBack => self.problem = None,
            WatchEvent::FirstBatch { count } => self.first_batch = Some(count),
            WatchEvent::File(file) => {
                if matches!(file.outcome, ImportOutcome::Imported(_)) {
                    self.arrived += 1;
                }
            }
            WatchEvent::FolderLost(error) => {
                self.problem = Some(WatchProblem::FolderLost(error.to_string()));
            }
            WatchEvent::Ended(error) => {
                let error = error.map(|error| error.to_string());
                self.problem = Some(WatchProblem::Stopped(error));
            }
        }
    }
}

/// The running watches of a journal, by trip.
#[derive(Default)]
pub struct Watches {
    running: HashMap<TripId, TripWatch>,
}

impl Watches {
    /// Starts the watches `settings` name that are not running and stops the others.
    /// Returns the watches that could not start, with why.
    pub fn apply(
        &mut self,
        settings: &[WatchSetting],
        journal: &Path,
        wake: &Arc<dyn Fn() + Send + Sync>,
    ) -> Vec<(TripId, std::io::Error)> {
        let wanted: HashMap<TripId, PathBuf> = settings
            .iter()
            .map(|setting| (setting.trip, PathBuf::from(&setting.folder)))
            .collect();
        self.running.retain(|trip, watch| {
            wanted
                .get(trip)
                .is_some_and(|folder| watch.folder() == folder)
        });
        let mut failed = Vec::new();
        for (trip, folder) in wanted {
            if self.running.contains_key(&trip) {
                continue;
            }
            let spec = WatchSpec::new(trip, folder, FirstBatch::Ask);
            match WatchThread::spawn(journal.to_path_buf(), spec, Arc::clone(wake)) {
                Ok(thread) => {
                    let watch = TripWatch {
                        thread,
                        arrived: 0,
                        first_batch: None,
                        problem: None,
                    };
                    self.running.insert(trip, watch);
                }
                Err(error) => failed.push((trip, error)),
            }
        }
        failed
    }

    /// Stops every watch (another journal is opened).
    pub fn stop_all(&mut self) {
        self.running.clear();
    }

    /// Takes what the watches reported (the photos themselves reach the window as changes
    /// made elsewhere).
    pub fn poll(&mut self) {
        for watch in self.running.values_mut() {
            while let Some(event) = watch.thread.try_event() {
                watch.take_event(event);
            }
        }
    }

    /// The trip's watch, if it has one.
    pub fn of(&self, trip: TripId) -> Option<&TripWatch> {
        self.running.get(&trip)
    }

    /// Answers the trip's "import the photos already there?".
    pub fn answer_first_batch(&mut self, trip: TripId, import: bool) {
        if let Some(watch) = self.running.get_mut(&trip) {
            watch.first_batch = None;
            watch.thread.send(if import {
                Control::ImportFirstBatch
            } else {
                Control::DeclineFirstBatch
            });
        }
    }
}
