//! Looking at a watched folder: a recursive listing of its photos with their size and
//! modification time, and the rule that says when a photo is complete — its size and time
//! unchanged across two looks at least the settle time apart, not empty, and it opens.

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
}

/// Lists the photos under `folder` (sub-folders too), sorted by path. Temporary and hidden
/// names and symbolic links are left out; a sub-folder that cannot be read is skipped. Only
/// the folder itself failing to be read is an error.
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
            match entry.file_type() {
                Ok(kind) if kind.is_dir() && name_kind(&name) != NameKind::Temporary => {
                    folders.push((entry.path(), format!("{rel_path}/")));
                }
                Ok(kind) if kind.is_file() && name_kind(&name) == NameKind::Photo => {
                    if let Some(file) = describe(&entry.path(), rel_path) {
                        found.push(Found {
                            path: entry.path(),
                            file,
                        });
                    }
                }
                _ => {}
            }
        }
    }
    found.sort_by(|a, b| a.file.rel_path.cmp(&b.file.rel_path));
    Ok(found)
}

fn describe(path: &Path, rel_path: String) -> Option<SeenFile> {
    let metadata = std::fs::metadata(path).ok()?;
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
            let settled = now.saturating_duration_since(since) >= self.wait;
            if settled && found.file.size > 0 && std::fs::File::open(&found.path).is_ok() {
                ready.push(found);
            } else {
                looks.insert(found.file.rel_path.clone(), (found.file, since));
            }
        }
        self.looks = looks;
        ready
    }

    /// When the next file waiting may be complete, if any is waiting.
    pub fn next_due(&self) -> Option<Instant> {
        self.looks
            .values()
            .map(|(_, since)| *since + self.wait)
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
        assert_eq!(settle.next_due(), Some(later + Duration::from_secs(1)));
        let done = later + Duration::from_secs(1);
        assert_eq!(settle.complete(vec![grown.clone()], done), vec![grown]);
        assert_eq!(settle.next_due(), None);
    }

    #[test]
    fn empty_and_unopenable_files_wait() {
        let mut settle = Settle::new(Duration::ZERO);
        let now = Instant::now();
        assert!(settle.complete(vec![found("empty.jpg", 0)], now).is_empty());
        assert!(
            settle
                .complete(vec![found("/no/such/file.jpg", 5)], now)
                .is_empty()
        );
    }
}
