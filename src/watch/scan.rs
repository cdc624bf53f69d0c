//! Looking at a watched folder: a recursive listing of its photos with their size and
//! modification time, and the rule that says when a photo is complete — its size and time
//! unchanged across two looks at least the settle time apart, not empty, and it opens. A file
//! that stays empty or unopenable for [`PATIENCE_SETTLES`] settle times is handed on anyway,
//! so that the import says why it fails; a photo-named link, pipe or device is handed on at
//! once (and never opened here), so every photo-named name gets its one line.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, UNIX_EPOCH};

use super::names::{NameKind, name_kind};
use crate::store::SeenFile;

/// A photo found in the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub path: PathBuf,
    pub file: SeenFile,
    pub kind: FoundKind,
}

/// What a photo-named entry of the folder is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundKind {
    /// A regular file: imported once complete.
    File,
    /// A symbolic link: never followed (it could lead anywhere on the computer), refused.
    Link,
    /// A pipe, socket or device: refused by the import without being opened.
    Special,
}

/// Lists the photos under `folder` (sub-folders too), sorted by path. Temporary and hidden
/// names are left out, as are links to folders; a sub-folder that cannot be read is skipped.
/// Only the folder itself failing to be read is an error.
pub fn scan(folder: &Path) -> std::io::Result<Vec<Found>> {
    let mut found = Vec::new();
    let mut folders = vec![(folder.to_path_buf(), String::new())];
    let mut first = true;
    while let Some((dir, prefix)) = folders.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(error) if first => return Err(error),
            Err(_) => continue,
        };
        first = false;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let rel_path = format!("{prefix}{name}");
            let Ok(file_type) = entry.file_type() else {
                continue;
            };
            if file_type.is_dir() {
                if name_kind(&name) != NameKind::Temporary {
                    folders.push((entry.path(), format!("{rel_path}/")));
                }
                continue;
            }
            if name_kind(&name) != NameKind::Photo {
                continue;
            }
            let kind = if file_type.is_file() {
                FoundKind::File
            } else if file_type.is_symlink() {
                if entry.path().is_dir() {
                    continue;
                }
                FoundKind::Link
            } else {
                FoundKind::Special
            };
            if let Some(file) = describe(&entry.path(), rel_path) {
                found.push(Found {
                    path: entry.path(),
                    file,
                    kind,
                });
            }
        }
    }
    found.sort_by(|a, b| a.file.rel_path.cmp(&b.file.rel_path));
    Ok(found)
}

/// The entry's size and time, of a link itself (not of what it leads to).
fn describe(path: &Path, rel_path: String) -> Option<SeenFile> {
    let metadata = std::fs::symlink_metadata(path).ok()?;
    let mtime_ns = metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| {
            i64::try_from(since.as_nanos()).unwrap_or(i64::MAX)
        });
    Some(SeenFile {
        rel_path,
        size: metadata.len(),
        mtime_ns,
    })
}

/// How many settle times an empty or unopenable file is waited for (a sync tool's placeholder
/// fills within seconds) before the import is left to say why it fails.
pub const PATIENCE_SETTLES: u32 = 10;

/// Remembers how each file looked and since when, to tell complete files from files still
/// being written.
#[derive(Debug)]
pub struct Settle {
    wait: Duration,
    looks: HashMap<String, (SeenFile, Instant)>,
}

impl Settle {
    pub fn new(wait: Duration) -> Settle {
        Settle {
            wait,
            looks: HashMap::new(),
        }
    }

    /// Takes a new look at the files that are not handled yet and returns those now complete
    /// (they are forgotten here; the caller records them). Files no longer there are forgotten.
    pub fn complete(&mut self, candidates: Vec<Found>, now: Instant) -> Vec<Found> {
        let mut looks = HashMap::with_capacity(candidates.len());
        let mut ready = Vec::new();
        for found in candidates {
            let since = match self.looks.remove(&found.file.rel_path) {
                Some((before, since)) if before == found.file => since,
                _ => now,
            };
            let unchanged_for = now.saturating_duration_since(since);
            let complete = match found.kind {
                FoundKind::Link | FoundKind::Special => true,
                FoundKind::File if unchanged_for < self.wait => false,
                FoundKind::File => {
                    (found.file.size > 0 && std::fs::File::open(&found.path).is_ok())
                        || unchanged_for >= self.wait * PATIENCE_SETTLES
                }
            };
            if complete {
                ready.push(found);
            } else {
                looks.insert(found.file.rel_path.clone(), (found.file, since));
            }
        }
        self.looks = looks;
        ready
    }

    /// When the next file waiting may be complete, if any is waiting.
    pub fn next_due(&self, now: Instant) -> Option<Instant> {
        self.looks
            .values()
            .map(|(_, since)| {
                let settled = *since + self.wait;
                if settled > now {
                    settled
                } else {
                    *since + self.wait * PATIENCE_SETTLES
                }
            })
            .min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(name: &str, size: u64) -> Found {
        Found {
            path: PathBuf::from(name),
            file: SeenFile {
                rel_path: name.to_string(),
                size,
                mtime_ns: 1,
            },
            kind: FoundKind::File,
        }
    }

    #[test]
    fn a_file_is_complete_only_after_two_equal_looks_the_wait_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a.jpg");
        std::fs::write(&path, b"x").expect("write");
        let mut file = found("a.jpg", 1);
        file.path = path;
        let mut settle = Settle::new(Duration::from_secs(1));
        let start = Instant::now();
        assert!(settle.complete(vec![file.clone()], start).is_empty());
        let soon = start + Duration::from_millis(500);
        assert!(settle.complete(vec![file.clone()], soon).is_empty());
        let mut grown = file.clone();
        grown.file.size = 2;
        let later = start + Duration::from_millis(1200);
        assert!(
            settle.complete(vec![grown.clone()], later).is_empty(),
            "it grew"
        );
        assert_eq!(settle.next_due(later), Some(later + Duration::from_secs(1)));
        let done = later + Duration::from_secs(1);
        assert_eq!(settle.complete(vec![grown.clone()], done), vec![grown]);
        assert_eq!(settle.next_due(done), None);
    }

    #[test]
    fn empty_and_unopenable_files_wait_their_patience_then_go_on_to_say_why() {
        let wait = Duration::from_secs(1);
        let mut settle = Settle::new(wait);
        let start = Instant::now();
        let waiting = || vec![found("empty.jpg", 0), found("/no/such/file.jpg", 5)];
        assert!(settle.complete(waiting(), start).is_empty());
        let settled = start + wait;
        assert!(settle.complete(waiting(), settled).is_empty());
        assert_eq!(
            settle.next_due(settled),
            Some(start + wait * PATIENCE_SETTLES)
        );
        let patient = start + wait * PATIENCE_SETTLES;
        assert_eq!(settle.complete(waiting(), patient).len(), 2);
    }

    #[test]
    fn links_and_pipes_are_handed_on_at_once_without_being_opened() {
        let mut settle = Settle::new(Duration::from_secs(1));
        let mut pipe = found("/no/such/pipe.jpg", 0);
        pipe.kind = FoundKind::Special;
        let mut link = found("link.jpg", 12);
        link.kind = FoundKind::Link;
        let ready = settle.complete(vec![pipe.clone(), link.clone()], Instant::now());
        assert_eq!(ready, vec![pipe, link]);
    }
}
