//! The edit session: what the window has changed and not yet written, what is on its way to the
//! journal, what the journal last confirmed, and the undo and redo history.
//!
//! The window keeps the entries of the open trip and edits them in place; this session only
//! keeps the bookkeeping around them. It decides which edits are due for saving, turns them into
//! [`Save`]s (the fields plus the base they were edited from, so the journal thread can merge
//! them with what another program wrote meanwhile), rebases the window's text on what the
//! journal stored without losing what was typed since, and records one undo step per saved
//! change. It knows nothing about drawing and takes the time as an argument, so it is tested
//! with plain unit tests.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::Command;
use crate::model::{
    Entry, EntryFields, EntryId, PhotoId, ScheduleItemId, ShiftFilter, TripFields, TripId,
};

/// Edits are written this long after the last keystroke (and when the window closes).
pub const SAVE_DELAY: Duration = Duration::from_millis(700);

/// How long after a failed save the edit is tried again (it stays on screen meanwhile).
pub const SAVE_RETRY_DELAY: Duration = Duration::from_secs(3);

/// One undoable change: an entry's, a trip's or a caption's value before and after.
// Undo steps are few (one per saved edit), so the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum UndoStep {
    Entry {
        id: EntryId,
        before: EntryFields,
        after: EntryFields,
    },
    Trip {
        id: TripId,
        before: TripFields,
        after: TripFields,
    },
    Caption {
        id: PhotoId,
        before: String,
        after: String,
    },
    /// The user deleted an entry (its photos stayed in the trip): undo brings it back with
    /// its fields, its photos and its place in the trip's order.
    Deleted {
        trip: TripId,
        id: EntryId,
        fields: EntryFields,
        photos: Vec<PhotoId>,
        order: Vec<EntryId>,
    },
    /// The user deleted a photo: undo imports its original again (kept here, in memory).
    PhotoDeleted(PhotoRestore),
    /// The user created an entry: undo deletes it, redo brings it back.
    Created {
        trip: TripId,
        id: EntryId,
        fields: EntryFields,
    },
    /// The user starred (`starred`) or unstarred a talk of the schedule.
    Star { item: ScheduleItemId, starred: bool },
    /// The user corrected a camera clock: these photos' taken-at moved by `by`; undo moves
    /// them back by the opposite.
    ClockShift {
        trip: TripId,
        by: chrono::Duration,
        photos: Vec<PhotoId>,
    },
}

/// A deleted photo to bring back: its original bytes, name, caption and entry.
#[derive(Debug, Clone, PartialEq)]
pub struct PhotoRestore {
    pub trip: TripId,
    pub old_id: PhotoId,
    pub entry: Option<EntryId>,
    pub caption: String,
    pub original_name: String,
    pub original: std::sync::Arc<Vec<u8>>,
}

/// An entry to bring back: a new entry with these fields takes `old_id`'s place.
#[derive(Debug, Clone, PartialEq)]
pub struct Restore {
    pub trip: TripId,
    pub old_id: EntryId,
    pub fields: EntryFields,
    /// Photos to put back into it.
    pub photos: Vec<PhotoId>,
    /// The trip's order with `old_id` in it (empty: at the end).
    pub order: Vec<EntryId>,
}

/// An entry save to send to the journal: `fields` as shown, `base` as last saved.
#[derive(Debug, Clone, PartialEq)]
pub struct Save {
    pub id: EntryId,
    pub base: EntryFields,
    pub fields: EntryFields,
}

/// What an undo or a redo asks the window to show and the journal to store.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Revert {
    /// Show these entry fields and send the save (already counted as in flight).
    Entry(Save),
    Trip(TripId, TripFields),
    Caption(PhotoId, String),
    /// Delete this entry (its photos stay in the trip).
    DeleteEntry(EntryId),
    /// Bring an entry back; the journal answers with its new id ([`EditSession::restored`]).
    RestoreEntry(Restore),
    /// Delete this photo again (redo).
    DeletePhoto(PhotoId),
    /// Import a deleted photo again; the journal answers with its new id
    /// ([`EditSession::photo_restored`]).
    RestorePhoto(PhotoRestore),
    /// Star (`true`) or unstar a talk.
    Star(ScheduleItemId, bool),
    /// Move these photos' taken-at by `by` (the journal answers with the photos).
    ShiftTakenAt {
        trip: TripId,
        by: chrono::Duration,
        photos: Vec<PhotoId>,
    },
}

