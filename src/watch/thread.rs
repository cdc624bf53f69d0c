//! A watch on a thread of its own with its own connection to the journal, for the window:
//! events come back through a channel, answers and the stop go in. Dropping the handle stops
//! the watch (after the photos being imported are stored).

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{Control, WatchEvent, WatchSpec, inbox, run_watch};
use crate::store::Store;

/// A running watch.
pub struct WatchThread {
    spec: WatchSpec,
    stop: Arc<AtomicBool>,
    control: Sender<Control>,
    events: Receiver<WatchEvent>,
}

impl WatchThread {
    /// Starts watching on a new thread that opens the journal at `journal`; `wake` is called
    /// after each event (the window repaints).
    pub fn spawn(
        journal: PathBuf,
        spec: WatchSpec,
        wake: Arc<dyn Fn() + Send + Sync>,
    ) -> std::io::Result<WatchThread> {
        let stop = Arc::new(AtomicBool::new(false));
        let (control, controls) = inbox();
        let (sender, events) = channel();
        let (thread_stop, thread_control, thread_spec) =
            (Arc::clone(&stop), control.clone(), spec.clone());
        std::thread::Builder::new()
            .name("watch".into())
            .spawn(move || {
                let mut report = |event: WatchEvent| {
                    let _ = sender.send(event);
                    wake();
                };
                let result = Store::open(&journal)
                    .map_err(Into::into)
                    .and_then(|mut store| {
                        run_watch(
                            &mut store,
                            &thread_spec,
                            (thread_control, controls),
                            &thread_stop,
                            &mut report,
                        )
                    });
                report(WatchEvent::Ended(result.err()));
            })?;
        Ok(WatchThread {
            spec,
            stop,
            control,
            events,
        })
    }

    /// What it watches.
    pub fn spec(&self) -> &WatchSpec {
        &self.spec
    }

    /// Tells the watch something (the answer about the first batch).
    pub fn send(&self, control: Control) {
        let _ = self.control.send(control);
    }

    /// The next event, if one is waiting.
    pub fn try_event(&self) -> Option<WatchEvent> {
        self.events.try_recv().ok()
    }
}

impl Drop for WatchThread {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}
