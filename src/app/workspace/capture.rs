//! Quick capture (Ctrl+1…4): a new entry stamped now (or on a day of the trip when it is
//! written up before or after), selected with its title focused. The journal thread takes a
//! moment to create it; what the user types and pastes meanwhile is held here and put into the
//! new entry when it arrives, so nothing typed right after the shortcut is lost.

use std::time::{Duration, Instant};

use super::Workspace;
use crate::app::action::PastedImage;
use crate::app::notice::Message;
use crate::app::{Command, capture_time};
use crate::model::{EntryFields, EntryId, EntryKind};

/// How long typing is held for an entry that is being created (it normally takes milliseconds).
pub const CAPTURE_TYPING_LIMIT: Duration = Duration::from_secs(5);

/// Text and images that arrived while a captured entry was on its way.
pub(super) struct HeldTyping {
    text: String,
    images: Vec<PastedImage>,
    since: Instant,
}

impl Workspace {
    /// Creates an entry of `kind` in the open trip and holds what is typed next for its title.
    pub(super) fn quick_capture(&mut self, kind: EntryKind) {
        let Some(open) = &self.current else {
            self.notify(Message::NoTripOpen);
            return;
        };
        let selected = self
            .selected_entry
            .and_then(|id| open.entries.iter().find(|e| e.id == id));
        // Now during the trip; on one of its days when it is written up before or after.
        let when = capture_time(&open.trip.fields, selected.map(|e| e.fields.at));
        let mut fields = EntryFields::new(kind, "", when.at);
        if let Some(selected) = selected {
            // A new entry goes in the section the user is writing in.
            fields.section = selected.fields.section.clone();
        }
        let trip = open.trip.id;
        let tag = self.next_tag;
        self.next_tag += 1;
        self.pending_captures.insert(tag);
        self.send(Command::CreateEntry { trip, fields, tag });
        if let Some((day, why)) = when.moved_to {
            self.notify(Message::CaptureMoved { day, why });
        }
        self.leave_entry();
        self.held_typing = Some(HeldTyping {
            text: String::new(),
            images: Vec::new(),
            since: self.now,
        });
    }

    /// Whether typed text belongs to an entry on its way (the window then gives it here, not
    /// to the widget with the focus).
    pub fn holds_typing(&self) -> bool {
        self.held_typing.is_some()
    }

    /// Text typed (or pasted) while a captured entry is on its way.
    pub fn typed_during_capture(&mut self, text: &str) {
        if let Some(held) = &mut self.held_typing {
            held.text.push_str(text);
        }
    }

    /// Backspace while a captured entry is on its way.
    pub fn erased_during_capture(&mut self) {
        if let Some(held) = &mut self.held_typing {
            held.text.pop();
        }
    }

    /// An image pasted while a captured entry is on its way, for its photos.
    pub fn pasted_during_capture(&mut self, image: PastedImage) {
        if let Some(held) = &mut self.held_typing {
            held.images.push(image);
        }
    }

    /// Lets go of held typing when the entry did not come in time.
    pub(super) fn release_stale_typing(&mut self) {
        if self
            .held_typing
            .as_ref()
            .is_some_and(|held| self.now.duration_since(held.since) > CAPTURE_TYPING_LIMIT)
        {
            self.held_typing = None;
        }
    }

    /// Puts what was typed while entry `id` was being created into its title, and what was
    /// pasted into its photos.
    pub(super) fn title_typed_meanwhile(&mut self, id: EntryId) {
        let Some(held) = self.held_typing.take() else {
            return;
        };
        for image in held.images {
            self.paste_photo(image);
        }
        if held.text.is_empty() {
            return;
        }
        if let Some(mut fields) = self.shown_fields(id) {
            fields.title.push_str(&held.text);
            self.edit_entry(id, fields);
        }
    }

    /// Imports a pasted image (as PNG, encoded on the journal thread) into the selected entry
    /// or the unassigned photos.
    pub(super) fn paste_photo(&mut self, image: PastedImage) {
        let Some(trip) = self.open_trip_id() else {
            self.notify(Message::NoTripForPaste);
            return;
        };
        let name = format!("pasted-{}.png", chrono::Utc::now().format("%Y%m%d-%H%M%S"));
        self.send(Command::ImportPixels {
            trip,
            entry: self.selected_entry,
            name,
            width: image.width,
            height: image.height,
            rgba: image.rgba,
        });
    }
}
