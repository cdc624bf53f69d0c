//! temporary
use super::{Programme, ScheduleError};
use chrono_tz::Tz;
pub(super) fn read(_text: &str, _zone: Tz) -> Result<Programme, ScheduleError> {
    Err(ScheduleError::UnknownFormat)
}
