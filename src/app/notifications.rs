//! Desktop notifications (a reminder that a talk is about to start) sent through the system's
//! notification service: the freedesktop one over the session's D-Bus on Linux, the system's
//! own on macOS and Windows. Sending happens on one worker thread, started with the first
//! notification, so a missing or silent service never holds up the window; where there is no
//! service the notification is dropped and the reminder inside the window is all the user
//! sees. Nothing here reaches the network: the session bus is a local socket.

use std::sync::mpsc::{self, Sender};
use std::thread::{self, JoinHandle};

/// The application name and icon the notification service shows.
const APP_NAME: &str = "tripjournal";
const APP_ICON: &str = "io.github.tripjournal.TripJournal";

/// How long the service keeps a reminder on screen (it may choose otherwise).
const SHOWN_FOR_MS: u32 = 30_000;

/// A notification to show: a heading and a line under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DesktopNotification {
    pub summary: String,
    pub body: String,
}

/// Sends notifications to the system from a worker thread, in the order given.
#[derive(Debug, Default)]
pub struct DesktopNotifier {
    worker: Option<(Sender<DesktopNotification>, JoinHandle<()>)>,
    failed: bool,
}

impl DesktopNotifier {
    /// Queues `notification` for the system; returns at once. After the worker is gone
    /// (it could not start) notifications are dropped.
    pub fn send(&mut self, notification: DesktopNotification) {
        if self.failed {
            return;
        }
        if self.worker.is_none() {
            self.worker = start_worker();
            self.failed = self.worker.is_none();
        }
        if let Some((worker, _)) = &self.worker
            && worker.send(notification).is_err()
        {
            self.worker = None;
            self.failed = true;
        }
    }

    /// Waits until every queued notification was handed to the system or given up on (a
    /// program about to exit; the window never waits on this).
    pub fn finish(self) {
        if let Some((sender, worker)) = self.worker {
            drop(sender);
            let _ = worker.join();
        }
    }
}

/// The worker thread, or `None` when the system refuses a thread.
fn start_worker() -> Option<(Sender<DesktopNotification>, JoinHandle<()>)> {
    let (sender, receiver) = mpsc::channel::<DesktopNotification>();
    let spawned = thread::Builder::new()
        .name("desktop notifications".into())
        .spawn(move || {
            let mut said_unavailable = false;
            for notification in receiver {
                if let Err(error) = show(&notification)
                    && !said_unavailable
                {
                    eprintln!(
                        "tripjournal: desktop notifications unavailable ({error}); reminders show in the window only"
                    );
                    said_unavailable = true;
                }
            }
        });
    spawned.ok().map(|worker| (sender, worker))
}

/// Hands one notification to the system's service (blocks this worker until it answers).
fn show(notification: &DesktopNotification) -> Result<(), notify_rust::error::Error> {
    notify_rust::Notification::new()
        .appname(APP_NAME)
        .icon(APP_ICON)
        .summary(&notification.summary)
        .body(&notification.body)
        .timeout(notify_rust::Timeout::Milliseconds(SHOWN_FOR_MS))
        .show()
        .map(|_| ())
}