/// The bookkeeping of local edits; see the module documentation.
#[derive(Debug, Default)]
pub struct EditSession {
    /// Entries edited locally and not yet saved, with the moment they become due.
    pending: HashMap<EntryId, Instant>,
    /// Each entry's fields as last saved (the "before" of the next undo step, and the base of
    /// the three-way merge with changes made elsewhere).
    saved: HashMap<EntryId, EntryFields>,
    /// Saves sent to the journal thread and not yet answered, per entry.
    in_flight: HashMap<EntryId, usize>,
    undo: Vec<UndoStep>,
    redo: Vec<UndoStep>,
}

impl EditSession {
    /// An empty session.
    pub fn new() -> Self {
        Self::default()
    }

    /// Whether edits are waiting to be saved.
    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Whether this entry has an edit waiting to be saved.
    pub fn is_pending(&self, id: EntryId) -> bool {
        self.pending.contains_key(&id)
    }

    /// Whether a save of this entry is on its way to the journal.
    pub fn is_in_flight(&self, id: EntryId) -> bool {
        self.in_flight.get(&id).is_some_and(|n| *n > 0)
    }

    /// Whether Undo has something to do (a pending edit is saved, then undone).
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || !self.pending.is_empty()
    }

    /// Whether Redo has something to do.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The window changed an entry's fields at `now`; it is saved [`SAVE_DELAY`] later.
    pub fn edited(&mut self, id: EntryId, now: Instant) {
        self.pending.insert(id, now + SAVE_DELAY);
        self.redo.clear();
    }

    /// The saves due at `now` (all pending ones with `everything`), each recorded as an undo
    /// step and counted in flight. `entries` are the fields the window shows.
    pub fn take_due(&mut self, entries: &[Entry], now: Instant, everything: bool) -> Vec<Save> {
        let mut due: Vec<EntryId> = self
            .pending
            .iter()
            .filter(|(_, at)| everything || now >= **at)
            .map(|(id, _)| *id)
            .collect();
        due.sort();
        let mut saves = Vec::new();
        for id in due {
            self.pending.remove(&id);
            let Some(entry) = entries.iter().find(|e| e.id == id) else {
                continue;
            };
            let after = entry.fields.clone();
            let before = self.saved.insert(id, after.clone());
            if let Some(before) = &before
                && *before != after
            {
                self.undo.push(UndoStep::Entry {
                    id,
                    before: before.clone(),
                    after: after.clone(),
                });
            }
            saves.push(self.sending(id, before.unwrap_or_else(|| after.clone()), after));
        }
        saves
    }

    fn sending(&mut self, id: EntryId, base: EntryFields, fields: EntryFields) -> Save {
        *self.in_flight.entry(id).or_default() += 1;
        Save { id, base, fields }
    }

    fn answered(&mut self, id: EntryId) {
        if let Some(count) = self.in_flight.get_mut(&id) {
            *count = count.saturating_sub(1);
            if *count == 0 {
                self.in_flight.remove(&id);
            }
        }
    }

    /// Takes the stored version of an entry (after a save, or a reload because another
    /// program changed the journal) without losing what was typed meanwhile: fields edited
    /// here since the last save keep the local text, the others take the stored one. While
    /// another save of the entry is on its way, the local version stays as it is.
    pub fn rebase(&mut self, stored: &Entry, local: Option<EntryFields>) -> EntryFields {
        if self.is_in_flight(stored.id) {
            return local.unwrap_or_else(|| stored.fields.clone());
        }
        let last_saved = self.saved.insert(stored.id, stored.fields.clone());
        match (local, last_saved) {
            (Some(local), Some(last_saved)) if local != last_saved => {
                EntryFields::merged(&last_saved, &local, &stored.fields)
            }
            _ => stored.fields.clone(),
        }
    }

    /// The journal stored a save; returns the fields to show when the window shows the entry
    /// (`local`), rebased on what was stored.
    pub fn saved(&mut self, stored: &Entry, local: Option<EntryFields>) -> Option<EntryFields> {
        self.answered(stored.id);
        local.map(|local| self.rebase(stored, Some(local)))
    }

    /// A save did not reach the journal; `base` is what the journal still holds. With `retry`
    /// the edit is due again [`SAVE_RETRY_DELAY`] after `now`; without (the entry is gone) it
    /// is dropped.
    pub fn save_failed(&mut self, id: EntryId, base: EntryFields, now: Instant, retry: bool) {
        self.answered(id);
        if retry {
            self.saved.insert(id, base);
            self.pending.insert(id, now + SAVE_RETRY_DELAY);
        } else {
            self.forget(id);
        }
    }

    /// A new entry as the journal stored it.
    pub fn created(&mut self, entry: &Entry) {
        self.saved.insert(entry.id, entry.fields.clone());
    }

    /// An entry was deleted: its pending edit and its undo steps go.
    pub fn forget(&mut self, id: EntryId) {
        self.pending.remove(&id);
        self.saved.remove(&id);
        // Edits of a deleted entry go; the steps that delete or bring it back stay.
        let other = |step: &UndoStep| !matches!(step, UndoStep::Entry { id: e, .. } if *e == id);
        self.undo.retain(other);
        self.redo.retain(other);
    }

    /// The user deleted an entry (keeping its photos): records the step that brings it back.
    pub fn deleted_by_user(&mut self, entry: &Entry, photos: Vec<PhotoId>, order: Vec<EntryId>) {
        self.undo.push(UndoStep::Deleted {
            trip: entry.trip,
            id: entry.id,
            fields: entry.fields.clone(),
            photos,
            order,
        });
        self.redo.clear();
    }

    /// The user created an entry: records the step that deletes it again.
    pub fn created_by_user(&mut self, entry: &Entry) {
        self.created(entry);
        self.undo.push(UndoStep::Created {
            trip: entry.trip,
            id: entry.id,
            fields: entry.fields.clone(),
        });
        self.redo.clear();
    }

    /// If `id` is the entry the user created last and it still holds the fields it was created
    /// with (`shown`), forgets it with its undo step and returns true: the caller deletes it.
    /// An untouched new entry is a capture the user changed their mind about.
    pub fn discard_untouched(&mut self, id: EntryId, shown: &EntryFields) -> bool {
        let untouched = matches!(
            self.undo.last(),
            Some(UndoStep::Created { id: created, fields, .. }) if *created == id && fields == shown
        ) && !self.pending.contains_key(&id)
            && !self.in_flight.contains_key(&id);
        if untouched {
            self.undo.pop();
            self.forget(id);
        }
        untouched
    }

    /// An entry came back under a new id: every step that named the old one names the new.
    pub fn restored(&mut self, old_id: EntryId, entry: &Entry) {
        self.created(entry);
        let new_id = entry.id;
        let remap = |id: &mut EntryId| {
            if *id == old_id {
                *id = new_id;
            }
        };
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            match step {
                UndoStep::Entry { id, .. } | UndoStep::Created { id, .. } => remap(id),
                UndoStep::Deleted { id, order, .. } => {
                    remap(id);
                    order.iter_mut().for_each(remap);
                }
                UndoStep::PhotoDeleted(restore) => {
                    restore.entry.as_mut().map(remap);
                }
                UndoStep::Trip { .. }
                | UndoStep::Caption { .. }
                | UndoStep::Star { .. }
                | UndoStep::ClockShift { .. } => {}
            }
        }
    }

    /// The user deleted a photo: records the step that imports it again.
    pub fn photo_deleted_by_user(&mut self, restore: PhotoRestore) {
        self.undo.push(UndoStep::PhotoDeleted(restore));
        self.redo.clear();
    }

    /// A photo came back under a new id: every step that named the old one names the new.
    pub fn photo_restored(&mut self, old_id: PhotoId, new_id: PhotoId) {
        for step in self.undo.iter_mut().chain(self.redo.iter_mut()) {
            match step {
                UndoStep::Caption { id, .. } if *id == old_id => *id = new_id,
                UndoStep::ClockShift { photos, .. } => photos
                    .iter_mut()
                    .filter(|id| **id == old_id)
                    .for_each(|id| *id = new_id),
                UndoStep::PhotoDeleted(restore) if restore.old_id == old_id => {
                    restore.old_id = new_id
                }
                _ => {}
            }
        }
    }

    /// Records a trip change made in the trip dialog (nothing when nothing changed).
    pub fn trip_changed(&mut self, id: TripId, before: TripFields, after: TripFields) {
        if before != after {
            self.undo.push(UndoStep::Trip { id, before, after });
            self.redo.clear();
        }
    }

    /// Records a caption change (nothing when nothing changed).
    pub fn caption_changed(&mut self, id: PhotoId, before: String, after: String) {
        if before != after {
            self.undo.push(UndoStep::Caption { id, before, after });
            self.redo.clear();
        }
    }

    /// Records a camera clock the user corrected (nothing when no photo moved).
    pub fn clock_shifted(&mut self, trip: TripId, by: chrono::Duration, photos: Vec<PhotoId>) {
        if !photos.is_empty() {
            self.undo.push(UndoStep::ClockShift { trip, by, photos });
            self.redo.clear();
        }
    }

    /// Records a star given to (or taken from) a talk.
    pub fn star_changed(&mut self, item: ScheduleItemId, starred: bool) {
        self.undo.push(UndoStep::Star { item, starred });
        self.redo.clear();
    }

    /// Undoes the last recorded change. Take the due saves (everything) first, so that a
    /// pending edit becomes the step undone.
    pub fn undo(&mut self) -> Option<Revert> {
        let step = self.undo.pop()?;
        let revert = self.revert(&step, true);
        self.redo.push(step);
        Some(revert)
    }

    /// Redoes the last undone change.
    pub fn redo(&mut self) -> Option<Revert> {
        let step = self.redo.pop()?;
        let revert = self.revert(&step, false);
        self.undo.push(step);
        Some(revert)
    }

    fn revert(&mut self, step: &UndoStep, backwards: bool) -> Revert {
        match step {
            UndoStep::Entry { id, before, after } => {
                let fields = if backwards { before } else { after }.clone();
                let base = self
                    .saved
                    .insert(*id, fields.clone())
                    .unwrap_or_else(|| fields.clone());
                Revert::Entry(self.sending(*id, base, fields))
            }
            UndoStep::Trip { id, before, after } => {
                Revert::Trip(*id, if backwards { before } else { after }.clone())
            }
            UndoStep::Caption { id, before, after } => {
                Revert::Caption(*id, if backwards { before } else { after }.clone())
            }
            UndoStep::Deleted {
                trip,
                id,
                fields,
                photos,
                order,
            } if backwards => Revert::RestoreEntry(Restore {
                trip: *trip,
                old_id: *id,
                fields: fields.clone(),
                photos: photos.clone(),
                order: order.clone(),
            }),
            UndoStep::Created { trip, id, fields } if !backwards => Revert::RestoreEntry(Restore {
                trip: *trip,
                old_id: *id,
                fields: fields.clone(),
                photos: Vec::new(),
                order: Vec::new(),
            }),
            UndoStep::PhotoDeleted(restore) if backwards => Revert::RestorePhoto(restore.clone()),
            UndoStep::PhotoDeleted(restore) => Revert::DeletePhoto(restore.old_id),
            UndoStep::Star { item, starred } => Revert::Star(*item, *starred != backwards),
            UndoStep::ClockShift { trip, by, photos } => Revert::ShiftTakenAt {
                trip: *trip,
                by: if backwards { -*by } else { *by },
                photos: photos.clone(),
            },
            UndoStep::Deleted { id, .. } | UndoStep::Created { id, .. } => {
                self.pending.remove(id);
                Revert::DeleteEntry(*id)
            }
        }
    }
}

