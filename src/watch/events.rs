//! The system's word that something arrived in a watched folder, so a photo is picked up at
//! once rather than at the next timed look.
//!
//! Only changes that matter are asked for: a name created, a file closed after writing, a name
//! moved in or out, a name deleted. Never opens or reads: the watch's own look at the folder
//! opens it, and a watcher woken by that would look again, and again, all day (a laptop's
//! battery at a conference). On Linux this is inotify with exactly that mask, on every
//! sub-folder (new ones are added as they appear, links are not followed); elsewhere the
//! `notify` crate's watcher, with its access events ignored. Either way the timed look still
//! finds everything (network folders send nothing), so a watcher that cannot start is no error.

use super::Control;

#[cfg(target_os = "linux")]
pub(super) use linux::live_events;

#[cfg(not(target_os = "linux"))]
pub(super) use other::live_events;

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::mpsc::Sender;
    use std::thread::JoinHandle;

    use inotify::{EventMask, Inotify, WatchDescriptor, WatchMask, Watches};

    use super::Control;
    use crate::watch::names::{NameKind, name_kind};

    /// The most sub-folders given a watch of their own; deeper trees rely on the timed look.
    const MAX_FOLDERS: usize = 4096;

    /// How long the reader waits for an event before it looks at its stop flag.
    const STOP_CHECK_MS: i64 = 500;

    fn mask() -> WatchMask {
        WatchMask::CREATE
            | WatchMask::CLOSE_WRITE
            | WatchMask::MOVED_FROM
            | WatchMask::MOVED_TO
            | WatchMask::DELETE
            | WatchMask::DELETE_SELF
            | WatchMask::MOVE_SELF
            | WatchMask::ONLYDIR
            | WatchMask::DONT_FOLLOW
    }

    /// The running reader; dropping it stops it.
    pub struct LiveEvents {
        stop: Arc<AtomicBool>,
        reader: Option<JoinHandle<()>>,
    }

    impl Drop for LiveEvents {
        fn drop(&mut self) {
            self.stop.store(true, Ordering::Relaxed);
            if let Some(reader) = self.reader.take() {
                let _ = reader.join();
            }
        }
    }

    /// Starts telling `wake` of changes under `folder`; `None` when inotify cannot start.
    pub fn live_events(folder: &Path, wake: Sender<Control>) -> Option<LiveEvents> {
        let inotify = Inotify::init().ok()?;
        let mut folders = Folders {
            watches: inotify.watches(),
            paths: HashMap::new(),
        };
        folders.add_tree(folder);
        if folders.paths.is_empty() {
            return None;
        }
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let reader = std::thread::Builder::new()
            .name("watch-events".into())
            .spawn(move || read_events(inotify, folders, &wake, &stopped))
            .ok()?;
        Some(LiveEvents {
            stop,
            reader: Some(reader),
        })
    }

    /// The watched folders by watch, to add the sub-folders that appear.
    struct Folders {
        watches: Watches,
        paths: HashMap<WatchDescriptor, PathBuf>,
    }

    impl Folders {
        /// Watches `root` and the folders under it (not through links, not temporary names).
        fn add_tree(&mut self, root: &Path) {
            let mut pending = vec![root.to_path_buf()];
            while let Some(folder) = pending.pop() {
                if self.paths.len() >= MAX_FOLDERS {
                    return;
                }
                let Ok(wd) = self.watches.add(&folder, mask()) else {
                    continue;
                };
                self.paths.insert(wd, folder.clone());
                let Ok(entries) = std::fs::read_dir(&folder) else {
                    continue;
                };
                for entry in entries.flatten() {
                    let is_dir = entry.file_type().is_ok_and(|kind| kind.is_dir());
                    let name = entry.file_name();
                    if is_dir && name_kind(&name.to_string_lossy()) != NameKind::Temporary {
                        pending.push(entry.path());
                    }
                }
            }
        }
    }

    fn read_events(
        mut inotify: Inotify,
        mut folders: Folders,
        wake: &Sender<Control>,
        stop: &AtomicBool,
    ) {
        let mut buffer = [0u8; 4096];
        let timeout = rustix::event::Timespec {
            tv_sec: 0,
            tv_nsec: STOP_CHECK_MS * 1_000_000,
        };
        while !stop.load(Ordering::Relaxed) {
            let mut fds = [rustix::event::PollFd::new(
                &inotify,
                rustix::event::PollFlags::IN,
            )];
            match rustix::event::poll(&mut fds, Some(&timeout)) {
                Ok(0) => continue,
                Ok(_) => {}
                Err(rustix::io::Errno::INTR) => continue,
                Err(_) => return,
            }
            let Ok(events) = inotify.read_events(&mut buffer) else {
                continue;
            };
            let mut changed = false;
            let mut new_folders = Vec::new();
            for event in events {
                if event.mask.contains(EventMask::IGNORED) {
                    continue;
                }
                changed = true;
                let arrived = EventMask::CREATE | EventMask::MOVED_TO;
                if event.mask.contains(EventMask::ISDIR) && event.mask.intersects(arrived) {
                    let parent = folders.paths.get(&event.wd);
                    if let (Some(parent), Some(name)) = (parent, event.name) {
                        new_folders.push(parent.join(name));
                    }
                }
            }
            for folder in new_folders {
                folders.add_tree(&folder);
            }
            if changed && wake.send(Control::Changed).is_err() {
                return;
            }
        }
    }
}

#[cfg(not(target_os = "linux"))]
mod other {
    use std::path::Path;
    use std::sync::mpsc::Sender;

    use super::Control;

    /// The running watcher; dropping it stops it.
    pub type LiveEvents = notify::RecommendedWatcher;

    /// Starts telling `wake` of changes under `folder`; `None` when the system cannot.
    pub fn live_events(folder: &Path, wake: Sender<Control>) -> Option<LiveEvents> {
        use notify::Watcher as _;
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let reads = event
                    .as_ref()
                    .is_ok_and(|event| matches!(event.kind, notify::EventKind::Access(_)));
                if !reads {
                    let _ = wake.send(Control::Changed);
                }
            })
            .ok()?;
        watcher
            .watch(folder, notify::RecursiveMode::Recursive)
            .ok()?;
        Some(watcher)
    }
}
