//! Reading a schedule from a file the user names: only a regular file, never more than
//! [`MAX_FILE_BYTES`] of it (a named pipe or a device would hang or never end).

use std::io::Read as _;
use std::path::{Path, PathBuf};

use chrono_tz::Tz;

use super::zone_guess::{ZoneGuess, guess_zone};
use super::{MAX_FILE_BYTES, ParsedSchedule, ScheduleError, read_schedule};

/// Why a schedule file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleFileError {
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

/// Reads and parses a schedule file (see [`read_schedule`]).
pub fn read_schedule_file(
    path: &Path,
    floating_zone: Tz,
) -> Result<ParsedSchedule, ScheduleFileError> {
    let io = |source| ScheduleFileError::Io {
        path: path.to_path_buf(),
        source,
    };
    let schedule = |source| ScheduleFileError::Schedule {
        path: path.to_path_buf(),
        source,
    };
    let metadata = std::fs::metadata(path).map_err(io)?;
    if !metadata.is_file() {
        return Err(ScheduleFileError::NotAFile(path.to_path_buf()));
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
    read_schedule(&bytes, floating_zone).map_err(schedule)
}

/// Reads a schedule for a new trip, in the zone the trip will have: `chosen` if given, else
/// the one [`guess_zone`] finds with `computer` as this computer's zone (the file is read
/// again when its floating times need that zone).
pub fn read_schedule_for_new_trip(
    path: &Path,
    chosen: Option<Tz>,
    computer: Tz,
) -> Result<(ParsedSchedule, ZoneGuess), ScheduleFileError> {
    let first_guess = chosen.unwrap_or(Tz::UTC);
    let schedule = read_schedule_file(path, first_guess)?;
    let guess = guess_zone(&schedule, chosen, computer);
    if guess.zone == first_guess {
        return Ok((schedule, guess));
    }
    Ok((read_schedule_file(path, guess.zone)?, guess))
}
