//! `tripjournal photo watch --trip TRIP DIR`: the library's folder watch in the foreground,
//! one line per photo as `photo add` prints, until SIGINT or SIGTERM (exit 0 once the photos
//! being imported are stored). On systems without Unix signals Ctrl-C ends it the usual way.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use super::commands::{Lines, outcome_line};
use super::{CliError, CliResult};
use crate::store::Store;
use crate::watch::{FirstBatch, WatchEvent, WatchSpec, inbox, run_watch};

/// Runs the watch until a signal asks it to stop.
pub(super) fn watch_folder(
    store: &mut Store,
    trip: &str,
    dir: PathBuf,
    out: &mut Lines,
) -> CliResult<()> {
    let trip = store.find_trip(trip)?;
    let stop = stop_on_signals()?;
    let spec = WatchSpec::new(trip.id, dir, FirstBatch::Import);
    let mut written: CliResult<()> = Ok(());
    let mut report = |event: WatchEvent| {
        let line = match event {
            WatchEvent::Started { folder } => {
                eprintln!("watching {} (Ctrl-C stops)", folder.display());
                return;
            }
            WatchEvent::File(file) => outcome_line(&file),
            WatchEvent::FolderLost(error) => {
                eprintln!("warning: {error}; waiting for it to come back");
                return;
            }
            WatchEvent::FolderBack => {
                eprintln!("the folder is back");
                return;
            }
            WatchEvent::FirstBatch { .. } | WatchEvent::Ended(_) => return,
        };
        if written.is_ok() {
            written = out.line(line).and_then(|()| {
                out.0
                    .flush()
                    .map_err(|error| CliError::Failed(format!("cannot write output: {error}")))
            });
        }
    };
    run_watch(store, &spec, inbox(), &stop, &mut report)?;
    written
}

/// A flag set by SIGINT or SIGTERM.
#[cfg(unix)]
fn stop_on_signals() -> CliResult<Arc<AtomicBool>> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .map_err(|error| CliError::Failed(format!("cannot handle signals: {error}")))?;
    }
    Ok(stop)
}

/// Without Unix signals: Ctrl-C ends the program the usual way.
#[cfg(not(unix))]
fn stop_on_signals() -> CliResult<Arc<AtomicBool>> {
    Ok(Arc::new(AtomicBool::new(false)))
}
