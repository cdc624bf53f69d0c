//! Reading a programme from a file the user names: only a regular file, never more than
//! [`MAX_FILE_BYTES`] of it (a named pipe or a device would hang or never end).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use super::{MAX_FILE_BYTES, Programme, ScheduleError, read_programme};

/// Why a programme file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ProgrammeFileError {
    #[error("cannot read the programme: {source}: {path}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("a programme must be a regular file: {0}")]
    NotAFile(PathBuf),
    #[error("{source}: {path}")]
    Schedule {
        path: PathBuf,
        #[source]
        source: ScheduleError,
    },
}

/// Reads and parses a programme file (see [`read_programme`]).
pub fn read_programme_file(
    path: &Path,
    floating_zone: Tz,
) -> Result<Programme, ProgrammeFileError> {
    let io = |source| ProgrammeFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let schedule = |source| ProgrammeFileError::Schedule {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(ProgrammeFileError::NotAFile(path.to_path_buf()));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(schedule(ScheduleError::TooLarge {
            size: metadata.len(),
            limit: MAX_FILE_BYTES,
        }));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(io)?;
    read_programme(&bytes, floating_zone).map_err(schedule)
}

/// Reads a programme for a new trip, in the zone the trip will have: `chosen` if given, else
/// the programme's own (the file is read again when its floating times need that zone).
pub fn read_programme_for_new_trip(
    path: &Path,
    chosen: Option<Tz>,
) -> Result<(Programme, Tz), ProgrammeFileError> {
    let first_guess = chosen.unwrap_or(Tz::UTC);
    let programme = read_programme_file(path, first_guess)?;
    let zone = programme.trip_zone(chosen);
    if zone == first_guess {
        return Ok((programme, zone));
    }
    Ok((read_programme_file(path, zone)?, zone))
}
