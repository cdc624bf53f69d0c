//! What the user asked for in a panel or dialog. Panels draw from read-only data and their own
//! state and return these; the app applies them in one place (`TripJournalApp::apply`), so no
//! panel writes another panel's state or the journal's.

use crate::model::{EntryId, TripFields, TripId};

/// One request of the user, applied by the app after drawing.
#[derive(Debug)]
pub enum Action {
    /// Show this entry in the editor (saving the edits of the one before).
    SelectEntry(EntryId),
    /// Open this trip.
    OpenTrip(TripId),
    /// Open the trip dialog for a new trip.
    NewTrip,
    /// Open the trip dialog on this trip.
    EditTrip(TripId),
    /// Ask whether to delete this trip.
    AskDeleteTrip(TripId),
    /// Ask whether to delete this entry.
    AskDeleteEntry(EntryId),
    /// The trip dialog was confirmed for a new trip.
    CreateTrip(TripFields),
    /// The trip dialog was confirmed for an existing trip.
    SaveTrip(TripId, TripFields),
    /// The trip dialog was closed without saving.
    CloseTripDialog,
    /// The delete-trip question was answered.
    DeleteTrip(Option<TripId>),
    /// The delete-entry question was answered (`None`: cancelled).
    DeleteEntry(Option<(EntryId, bool)>),
}
