//! Files given to the program on its command line, as the desktop passes them (`Exec=tripjournal
//! %F`: a programme or a journal double-clicked in the file manager). Each is sorted by what it
//! holds: a journal (an SQLite file, or an empty `.sqlite`/`.db` file) is opened instead of the
//! default one; a conference programme (`.ics`, `.xml`, `.json`) is offered as a new trip or an
//! import into the open trip; anything else is refused with a reason the window words. The
//! contents decide for journals, so a journal renamed without its extension still opens.

use std::io::Read;
use std::path::{Path, PathBuf};

/// File endings of conference programmes: iCalendar and frab's XML and JSON.
pub const SCHEDULE_EXTENSIONS: [&str; 3] = ["ics", "xml", "json"];

/// File endings of an empty file taken as a new journal.
const JOURNAL_EXTENSIONS: [&str; 3] = ["sqlite", "sqlite3", "db"];

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// Why a file given on the command line is not opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum OpenedFileProblem {
    #[error("there is no such file")]
    Missing,
    #[error("it is a folder")]
    Folder,
    #[error("it is not a regular file")]
    NotAFile,
    #[error("it cannot be read")]
    Unreadable,
    #[error("it is neither a journal nor a conference programme (.ics, .xml, .json)")]
    Unsupported,
    #[error("one journal opens at a time")]
    SecondJournal,
}

/// The files given, sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenedFiles {
    /// The journal to open instead of the default one (the first given).
    pub journal: Option<PathBuf>,
    /// Programmes to offer, in the order given.
    pub programmes: Vec<PathBuf>,
    /// Files that are not opened, each with its reason.
    pub refused: Vec<(PathBuf, OpenedFileProblem)>,
}

impl OpenedFiles {
    /// Sorts `files` by what each holds (reading at most the first 16 bytes of each).
    pub fn sort(files: &[PathBuf]) -> OpenedFiles {
        let mut opened = OpenedFiles::default();
        for file in files {
            match kind_of(file) {
                Ok(Kind::Journal) if opened.journal.is_none() => {
                    opened.journal = Some(file.clone());
                }
                Ok(Kind::Journal) => opened
                    .refused
                    .push((file.clone(), OpenedFileProblem::SecondJournal)),
                Ok(Kind::Programme) => opened.programmes.push(file.clone()),
                Err(problem) => opened.refused.push((file.clone(), problem)),
            }
        }
        opened
    }
}

/// Whether a word given where a file or a command may stand is rather a mistyped command: it
/// names nothing and looks like no path (no folder separator, no file ending).
pub fn looks_like_a_command(word: &Path) -> bool {
    let text = word.to_string_lossy();
    !word.exists() && !text.contains(['/', '\\', '.']) && !text.is_empty()
}

/// Whether a file is a conference programme by its ending (what the window accepts dropped).
pub fn is_schedule_file(path: &Path) -> bool {
    has_ending(path, &SCHEDULE_EXTENSIONS)
}

enum Kind {
    Journal,
    Programme,
}

fn kind_of(file: &Path) -> Result<Kind, OpenedFileProblem> {
    let meta = std::fs::metadata(file).map_err(|error| match error.kind() {
        std::io::ErrorKind::NotFound => OpenedFileProblem::Missing,
        _ => OpenedFileProblem::Unreadable,
    })?;
    if meta.is_dir() {
        return Err(OpenedFileProblem::Folder);
    }
    if !meta.is_file() {
        // A FIFO would block the read below; a device is no journal.
        return Err(OpenedFileProblem::NotAFile);
    }
    let mut start = Vec::with_capacity(SQLITE_MAGIC.len());
    std::fs::File::open(file)
        .and_then(|f| f.take(SQLITE_MAGIC.len() as u64).read_to_end(&mut start))
        .map_err(|_| OpenedFileProblem::Unreadable)?;
    if start == SQLITE_MAGIC || (start.is_empty() && has_ending(file, &JOURNAL_EXTENSIONS)) {
        Ok(Kind::Journal)
    } else if is_schedule_file(file) {
        Ok(Kind::Programme)
    } else {
        Err(OpenedFileProblem::Unsupported)
    }
}

fn has_ending(path: &Path, endings: &[&str]) -> bool {
    path.extension()
        .and_then(|ending| ending.to_str())
        .is_some_and(|ending| {
            endings
                .iter()
                .any(|known| ending.eq_ignore_ascii_case(known))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_by_what_they_hold() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = |name: &str| dir.path().join(name);
        let mut journal_bytes = SQLITE_MAGIC.to_vec();
        journal_bytes.extend([0; 84]);
        std::fs::write(path("renamed-journal"), &journal_bytes).expect("write");
        std::fs::write(path("second.sqlite"), &journal_bytes).expect("write");
        std::fs::write(path("new.sqlite"), b"").expect("write");
        std::fs::write(path("talks.ICS"), b"BEGIN:VCALENDAR").expect("write");
        std::fs::write(path("schedule.xml"), b"<schedule/>").expect("write");
        std::fs::write(path("photo.jpg"), b"\xff\xd8").expect("write");
        std::fs::create_dir(path("folder.ics")).expect("mkdir");
        let given: Vec<PathBuf> = [
            "renamed-journal",
            "talks.ICS",
            "second.sqlite",
            "photo.jpg",
            "folder.ics",
            "missing.ics",
            "schedule.xml",
        ]
        .iter()
        .map(|name| path(name))
        .collect();
        let opened = OpenedFiles::sort(&given);
        assert_eq!(opened.journal, Some(path("renamed-journal")));
        assert_eq!(
            opened.programmes,
            vec![path("talks.ICS"), path("schedule.xml")]
        );
        assert_eq!(
            opened.refused,
            vec![
                (path("second.sqlite"), OpenedFileProblem::SecondJournal),
                (path("photo.jpg"), OpenedFileProblem::Unsupported),
                (path("folder.ics"), OpenedFileProblem::Folder),
                (path("missing.ics"), OpenedFileProblem::Missing),
            ]
        );
        assert_eq!(
            OpenedFiles::sort(&[path("new.sqlite")]).journal,
            Some(path("new.sqlite"))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_refused_without_being_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("talks.ics");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo runs");
        assert!(made.success());
        let opened = OpenedFiles::sort(std::slice::from_ref(&fifo));
        assert_eq!(opened.refused, vec![(fifo, OpenedFileProblem::NotAFile)]);
    }

    #[test]
    fn a_bare_word_that_names_nothing_is_a_mistyped_command() {
        assert!(looks_like_a_command(Path::new("tirp")));
        assert!(!looks_like_a_command(Path::new("talks.ics")));
        assert!(!looks_like_a_command(Path::new("./tirp")));
        assert!(!looks_like_a_command(Path::new("")));
    }
}