impl Revert {
    /// The command that stores an undo or redo step (the edit session's part: what a step
    /// means for the journal).
    pub fn into_command(self) -> Command {
        match self {
            Revert::Entry(save) => Command::UpdateEntry {
                id: save.id,
                base: Box::new(save.base),
                fields: Box::new(save.fields),
            },
            Revert::Trip(id, fields) => Command::UpdateTrip(id, fields),
            Revert::Caption(id, caption) => Command::SetCaption(id, caption),
            Revert::DeleteEntry(id) => Command::DeleteEntry {
                entry: id,
                with_photos: false,
            },
            Revert::RestoreEntry(restore) => Command::RestoreEntry(restore),
            Revert::DeletePhoto(id) => Command::DeletePhoto {
                id,
                undoable: false,
            },
            Revert::RestorePhoto(restore) => Command::RestorePhoto(restore),
            Revert::Star(item, starred) => Command::SetStarred { item, starred },
            Revert::ShiftTakenAt { trip, by, photos } => Command::ShiftTakenAt {
                trip,
                by,
                filter: ShiftFilter {
                    camera: None,
                    ids: Some(photos),
                },
                undoable: false,
            },
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::EntryKind;
    use chrono::{TimeZone, Utc};

    /// A note of trip 1 titled `title`, at its position `id`, on 13 November 2018.
    pub(crate) fn entry(id: i64, title: &str) -> Entry {
        let at = Utc.with_ymd_and_hms(2018, 11, 13, 9, 0, 0).unwrap();
        Entry {
            id: EntryId(id),
            trip: TripId(1),
            position: id,
            fields: EntryFields::new(EntryKind::Note, title, at),
        }
    }

    /// A session that saw `entries` loaded from the journal.
    fn loaded(entries: &[Entry]) -> EditSession {
        let mut session = EditSession::new();
        for e in entries {
            session.rebase(e, None);
        }
        session
    }

    #[test]
    fn an_edit_is_saved_after_the_delay_with_its_base() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "old")];
        let mut session = loaded(&entries);
        entries[0].fields.title = "new".into();
        session.edited(EntryId(1), start);
        assert!(session.has_pending());
        assert!(session.take_due(&entries, start, false).is_empty());
        let saves = session.take_due(&entries, start + SAVE_DELAY, false);
        assert_eq!(saves.len(), 1);
        assert_eq!(saves[0].base.title, "old");
        assert_eq!(saves[0].fields.title, "new");
        assert!(!session.has_pending());
        assert!(session.is_in_flight(EntryId(1)));
        assert!(session.can_undo());
    }

    #[test]
    fn everything_saves_at_once() {
        let start = Instant::now();
        let entries = vec![entry(1, "a"), entry(2, "b")];
        let mut session = loaded(&entries);
        session.edited(EntryId(1), start);
        session.edited(EntryId(2), start);
        assert_eq!(session.take_due(&entries, start, true).len(), 2);
    }

    #[test]
    fn undo_and_redo_give_back_the_fields_and_count_the_save() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "old")];
        let mut session = loaded(&entries);
        entries[0].fields.title = "new".into();
        session.edited(EntryId(1), start);
        let save = session.take_due(&entries, start, true).remove(0);
        session.saved(&entry_with(&save.fields), Some(save.fields.clone()));
        assert!(!session.is_in_flight(EntryId(1)));

        let Some(Revert::Entry(undo)) = session.undo() else {
            panic!("an entry undo")
        };
        assert_eq!(undo.fields.title, "old");
        assert_eq!(undo.base.title, "new");
        assert!(session.is_in_flight(EntryId(1)));
        assert!(session.can_redo());
        let Some(Revert::Entry(redo)) = session.redo() else {
            panic!("an entry redo")
        };
        assert_eq!(redo.fields.title, "new");
        assert!(!session.can_redo());
    }

    fn entry_with(fields: &EntryFields) -> Entry {
        let mut e = entry(1, "");
        e.fields = fields.clone();
        e
    }

    #[test]
    fn a_new_edit_clears_redo() {
        let start = Instant::now();
        let mut session = EditSession::new();
        session.caption_changed(PhotoId(3), "a".into(), "b".into());
        assert_eq!(
            session.undo(),
            Some(Revert::Caption(PhotoId(3), "a".into()))
        );
        assert!(session.can_redo());
        session.edited(EntryId(1), start);
        assert!(!session.can_redo());
    }

    #[test]
    fn unchanged_trip_and_caption_record_nothing() {
        let mut session = EditSession::new();
        session.caption_changed(PhotoId(3), "a".into(), "a".into());
        let fields = TripFields::named("Berlin");
        session.trip_changed(TripId(1), fields.clone(), fields.clone());
        assert!(!session.can_undo());
        let mut renamed = fields.clone();
        renamed.name = "Berlin Summit".into();
        session.trip_changed(TripId(1), fields.clone(), renamed);
        assert_eq!(session.undo(), Some(Revert::Trip(TripId(1), fields)));
    }

    #[test]
    fn a_reload_keeps_local_typing_and_takes_other_changes() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "title")];
        let mut session = loaded(&entries);
        // Typed here, not saved yet.
        entries[0].fields.title = "typed here".into();
        session.edited(EntryId(1), start);
        // Another program changed the body.
        let mut elsewhere = entry(1, "title");
        elsewhere.fields.body = "written elsewhere".into();
        let shown = session.rebase(&elsewhere, Some(entries[0].fields.clone()));
        assert_eq!(shown.title, "typed here");
        assert_eq!(shown.body, "written elsewhere");
    }

    #[test]
    fn while_a_save_is_in_flight_the_local_text_stays() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "a")];
        let mut session = loaded(&entries);
        entries[0].fields.title = "ab".into();
        session.edited(EntryId(1), start);
        session.take_due(&entries, start, true);
        entries[0].fields.title = "abc".into();
        let stale = entry(1, "a");
        assert_eq!(
            session
                .rebase(&stale, Some(entries[0].fields.clone()))
                .title,
            "abc"
        );
    }

    #[test]
    fn a_failed_save_is_retried_later_unless_the_entry_is_gone() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "a")];
        let mut session = loaded(&entries);
        entries[0].fields.title = "b".into();
        session.edited(EntryId(1), start);
        let save = session.take_due(&entries, start, true).remove(0);
        session.save_failed(EntryId(1), save.base.clone(), start, true);
        assert!(session.is_pending(EntryId(1)));
        assert!(
            session
                .take_due(&entries, start + SAVE_DELAY, false)
                .is_empty()
        );
        let again = session.take_due(&entries, start + SAVE_RETRY_DELAY, false);
        assert_eq!(again.len(), 1);
        assert_eq!(again[0].base.title, "a");

        session.save_failed(EntryId(1), again[0].base.clone(), start, false);
        assert!(!session.has_pending());
        assert!(!session.can_undo());
    }

    #[test]
    fn a_deleted_entry_leaves_no_undo_step() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "a"), entry(2, "x")];
        let mut session = loaded(&entries);
        entries[0].fields.title = "b".into();
        entries[1].fields.title = "y".into();
        session.edited(EntryId(1), start);
        session.edited(EntryId(2), start);
        session.take_due(&entries, start, true);
        session.forget(EntryId(1));
        let Some(Revert::Entry(undo)) = session.undo() else {
            panic!("the other entry's step")
        };
        assert_eq!(undo.id, EntryId(2));
        assert!(session.undo().is_none());
    }

    #[test]
    fn a_created_entry_is_the_base_of_its_first_save() {
        let start = Instant::now();
        let mut session = EditSession::new();
        let created = entry(5, "");
        session.created(&created);
        let mut shown = created.clone();
        shown.fields.title = "Keynote".into();
        session.edited(EntryId(5), start);
        let save = session.take_due(&[shown], start, true).remove(0);
        assert_eq!(save.base.title, "");
        assert_eq!(save.fields.title, "Keynote");
    }

    #[test]
    fn a_deleted_entry_comes_back_under_a_new_id_and_later_steps_follow_it() {
        let start = Instant::now();
        let mut entries = vec![entry(1, "keep"), entry(2, "gone")];
        let mut session = loaded(&entries);
        // An edit of entry 2, then its deletion.
        entries[1].fields.title = "gone, edited".into();
        session.edited(EntryId(2), start);
        assert_eq!(session.take_due(&entries, start, true).len(), 1);
        session.deleted_by_user(&entries[1], vec![PhotoId(7)], vec![EntryId(1), EntryId(2)]);
        session.forget(EntryId(2));

        // Undo brings it back with its fields, photo and place.
        let restore = match session.undo() {
            Some(Revert::RestoreEntry(restore)) => restore,
            other => panic!("expected a restore, got {other:?}"),
        };
        assert_eq!(restore.old_id, EntryId(2));
        assert_eq!(restore.fields.title, "gone, edited");
        assert_eq!(restore.photos, vec![PhotoId(7)]);
        assert_eq!(restore.order, vec![EntryId(1), EntryId(2)]);
        let back = Entry {
            id: EntryId(3),
            ..entries[1].clone()
        };
        session.restored(EntryId(2), &back);

        // Redo deletes the new id; undoing again restores in the new id's place.
        assert_eq!(session.redo(), Some(Revert::DeleteEntry(EntryId(3))));
        match session.undo() {
            Some(Revert::RestoreEntry(again)) => {
                assert_eq!(again.old_id, EntryId(3));
                assert_eq!(again.order, vec![EntryId(1), EntryId(3)]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_untouched_new_entry_is_discarded_and_a_written_one_is_kept() {
        let mut session = EditSession::new();
        let blank = entry(7, "");
        session.created_by_user(&blank);
        let mut typed = blank.fields.clone();
        typed.title = "Keynote".into();
        assert!(
            !session.discard_untouched(blank.id, &typed),
            "typed text kept"
        );
        assert!(session.discard_untouched(blank.id, &blank.fields));
        assert!(!session.can_undo(), "its creation is no undo step any more");

        let other = entry(8, "");
        session.created_by_user(&other);
        session.edited(other.id, Instant::now());
        assert!(
            !session.discard_untouched(other.id, &other.fields),
            "an entry with an edit on its way is not discarded"
        );
    }

    #[test]
    fn a_created_entry_is_deleted_by_undo_and_recreated_by_redo() {
        let mut session = EditSession::new();
        let created = entry(5, "quick note");
        session.created_by_user(&created);
        assert!(session.can_undo());
        assert_eq!(session.undo(), Some(Revert::DeleteEntry(EntryId(5))));
        match session.redo() {
            Some(Revert::RestoreEntry(restore)) => {
                assert_eq!(restore.fields.title, "quick note");
                assert!(restore.photos.is_empty() && restore.order.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_star_is_undone_and_redone() {
        let mut session = EditSession::new();
        session.star_changed(ScheduleItemId(4), true);
        assert_eq!(session.undo(), Some(Revert::Star(ScheduleItemId(4), false)));
        assert_eq!(session.redo(), Some(Revert::Star(ScheduleItemId(4), true)));
        session.star_changed(ScheduleItemId(4), false);
        assert_eq!(session.undo(), Some(Revert::Star(ScheduleItemId(4), true)));
    }

    #[test]
    fn a_deleted_photo_comes_back_and_later_caption_steps_follow_its_new_id() {
        let mut session = EditSession::new();
        session.caption_changed(PhotoId(4), "old".into(), "new".into());
        let restore = PhotoRestore {
            trip: TripId(1),
            old_id: PhotoId(4),
            entry: Some(EntryId(2)),
            caption: "new".into(),
            original_name: "p.jpg".into(),
            original: std::sync::Arc::new(vec![1, 2, 3]),
        };
        session.photo_deleted_by_user(restore.clone());
        assert_eq!(session.undo(), Some(Revert::RestorePhoto(restore)));
        session.photo_restored(PhotoId(4), PhotoId(9));
        assert_eq!(session.redo(), Some(Revert::DeletePhoto(PhotoId(9))));
        session.undo();
        session.photo_restored(PhotoId(9), PhotoId(10));
        // The caption edit made before the deletion now names the photo that came back.
        assert_eq!(
            session.undo(),
            Some(Revert::Caption(PhotoId(10), "old".into()))
        );
    }

    #[test]
    fn a_clock_shift_is_undone_by_its_opposite_and_follows_a_restored_photo() {
        let mut session = EditSession::new();
        let by = chrono::Duration::hours(-2);
        session.clock_shifted(TripId(1), by, Vec::new());
        assert_eq!(session.undo(), None, "nothing moved, nothing to undo");
        session.clock_shifted(TripId(1), by, vec![PhotoId(3), PhotoId(4)]);
        session.photo_restored(PhotoId(4), PhotoId(9));
        let shift = |by, photos| Revert::ShiftTakenAt {
            trip: TripId(1),
            by,
            photos,
        };
        assert_eq!(
            session.undo(),
            Some(shift(-by, vec![PhotoId(3), PhotoId(9)]))
        );
        assert_eq!(
            session.redo(),
            Some(shift(by, vec![PhotoId(3), PhotoId(9)]))
        );
    }
}
