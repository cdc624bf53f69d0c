//! Importing a schedule file into the journal: into a trip (its floating times read in the
//! trip's zone), or as a new trip made from the schedule's header. The command line and the
//! window's journal thread both call these, so they import the same way.

use std::path::Path;

use chrono_tz::Tz;

use super::{
    ScheduleFileError, Skipped, ZoneGuess, read_schedule_file, read_schedule_for_new_trip,
};
use crate::model::{TripFields, TripId};
use crate::store::{ScheduleImport, Store, StoreError};

/// Why a schedule was not imported.
#[derive(Debug, thiserror::Error)]
pub enum ScheduleImportError {
    /// The file could not be read as a schedule (nothing was changed).
    #[error(transparent)]
    File(#[from] ScheduleFileError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What an import did: the trip it went into (made now with `created`, in the zone `zone` says
/// why), what changed among its talks, and the events of the file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduleImported {
    pub trip: TripId,
    pub created: bool,
    pub zone: Option<ZoneGuess>,
    pub summary: ScheduleImport,
    pub skipped: Vec<Skipped>,
}

/// Reads `file` in the trip's zone and imports its talks into `trip` (a newer version of a
/// schedule updates, adds and cancels talks; stars and sessions stay).
pub fn import_schedule_into(
    store: &mut Store,
    trip: TripId,
    file: &Path,
) -> Result<ScheduleImported, ScheduleImportError> {
    let zone = store.trip(trip)?.fields.time_zone;
    let schedule = read_schedule_file(file, zone)?;
    let summary = store.import_schedule(trip, &schedule.talks)?;
    Ok(ScheduleImported {
        trip,
        created: false,
        zone: None,
        summary,
        skipped: schedule.skipped,
    })
}

/// Makes a trip from the schedule's header (name, city, dates, zone: `chosen_zone` if given,
/// else the best guess from the file and `computer_zone`), lets `adjust` change its fields
/// (the command line's flags win), then imports the talks into it. Nothing is created when
/// the file cannot be read.
pub fn new_trip_from_schedule(
    store: &mut Store,
    file: &Path,
    chosen_zone: Option<Tz>,
    computer_zone: Tz,
    adjust: impl FnOnce(&mut TripFields),
) -> Result<ScheduleImported, ScheduleImportError> {
    let (schedule, zone) = read_schedule_for_new_trip(file, chosen_zone, computer_zone)?;
    let mut fields = schedule.trip_fields(&zone, file);
    adjust(&mut fields);
    let trip = store.create_trip(&fields.cleaned())?;
    let summary = store.import_schedule(trip, &schedule.talks)?;
    Ok(ScheduleImported {
        trip,
        created: true,
        zone: Some(zone),
        summary,
        skipped: schedule.skipped,
    })
}
